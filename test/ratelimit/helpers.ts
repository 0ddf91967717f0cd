import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pino from 'pino';
import { IN_CI, LOCAL_REDIS_URL, TEST_REDIS_URL } from '../helpers/env.js';
import { LogCapture } from '../helpers/app.js';
import { MemoryRateLimiter } from '../../src/ratelimit/memory-limiter.js';
import { RedisRateLimiter } from '../../src/ratelimit/redis-limiter.js';
import type { RateLimiter } from '../../src/ratelimit/rate-limiter.js';

/** A unique string, so tests sharing one Redis never share a counter. */
export function unique(prefix = 'k'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** A random client IP (inject's remoteAddress), so IP limits of parallel test files never meet. */
export function randomIP(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2] || 1}`;
}

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * The Redis for Redis-specific tests: the suite's WOES_TEST_REDIS_URL, else the local one when
 * it answers. Null means "skip"; under CI an unreachable Redis is a failure instead.
 */
export async function redisForTests(): Promise<string | null> {
  if (TEST_REDIS_URL) return TEST_REDIS_URL;
  if (await reachable(LOCAL_REDIS_URL)) return LOCAL_REDIS_URL;
  if (IN_CI) throw new Error(`Redis is not reachable at ${LOCAL_REDIS_URL}`);
  return null;
}

export interface LimiterKind {
  name: string;
  make(now: () => number, logs?: LogCapture): Promise<RateLimiter>;
}

/** Memory always; Redis too when one is reachable (always in the suite's Redis pass). */
export async function limiterKinds(): Promise<LimiterKind[]> {
  const kinds: LimiterKind[] = [{ name: 'memory', make: async (now) => new MemoryRateLimiter(now) }];
  const url = await redisForTests();
  if (url) {
    kinds.push({
      name: 'redis',
      async make(now, logs) {
        const limiter = new RedisRateLimiter({
          url,
          now,
          logger: pino({ level: 'debug' }, logs ?? new LogCapture()),
          namespace: unique('ns'),
        });
        await limiter.start();
        // Counting in Redis, not in the insurance limiter.
        if (limiter.backendStatus() !== 'up') throw new Error('Redis limiter did not connect');
        return limiter;
      },
    });
  }
  return kinds;
}

/** Polls until `condition` holds (for things that happen by themselves, like a reconnect). */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
