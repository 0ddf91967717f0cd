import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pageRequest } from '../../storage/pagination.js';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import { Agent, AgentList, AgentQuery, CreateAgent, UpdateAgent } from './schemas.js';

const TAG = 'agents';

export async function agentRoutes(plugin: FastifyInstance, { agents, idempotency }: SupportServices): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/agents',
    guarded('agents.read', TAG, { summary: 'List AI agents', querystring: AgentQuery, response: { 200: AgentList } }),
    async function listAgents(request) {
      return agents.list(workspaceCaller(request), pageRequest(request.query));
    },
  );

  app.post(
    '/agents',
    guarded('agents.write', TAG, {
      summary: 'Create an AI agent',
      headers: IdempotencyHeaders,
      body: CreateAgent,
      response: { 201: Agent },
    }),
    async function createAgent(request, reply) {
      const caller = workspaceCaller(request);
      const input = request.body;
      return idempotency.send(request, reply, async (executor) => ({
        status: 201,
        body: await agents.create(executor, caller, input),
      }));
    },
  );

  app.get(
    '/agents/:id',
    guarded('agents.read', TAG, { summary: 'Get an AI agent', params: IdParams, response: { 200: Agent } }),
    async function getAgent(request) {
      return agents.get(workspaceCaller(request), request.params.id);
    },
  );

  app.patch(
    '/agents/:id',
    guarded('agents.write', TAG, {
      summary: 'Update an AI agent',
      params: IdParams,
      body: UpdateAgent,
      response: { 200: Agent },
    }),
    async function updateAgent(request) {
      return agents.update(workspaceCaller(request), request.params.id, request.body);
    },
  );

  app.delete(
    '/agents/:id',
    guarded('agents.write', TAG, {
      summary: 'Delete an AI agent',
      params: IdParams,
      response: { 204: Type.Null({ description: 'Deleted' }) },
    }),
    async function deleteAgent(request, reply) {
      await agents.delete(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
