import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pageRequest } from '../../storage/pagination.js';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import { CreateCustomer, Customer, CustomerList, CustomerQuery, UpdateCustomer } from './schemas.js';

const TAG = 'customers';
const CONFLICT = { 409: Type.Ref('ErrorBody') };

export async function customerRoutes(
  plugin: FastifyInstance,
  { customers, idempotency }: SupportServices,
): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/customers',
    guarded('customers.read', TAG, {
      summary: 'List customers',
      description:
        'Newest first. Filter by `email` (case-insensitive) or `externalId` (your own identifier). Deleted customers are left out.',
      querystring: CustomerQuery,
      response: { 200: CustomerList },
    }),
    async function listCustomers(request) {
      const { query } = request;
      return customers.list(
        workspaceCaller(request),
        { email: query.email, externalId: query.externalId },
        pageRequest(query),
      );
    },
  );

  app.post(
    '/customers',
    guarded('customers.write', TAG, {
      summary: 'Create a customer',
      description:
        '`externalId` (your own identifier) is unique per workspace: a second create is a 409 carrying the existing `id`.',
      headers: IdempotencyHeaders,
      body: CreateCustomer,
      response: { 201: Customer, ...CONFLICT },
    }),
    async function createCustomer(request, reply) {
      const caller = workspaceCaller(request);
      return idempotency.send(request, reply, async (executor) => ({
        status: 201,
        body: await customers.create(executor, caller, request.body),
      }));
    },
  );

  app.get(
    '/customers/:id',
    guarded('customers.read', TAG, { summary: 'Get a customer', params: IdParams, response: { 200: Customer } }),
    async function getCustomer(request) {
      return customers.get(workspaceCaller(request), request.params.id);
    },
  );

  app.patch(
    '/customers/:id',
    guarded('customers.write', TAG, {
      summary: 'Update a customer',
      description: 'Send only the fields to change; `null` clears one.',
      params: IdParams,
      body: UpdateCustomer,
      response: { 200: Customer, ...CONFLICT },
    }),
    async function updateCustomer(request) {
      return customers.update(workspaceCaller(request), request.params.id, request.body);
    },
  );

  app.delete(
    '/customers/:id',
    guarded('customers.write', TAG, {
      summary: 'Delete a customer',
      description:
        'A customer with conversations is kept for their history but anonymised (name, email, company and externalId cleared, `deletedAt` set).',
      params: IdParams,
      response: { 204: Type.Null({ description: 'Deleted' }) },
    }),
    async function deleteCustomer(request, reply) {
      await customers.delete(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
