import type { CoreDeps } from '../../deps.js';
import { AppError, rateLimited } from '../../errors.js';
import { retryAfterSeconds } from '../../ratelimit/enforce.js';

const BUCKET = 'signInFailuresPerIP';

/**
 * SPEC §5 "failed sign-ins, any account": one budget per client IP for every wrong guess at
 * the unauthenticated auth endpoints — passwords, ID tokens, refresh tokens and emailed link
 * tokens alike. The per-account+IP limit alone lets one IP try one password against thousands
 * of accounts (password spraying); this one caps the IP whatever accounts it names. Checked
 * before any lookup or password hash, so a refused attempt costs one counter read.
 */
export class FailureBudget {
  constructor(private readonly core: Pick<CoreDeps, 'limiter'>) {}

  /** 429 rate_limited with Retry-After while `ip` has spent its budget; takes no point. */
  async gate(ip: string): Promise<void> {
    const { limiter } = this.core;
    const result = await limiter.check(BUCKET, ip, limiter.rules.signInFailuresPerIP);
    if (!result.allowed) throw rateLimited(retryAfterSeconds(result));
  }

  /** One wrong guess from `ip`. */
  async spend(ip: string): Promise<void> {
    const { limiter } = this.core;
    await limiter.consume(BUCKET, ip, limiter.rules.signInFailuresPerIP);
  }

  /**
   * Gates, runs `attempt`, and spends a point when it fails as a wrong guess does: a refused
   * credential (401) or an invalid emailed token. Other errors (a weak new password, a 503)
   * are not guesses and cost nothing.
   */
  async guard<T>(ip: string, attempt: () => Promise<T>): Promise<T> {
    await this.gate(ip);
    try {
      return await attempt();
    } catch (error) {
      if (isWrongGuess(error)) await this.spend(ip);
      throw error;
    }
  }
}

function isWrongGuess(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'unauthorized') return true;
  return (
    error.code === 'invalid_request' && (error.options.details ?? []).some((detail) => detail.path === '/body/token')
  );
}
