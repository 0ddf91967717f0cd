import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.js';
import { SMTPSink } from '../helpers/smtp-sink.js';
import { PASSWORD, waitFor } from './helpers.js';

const fromHeader = (raw: string): string | undefined => /^From: (.*)$/im.exec(raw)?.[1]?.trim();

async function sendOne(env: Record<string, string>, to: string): Promise<{ from: string; header?: string }> {
  const sink = new SMTPSink();
  const url = await sink.start();
  const t = await createTestApp({ env: { SMTP_URL: url, ...env } });
  try {
    const reg = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: to, password: PASSWORD, name: 'Someone' },
    });
    assert.equal(reg.statusCode, 202, reg.body);
    const mail = await waitFor(() => sink.to(to)[0]);
    return { from: mail.from, header: fromHeader(mail.raw) };
  } finally {
    await t.close();
    await sink.close();
  }
}

test('WOES_MAIL_FROM is the sender of the email (envelope and From header)', async () => {
  const named = await sendOne(
    { WOES_MAIL_FROM: 'Acme Support <support@mail.acme.example>', WOES_PUBLIC_URL: 'https://support.example.com' },
    'named@example.com',
  );
  assert.equal(named.from, 'support@mail.acme.example');
  assert.equal(named.header, 'Acme Support <support@mail.acme.example>');

  const bare = await sendOne({ WOES_MAIL_FROM: 'help@acme.example' }, 'bare@example.com');
  assert.equal(bare.from, 'help@acme.example');
  assert.equal(bare.header, 'help@acme.example');
});

test('without WOES_MAIL_FROM the sender is unchanged: Woes <no-reply@host of WOES_PUBLIC_URL>', async () => {
  const sent = await sendOne({ WOES_PUBLIC_URL: 'https://support.example.com' }, 'default@example.com');
  assert.equal(sent.from, 'no-reply@support.example.com');
  assert.equal(sent.header, 'Woes <no-reply@support.example.com>');
});
