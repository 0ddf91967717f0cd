// Scenario 1: a bare Fastify hello-world in its own process — the framework's limit here.
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 4600);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
