import type { CoreDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { isoTime } from '../../http/schemas.js';
import { isId, newId } from '../../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../../storage/pagination.js';
import type { WorkspaceCaller } from '../../http/caller.js';
import { inTransaction, type Executor } from '../context.js';
import { agentsRepository as repo, type AgentRow } from './agents-repository.js';
import type { Static } from 'typebox';
import type { Agent, CreateAgentInput, UpdateAgentInput } from './schemas.js';

export type AgentView = Static<typeof Agent>;

function agentView(row: AgentRow): AgentView {
  return {
    id: row.id,
    name: row.name,
    instructions: row.instructions,
    enabled: Number(row.enabled) === 1,
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
  };
}

/** AI agent ("bot") definitions. */
export class AgentsService {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit'>) {}

  async list(caller: WorkspaceCaller, page: PageRequest): Promise<Page<AgentView>> {
    return toPage(await repo.list(this.core.db, caller.workspaceId, page), page.limit, agentView);
  }

  async get(caller: WorkspaceCaller, id: string): Promise<AgentView> {
    const row = isId(id, 'agt') ? await repo.get(this.core.db, caller.workspaceId, id) : undefined;
    if (!row) throw notFound('agent');
    return agentView(row);
  }

  async create(executor: Executor, caller: WorkspaceCaller, input: CreateAgentInput): Promise<AgentView> {
    const now = this.core.clock.now();
    const row: AgentRow = {
      id: newId('agt', now),
      workspaceId: caller.workspaceId,
      name: input.name,
      instructions: input.instructions ?? '',
      enabled: input.enabled === false ? 0 : 1,
      createdAt: now,
      updatedAt: now,
    };
    await inTransaction(executor, (trx) => repo.insert(trx, row));
    return agentView(row);
  }

  async update(caller: WorkspaceCaller, id: string, patch: UpdateAgentInput): Promise<AgentView> {
    if (!isId(id, 'agt')) throw notFound('agent');
    const changes: Partial<AgentRow> = { updatedAt: this.core.clock.now() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.instructions !== undefined) changes.instructions = patch.instructions;
    if (patch.enabled !== undefined) changes.enabled = patch.enabled ? 1 : 0;
    return this.core.db.transaction().execute(async (trx) => {
      if (!(await repo.update(trx, caller.workspaceId, id, changes))) throw notFound('agent');
      return agentView((await repo.get(trx, caller.workspaceId, id))!);
    });
  }

  async delete(caller: WorkspaceCaller, id: string): Promise<void> {
    if (!isId(id, 'agt')) throw notFound('agent');
    await this.core.db.transaction().execute(async (trx) => {
      if (!(await repo.delete(trx, caller.workspaceId, id))) throw notFound('agent');
      await this.core.audit.record(trx, caller, {
        type: 'agent.deleted',
        target: { type: 'agent', id },
      });
    });
  }
}
