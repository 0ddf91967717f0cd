import type { JWTPayload } from 'jose';
import { JWKSServer, type SigningKey } from './jwks-server.js';

/** The client ids and Microsoft tenant the sign-in tests configure Woes with. */
export const GOOGLE_ID = 'google-client.apps.example';
export const MS_ID = '11111111-2222-3333-4444-555555555555';
export const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** A Google and a Microsoft stand-in on loopback, each with one signing key, and the env that points Woes at them. */
export interface IdProviders {
  google: JWKSServer;
  microsoft: JWKSServer;
  gKey: SigningKey;
  mKey: SigningKey;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startIdProviders(): Promise<IdProviders> {
  const google = new JWKSServer();
  const microsoft = new JWKSServer();
  await google.start();
  await microsoft.start();
  const gKey = await google.addKey('g1');
  const mKey = await microsoft.addKey('m1');
  return {
    google,
    microsoft,
    gKey,
    mKey,
    env: {
      GOOGLE_CLIENT_ID: GOOGLE_ID,
      GOOGLE_JWKS_URL: google.jwksUrl,
      MICROSOFT_CLIENT_ID: MS_ID,
      MICROSOFT_JWKS_URL: microsoft.jwksUrl,
      MICROSOFT_ALLOWED_TENANTS: TENANT,
    },
    async close() {
      await google.close();
      await microsoft.close();
    },
  };
}

/** The claims of a valid Google ID token for Woes (a verified gina@example.com), with `over` on top. */
export function googleClaims(over: JWTPayload = {}): JWTPayload {
  return {
    iss: 'https://accounts.google.com',
    aud: GOOGLE_ID,
    sub: 'g-123',
    email: 'gina@example.com',
    email_verified: true,
    name: 'Gina',
    ...over,
  };
}

/** The claims of a valid Microsoft ID token from the allowed tenant (mo@example.com), with `over` on top. */
export function msClaims(over: JWTPayload = {}): JWTPayload {
  return {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: MS_ID,
    tid: TENANT,
    sub: 'm-456',
    email: 'mo@example.com',
    name: 'Mo',
    ...over,
  };
}
