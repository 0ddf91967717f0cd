// A TCP proxy in its own process, so the bench can take a service away from the Woes processes
// that connect through it without stopping the service itself (as test/helpers/tcp-proxy.ts does
// in-process): `node bench/tcp-proxy.mjs TARGET_HOST TARGET_PORT` prints `ready PORT`; SIGUSR1
// cuts every connection and stops listening (the service is down: connections are refused),
// SIGUSR2 listens again on the same port, SIGTERM ends it.
import net from 'node:net';

const [targetHost, targetPort] = process.argv.slice(2);
const sockets = new Set();
let server = null;
let port = 0;

function listen() {
  server = net.createServer((client) => {
    const upstream = net.connect(Number(targetPort), targetHost);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port)));
}

process.on('SIGUSR1', () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  server?.close();
  server = null;
  process.stdout.write('cut\n');
});
process.on('SIGUSR2', async () => {
  if (!server) await listen();
  process.stdout.write('restored\n');
});
process.on('SIGTERM', () => process.exit(0));

port = await listen();
process.stdout.write(`ready ${port}\n`);
