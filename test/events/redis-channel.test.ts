import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { RedisChannel } from '../../src/events/redis-channel.js';
import { LOCAL_REDIS_URL, TEST_REDIS_URL } from '../helpers/env.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { within } from '../keys/helpers.js';
import { reachable } from './reachable.js';

const REDIS = TEST_REDIS_URL ?? LOCAL_REDIS_URL;

// Found by the cluster suite: a process started during a Redis outage connected once Redis
// returned but never subscribed, so it heard revocations only through the slow safety poll.
test('a Redis channel that starts while Redis is down hears pushes once Redis returns', async (context) => {
  if (!(await reachable(REDIS))) return context.skip('Redis unreachable');
  const target = new URL(REDIS);
  const proxy = new TCPProxy(target.hostname, Number(target.port || 6379));
  const port = await proxy.start();
  await proxy.stop();
  const name = `woes:test:channel:${randomUUID()}`;
  const channel = new RedisChannel(`redis://127.0.0.1:${port}`, name, pino({ level: 'silent' }));
  const publisher = new Redis(REDIS);
  const heard: string[] = [];
  const states: boolean[] = [];
  try {
    await channel.listen({ message: (text) => heard.push(text), connected: (up) => states.push(up) });
    assert.equal(states.length, 0, 'reported up while Redis was unreachable');
    await proxy.restart();
    await within(5000, async () => states.includes(true));
    const ms = await within(2000, async () => {
      await publisher.publish(name, 'after the outage');
      return heard.includes('after the outage');
    });
    context.diagnostic(`first push heard ${ms} ms after the channel reported Redis up`);
  } finally {
    await channel.close();
    publisher.disconnect();
    await proxy.stop();
  }
});
