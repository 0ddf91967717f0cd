import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';

/** An app whose outbound guard lets loopback through (the test-only setting), for the loopback target. */
export function apiTestsApp(options: TestAppOptions = {}): Promise<TestApp> {
  return createTestApp({ ...options, env: { WOES_ALLOW_PRIVATE_WEBHOOKS: 'true', ...(options.env ?? {}) } });
}

/** A tenant whose every answer (status line, headers, body) is kept, to search for secrets. */
export interface RecordingTenant extends Tenant {
  readonly seen: string[];
}

export async function recordingTenant(t: TestApp, scopes?: string[]): Promise<RecordingTenant> {
  const base = await tenant(t, scopes);
  const seen: string[] = [];
  return {
    ...base,
    seen,
    async call(method, url, payload, headers) {
      const response = await base.call(method, url, payload, headers);
      seen.push(JSON.stringify(response.headers), response.body);
      return response;
    },
  };
}

/** Everything stored about a workspace's API tests and its audit trail, as text. */
export async function storedText(t: TestApp): Promise<{ audit: string; runs: string }> {
  const audit = await t.storage.db.selectFrom('auditEvents').selectAll().execute();
  const runs = await t.storage.db.selectFrom('apiTestRuns').selectAll().execute();
  return { audit: JSON.stringify(audit), runs: JSON.stringify(runs) };
}
