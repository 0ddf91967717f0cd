// Diagnostic, not part of `npm run bench`: where a request's overhead comes from. Starts a
// Fastify app with some of Woes's per-request features switched on, for autocannon to drive:
//   node bench/overhead.mjs PORT [logger|warnlogger|woeslogger] [genid] [hooks] [loghook]
//   node bench/overhead.mjs PORT woesapp [silent]   (the whole Woes app, plus GET /hello)
// woesapp uses WOES_DATA_DIR=/tmp/wb. Figures and their reading are in bench/RESULTS.md.
import Fastify, { LogController } from 'fastify';
import pino from 'pino';
const flags = new Set(process.argv.slice(3));
const opts = {};
if (flags.has('logger')) {
  opts.loggerInstance = pino(
    { level: 'info' },
    pino.destination({ dest: '/tmp/exp.log', sync: false, minLength: 4096 }),
  );
  opts.logController = new LogController({ disableRequestLogging: true });
}
if (flags.has('warnlogger')) {
  opts.loggerInstance = pino(
    { level: 'warn' },
    pino.destination({ dest: '/tmp/exp.log', sync: false, minLength: 4096 }),
  );
  opts.logController = new LogController({ disableRequestLogging: true });
}
if (flags.has('woeslogger')) {
  const { createLogger } = await import('../dist/http/logger.js');
  opts.loggerInstance = createLogger({ level: 'info', destination: '/tmp/exp.log' });
  opts.logController = new LogController({ disableRequestLogging: true });
}
if (flags.has('woesapp')) {
  const { buildApp } = await import('../dist/app.js');
  const { loadConfig } = await import('../dist/config.js');
  const app = await buildApp(
    loadConfig({
      WOES_DATA_DIR: '/tmp/wb',
      LOG_LEVEL: flags.has('silent') ? 'silent' : 'info',
      WOES_LOG_FILE: '/tmp/exp.log',
    }),
  );
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
  console.log('ready');
} else {
  if (flags.has('genid')) opts.genReqId = () => `req_${crypto.randomUUID().replace(/-/g, '')}`;
  const app = Fastify(opts);
  if (flags.has('hooks')) {
    app.addHook('onRequest', async (req, reply) => {
      reply.header('x-correlation-id', req.id);
    });
    app.addHook('onRequest', async (req) => {
      if (req.routeOptions.config.auth === undefined) return;
    });
  }
  if (flags.has('loghook'))
    app.addHook('onResponse', async (request, reply) => {
      request.log.info({ statusCode: reply.statusCode, responseTime: reply.elapsedTime }, 'request completed');
    });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
  console.log('ready');
}
process.on('SIGINT', () => process.exit(0));
