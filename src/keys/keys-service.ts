import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import { conflict, invalidRequest, notFound } from '../errors.js';
import { expandScopes } from '../scopes/scopes.js';
import { isId } from '../storage/ids.js';
import type { Page, PageRequest } from '../storage/pagination.js';
import { toPage } from '../storage/pagination.js';
import { actorOf } from '../http/principal.js';
import { issueApiKey } from './issue-key.js';
import { keyRepository as repo } from './key-repository.js';
import { toKeyView, type ApiKeyRow, type ApiKeyView } from './key-view.js';
import { assertKeyManager, assertWithinScopes, createdByOf, type KeyActor } from './policy.js';
import { DAY_MS, type UsageBuffer } from './usage-buffer.js';
import { WidgetKeysService } from './widget-keys-service.js';

export const MAX_ROLL_EXPIRES_IN = 7 * 24 * 60 * 60;
const USAGE_DAYS = 30;

export interface CreateKeyInput {
  name: string;
  scopes: string[];
  expiresAt?: string;
  expiresIn?: number;
}

export interface KeyUsageView {
  keyId: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
  totalRequests: number;
  days: Array<{ date: string; requests: number }>;
}

/** The rules of key management (SPEC §3, §6); the SQL is in the repository. */
export class KeysService {
  readonly widgetKeys: WidgetKeysService;

  constructor(
    private readonly core: CoreDeps,
    private readonly usage: UsageBuffer,
  ) {
    this.widgetKeys = new WidgetKeysService(core);
  }

  private view(row: ApiKeyRow): ApiKeyView {
    return toKeyView(row, this.core.clock.now(), this.usage.peek(row.id)?.lastUsedAt ?? null);
  }

  async create(actor: KeyActor, workspaceId: string, input: CreateKeyInput): Promise<ApiKeyView & { secret: string }> {
    assertKeyManager(actor.principal);
    const scopes = expandScopes(input.scopes);
    assertWithinScopes(actor.principal, scopes);
    const expiresAt = this.expiryOf(input);
    const issued = await this.core.db.transaction().execute((trx) =>
      issueApiKey(this.core, trx, {
        workspaceId,
        name: input.name,
        scopes,
        expiresAt,
        createdBy: createdByOf(actor.principal),
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
      }),
    );
    return { ...issued.view, secret: issued.secret };
  }

  async list(workspaceId: string, page: PageRequest): Promise<Page<ApiKeyView>> {
    const rows = await repo.list(this.core.db, workspaceId, page);
    return toPage(rows, page.limit, (row) => this.view(row));
  }

  async get(workspaceId: string, id: string): Promise<ApiKeyView> {
    return this.view(await this.require(workspaceId, id));
  }

