import type { TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';

/** A workspace with an admin key, and a caller bound to it. */
export interface Tenant {
  workspaceId: string;
  keyId: string;
  auth: { authorization: string };
  call(
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): ReturnType<TestApp['request']>;
}

export async function tenant(t: TestApp, scopes: string[] = ['admin']): Promise<Tenant> {
  const workspaceId = await createWorkspace(t);
  const key = await createApiKey(t, workspaceId, scopes);
  const auth = bearer(key.secret);
  return {
    workspaceId,
    keyId: key.id,
    auth,
    call: (method, url, payload, headers = {}) =>
      t.request({
        method: method as 'GET',
        url: `/api/v1${url}`,
        headers: { ...auth, ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}
