import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { inviteEmail } from '../../src/accounts/mail/emails.js';
import { listOutbox, writeOutboxFile } from '../../src/accounts/mail/outbox.js';

test("an outbox entry's link is Woes's own, not a URL a workspace's creator put in its name", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-outbox-'));
  try {
    const origin = 'http://localhost:3000';
    const email = inviteEmail(
      origin,
      'bob@example.com',
      'a'.repeat(43),
      { id: 'ws_1', name: 'https://evil.example/login' },
      'agent',
    );
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const sent = await transport.sendMail({
      from: 'Woes <no-reply@localhost>',
      to: email.to,
      subject: email.subject,
      text: email.text,
    });
    writeOutboxFile(dir, 'evt_1', sent.message as Buffer);
    const [entry] = listOutbox(dir, origin);
    assert.match(entry.subject, /evil\.example/, 'the name is in the subject');
    assert.equal(entry.link, `${origin}/accept-invite?token=${'a'.repeat(43)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
