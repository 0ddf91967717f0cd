import http from 'node:http';
import net from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface LoopbackServer {
  port: number;
  /** True when the same port also listens on ::1. */
  ipv6: boolean;
  /** TCP connections accepted so far, on either address. */
  connections: () => number;
  /** Server-side sockets that are still open. */
  openSockets: () => number;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

function listen(server: net.Server, port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, host, () => resolve(true));
  });
}

/**
 * A real HTTP server on 127.0.0.1 (and ::1 on the same port when the host has IPv6) that counts
 * every TCP connection it accepts: a refused call must leave the count at zero.
 */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const httpServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  const accept = (socket: net.Socket): void => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    httpServer.emit('connection', socket);
  };
  const v4 = net.createServer(accept);
  await listen(v4, 0, '127.0.0.1');
  const port = (v4.address() as net.AddressInfo).port;
  const v6 = net.createServer(accept);
  const ipv6 = await listen(v6, port, '::1');
  return {
    port,
    ipv6,
    connections: () => connections,
    openSockets: () => sockets.size,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => v4.close(() => resolve()));
      if (ipv6) await new Promise<void>((resolve) => v6.close(() => resolve()));
    },
  };
}

/** Resolves once `condition` holds, or throws after `ms` (a bounded wait, not a timing assertion). */
export async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
