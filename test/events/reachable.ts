import net from 'node:net';
import { IN_CI } from '../helpers/env.js';

/** True when a TCP service answers; outside CI a missing service skips its variant instead of failing. */
export async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const open = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setTimeout(1000);
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
  return open || IN_CI;
}