  async rename(actor: KeyActor, workspaceId: string, id: string, name: string): Promise<ApiKeyView> {
    assertKeyManager(actor.principal);
    return this.core.db.transaction().execute(async (trx) => {
      const row = await this.require(workspaceId, id, trx);
      await repo.rename(trx, id, name);
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'key.renamed',
        actor: actorOf(actor.principal),
        target: { type: 'api_key', id },
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
        data: { from: row.name, to: name },
      });
      return this.view({ ...row, name });
    });
  }

  /** Revokes at once: the bus drops the key from every cache (this one before we return). */
  async revoke(actor: KeyActor, workspaceId: string, id: string): Promise<void> {
    assertKeyManager(actor.principal);
    const hash = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.require(workspaceId, id, trx, true);
      assertWithinScopes(actor.principal, JSON.parse(row.scopes) as string[]);
      if (row.revokedAt !== null) return null;
      await repo.revoke(trx, id, this.core.clock.now());
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'key.revoked',
        actor: actorOf(actor.principal),
        target: { type: 'api_key', id },
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
        data: { name: row.name, start: row.start, last4: row.last4 },
      });
      return row.hash;
    });
    if (hash !== null) await this.core.bus.publish({ kind: 'api_key', subject: hash });
  }

  /** A new key with the same name and scopes; the old one keeps working for `expiresIn` seconds. */
  async roll(actor: KeyActor, workspaceId: string, id: string, expiresIn: number): Promise<ApiKeyView & { secret: string }> {
    assertKeyManager(actor.principal);
    const now = this.core.clock.now();
    const { issued, oldHash } = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.require(workspaceId, id, trx, true);
      const scopes = JSON.parse(row.scopes) as string[];
      // Rolling reveals a secret with the old key's power: the same subset rule as creating.
      assertWithinScopes(actor.principal, scopes);
      if (row.revokedAt !== null) throw conflict('A revoked key cannot be rolled; create a new key.');
      if (row.rolledTo !== null) throw conflict('This key has already been rolled.', row.rolledTo);
      const oldExpiry = Math.min(now + expiresIn * 1000, row.expiresAt === null ? Infinity : Number(row.expiresAt));
      const next = await issueApiKey(this.core, trx, {
        workspaceId,
        name: row.name,
        scopes,
        expiresAt: null,
        createdBy: createdByOf(actor.principal),
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
        rolledFrom: row.id,
      });
      await repo.markRolled(trx, row.id, next.id, oldExpiry);
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'key.rolled',
        actor: actorOf(actor.principal),
        target: { type: 'api_key', id: row.id },
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
        data: { successorId: next.id, oldKeyExpiresAt: new Date(oldExpiry).toISOString() },
      });
      return { issued: next, oldHash: row.hash };
    });
    // The old key's cached expiry is now wrong everywhere.
    await this.core.bus.publish({ kind: 'api_key', subject: oldHash });
    return { ...issued.view, secret: issued.secret };
  }

  async usageOf(workspaceId: string, id: string): Promise<KeyUsageView> {
    const row = await this.require(workspaceId, id);
    const today = Math.floor(this.core.clock.now() / DAY_MS);
    const fromDay = today - (USAGE_DAYS - 1);
    const counts = new Map<number, number>();
    for (const { day, count } of await repo.dailyUsage(this.core.db, id, fromDay)) counts.set(day, count);
    const pending = this.usage.peek(id);
    if (pending) for (const [day, count] of pending.days) counts.set(day, (counts.get(day) ?? 0) + count);
    const days: KeyUsageView['days'] = [];
    let total = 0;
    for (let day = fromDay; day <= today; day++) {
      const requests = counts.get(day) ?? 0;
      total += requests;
      days.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), requests });
    }
    const fresher = pending !== null && (row.lastUsedAt === null || pending.lastUsedAt > Number(row.lastUsedAt));
    const lastUsedAt = fresher ? pending.lastUsedAt : row.lastUsedAt;
    return {
      keyId: id,
      lastUsedAt: lastUsedAt === null ? null : new Date(Number(lastUsedAt)).toISOString(),
      lastUsedIp: fresher ? pending.ip : row.lastUsedIp,
      lastUsedUserAgent: fresher ? pending.userAgent : row.lastUsedUserAgent,
      totalRequests: total,
      days,
    };
  }

  private expiryOf(input: CreateKeyInput): number | null {
    if (input.expiresAt !== undefined && input.expiresIn !== undefined) {
      throw invalidRequest('Send expiresAt or expiresIn, not both.', [{ path: '/body/expiresIn', message: 'not allowed with expiresAt' }]);
    }
    const now = this.core.clock.now();
    if (input.expiresIn !== undefined) return now + input.expiresIn * 1000;
    if (input.expiresAt === undefined) return null;
    const at = Date.parse(input.expiresAt);
    if (Number.isNaN(at)) throw invalidRequest('expiresAt is not a valid time.', [{ path: '/body/expiresAt', message: 'must be an ISO 8601 time' }]);
    if (at <= now) throw invalidRequest('expiresAt must be in the future.', [{ path: '/body/expiresAt', message: 'must be in the future' }]);
    return at;
  }

  private async require(workspaceId: string, id: string, executor: Executor = this.core.db, lock = false): Promise<ApiKeyRow> {
    // A string that is not a key id cannot name one: no query.
    if (!isId(id, 'key')) throw notFound('API key');
    const row = lock
      ? await repo.findForUpdate(executor, workspaceId, id, this.core.storage.dialect)
      : await repo.find(executor, workspaceId, id);
    if (row === undefined) throw notFound('API key');
    return row;
  }
}
