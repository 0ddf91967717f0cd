import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { sparePort, waitForPort } from '../helpers/ports.js';
import { tenant } from '../support/api-helpers.js';
import { Receiver, until, webhookEnv } from './helpers.js';

/** `woes start` in a child process on the given SQLite data directory. */
function startWoes(dataDir: string, port: number): ChildProcess {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...webhookEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    WOES_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'WOES_PUBLIC_URL', 'WOES_LOG_FILE']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], { env, stdio: 'ignore' });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

test('killed with SIGKILL after the commit, before any delivery: the event is delivered after restart, once', async () => {
  const database = await createTestDatabase({ postgres: null });
  // The workspace, key and endpoint, written by an app on the same SQLite file (then closed).
  const setup = await createTestApp({ database, env: webhookEnv() });
  const receiverPort = await sparePort();
  const receiver = new Receiver();
  const w = await tenant(setup);
  const created = await w.call('POST', '/webhooks', {
    url: `http://127.0.0.1:${receiverPort}/hook`,
    events: ['conversation.created'],
  });
  assert.equal(created.statusCode, 201);
  const { id: endpointId, secret } = created.json;
  await setup.close();

  const port = await sparePort();
  const api = (method: string, path: string, body?: object) =>
    fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method,
      headers: { ...w.auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  let child = startWoes(database.dataDir, port);
  try {
    await waitForPort(port, 30_000);
    // The receiver is down; the change commits, and the process dies at once.
    const conversation = await api('POST', '/conversations', { subject: 'Crash test' });
    assert.equal(conversation.status, 201);
    const body = (await conversation.json()) as { id: string };
    await kill(child, 'SIGKILL');

    await receiver.start(receiverPort);
    child = startWoes(database.dataDir, port);
    await waitForPort(port, 30_000);
    await until(() => receiver.ofType('conversation.created').length >= 1, 30_000, 'the delivery after restart');
    const deliveries = await until(async () => {
      const list = (await (await api('GET', `/webhooks/${endpointId}/deliveries`)).json()) as { data: any[] };
      return list.data.length === 1 && list.data[0].status === 'succeeded' ? list.data : null;
    });
    // Give a duplicate every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(receiver.received.length, 1, 'delivered once');
    receiver.verifyAll(secret);
    assert.equal(receiver.received[0].id, deliveries[0].eventId);
    assert.equal(receiver.received[0].json.data.id, body.id);
  } finally {
    await kill(child, 'SIGTERM');
    await receiver.stop();
    await database.drop();
  }
});
