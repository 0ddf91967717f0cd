import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import { conflict, invalidRequest, notFound } from '../errors.js';
import { expandScopes } from '../scopes/scopes.js';
import { isId } from '../storage/ids.js';
import type { Page, PageRequest } from '../storage/pagination.js';
import { toPage } from '../storage/pagination.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { issueApiKey } from './issue-key.js';
import { revokeApiKeyRow } from './revoke-key.js';
import { keyRepository as repo } from './key-repository.js';
import { toKeyView, type ApiKeyRow, type ApiKeyView } from './key-view.js';
import { assertKeyManager, assertWithinScopes } from './policy.js';
import {
  CREATE_FIELDS,
  explicitField,
  ROLL_FIELDS,
  withinLifetime,
  type ExpiryFields,
  type ExpiryInput,
} from './key-lifetime.js';
import { DAY_MS, type UsageBuffer } from './usage-buffer.js';
import { WidgetKeysService } from './widget-keys-service.js';
import { normaliseAllowedIps } from './ip-allowlist.js';
import { assertExpiryAllowed, capToPolicy, loadKeyPolicy, type KeyPolicy } from './key-policy.js';

export const MAX_ROLL_EXPIRES_IN = 7 * 24 * 60 * 60;
const USAGE_DAYS = 30;

export interface CreateKeyInput {
  name: string;
  scopes: string[];
  expiresAt?: string;
  expiresIn?: number;
  allowedIps?: string[];
}

export interface UpdateKeyInput {
  name?: string;
  allowedIps?: string[];
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

