import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pageRequest } from '../../storage/pagination.js';
import { callerOf } from '../context.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import { Agent, AgentList, AgentQuery, CreateAgent, UpdateAgent, type AgentInput } from './schemas.js';

const TAG = 'agents';

export async function agentRoutes(app: FastifyInstance, { agents, idempotency }: SupportServices): Promise<void> {
  app.get(
    '/agents',
    guarded('agents.read', TAG, { summary: 'List AI agents', querystring: AgentQuery, response: { 200: AgentList } }),
    async function listAgents(request) {
      return agents.list(callerOf(request), pageRequest(request.query as { limit?: number; cursor?: string }));
    },
  );

  app.post(
    '/agents',
    guarded('agents.write', TAG, { summary: 'Create an AI agent', headers: IdempotencyHeaders, body: CreateAgent, response: { 201: Agent } }),
    async function createAgent(request, reply) {
      const caller = callerOf(request);
      const input = request.body as AgentInput & { name: string };
      return idempotency.send(request, reply, async (trx) => ({ status: 201, body: await agents.create(trx, caller, input) }));
    },
  );

  app.get(
    '/agents/:id',
    guarded('agents.read', TAG, { summary: 'Get an AI agent', params: IdParams, response: { 200: Agent } }),
    async function getAgent(request) {
      return agents.get(callerOf(request), (request.params as { id: string }).id);
    },
  );

  app.patch(
    '/agents/:id',
    guarded('agents.write', TAG, { summary: 'Update an AI agent', params: IdParams, body: UpdateAgent, response: { 200: Agent } }),
    async function updateAgent(request) {
      return agents.update(callerOf(request), (request.params as { id: string }).id, request.body as AgentInput);
    },
  );

  app.delete(
    '/agents/:id',
    guarded('agents.write', TAG, { summary: 'Delete an AI agent', params: IdParams, response: { 204: Type.Null({ description: 'Deleted' }) } }),
    async function deleteAgent(request, reply) {
      await agents.delete(callerOf(request), (request.params as { id: string }).id);
      return reply.code(204).send();
    },
  );
}
