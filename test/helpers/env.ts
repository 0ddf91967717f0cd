import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** The PostgreSQL and Redis the suite may use; set by .ci/run for its second pass. */
export const TEST_DATABASE_URL = process.env.WOES_TEST_DATABASE_URL || null;
export const TEST_REDIS_URL = process.env.WOES_TEST_REDIS_URL || null;
/** Under CI an unreachable service is a failure, never a skip. */
export const IN_CI = process.env.CI === 'true';

/** PostgreSQL for tests that need it even in the SQLite pass (cross-dialect checks). */
export const LOCAL_POSTGRES_URL = process.env.WOES_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const LOCAL_REDIS_URL = process.env.WOES_TEST_REDIS_URL_LOCAL || 'redis://127.0.0.1:6379';

let secrets: { WOES_SIGNING_KEY: string; WOES_MASTER_KEY: string } | null = null;
/** One signing key and master key per test process, for configs that need them (PostgreSQL mode). */
export function testSecrets(): { WOES_SIGNING_KEY: string; WOES_MASTER_KEY: string } {
  secrets ??= {
    WOES_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WOES_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  return secrets;
}
