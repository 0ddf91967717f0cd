import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { channelTenant, sendInbound } from './helpers.js';

/**
 * Outbound endpoints live at /webhooks/:id (issue #15); the inbound route's static `inbound`
 * segment must win over that parameter. Until those routes are merged, stand-ins with the same
 * shapes are registered here, so the router is tested with both present either way.
 */
let t: TestApp;
const STAND_INS = [
  ['GET', '/api/v1/webhooks/:id'],
  ['POST', '/api/v1/webhooks/:id/test'],
  ['POST', '/api/v1/webhooks/:id/rotate-secret'],
  ['GET', '/api/v1/webhooks/:id/deliveries'],
] as const;

before(async () => {
  t = await createTestApp({
    beforeReady(app) {
      for (const [method, url] of STAND_INS) {
        if (app.hasRoute({ method, url })) continue;
        app.route({ method, url, handler: async () => ({ outbound: true }) });
      }
    },
  });
});
after(() => t.close());

test('POST /webhooks/inbound/:channelId reaches the inbound route, never /webhooks/:id', async () => {
  const tenant = await channelTenant(t);
  const channel = await tenant.createChannel('api');
  const sent = await sendInbound(t, channel, { customer: { externalId: 'c1' }, body: 'Routed' });
  assert.equal(sent.statusCode, 201, sent.body);
  assert.match(sent.json.conversationId, /^conv_/);
  // Ids that look like outbound actions still land on the inbound route (a signed 401, not outbound's answer).
  for (const id of ['test', 'rotate-secret', 'deliveries']) {
    const response = await t.request({
      method: 'POST',
      url: `/api/v1/webhooks/inbound/${id}`,
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(response.statusCode, 401, `${id}: ${response.body}`);
    assert.equal(response.json.code, 'unauthorized');
  }
  const route = t.app.findRoute({ method: 'POST', url: '/api/v1/webhooks/inbound/:channelId' });
  assert.ok(route, 'the inbound route is registered under its static segment');
});
