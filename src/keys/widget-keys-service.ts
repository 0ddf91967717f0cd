import type { Static } from 'typebox';
import type { CoreDeps } from '../deps.js';
import type { CreateWidgetKeyBody, WidgetKey } from './schemas.js';
import { invalidRequest, notFound } from '../errors.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { isId, newId } from '../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import { displayParts, generateWidgetKey, hashKey, isWellFormedWidgetKey } from './key-format.js';
import { widgetKeyRepository as repo, type WidgetKeyRow } from './widget-key-repository.js';
import { assertKeyManager } from './policy.js';

export type WidgetKeyView = Static<typeof WidgetKey>;
export type CreateWidgetKeyInput = Static<typeof CreateWidgetKeyBody>;

/**
 * A browser origin exactly as a browser sends it: scheme, host and optional port, no path.
 * Anything looser (a path, a wildcard) would let another site pass the CORS check.
 */
export function normaliseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  // Browsers send exact hosts: a wildcard or other oddity would never match, or match too much.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return null;
  return url.origin === value.replace(/\/$/, '').toLowerCase() ? url.origin : null;
}

function toView(row: WidgetKeyRow): WidgetKeyView {
  return {
    id: row.id,
    name: row.name,
    start: row.start,
    last4: row.last4,
    allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
    mobile: Number(row.mobile) === 1,
    createdAt: new Date(Number(row.createdAt)).toISOString(),
    createdBy: { type: row.createdByType, id: row.createdById },
    revokedAt: row.revokedAt === null ? null : new Date(Number(row.revokedAt)).toISOString(),
  };
}

/** Widget keys: public, browser-safe, limited to their origins; never an API credential. */
export class WidgetKeysService {
  constructor(private readonly core: CoreDeps) {}

  async create(caller: WorkspaceCaller, input: CreateWidgetKeyInput): Promise<WidgetKeyView & { key: string }> {
    assertKeyManager(caller.principal);
    const origins: string[] = [];
    input.allowedOrigins.forEach((value, index) => {
      const origin = normaliseOrigin(value);
      if (origin === null) {
        throw invalidRequest(`"${value}" is not an origin such as https://example.com.`, [
          { path: `/body/allowedOrigins/${index}`, message: 'must be an origin: scheme://host[:port], no path' },
        ]);
      }
      if (!origins.includes(origin)) origins.push(origin);
    });
    // A browser key with no origin would be refused everywhere; only a mobile key may have none.
    if (origins.length === 0 && input.mobile !== true) {
      throw invalidRequest('A widget key needs at least one allowed origin (or mobile: true).', [
        { path: '/body/allowedOrigins', message: 'must list at least one origin' },
      ]);
    }
    const now = this.core.clock.now();
    const key = generateWidgetKey();
    const row: WidgetKeyRow = {
      id: newId('wk', now),
      workspaceId: caller.workspaceId,
      name: input.name,
      hash: hashKey(key),
      ...displayParts(key),
      allowedOrigins: JSON.stringify(origins),
      createdAt: now,
      createdByType: caller.actor.type,
      createdById: caller.actor.id,
      revokedAt: null,
      mobile: input.mobile === true ? 1 : 0,
    };
    await this.core.db.transaction().execute(async (trx) => {
      await repo.insert(trx, row);
      await this.core.audit.record(trx, caller, {
        type: 'widget_key.created',
        target: { type: 'widget_key', id: row.id },
        data: { name: row.name, allowedOrigins: origins, mobile: row.mobile === 1 },
      });
    });
    return { ...toView(row), key };
  }

  async list(caller: WorkspaceCaller, page: PageRequest): Promise<Page<WidgetKeyView>> {
    return toPage(await repo.list(this.core.db, caller.workspaceId, page), page.limit, toView);
  }

  async revoke(caller: WorkspaceCaller, id: string): Promise<void> {
    assertKeyManager(caller.principal);
    if (!isId(id, 'wk')) throw notFound('widget key');
    const logged = await this.core.db.transaction().execute(async (trx) => {
      const row = await repo.find(trx, caller.workspaceId, id);
      if (row === undefined) throw notFound('widget key');
      if (row.revokedAt !== null) return null;
      await repo.revoke(trx, id, this.core.clock.now());
      await this.core.audit.record(trx, caller, {
        type: 'widget_key.revoked',
        target: { type: 'widget_key', id },
        data: { name: row.name },
      });
      return this.core.bus.record(trx, { kind: 'widget_key', subject: row.hash });
    });
    if (logged !== null) await this.core.bus.announce(logged);
  }
}

/**
 * For the widget endpoints: the active widget key a browser presented, or null. Looked up by
 * SHA-256 like every credential; `woespk_` keys are never accepted by the REST API.
 */
export async function findActiveWidgetKey(
  db: CoreDeps['db'],
  presented: string,
): Promise<{ id: string; workspaceId: string; allowedOrigins: string[]; mobile: boolean } | null> {
  if (!isWellFormedWidgetKey(presented)) return null;
  const row = await repo.findByHash(db, hashKey(presented));
  if (row === undefined || row.revokedAt !== null) return null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
    mobile: Number(row.mobile) === 1,
  };
}
