import type { CoreDeps } from '../deps.js';
import type { Plan } from '../config.js';
import { AppError, unauthorized } from '../errors.js';
import type { ApiKeyPrincipal, CredentialVerifier, Verification } from '../http/principal.js';
import type { Caller } from '../http/caller.js';
import { TTLCache } from '../cache/ttl-cache.js';
import type { Invalidation } from '../events/invalidation-bus.js';
import { API_KEY_PREFIX, hashKey, isWellFormedApiKey, sameHash } from './key-format.js';
import { keyRepository } from './key-repository.js';
import type { UsageBuffer } from './usage-buffer.js';
import { IpAllowlist } from './ip-allowlist.js';
import type { MaybePromise } from '../lib/maybe-promise.js';

/** The backstop: a cached answer never outlives this, even if an invalidation is lost. */
export const KEY_CACHE_TTL_MS = 60_000;
const POSITIVE_ENTRIES = 50_000;
// Anyone can compute a valid checksum, so unknown keys get their own, smaller cache: a flood of
// made-up keys cannot evict the real ones.
const NEGATIVE_ENTRIES = 10_000;
const EXPIRED_AUDIT_INTERVAL_MS = 60 * 60 * 1000;
const IP_DENIED_AUDIT_INTERVAL_MS = 60 * 1000;
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
  /** The answer for a good key, built once per cache entry: a warm verification allocates nothing. */
  readonly verified: Verification<KeyPrincipal>;
  readonly expiresAt: number | null;
  /** null: any address. Compiled once per cache fill, so the check is a lookup in memory. */
  readonly allowlist: IpAllowlist | null;
  readonly disabled: boolean;
}

interface ThrottledAudit {
  readonly type: string;
  readonly column: 'expiredUseAuditedAt' | 'ipDeniedAuditedAt';
  readonly intervalMs: number;
  readonly seen: Map<string, number>;
}

/** Refusals carry no per-request state, so each is built once (no allocation, no stack to capture). */
const refusal = (error: AppError): Verification<KeyPrincipal> => Object.freeze({ valid: false, error });
const INVALID_KEY = refusal(unauthorized('The API key is not valid.'));
const KEY_DISABLED = refusal(
  new AppError('key_disabled', 'The API key was disabled after going unused; an admin can re-enable it.'),
);
const KEY_EXPIRED = refusal(new AppError('key_expired', 'The API key has expired; create or roll a new one.'));
const IP_NOT_ALLOWED = refusal(
  new AppError('ip_not_allowed', "The request's IP address is not on this API key's allowlist."),
);
const PLAN_REQUIRED = refusal(new AppError('plan_required', "The workspace's plan does not include API access."));

const NEGATIVE = true;

/**
 * Verifies `woesk_` keys: format and checksum → SHA-256 → in-process cache (positive and
 * negative entries) → database on a miss. A warm verification reads and writes nothing:
 * usage goes to the buffer. Invalidations from the bus drop entries at once.
 */
export class KeyVerifier implements CredentialVerifier<ApiKeyPrincipal> {
  readonly kind = 'api_key' as const;
  readonly misplaced = 'This endpoint needs a signed-in session, not an API key.';
  private readonly positive: TTLCache<string, CachedKey>;
  private readonly negative: TTLCache<string, boolean>;
  private readonly inFlight = new Map<string, Promise<CachedKey | null>>();
  private readonly expiredAudit: ThrottledAudit = {
    type: 'key.expired_used',
    column: 'expiredUseAuditedAt',
    intervalMs: EXPIRED_AUDIT_INTERVAL_MS,
    seen: new Map(),
  };
  private readonly ipDeniedAudit: ThrottledAudit = {
    type: 'key.ip_denied',
    column: 'ipDeniedAuditedAt',
    intervalMs: IP_DENIED_AUDIT_INTERVAL_MS,
    seen: new Map(),
  };
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

  /** Every `woesk_` token is ours, well-formed or not: a bad one is refused here, not elsewhere. */
  claims(token: string): boolean {
    return token.startsWith(API_KEY_PREFIX);
  }

