/**
 * Every database column that holds a value sealed under the master key (src/security/sealed-secret.ts),
 * with how its associated data is built. `woes vault rotate-master-key` re-encrypts exactly these,
 * and each domain builds its seal context here so the two can never disagree.
 *
 * Names are the Kysely (camelCase) spellings; the CamelCasePlugin maps them to SQL.
 */
export interface SealedRow {
  readonly id: string;
  readonly workspaceId: string;
}

export interface SealedColumn {
  readonly table: string;
  readonly idColumn: string;
  readonly workspaceColumn: string;
  readonly sealedColumn: string;
  /** The associated data: table, column, workspace and row, so a value moved to another cell fails. */
  context(row: SealedRow): string;
}

export const WIDGET_IDENTITY_SECRET: SealedColumn = Object.freeze({
  table: 'widgetSettings',
  idColumn: 'workspaceId',
  workspaceColumn: 'workspaceId',
  sealedColumn: 'identitySecretSealed',
  // The row is the workspace's; this is the context the widget used before the registry existed.
  context: (row: SealedRow) => `widget_settings.identity_secret_sealed:${row.workspaceId}`,
});

export const API_TEST_CREDENTIAL_SECRET: SealedColumn = Object.freeze({
  table: 'apiTestCredentials',
  idColumn: 'id',
  workspaceColumn: 'workspaceId',
  sealedColumn: 'secretSealed',
  context: (row: SealedRow) => `api_test_credentials.secret_sealed:${row.workspaceId}:${row.id}`,
});

/** A webhook endpoint's signing secret; the previous one (during a rotation window) shares the row's context. */
export const WEBHOOK_SECRET: SealedColumn = Object.freeze({
  table: 'webhookEndpoints',
  idColumn: 'id',
  workspaceColumn: 'workspaceId',
  sealedColumn: 'secretSealed',
  context: (row: SealedRow) => `webhook_endpoints.secret:${row.id}`,
});

export const WEBHOOK_PREVIOUS_SECRET: SealedColumn = Object.freeze({
  ...WEBHOOK_SECRET,
  sealedColumn: 'previousSecretSealed',
});

/** A channel's inbound secret and, during its rotation window, the previous one (each column its own context). */
export const CHANNEL_SECRET: SealedColumn = Object.freeze({
  table: 'channels',
  idColumn: 'id',
  workspaceColumn: 'workspaceId',
  sealedColumn: 'secretSealed',
  context: (row: SealedRow) => `channels.secret_sealed:${row.id}`,
});

export const CHANNEL_PREVIOUS_SECRET: SealedColumn = Object.freeze({
  ...CHANNEL_SECRET,
  sealedColumn: 'previousSecretSealed',
  context: (row: SealedRow) => `channels.previous_secret_sealed:${row.id}`,
});

export const SEALED_COLUMNS: readonly SealedColumn[] = Object.freeze([
  WIDGET_IDENTITY_SECRET,
  API_TEST_CREDENTIAL_SECRET,
  WEBHOOK_SECRET,
  WEBHOOK_PREVIOUS_SECRET,
  CHANNEL_SECRET,
  CHANNEL_PREVIOUS_SECRET,
]);
