import { createRequire } from 'node:module';
import type * as Pg from 'pg';
import type * as IORedis from 'ioredis';

const require = createRequire(import.meta.url);

/*
 * The PostgreSQL and Redis drivers are loaded the first time scale-out asks for them, not at
 * start-up: an embedded server (SQLite, no Redis) never uses them, and loading the two kept about
 * 7 MB more in its resident memory (idle 127-137 MB with them, 122-126 without; bench/RESULTS.md,
 * round 6).
 * Both are CommonJS, so `require` loads them synchronously where they are first needed; modules
 * that only name their types use `import type`, which is erased at compile time.
 */

/** The `pg` module (node-postgres). */
export function pgDriver(): typeof Pg {
  return require('pg') as typeof Pg;
}

/** ioredis's client class. */
export function redisClient(): typeof IORedis.Redis {
  return (require('ioredis') as typeof IORedis).Redis;
}
