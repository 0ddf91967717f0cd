/** Tables owned by the API tests domain (merged into the Database interface in storage/schema.ts). */
export interface ApiTestCredentialsTable {
  /** `atc_…` */
  id: string;
  workspaceId: string;
  name: string;
  /** http(s) origin and optional path prefix; checked with the SSRF guard when saved and on every run. */
  baseUrl: string;
  /** 'bearer' | 'header' | 'basic' */
  authType: string;
  /** The header the secret goes in (authType 'header'); null otherwise. */
  headerName: string | null;
  /** AES-256-GCM under the master key, AAD = table, column, workspace and id (security/sealed-columns.ts). */
  secretSealed: string;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
}

/** One guarded call: what was asked, what came back (redacted), or why it was not made or failed. */
export interface ApiTestRunsTable {
  /** `atr_…` */
  id: string;
  workspaceId: string;
  credentialId: string;
  method: string;
  path: string;
  expectStatus: number | null;
  /** The HTTP status; null when no answer came (refused, timeout, connection failure). */
  status: number | null;
  durationMs: number;
  /** 1: the status is the expected one (or 2xx when none was given). */
  ok: number;
  /** JSON object of the allowlisted response headers, redacted. */
  responseHeaders: string;
  /** The first 2 KiB of the body as text, with the secret and its encodings redacted. */
  excerpt: string | null;
  /** 1: the body was longer than the 1 MiB read cap. */
  truncated: number;
  /** The guard's reason ('blocked_address', 'timeout', …) when the call was refused or failed. */
  errorReason: string | null;
  errorMessage: string | null;
  actorType: string;
  actorId: string | null;
  createdAt: number;
}

export interface ApiTestsTables {
  apiTestCredentials: ApiTestCredentialsTable;
  apiTestRuns: ApiTestRunsTable;
}
