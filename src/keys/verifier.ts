import type { CoreDeps } from '../deps.js';
import type { Plan } from '../config.js';
import { AppError, unauthorized } from '../errors.js';
import type { ApiKeyPrincipal, ApiKeyVerifier, RequestFacts } from '../http/principal.js';
import { TTLCache } from '../cache/ttl-cache.js';
import type { Invalidation } from '../events/invalidation-bus.js';
import { hashKey, isWellFormedApiKey, sameHash } from './key-format.js';
import type { UsageBuffer } from './usage-buffer.js';

/** The backstop: a cached answer never outlives this, even if an invalidation is lost. */
export const KEY_CACHE_TTL_MS = 60_000;
const POSITIVE_ENTRIES = 50_000;
// Anyone can compute a valid checksum, so unknown keys get their own, smaller cache: a flood of
// made-up keys cannot evict the real ones.
const NEGATIVE_ENTRIES = 10_000;
const EXPIRED_AUDIT_INTERVAL_MS = 60 * 60 * 1000;
export const PLANS_WITH_API: ReadonlySet<string> = new Set<Plan>(['pro', 'enterprise']);

/** The principal of a verified key; also carries what GET /me shows, so /me needs no query. */
export class KeyPrincipal implements ApiKeyPrincipal {
  readonly type = 'api_key' as const;
  constructor(
    readonly keyId: string,
    readonly workspaceId: string,
    readonly scopes: ReadonlySet<string>,
    readonly plan: Plan,
    readonly rateLimitPerHour: number | null,
    readonly workspaceName: string,
    readonly scopeList: readonly string[],
  ) {}
}

interface CachedKey {
  readonly principal: KeyPrincipal;
  readonly expiresAt: number | null;
}

const NEGATIVE = true;

/**
 * Verifies `woesk_` keys: format and checksum → SHA-256 → in-process cache (positive and
 * negative entries) → database on a miss. A warm verification reads and writes nothing:
 * usage goes to the buffer. Invalidations from the bus drop entries at once.
 */
export class KeyVerifier implements ApiKeyVerifier {
  private readonly positive: TTLCache<string, CachedKey>;
  private readonly negative: TTLCache<string, boolean>;
  private readonly inFlight = new Map<string, Promise<CachedKey | null>>();
  private readonly expiredAudited = new Map<string, number>();
  /** Bumped by every invalidation: a lookup that started before one must not fill the cache. */
  private generation = 0;

  constructor(
    private readonly core: CoreDeps,
    private readonly usage: UsageBuffer,
  ) {
    const now = () => core.clock.now();
    this.positive = new TTLCache(POSITIVE_ENTRIES, KEY_CACHE_TTL_MS, now);
    this.negative = new TTLCache(NEGATIVE_ENTRIES, KEY_CACHE_TTL_MS, now);
  }

  async verify(token: string, facts: RequestFacts): Promise<ApiKeyPrincipal> {
    // A mistyped or invented key is refused here, before hashing or any lookup.
    if (!isWellFormedApiKey(token)) throw unauthorized('The API key is not valid.');
    const hash = hashKey(token);
    let entry: CachedKey | null | undefined = this.positive.get(hash);
    if (entry === undefined) {
      if (this.negative.get(hash) !== undefined) throw unauthorized('The API key is not valid.');
      entry = await this.load(hash);
      if (entry === null) throw unauthorized('The API key is not valid.');
    }
    const now = this.core.clock.now();
    if (entry.expiresAt !== null && entry.expiresAt <= now) {
      await this.auditExpiredUse(entry.principal, now, facts);
      throw new AppError('key_expired', 'The API key has expired; create or roll a new one.');
    }
    if (!PLANS_WITH_API.has(entry.principal.plan)) {
      throw new AppError('plan_required', "The workspace's plan does not include API access.");
    }
    this.usage.record(entry.principal.keyId, now, facts.ip, facts.userAgent);
    return entry.principal;
  }

