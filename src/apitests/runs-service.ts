import type { CoreDeps } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { isoTime } from '../http/schemas.js';
import { outboundRequest, OutboundFailed, OutboundRefused, type OutboundPolicy } from '../net/outbound.js';
import { enforceLimit } from '../ratelimit/enforce.js';
import { isId, newId } from '../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import type { ApiTestCredentialsService } from './credentials-service.js';
import { excerptOf, keptHeaders, redact, secretForms } from './redaction.js';
import { apiTestsRepository as repo, type RunRow } from './repository.js';
import { authHeader, joinRunUrl, type AuthType } from './request-target.js';
import type { ApiTestRunView, CreateApiTestRunInput } from './schemas.js';

/** SPEC §7: the guarded call's limits. */
export const RUN_TIMEOUT_MS = 10_000;
export const RUN_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The outbound client, as the module hands it in (tests may pass one with a DNS hook in its policy). */
export type Outbound = typeof outboundRequest;

function toView(row: RunRow): ApiTestRunView {
  return {
    id: row.id,
    credentialId: row.credentialId,
    method: row.method,
    path: row.path,
    expectStatus: row.expectStatus === null ? null : Number(row.expectStatus),
    status: row.status === null ? null : Number(row.status),
    durationMs: Number(row.durationMs),
    ok: Number(row.ok) === 1,
    responseHeaders: JSON.parse(row.responseHeaders) as Record<string, string>,
    excerpt: row.excerpt,
    truncated: Number(row.truncated) === 1,
    error: row.errorReason === null ? null : { reason: row.errorReason, message: row.errorMessage ?? '' },
    createdAt: isoTime(row.createdAt)!,
  };
}

type Outcome = Pick<
  RunRow,
  'status' | 'durationMs' | 'ok' | 'responseHeaders' | 'excerpt' | 'truncated' | 'errorReason' | 'errorMessage'
>;

/**
 * Guarded live calls: the credential is injected here, the target goes through the SSRF guard
 * (connect-time address check, no redirects, 10 s, 1 MiB), and only a redacted record is kept.
 * A refused or failed call is still a run (201) whose `error` says why: the check ran and this
 * is its result. A secret that does not open is not a run: 409 `conflict`, fail closed.
 */
export class ApiTestRunsService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'limiter' | 'logger'>,
    private readonly credentials: ApiTestCredentialsService,
    private readonly policy: OutboundPolicy,
    private readonly outbound: Outbound = outboundRequest,
  ) {}

  async run(caller: WorkspaceCaller, input: CreateApiTestRunInput): Promise<ApiTestRunView> {
    const { row: credential, secret } = await this.credentials.openForRun(caller, input.credentialId);
    const url = joinRunUrl(credential.baseUrl, input.path);
    await enforceLimit(this.core.limiter, 'apiTestRuns', caller.workspaceId);
    if (secret === null) {
      this.core.logger.warn({ credentialId: credential.id }, 'API test credential did not decrypt');
      await this.core.db.transaction().execute(async (trx) => {
        await this.core.audit.record(trx, caller, {
          type: 'api_test_credential.unreadable',
          target: { type: 'api_test_credential', id: credential.id },
        });
      });
      throw conflict(
        'The stored secret of this credential cannot be decrypted (it was altered, or sealed under a master key ' +
          'this server does not have). Nothing was sent; replace the secret to use it again.',
      );
    }
    const type = credential.authType as AuthType;
    const forms = secretForms(type, secret);
    const [name, value] = authHeader(type, credential.headerName, secret);
    const outcome = await this.call(url, input, { [name]: value, accept: '*/*' }, forms);
    const now = this.core.clock.now();
    const row: RunRow = {
      id: newId('atr', now),
      workspaceId: caller.workspaceId,
      credentialId: credential.id,
      method: input.method,
      path: redact(input.path, forms),
      expectStatus: input.expectStatus ?? null,
      ...outcome,
      actorType: caller.actor.type,
      actorId: caller.actor.id,
      createdAt: now,
    };
    await this.core.db.transaction().execute(async (trx) => {
      await repo.insertRun(trx, row);
      await repo.updateCredential(trx, caller.workspaceId, credential.id, { lastUsedAt: now });
      await this.core.audit.record(trx, caller, {
        type: 'api_test_credential.used',
        target: { type: 'api_test_credential', id: credential.id },
        data: { runId: row.id, method: row.method, path: row.path, status: row.status, error: row.errorReason },
      });
    });
    return toView(row);
  }

  async list(
    caller: WorkspaceCaller,
    filter: { credentialId?: string },
    page: PageRequest,
  ): Promise<Page<ApiTestRunView>> {
    const rows = await repo.listRuns(this.core.db, caller.workspaceId, filter, page);
    return toPage(rows, page.limit, toView);
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ApiTestRunView> {
    const row = isId(id, 'atr') ? await repo.findRun(this.core.db, caller.workspaceId, id) : undefined;
    if (row === undefined) throw notFound('API test run');
    return toView(row);
  }

  private async call(
    url: string,
    input: CreateApiTestRunInput,
    headers: Record<string, string>,
    forms: readonly string[],
  ): Promise<Outcome> {
    const started = performance.now();
    try {
      const response = await this.outbound({
        url,
        method: input.method,
        headers,
        timeoutMs: RUN_TIMEOUT_MS,
        maxResponseBytes: RUN_MAX_RESPONSE_BYTES,
        policy: this.policy,
      });
      const ok =
        input.expectStatus !== undefined
          ? response.status === input.expectStatus
          : response.status >= 200 && response.status < 300;
      return {
        status: response.status,
        durationMs: Math.round(response.durationMs),
        ok: ok ? 1 : 0,
        responseHeaders: JSON.stringify(keptHeaders(response.headers, forms)),
        excerpt: input.method === 'HEAD' ? null : excerptOf(response.body, forms),
        truncated: response.truncated ? 1 : 0,
        errorReason: null,
        errorMessage: null,
      };
    } catch (error) {
      if (!(error instanceof OutboundRefused) && !(error instanceof OutboundFailed)) throw error;
      return {
        status: null,
        durationMs: Math.round(performance.now() - started),
        ok: 0,
        responseHeaders: '{}',
        excerpt: null,
        truncated: 0,
        errorReason: error.reason,
        errorMessage: redact(error.message, forms).slice(0, 500),
      };
    }
  }
}
