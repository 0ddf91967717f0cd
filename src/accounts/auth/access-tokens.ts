import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors, type JWK } from 'jose';
import { AppError, unauthorized } from '../../errors.js';
import type { Clock } from '../../deps.js';
import { ACCESS_TOKEN_SECONDS } from './tokens.js';
import { loadSigningKey } from '../../security/signing-key.js';

const ISSUER = 'woes';
const AUDIENCE = 'woes-api';
/** RFC 9068's type: an ID token (typ JWT or none) can never pass as an access token. */
const TYPE = 'at+jwt';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/** Signs and verifies the 15-minute EdDSA session access tokens; publishes the public key as a JWKS. */
export class AccessTokens {
  kid = '';
  publicJwk: JWK = {};
  private privateKey: KeyObject | null = null;
  private publicKey: KeyObject | null = null;

  constructor(private readonly clock: Clock) {}

  /** Called once the app's instance secrets are loaded (they are not part of the core deps). */
  load(signingKey: string): void {
    this.privateKey = loadSigningKey(signingKey);
    this.publicKey = createPublicKey(this.privateKey);
    const jwk = this.publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
    // RFC 7638 thumbprint: every instance with the same key derives the same kid.
    const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
    this.kid = createHash('sha256').update(canonical).digest('base64url');
    this.publicJwk = Object.freeze({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: this.kid, alg: 'EdDSA', use: 'sig' });
  }

  sign(claims: AccessClaims): Promise<string> {
    const now = Math.floor(this.clock.now() / 1000);
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid, typ: TYPE })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
      .sign(this.loaded(this.privateKey));
  }

  /** Throws 401 token_expired for a genuine token past `exp`, 401 unauthorized for anything else. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.keyFor, {
        algorithms: ['EdDSA'],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: TYPE,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(this.clock.now()),
      });
      if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string')
        throw unauthorized('The session token is not valid.');
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof AppError) throw error;
      // jose checks the signature before `exp`, so only a genuine token is reported as expired.
      if (error instanceof errors.JWTExpired)
        throw new AppError('token_expired', 'The session token has expired; refresh it.');
      throw unauthorized('The session token is not valid.');
    }
  }

  private readonly keyFor = (header: { kid?: string }): KeyObject => {
    if (header.kid !== this.kid) throw unauthorized('The session token was signed by an unknown key.');
    return this.loaded(this.publicKey);
  };

  private loaded(key: KeyObject | null): KeyObject {
    if (key === null) throw new AppError('internal_error', 'the signing key is not loaded');
    return key;
  }
}
