import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for a customer's API. It checks the credential Woes injects (401 when it
 * is not exactly what was expected) and then ECHOES it back in every form a careless API might:
 * raw, base64, URL-encoded, in the body and in headers (allowlisted and not), so the tests can
 * prove none of it reaches a Woes response, log line, audit event or run record.
 */
export interface Target {
  readonly url: string;
  /** Every request that reached it: method, path and headers. */
  readonly hits: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders }>;
  /** The header name (lower case) and value a request must carry. */
  expect(name: string, value: string): void;
  close(): Promise<void>;
}

export async function startTarget(): Promise<Target> {
  let expected: [string, string] | null = null;
  const hits: Target['hits'] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    hits.push({ method: request.method ?? '', path, headers: request.headers });
    if (path.startsWith('/redirect')) {
      response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
      return;
    }
    const got = expected ? request.headers[expected[0]] : undefined;
    if (!expected || got !== expected[1]) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad credential"}');
      return;
    }
    const value = expected[1];
    // For basic auth, echo the decoded user:password and the password alone too.
    const decoded = value.startsWith('Basic ') ? Buffer.from(value.slice(6), 'base64').toString('utf8') : null;
    const echoes = [value, ...(decoded ? [decoded, decoded.slice(decoded.indexOf(':') + 1)] : [])];
    const forms = echoes.flatMap((v) => [
      v,
      Buffer.from(v).toString('base64'),
      Buffer.from(v).toString('base64url'),
      encodeURIComponent(v),
    ]);
    const body = JSON.stringify({ ok: true, path, echoes: forms, headers: request.headers });
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': `req-${encodeURIComponent(value)}`,
      server: `echo ${value}`,
      'x-echo': value,
      'x-echo-b64': Buffer.from(value).toString('base64'),
      'set-cookie': `session=${encodeURIComponent(value)}`,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    expect(name, value) {
      expected = [name, value];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every form of `secret` that must never appear in what Woes returns, logs or audits. */
export function leakForms(secret: string): string[] {
  const forms = [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
  forms.push(encodeURIComponent(secret));
  const colon = secret.indexOf(':');
  // Like the redaction itself, a password alone is searched for only from 4 characters on (" 1" is in any text).
  if (colon >= 0 && secret.length - colon - 1 >= 4) {
    const password = secret.slice(colon + 1);
    forms.push(password, Buffer.from(password).toString('base64'), encodeURIComponent(password));
  }
  return forms;
}

export function assertNoLeak(where: string, text: string, secret: string): void {
  for (const form of leakForms(secret)) {
    if (text.includes(form)) throw new Error(`${where} contains the secret (form "${form.slice(0, 4)}…")`);
  }
}
