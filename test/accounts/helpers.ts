import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { decodeBody } from '../helpers/smtp-sink.js';
import { parseHeaders } from '../../src/accounts/mail/outbox.js';
import type { AccountsModule } from '../../src/accounts/module.js';

export const PASSWORD = 'correct horse battery staple';

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  file: string;
}

/** Every email in the app's outbox (`$WOES_DATA_DIR/mail`), oldest first. */
export function outbox(t: TestApp): OutboxMail[] {
  const dir = path.join(t.config.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const raw = fs.readFileSync(path.join(dir, name), 'utf8');
      const headers = parseHeaders(raw);
      return { to: headers.get('to') ?? '', subject: headers.get('subject') ?? '', text: decodeBody(raw), file: name };
    });
}

/** Waits for the n-th email to `to` whose subject matches, and returns its one-time token. */
export async function mailedToken(t: TestApp, to: string, subject: RegExp, nth = 1): Promise<string> {
  const mail = await waitFor(() => outbox(t).filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1]);
  const match = /token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  assert.ok(match, 'the email carries a token link');
  return match[1];
}

/** Waits until the sign-ups, resends and resets answered so far have done their work and mailed. */
export async function accountsSettled(t: TestApp): Promise<void> {
  await (t.app.woes.modules.find((m) => m.name === 'accounts') as AccountsModule).registration.idle();
}

/** POST /auth/refresh with the token in the body. */
export function refresh(t: TestApp, refreshToken: string) {
  return t.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
}

export function bearer(token: string, workspaceId?: string): Record<string, string> {
  return workspaceId
    ? { authorization: `Bearer ${token}`, 'x-workspace-id': workspaceId }
    : { authorization: `Bearer ${token}` };
}

let signUps = 0;
export function nextSignUpAddress(): string {
  signUps += 1;
  return `10.${(signUps >> 16) & 255}.${(signUps >> 8) & 255}.${signUps & 255}`;
}

/** Registers, verifies through the outbox email, and signs in. */
export async function signUp(
  t: TestApp,
  email: string,
  options: { workspaceName?: string; password?: string; name?: string } = {},
): Promise<{ accessToken: string; refreshToken: string; userId: string; workspaceId: string | null }> {
  const password = options.password ?? PASSWORD;
  const reg = await t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    // Each sign-up from its own address: tests make many accounts, and sign-ups are limited per IP.
    remoteAddress: nextSignUpAddress(),
    payload: {
      email,
      password,
      name: options.name ?? 'Test Person',
      ...(options.workspaceName ? { workspaceName: options.workspaceName } : {}),
    },
  });
  assert.equal(reg.statusCode, 202, reg.body);
  const token = await mailedToken(t, email, /Verify/);
  const verified = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  assert.equal(verified.statusCode, 200, verified.body);
  return signIn(t, email, password);
}

export async function signIn(
  t: TestApp,
  email: string,
  password = PASSWORD,
  workspaceId?: string,
): Promise<{ accessToken: string; refreshToken: string; userId: string; workspaceId: string | null }> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/session',
    payload: { provider: 'local', email, password, ...(workspaceId ? { workspaceId } : {}) },
  });
  assert.equal(res.statusCode, 200, res.body);
  return {
    accessToken: res.json.accessToken,
    refreshToken: res.json.refreshToken,
    userId: res.json.user.id,
    workspaceId: res.json.workspace?.id ?? null,
  };
}