  /** Applies an invalidation from this or another process. */
  invalidate(invalidation: Invalidation): void {
    this.generation++;
    // Requests after this point must not join a lookup that may have read the old row.
    this.inFlight.clear();
    switch (invalidation.kind) {
      case 'api_key':
        this.positive.delete(invalidation.subject);
        this.negative.delete(invalidation.subject);
        break;
      case 'workspace':
        // Plan, rate limit or deletion: every cached key of that workspace is reloaded.
        this.positive.deleteWhere((entry) => entry.principal.workspaceId === invalidation.subject);
        break;
      case 'all':
        // A transport lost messages (reconnect): trust nothing cached.
        this.positive.clear();
        this.negative.clear();
        break;
      default:
      // Sessions, users and memberships do not affect workspace-owned keys.
    }
  }

  /** One database lookup per hash at a time, however many requests miss together. */
  private load(hash: string): Promise<CachedKey | null> {
    const running = this.inFlight.get(hash);
    if (running) return running;
    const promise: Promise<CachedKey | null> = this.fetch(hash).finally(() => {
      if (this.inFlight.get(hash) === promise) this.inFlight.delete(hash);
    });
    this.inFlight.set(hash, promise);
    return promise;
  }

  private async fetch(hash: string): Promise<CachedKey | null> {
    const generation = this.generation;
    const row = await this.core.db
      .selectFrom('apiKeys')
      .innerJoin('workspaces', 'workspaces.id', 'apiKeys.workspaceId')
      .select([
        'apiKeys.id',
        'apiKeys.hash',
        'apiKeys.workspaceId',
        'apiKeys.scopes',
        'apiKeys.expiresAt',
        'apiKeys.revokedAt',
        'workspaces.name as workspaceName',
        'workspaces.plan',
        'workspaces.rateLimitPerHour',
      ])
      .where('apiKeys.hash', '=', hash)
      .executeTakeFirst();
    const fresh = generation === this.generation;
    // The index found the row by hash; compare again in constant time all the same.
    if (row === undefined || row.revokedAt !== null || !sameHash(row.hash, hash)) {
      if (fresh) this.negative.set(hash, NEGATIVE);
      return null;
    }
    const scopeList = JSON.parse(row.scopes) as string[];
    const entry: CachedKey = {
      principal: new KeyPrincipal(
        row.id,
        row.workspaceId,
        new Set(scopeList),
        row.plan as Plan,
        row.rateLimitPerHour === null ? null : Number(row.rateLimitPerHour),
        row.workspaceName,
        scopeList,
      ),
      expiresAt: row.expiresAt === null ? null : Number(row.expiresAt),
    };
    if (fresh) this.positive.set(hash, entry);
    return entry;
  }

  /** `key.expired_used`, at most once per key per hour across every instance. */
  private async auditExpiredUse(principal: KeyPrincipal, now: number, facts: RequestFacts): Promise<void> {
    const last = this.expiredAudited.get(principal.keyId);
    if (last !== undefined && now - last < EXPIRED_AUDIT_INTERVAL_MS) return;
    this.expiredAudited.set(principal.keyId, now);
    if (this.expiredAudited.size > 10_000) this.expiredAudited.clear();
    try {
      await this.core.db.transaction().execute(async (trx) => {
        // The conditional update is the cross-instance guard: only one instance wins the hour.
        const result = await trx
          .updateTable('apiKeys')
          .set({ expiredUseAuditedAt: now })
          .where('id', '=', principal.keyId)
          .where((eb) =>
            eb.or([eb('expiredUseAuditedAt', 'is', null), eb('expiredUseAuditedAt', '<=', now - EXPIRED_AUDIT_INTERVAL_MS)]),
          )
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return;
        await this.core.audit.record(trx, {
          workspaceId: principal.workspaceId,
          type: 'key.expired_used',
          actor: { type: 'api_key', id: principal.keyId },
          target: { type: 'api_key', id: principal.keyId },
          ip: facts.ip,
          userAgent: facts.userAgent,
          data: { requestId: facts.requestId },
        });
      });
    } catch (error) {
      // The caller still gets key_expired; a missed audit line must not turn it into a 500.
      this.core.logger.warn({ err: { message: (error as Error).message }, keyId: principal.keyId }, 'could not audit expired key use');
    }
  }
}
