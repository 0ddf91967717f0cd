import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestApp } from '../helpers/app.js';
import { MAX_IN_FLIGHT, RESERVED_SLOTS } from '../../src/webhooks/delivery-worker.js';
import { tenant } from '../support/api-helpers.js';
import { emitEvent, Receiver, until, webhookEnv } from './helpers.js';

/** A receiver that accepts connections and never answers: every attempt to it lasts the whole send timeout. */
class Tarpit {
  readonly sockets = new Set<net.Socket>();
  open = 0;
  mostOpen = 0;
  private server = net.createServer((socket) => {
    this.sockets.add(socket);
    this.open++;
    this.mostOpen = Math.max(this.mostOpen, this.open);
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.open--;
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

test("a workspace whose receivers hang uses the free slots but never the reserved ones: another workspace's webhook still goes out at once", async () => {
  const t = await createTestApp({ env: webhookEnv() });
  const tarpit = new Tarpit();
  const receiver = await new Receiver().start();
  try {
    const tarpitUrl = await tarpit.start();
    const noisy = await tenant(t);
    // As many hanging endpoints as the worker has slots: without a per-workspace share they take them all.
    for (let i = 0; i < MAX_IN_FLIGHT; i++) {
      const created = await noisy.call('POST', '/webhooks', {
        url: `${tarpitUrl}?n=${i}`,
        events: ['customer.created'],
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    await emitEvent(t, noisy.workspaceId, 'customer.created', 'cust_noisy');
    // Alone, it may use every slot but the reserved ones (its backlog is not held to its share of 4).
    const soloMax = MAX_IN_FLIGHT - RESERVED_SLOTS;
    await until(() => tarpit.open >= soloMax, 10_000, 'the noisy workspace to fill the unreserved slots');

    const quiet = await tenant(t);
    const created = await quiet.call('POST', '/webhooks', { url: receiver.url, events: ['customer.created'] });
    assert.equal(created.statusCode, 201, created.body);
    await emitEvent(t, quiet.workspaceId, 'customer.created', 'cust_quiet');
    // Well inside the 15 s the hanging attempts take: without the share every slot would be held until then.
    await until(() => receiver.ofType('customer.created').length === 1, 8_000, "the quiet workspace's delivery");
    assert.equal(receiver.received[0].json.data.id, 'cust_quiet');
    assert.equal(tarpit.mostOpen, soloMax, 'the noisy workspace never took the reserved slots');
  } finally {
    await tarpit.stop();
    await receiver.stop();
    await t.close();
  }
});
