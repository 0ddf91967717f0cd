import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeRSAKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/**
 * A JWKS endpoint on loopback serving keys the test generated (Google and Microsoft stand-in).
 * It counts fetches and can answer 500 or hang, to test cooldown and fail-closed behaviour.
 */
export class JWKSServer {
  keys: SigningKey[] = [];
  fetches = 0;
  mode: 'ok' | 'error' | 'hang' = 'ok';
  private readonly server = http.createServer((request, response) => this.handle(request, response));
  private url = '';

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
    return this.url;
  }

  get jwksUrl(): string {
    return this.url;
  }

  async addKey(kid: string): Promise<SigningKey> {
    const key = await makeRSAKey(kid);
    this.keys.push(key);
    return key;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(_request: http.IncomingMessage, response: http.ServerResponse): void {
    this.fetches++;
    if (this.mode === 'hang') return;
    if (this.mode === 'error') {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) }));
  }
}

/** Signs an ID token the way a provider would (RS256, kid in the header). */
export function signIdToken(
  key: SigningKey,
  claims: JWTPayload,
  header: Record<string, unknown> = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}
