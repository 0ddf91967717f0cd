// The peer: better-auth's API-key plugin verifying a key per request, on a SQLite file,
// behind Fastify — what a TypeScript team would most likely pick instead of Woes.
// Usage: node server.mjs <sqlite-file> <port>; prints {"key": "..."} on its first line when ready.
import Fastify from 'fastify';
import Database from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { apiKey } from '@better-auth/api-key';

const [file, port] = process.argv.slice(2);
const database = new Database(file);
database.pragma('journal_mode = WAL');

const auth = betterAuth({
  database,
  secret: 'bench-secret-bench-secret-bench-secret-0123',
  baseURL: `http://127.0.0.1:${port}`,
  emailAndPassword: { enabled: true },
  logger: { disabled: true },
  // Its default limit allows 10 verifications a day: off, as Woes's limit is off in the comparison's spirit.
  rateLimit: { enabled: false },
  plugins: [apiKey({ rateLimit: { enabled: false } })],
});

const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
const signUp = await auth.api.signUpEmail({
  body: { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery staple', name: 'Bench' },
});
const created = await auth.api.createApiKey({ body: { userId: signUp.user.id, name: 'bench' } });

const app = Fastify({ logger: false });
app.get('/me', async (request, reply) => {
  const header = request.headers.authorization ?? '';
  const key = header.startsWith('Bearer ') ? header.slice(7) : '';
  const result = await auth.api.verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) return reply.code(401).send({ code: 'unauthorized' });
  return { type: 'api_key', keyId: result.key.id, userId: result.key.referenceId ?? result.key.userId };
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write(JSON.stringify({ key: created.key }) + '\n');
