// Diagnostic, not part of `npm run bench`: issue #18's "prototype of the same auth work" — bare
// Fastify plus what a warm `GET /api/v1/me` must do and nothing else: parse the Authorization
// header, SHA-256 the token, a Map lookup, a scope check, a small JSON answer and one pino line per
// request to a file. It answers how near bare Fastify a request with that work can be on this
// machine, beside the bench's hello-world and Woes itself (bench/RESULTS.md, round 7).
//   node bench/auth-prototype.mjs PORT   prints `ready KEY` (the key to send as a Bearer token)
import { createHash } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import pino from 'pino';

const port = Number(process.argv[2] ?? 4610);
const logger = pino(
  { level: 'info' },
  pino.destination({ dest: process.env.PROTO_LOG ?? '/tmp/auth-prototype.log', sync: false, minLength: 4096 }),
);
const app = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) });

const key = 'woesk_' + 'a'.repeat(40);
const digest = (token) => createHash('sha256').update(token).digest('base64url');
const keys = new Map([[digest(key), { keyId: 'key_1', workspaceId: 'ws_1', scopes: new Set(['conversations.read']) }]]);

app.decorateRequest('principal', null);
app.addHook('onRequest', function authenticate(request, reply, done) {
  const header = request.headers.authorization;
  const token = header !== undefined && header.startsWith('Bearer ') ? header.slice(7) : null;
  const principal = token === null ? undefined : keys.get(digest(token));
  if (principal === undefined || !principal.scopes.has('conversations.read')) {
    reply.code(401).send({ error: { type: 'unauthorized', message: 'The credential is not recognised.' } });
    return;
  }
  request.principal = principal;
  done();
});
app.addHook('onResponse', function logLine(request, reply, done) {
  request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode }, 'request completed');
  done();
});
app.get('/api/v1/me', async (request) => ({
  keyId: request.principal.keyId,
  workspaceId: request.principal.workspaceId,
}));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`ready ${key}\n`);