  async create(caller: WorkspaceCaller, input: CreateKeyInput): Promise<ApiKeyView & { secret: string }> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const scopes = expandScopes(input.scopes);
    assertWithinScopes(caller.principal, scopes);
    const requested = this.expiryOf(input);
    const allowedIps = normaliseAllowedIps(input.allowedIps ?? []);
    const policy = await loadKeyPolicy(this.core.db, workspaceId);
    const issued = await this.core.db.transaction().execute(async (trx) => {
      const ceiling = await this.callerExpiry(caller, trx);
      const expiresAt = withinLifetime(requested, ceiling, explicitField(input, CREATE_FIELDS));
      // The workspace's policy judges the lifetime the key will really have.
      assertExpiryAllowed(policy, expiresAt, this.core.clock.now());
      return issueApiKey(this.core, trx, caller, {
        workspaceId,
        name: input.name,
        scopes,
        expiresAt,
        allowedIps,
      });
    });
    return { ...issued.view, secret: issued.secret };
  }

  async list(caller: WorkspaceCaller, page: PageRequest): Promise<Page<ApiKeyView>> {
    const { workspaceId } = caller;
    const rows = await repo.list(this.core.db, workspaceId, page);
    return toPage(rows, page.limit, (row) => this.view(row));
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ApiKeyView> {
    const { workspaceId } = caller;
    return this.view(await this.require(workspaceId, id));
  }

  /** PATCH /keys/:id: the name and/or the IP allowlist; the key value stays the same. */
  async update(caller: WorkspaceCaller, id: string, input: UpdateKeyInput): Promise<ApiKeyView> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const allowedIps = input.allowedIps === undefined ? undefined : normaliseAllowedIps(input.allowedIps);
    const { view, logged } = await this.core.db.transaction().execute(async (trx) => {
      let row = await this.require(workspaceId, id, trx);
      // Renaming relabels a key in audit trails and the web app, and narrowing where a key may be used
      // from is as sensitive as its scopes: both follow the same subset rule as roll and revoke.
      assertWithinScopes(caller.principal, JSON.parse(row.scopes) as string[]);
      if (input.name !== undefined && input.name !== row.name) {
        await repo.rename(trx, id, input.name);
        await this.audit(trx, caller, id, 'key.renamed', { from: row.name, to: input.name });
        row = { ...row, name: input.name };
      }
      const before = row.allowedIps === null ? [] : (JSON.parse(row.allowedIps) as string[]);
      if (allowedIps === undefined || JSON.stringify(before) === JSON.stringify(allowedIps))
        return { view: this.view(row), logged: null };
      const column = allowedIps.length === 0 ? null : JSON.stringify(allowedIps);
      await repo.setAllowedIps(trx, id, column);
      await this.audit(trx, caller, id, 'key.allowed_ips_changed', { from: before, to: allowedIps });
      // The allowlist rides in every instance's cached principal: drop it there.
      return {
        view: this.view({ ...row, allowedIps: column }),
        logged: await this.core.bus.record(trx, { kind: 'api_key', subject: row.hash }),
      };
    });
    if (logged !== null) await this.core.bus.announce(logged);
    return view;
  }

  /** Re-enables a key the idle-key policy disabled; idleness counts afresh from now. */
  async enable(caller: WorkspaceCaller, id: string): Promise<ApiKeyView> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const now = this.core.clock.now();
    const { view, logged } = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.require(workspaceId, id, trx, true);
      assertWithinScopes(caller.principal, JSON.parse(row.scopes) as string[]);
      if (row.revokedAt !== null) throw conflict('A revoked key cannot be re-enabled; create a new key.');
      if (row.disabledAt === null) return { view: this.view(row), logged: null };
      await repo.enable(trx, id, now);
      await this.audit(trx, caller, id, 'key.enabled', { name: row.name });
      return {
        view: this.view({ ...row, disabledAt: null, enabledAt: now }),
        logged: await this.core.bus.record(trx, { kind: 'api_key', subject: row.hash }),
      };
    });
    if (logged !== null) await this.core.bus.announce(logged);
    return view;
  }

  private async audit(
    trx: Executor,
    caller: WorkspaceCaller,
    id: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.core.audit.record(trx, caller, {
      type,
      target: { type: 'api_key', id },
      data,
    });
  }

  /** Revokes at once: the bus drops the key from every cache (this one before we return). */
  async revoke(caller: WorkspaceCaller, id: string): Promise<void> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const logged = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.require(workspaceId, id, trx, true);
      assertWithinScopes(caller.principal, JSON.parse(row.scopes) as string[]);
      if (row.revokedAt !== null) return null;
      return revokeApiKeyRow(this.core, trx, row, caller, this.usage.peek(row.id)?.lastUsedAt ?? null);
    });
    if (logged !== null) await this.core.bus.announce(logged);
  }

  /**
   * A new key with the same name and scopes; the old one keeps working for `expiresIn` seconds.
   * The successor keeps the old key's lifetime (same duration, from now) unless `next` sets one.
   */
  async roll(
    caller: WorkspaceCaller,
    id: string,
    expiresIn: number,
    next: ExpiryInput = {},
  ): Promise<ApiKeyView & { secret: string }> {
    assertKeyManager(caller.principal);
    const { workspaceId } = caller;
    const now = this.core.clock.now();
    const requested = this.expiryOf(next, ROLL_FIELDS);
    const policy = await loadKeyPolicy(this.core.db, workspaceId);
    const { issued, logged } = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.require(workspaceId, id, trx, true);
      const scopes = JSON.parse(row.scopes) as string[];
      // Rolling reveals a secret with the old key's power: the same subset rule as creating.
      assertWithinScopes(caller.principal, scopes);
      if (row.revokedAt !== null) throw conflict('A revoked key cannot be rolled; create a new key.');
      if (row.rolledTo !== null) throw conflict('This key has already been rolled.', row.rolledTo);
      const oldExpiry = Math.min(now + expiresIn * 1000, row.expiresAt === null ? Infinity : Number(row.expiresAt));
      // Rolling is rotation, not renewal: dropping the expiry would turn a 30-day key into a forever key.
      const inherited = row.expiresAt === null ? null : now + (Number(row.expiresAt) - Number(row.createdAt));
      const ceiling = await this.callerExpiry(caller, trx);
      const successor = await issueApiKey(this.core, trx, caller, {
        workspaceId,
        name: row.name,
        scopes,
        expiresAt: this.successorExpiry(
          policy,
          withinLifetime(requested ?? inherited, ceiling, explicitField(next, ROLL_FIELDS)),
          requested !== null,
          now,
        ),
        allowedIps: row.allowedIps === null ? [] : (JSON.parse(row.allowedIps) as string[]),
        rolledFrom: row.id,
      });
      await repo.markRolled(trx, row.id, successor.id, oldExpiry);
      await this.core.audit.record(trx, caller, {
        type: 'key.rolled',
        target: { type: 'api_key', id: row.id },
        data: { successorId: successor.id, oldKeyExpiresAt: new Date(oldExpiry).toISOString() },
      });
      // The old key's cached expiry is now wrong everywhere.
      return { issued: successor, logged: await this.core.bus.record(trx, { kind: 'api_key', subject: row.hash }) };
    });
    await this.core.bus.announce(logged);
    return { ...issued.view, secret: issued.secret };
  }

  async usageOf(caller: WorkspaceCaller, id: string): Promise<KeyUsageView> {
    const { workspaceId } = caller;
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

  /** The expiry a body asks for (`atField` ISO time or `inField` seconds from now); null when it names none. */
  /**
   * Under a key policy a successor must satisfy it too: an inherited lifetime is capped at the
   * policy's maximum, an explicitly requested one is refused beyond it (400).
   */
  private successorExpiry(policy: KeyPolicy, wanted: number | null, explicit: boolean, now: number): number | null {
    const expiresAt = explicit ? wanted : capToPolicy(policy, wanted, now);
    assertExpiryAllowed(policy, expiresAt, now, '/body');
    return expiresAt;
  }

  private expiryOf(input: ExpiryInput, fields: ExpiryFields = CREATE_FIELDS): number | null {
    if (input.expiresAt !== undefined && input.expiresIn !== undefined) {
      throw invalidRequest(`Send ${fields.at} or ${fields.in}, not both.`, [
        { path: `/body/${fields.in}`, message: `not allowed with ${fields.at}` },
      ]);
    }
    const now = this.core.clock.now();
    if (input.expiresIn !== undefined) return now + input.expiresIn * 1000;
    if (input.expiresAt === undefined) return null;
    const at = Date.parse(input.expiresAt);
    if (Number.isNaN(at))
      throw invalidRequest(`${fields.at} is not a valid time.`, [
        { path: `/body/${fields.at}`, message: 'must be an ISO 8601 time' },
      ]);
    if (at <= now)
      throw invalidRequest(`${fields.at} must be in the future.`, [
        { path: `/body/${fields.at}`, message: 'must be in the future' },
      ]);
    return at;
  }

  /**
   * The latest expiry the caller may hand out: a key's own expiry (read in the transaction, so a
   * roll or revoke that just changed it counts); null for sessions and keys that never expire.
   */
  private async callerExpiry(caller: WorkspaceCaller, trx: Executor): Promise<number | null> {
    if (caller.principal.type !== 'api_key') return null;
    const key = await repo.find(trx, caller.workspaceId, caller.principal.keyId);
    return key?.expiresAt == null ? null : Number(key.expiresAt);
  }

  private async require(
    workspaceId: string,
    id: string,
    executor: Executor = this.core.db,
    lock = false,
  ): Promise<ApiKeyRow> {
    // A string that is not a key id cannot name one: no query.
    if (!isId(id, 'key')) throw notFound('API key');
    const row = lock
      ? await repo.findForUpdate(executor, workspaceId, id, this.core.storage.dialect)
      : await repo.find(executor, workspaceId, id);
    if (row === undefined) throw notFound('API key');
    return row;
  }
}
