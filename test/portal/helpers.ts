import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { outbox, waitFor } from '../accounts/helpers.js';
import type { PortalModule } from '../../src/portal/module.js';
import type { Tenant } from '../support/api-helpers.js';

export function portalService(t: TestApp) {
  return (t.app.woes.modules.find((m) => m.name === 'portal') as PortalModule).service;
}

/** Waits until every link asked for so far is written and mailed. */
export async function settle(t: TestApp): Promise<void> {
  await portalService(t).idle();
  await waitFor(() => true);
}

/** A customer of the tenant's workspace with one conversation holding a customer message, an agent answer and a note. */
export async function customerWithConversation(tenant: Tenant, externalId: string, email: string, subject: string) {
  const created = await tenant.call('POST', '/conversations', {
    subject,
    customer: { id: externalId, name: externalId, email },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id: string = created.json.id;
  for (const [role, body] of [
    ['user', `question from ${externalId}`],
    ['agent', `answer to ${externalId}`],
    ['note', `internal note about ${externalId}`],
  ]) {
    const message = await tenant.call('POST', `/conversations/${id}/messages`, { role, body });
    assert.equal(message.statusCode, 201, message.body);
  }
  return { conversationId: id, customerId: created.json.customer.id as string };
}

export async function requestLink(t: TestApp, workspaceId: string, email: string, ip = '127.0.0.1') {
  return t.request({
    method: 'POST',
    url: '/api/v1/portal/magic-link',
    payload: { workspaceId, email },
    remoteAddress: ip,
  });
}

/** Asks for a link and returns the token of the newest portal email to `email`. */
export async function linkToken(t: TestApp, workspaceId: string, email: string): Promise<string> {
  const before = portalMails(t, email).length;
  const answer = await requestLink(t, workspaceId, email);
  assert.equal(answer.statusCode, 202, answer.body);
  await settle(t);
  const mail = await waitFor(() => portalMails(t, email)[before]);
  const match = /token=(woespl_[A-Za-z0-9]+)/.exec(mail.text);
  assert.ok(match, 'the email carries a woespl_ link');
  return match[1];
}

export function portalMails(t: TestApp, email: string) {
  return outbox(t).filter((m) => m.to.includes(email.toLowerCase()) && /sign-in link/.test(m.subject));
}

export async function openSession(t: TestApp, workspaceId: string, email: string): Promise<string> {
  const token = await linkToken(t, workspaceId, email);
  const session = await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token, workspaceId } });
  assert.equal(session.statusCode, 201, session.body);
  return session.json.sessionToken;
}

export const portalAuth = (token: string) => ({ authorization: `Bearer ${token}` });