  /**
   * Answered synchronously whenever the cache decides (a warm key, a known-unknown key, a junk
   * token): only a cache miss waits for the database, and only a refusal that is audited waits
   * for its audit row.
   */
  verify(token: string, caller: Caller): MaybePromise<Verification<KeyPrincipal>> {
    // A mistyped or invented key is refused here, before hashing or any lookup.
    if (!isWellFormedApiKey(token)) return INVALID_KEY;
    const hash = hashKey(token);
    const entry = this.positive.get(hash);
    if (entry !== undefined) return this.judge(entry, caller);
    if (this.negative.get(hash) !== undefined) return INVALID_KEY;
    return this.load(hash).then((loaded) => (loaded === null ? INVALID_KEY : this.judge(loaded, caller)));
  }

  /** What a known key's entry says about this request (state, expiry, address, plan). */
  private judge(entry: CachedKey, caller: Caller): MaybePromise<Verification<KeyPrincipal>> {
    // Disabled by the idle-key policy: an admin can re-enable it, so it is not "unknown".
    if (entry.disabled) return KEY_DISABLED;
    const now = this.core.clock.now();
    if (entry.expiresAt !== null && entry.expiresAt <= now) {
      return this.auditThrottled(this.expiredAudit, entry.principal, now, caller).then(() => KEY_EXPIRED);
    }
    // The allowlist rides in the cached entry: refusing an address costs no lookup.
    if (entry.allowlist !== null && !entry.allowlist.allows(caller.ip ?? '')) {
      return this.auditThrottled(this.ipDeniedAudit, entry.principal, now, caller).then(() => IP_NOT_ALLOWED);
    }
    if (!PLANS_WITH_API.has(entry.principal.plan)) return PLAN_REQUIRED;
    this.usage.record(entry.principal.keyId, now, caller.ip, caller.userAgent);
    return entry.verified;
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
    const row = await keyRepository.findByHash(this.core.db, hash);
    const fresh = generation === this.generation;
    // The index found the row by hash; compare again in constant time all the same.
    if (row === undefined || row.revokedAt !== null || !sameHash(row.hash, hash)) {
      if (fresh) this.negative.set(hash, NEGATIVE);
      return null;
    }
    const scopeList = JSON.parse(row.scopes) as string[];
    const principal = new KeyPrincipal(
      row.id,
      row.workspaceId,
      new Set(scopeList),
      row.plan as Plan,
      row.rateLimitPerHour === null ? null : Number(row.rateLimitPerHour),
      row.workspaceName,
      scopeList,
    );
    const entry: CachedKey = {
      principal,
      verified: { valid: true, principal },
      expiresAt: row.expiresAt === null ? null : Number(row.expiresAt),
      allowlist: IpAllowlist.fromColumn(row.allowedIps),
      disabled: row.disabledAt !== null,
    };
    if (fresh) this.positive.set(hash, entry);
    return entry;
  }

  /**
   * `key.expired_used` (once an hour) or `key.ip_denied` (once a minute) per key across every
   * instance: a flood of refused requests must not become a flood of audit rows.
   */
  private async auditThrottled(
    audit: ThrottledAudit,
    principal: KeyPrincipal,
    now: number,
    caller: Caller,
  ): Promise<void> {
    const last = audit.seen.get(principal.keyId);
    if (last !== undefined && now - last < audit.intervalMs) return;
    audit.seen.set(principal.keyId, now);
    if (audit.seen.size > 10_000) audit.seen.clear();
    try {
      await this.core.db.transaction().execute(async (trx) => {
        // The conditional update is the cross-instance guard: only one instance wins the interval.
        if (!(await keyRepository.claimAudit(trx, principal.keyId, audit.column, now, audit.intervalMs))) return;
        // The request is not authenticated (the key is refused), so the event names the key itself.
        await this.core.audit.record(trx, caller, {
          workspaceId: principal.workspaceId,
          type: audit.type,
          actor: { type: 'api_key', id: principal.keyId },
          target: { type: 'api_key', id: principal.keyId },
          data: { requestId: caller.requestId },
        });
      });
    } catch (error) {
      // The caller still gets its 401/403; a missed audit line must not turn it into a 500.
      this.core.logger.warn(
        { err: { message: (error as Error).message }, keyId: principal.keyId },
        `could not audit ${audit.type}`,
      );
    }
  }
}
