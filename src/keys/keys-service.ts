import type { CoreDeps } from '../deps.js';
import { expandScopes } from '../scopes/scopes.js';
import type { Page, PageRequest } from '../storage/pagination.js';
import { toPage } from '../storage/pagination.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { issueApiKey } from './issue-key.js';
import { keyRepository as repo } from './key-repository.js';
import type { ApiKeyView } from './key-view.js';
import { assertKeyManager, assertWithinScopes } from './policy.js';
import { CREATE_FIELDS, explicitField, requestedExpiry, withinLifetime, type ExpiryInput } from './key-lifetime.js';
import { KeyLifecycle } from './key-lifecycle.js';
import { KeyRecords } from './key-records.js';
import { DAY_MS, type UsageBuffer } from './usage-buffer.js';
import { WidgetKeysService } from './widget-keys-service.js';
import { normaliseAllowedIps } from './ip-allowlist.js';
import { assertExpiryAllowed, loadKeyPolicy } from './key-policy.js';

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

/**
 * The rules of key management (SPEC §3, §6): create, read, update and usage here; enable, revoke
 * and roll in the key's lifecycle (key-lifecycle.ts); the SQL is in the repository.
 */
export class KeysService {
  readonly widgetKeys: WidgetKeysService;
  private readonly records: KeyRecords;
  private readonly lifecycle: KeyLifecycle;

  constructor(
    private readonly core: CoreDeps,
    private readonly usage: UsageBuffer,
  ) {
    this.widgetKeys = new WidgetKeysService(core);
    this.records = new KeyRecords(core, usage);
    this.lifecycle = new KeyLifecycle(core, this.records);
  }

  async create(caller: WorkspaceCaller, input: CreateKeyInput): Promise<ApiKeyView & { secret: string }> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const scopes = expandScopes(input.scopes);
    assertWithinScopes(caller.principal, scopes);
    const requested = requestedExpiry(input, this.core.clock.now());
    const allowedIps = normaliseAllowedIps(input.allowedIps ?? []);
    const policy = await loadKeyPolicy(this.core.db, workspaceId);
    const issued = await this.core.db.transaction().execute(async (trx) => {
      const ceiling = await this.records.callerExpiry(caller, trx);
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
    return toPage(rows, page.limit, (row) => this.records.view(row));
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ApiKeyView> {
    const { workspaceId } = caller;
    return this.records.view(await this.records.require(workspaceId, id));
  }

  /** PATCH /keys/:id: the name and/or the IP allowlist; the key value stays the same. */
  async update(caller: WorkspaceCaller, id: string, input: UpdateKeyInput): Promise<ApiKeyView> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const allowedIps = input.allowedIps === undefined ? undefined : normaliseAllowedIps(input.allowedIps);
    const { view, logged } = await this.core.db.transaction().execute(async (trx) => {
      let row = await this.records.require(workspaceId, id, { executor: trx });
      // Renaming relabels a key in audit trails and the web app, and narrowing where a key may be used
      // from is as sensitive as its scopes: both follow the same subset rule as roll and revoke.
      assertWithinScopes(caller.principal, JSON.parse(row.scopes) as string[]);
      if (input.name !== undefined && input.name !== row.name) {
        await repo.rename(trx, id, input.name);
        await this.records.audit(trx, caller, id, 'key.renamed', { from: row.name, to: input.name });
        row = { ...row, name: input.name };
      }
      const before = row.allowedIps === null ? [] : (JSON.parse(row.allowedIps) as string[]);
      if (allowedIps === undefined || JSON.stringify(before) === JSON.stringify(allowedIps))
        return { view: this.records.view(row), logged: null };
      const column = allowedIps.length === 0 ? null : JSON.stringify(allowedIps);
      await repo.setAllowedIps(trx, id, column);
      await this.records.audit(trx, caller, id, 'key.allowed_ips_changed', { from: before, to: allowedIps });
      // The allowlist rides in every instance's cached principal: drop it there.
      return {
        view: this.records.view({ ...row, allowedIps: column }),
        logged: await this.core.bus.record(trx, { kind: 'api_key', subject: row.hash }),
      };
    });
    if (logged !== null) await this.core.bus.announce(logged);
    return view;
  }

  /** Re-enables a key the idle-key policy disabled (KeyLifecycle.enable). */
  enable(caller: WorkspaceCaller, id: string): Promise<ApiKeyView> {
    return this.lifecycle.enable(caller, id);
  }

  /** Revokes a key at once, on every instance (KeyLifecycle.revoke). */
  revoke(caller: WorkspaceCaller, id: string): Promise<void> {
    return this.lifecycle.revoke(caller, id);
  }

  /** Rolls a key into a successor; the old one keeps working for `expiresIn` seconds (KeyLifecycle.roll). */
  roll(
    caller: WorkspaceCaller,
    id: string,
    expiresIn: number,
    next: ExpiryInput = {},
  ): Promise<ApiKeyView & { secret: string }> {
    return this.lifecycle.roll(caller, id, expiresIn, next);
  }

  async usageOf(caller: WorkspaceCaller, id: string): Promise<KeyUsageView> {
    const { workspaceId } = caller;
    const row = await this.records.require(workspaceId, id);
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
}
