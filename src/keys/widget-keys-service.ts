import type { CoreDeps } from '../deps.js';
import { invalidRequest, notFound } from '../errors.js';
import { actorOf } from '../http/principal.js';
import { isId, newId } from '../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import { displayParts, generateWidgetKey, hashKey, isWellFormedWidgetKey } from './key-format.js';
import { keyRepository as repo, type WidgetKeyRow } from './key-repository.js';
import { assertKeyManager, createdByOf, type KeyActor } from './policy.js';

export interface WidgetKeyView {
  id: string;
  name: string;
  start: string;
  last4: string;
  allowedOrigins: string[];
  createdAt: string;
  createdBy: { type: string; id: string | null };
  revokedAt: string | null;
}

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
    createdAt: new Date(Number(row.createdAt)).toISOString(),
    createdBy: { type: row.createdByType, id: row.createdById },
    revokedAt: row.revokedAt === null ? null : new Date(Number(row.revokedAt)).toISOString(),
  };
}

/** Widget keys: public, browser-safe, limited to their origins; never an API credential. */
export class WidgetKeysService {
  constructor(private readonly core: CoreDeps) {}

  async create(actor: KeyActor, workspaceId: string, input: { name: string; allowedOrigins: string[] }): Promise<WidgetKeyView & { key: string }> {
    assertKeyManager(actor.principal);
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
    const now = this.core.clock.now();
    const key = generateWidgetKey();
    const createdBy = createdByOf(actor.principal);
    const row: WidgetKeyRow = {
      id: newId('wk', now),
      workspaceId,
      name: input.name,
      hash: hashKey(key),
      ...displayParts(key),
      allowedOrigins: JSON.stringify(origins),
      createdAt: now,
      createdByType: createdBy.type,
      createdById: createdBy.id,
      revokedAt: null,
    };
    await this.core.db.transaction().execute(async (trx) => {
      await repo.insertWidgetKey(trx, row);
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'widget_key.created',
        actor: actorOf(actor.principal),
        target: { type: 'widget_key', id: row.id },
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
        data: { name: row.name, allowedOrigins: origins },
      });
    });
    return { ...toView(row), key };
  }

  async list(workspaceId: string, page: PageRequest): Promise<Page<WidgetKeyView>> {
    return toPage(await repo.listWidgetKeys(this.core.db, workspaceId, page), page.limit, toView);
  }

  async revoke(actor: KeyActor, workspaceId: string, id: string): Promise<void> {
    assertKeyManager(actor.principal);
    if (!isId(id, 'wk')) throw notFound('widget key');
    const hash = await this.core.db.transaction().execute(async (trx) => {
      const row = await repo.findWidgetKey(trx, workspaceId, id);
      if (row === undefined) throw notFound('widget key');
      if (row.revokedAt !== null) return null;
      await repo.revokeWidgetKey(trx, id, this.core.clock.now());
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'widget_key.revoked',
        actor: actorOf(actor.principal),
        target: { type: 'widget_key', id },
        ip: actor.facts.ip,
        userAgent: actor.facts.userAgent,
        data: { name: row.name },
      });
      return row.hash;
    });
    if (hash !== null) await this.core.bus.publish({ kind: 'widget_key', subject: hash });
  }
}

/**
 * For the widget endpoints: the active widget key a browser presented, or null. Looked up by
 * SHA-256 like every credential; `woespk_` keys are never accepted by the REST API.
 */
export async function findActiveWidgetKey(
  db: CoreDeps['db'],
  presented: string,
): Promise<{ id: string; workspaceId: string; allowedOrigins: string[] } | null> {
  if (!isWellFormedWidgetKey(presented)) return null;
  const row = await db
    .selectFrom('widgetKeys')
    .select(['id', 'workspaceId', 'allowedOrigins', 'revokedAt'])
    .where('hash', '=', hashKey(presented))
    .executeTakeFirst();
  if (row === undefined || row.revokedAt !== null) return null;
  return { id: row.id, workspaceId: row.workspaceId, allowedOrigins: JSON.parse(row.allowedOrigins) as string[] };
}
