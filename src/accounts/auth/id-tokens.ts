import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../../config.js';
import type { Clock } from '../../deps.js';
import { AppError, invalidRequest, unauthorized } from '../../errors.js';

export type IdProvider = 'google' | 'microsoft';

/** What sign-in needs from a verified ID token. */
export interface VerifiedIdentity {
  provider: IdProvider;
  subject: string;
  email: string | null;
  /** Only Google's `email_verified` is proof of the address; Microsoft's email claim never is. */
  emailVerified: boolean;
  name: string | null;
}

export interface IdTokenOptions {
  /** After a successful fetch, an unknown `kid` refetches the JWKS only once this has passed. */
  cooldownMs?: number;
  /** A JWKS fetch slower than this fails, and sign-in with it (fail closed). */
  timeoutMs?: number;
  /** How long fetched keys are trusted before they are fetched again. */
  cacheMaxAgeMs?: number;
}

const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
/** Providers sign ID tokens with RS256; anything else (none, HS256 with the public key, …) is refused. */
const ALGORITHMS = ['RS256'];
const CLOCK_TOLERANCE_S = 30;

type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

/** Verifies Google and Microsoft ID tokens against their JWKS (overridable for tests). */
export class IdTokenVerifier {
  private readonly sets = new Map<IdProvider, RemoteSet>();

  constructor(
    private readonly config: Pick<
      Config,
      'googleClientId' | 'microsoftClientId' | 'microsoftAllowedTenants' | 'googleJwksUrl' | 'microsoftJwksUrl'
    >,
    private readonly clock: Clock,
    private readonly options: IdTokenOptions = {},
  ) {}

  async verify(provider: IdProvider, idToken: string): Promise<VerifiedIdentity> {
    const clientId = provider === 'google' ? this.config.googleClientId : this.config.microsoftClientId;
    if (clientId === null)
      throw invalidRequest(`Sign-in with ${provider} is not enabled on this server.`, [
        { path: '/body/provider', message: 'is not enabled' },
      ]);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.jwks(provider), {
        algorithms: ALGORITHMS,
        audience: clientId,
        issuer: provider === 'google' ? GOOGLE_ISSUERS : undefined,
        requiredClaims: ['sub', 'exp', 'iat', 'iss'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(this.clock.now()),
      }));
    } catch (error) {
      throw this.mapError(error);
    }
    return provider === 'google' ? this.google(payload) : this.microsoft(payload);
  }

  private google(payload: JWTPayload): VerifiedIdentity {
    const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : null;
    return {
      provider: 'google',
      subject: payload.sub!,
      email,
      emailVerified: email !== null && payload.email_verified === true,
      name: typeof payload.name === 'string' ? payload.name : null,
    };
  }

  private microsoft(payload: JWTPayload): VerifiedIdentity {
    const tid = payload.tid;
    // Microsoft's issuer names the tenant; it must agree with `tid`, and the tenant must be allowed.
    if (typeof tid !== 'string' || payload.iss !== `https://login.microsoftonline.com/${tid}/v2.0`) {
      throw unauthorized('The ID token is not valid.');
    }
    const allowed = this.config.microsoftAllowedTenants;
    if (allowed.length > 0 && !allowed.includes(tid)) throw unauthorized('The ID token is not valid.');
    const raw =
      typeof payload.email === 'string'
        ? payload.email
        : typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : null;
    const email = raw && raw.includes('@') ? raw.trim().toLowerCase() : null;
    return {
      provider: 'microsoft',
      subject: payload.sub!,
      email,
      emailVerified: false,
      name: typeof payload.name === 'string' ? payload.name : null,
    };
  }

  private jwks(provider: IdProvider): RemoteSet {
    let set = this.sets.get(provider);
    if (set === undefined) {
      const url = provider === 'google' ? this.config.googleJwksUrl : this.config.microsoftJwksUrl;
      set = createRemoteJWKSet(new URL(url), {
        cooldownDuration: this.options.cooldownMs ?? 30_000,
        timeoutDuration: this.options.timeoutMs ?? 5_000,
        cacheMaxAge: this.options.cacheMaxAgeMs ?? 10 * 60_000,
      });
      this.sets.set(provider, set);
    }
    return set;
  }

  /** A provider we cannot reach is 503 (sign-in fails closed); a bad token is 401. */
  private mapError(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const unreachable =
      error instanceof errors.JWKSTimeout ||
      error instanceof errors.JWKSInvalid ||
      !(error instanceof errors.JOSEError) ||
      (error as errors.JOSEError).code === 'ERR_JOSE_GENERIC';
    if (unreachable)
      return new AppError('unavailable', 'The sign-in provider could not be reached; try again shortly.', {
        retryAfter: 5,
      });
    return unauthorized('The ID token is not valid.');
  }
}
