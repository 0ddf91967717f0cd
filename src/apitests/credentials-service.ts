import type { CoreDeps } from '../deps.js';
import { invalidRequest, notFound } from '../errors.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { checkOutboundUrl, OutboundRefused, type OutboundPolicy } from '../net/outbound.js';
import { API_TEST_CREDENTIAL_SECRET } from '../security/sealed-columns.js';
import { open, seal, type MasterKeys } from '../security/sealed-secret.js';
import { isoTime } from '../http/schemas.js';
import { isId, newId } from '../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import { apiTestsRepository as repo, type CredentialRow } from './repository.js';
import { checkAuth, checkSecret, normaliseBaseUrl, type AuthType } from './request-target.js';
import type { ApiTestCredentialView, CreateApiTestCredentialInput, UpdateApiTestCredentialInput } from './schemas.js';

/** What a run needs from a credential: its public facts and the opened secret (null: it did not open). */
export interface OpenedCredential {
  readonly row: CredentialRow;
  readonly secret: string | null;
}

const sealContext = (workspaceId: string, id: string) => API_TEST_CREDENTIAL_SECRET.context({ id, workspaceId });

function toView(row: CredentialRow): ApiTestCredentialView {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    authType: row.authType as AuthType,
    headerName: row.headerName,
    hasSecret: true,
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
    lastUsedAt: isoTime(row.lastUsedAt),
  };
}

/**
 * The vault: third-party secrets sealed under the master key with AAD binding workspace, row
 * and column. A secret goes in (create, replace) and is opened only to make a run; no read,
 * list, log line or audit event carries it.
 */
export class ApiTestCredentialsService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit'>,
    private readonly keys: MasterKeys,
    private readonly policy: OutboundPolicy,
  ) {}

  async create(caller: WorkspaceCaller, input: CreateApiTestCredentialInput): Promise<ApiTestCredentialView> {
    const headerName = checkAuth(input.auth.type, input.auth.headerName, input.auth.secret);
    const baseUrl = await this.checkedBaseUrl(input.baseUrl);
    const now = this.core.clock.now();
    const id = newId('atc', now);
    const row: CredentialRow = {
      id,
      workspaceId: caller.workspaceId,
      name: input.name,
      baseUrl,
      authType: input.auth.type,
      headerName,
      secretSealed: seal(this.keys, input.auth.secret, sealContext(caller.workspaceId, id)),
      createdAt: now,
      updatedAt: now,
      lastUsedAt: null,
    };
    await this.core.db.transaction().execute(async (trx) => {
      await repo.insertCredential(trx, row);
      await this.core.audit.record(trx, caller, {
        type: 'api_test_credential.created',
        target: { type: 'api_test_credential', id },
        data: { name: row.name, baseUrl, authType: row.authType, headerName },
      });
    });
    return toView(row);
  }

  async list(caller: WorkspaceCaller, page: PageRequest): Promise<Page<ApiTestCredentialView>> {
    const rows = await repo.listCredentials(this.core.db, caller.workspaceId, page);
    return toPage(rows, page.limit, toView);
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ApiTestCredentialView> {
    return toView(await this.row(this.core.db, caller.workspaceId, id));
  }

  async update(
    caller: WorkspaceCaller,
    id: string,
    input: UpdateApiTestCredentialInput,
  ): Promise<ApiTestCredentialView> {
    const baseUrl = input.baseUrl === undefined ? undefined : await this.checkedBaseUrl(input.baseUrl);
    const now = this.core.clock.now();
    return this.core.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, caller.workspaceId, id);
      // Pointing a stored secret at another host would hand it to whoever runs that host: a new
      // origin needs a new credential, made by someone who knows the secret.
      if (baseUrl !== undefined && new URL(baseUrl).origin !== new URL(row.baseUrl).origin) {
        throw invalidRequest('The base URL may change its path, not its origin (scheme, host and port).', [
          { path: '/body/baseUrl', message: `must stay on ${new URL(row.baseUrl).origin}; create a new credential` },
        ]);
      }
      const next = { ...row, name: input.name ?? row.name, baseUrl: baseUrl ?? row.baseUrl, updatedAt: now };
      await repo.updateCredential(trx, caller.workspaceId, id, {
        name: next.name,
        baseUrl: next.baseUrl,
        updatedAt: now,
      });
      await this.core.audit.record(trx, caller, {
        type: 'api_test_credential.updated',
        target: { type: 'api_test_credential', id },
        data: { name: next.name, baseUrl: next.baseUrl },
      });
      return toView(next);
    });
  }

  /** Replace-only: the old secret is overwritten in the same transaction as the audit event. */
  async replaceSecret(caller: WorkspaceCaller, id: string, secret: string): Promise<ApiTestCredentialView> {
    const now = this.core.clock.now();
    return this.core.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, caller.workspaceId, id);
      checkSecret(row.authType as AuthType, secret, '/body/secret');
      const secretSealed = seal(this.keys, secret, sealContext(caller.workspaceId, id));
      await repo.updateCredential(trx, caller.workspaceId, id, { secretSealed, updatedAt: now });
      await this.core.audit.record(trx, caller, {
        type: 'api_test_credential.secret_replaced',
        target: { type: 'api_test_credential', id },
      });
      return toView({ ...row, secretSealed, updatedAt: now });
    });
  }

  async delete(caller: WorkspaceCaller, id: string): Promise<void> {
    await this.core.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, caller.workspaceId, id);
      await repo.deleteCredential(trx, caller.workspaceId, id);
      await this.core.audit.record(trx, caller, {
        type: 'api_test_credential.deleted',
        target: { type: 'api_test_credential', id },
        data: { name: row.name },
      });
    });
  }

  /** The credential with its secret opened for one run; null secret: tampered, moved or under an unknown key. */
  async openForRun(caller: WorkspaceCaller, id: string): Promise<OpenedCredential> {
    // Another workspace's credential (or none) is a 404 like any object the caller cannot see (SPEC §4).
    const row = await this.row(this.core.db, caller.workspaceId, id);
    return { row, secret: open(this.keys, row.secretSealed, sealContext(row.workspaceId, row.id)) };
  }

  private async row(db: CoreDeps['db'], workspaceId: string, id: string): Promise<CredentialRow> {
    const row = isId(id, 'atc') ? await repo.findCredential(db, workspaceId, id) : undefined;
    if (row === undefined) throw notFound('API test credential');
    return row;
  }

  private async checkedBaseUrl(raw: string): Promise<string> {
    const baseUrl = normaliseBaseUrl(raw);
    try {
      await checkOutboundUrl(baseUrl, this.policy);
    } catch (error) {
      if (!(error instanceof OutboundRefused)) throw error;
      throw invalidRequest(`Woes will not call this base URL: ${error.message}.`, [
        { path: '/body/baseUrl', message: `refused (${error.reason})` },
      ]);
    }
    return baseUrl;
  }
}
