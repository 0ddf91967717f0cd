import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, forbidden } from '../errors.js';
import { typed } from '../http/typed.js';
import { firstMatch, listOutbox, messageTexts } from '../accounts/index.js';

const OutboxQuery = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

/** How long the outbox page waits for this process's pending sign-ups before it checks the password. */
const SIGN_UP_WAIT_MS = 5000;

const VERIFY_LINK = /https?:\/\/[^\s"'<>]+\/verify-email\?token=[A-Za-z0-9_~.%-]+/;
const PORTAL_LINK = /https?:\/\/[^\s"'<>]+\/portal\/[A-Za-z0-9_]+\/continue\?token=woespl_[A-Za-z0-9]+/;
const PortalOutboxQuery = Type.Object(
  { workspaceId: Type.String({ minLength: 1, maxLength: 64 }), email: Type.String({ minLength: 3, maxLength: 320 }) },
  { additionalProperties: false },
);

/**
 * The addresses of a `To` header (`a@x`, `Name <a@x>`, or a list of either), lower-cased. A
 * quoted name holding a comma splits into a piece with no address, which matches nothing.
 */
export function recipientAddresses(to: string): string[] {
  return to.split(',').map((part) => (/<([^<>]*)>/.exec(part)?.[1] ?? part).trim().toLowerCase());
}

/** The verification link of the newest outbox email to exactly `email` (any case), or null. */
export function latestVerificationLink(dataDir: string, email: string, pattern: RegExp = VERIFY_LINK): string | null {
  const wanted = email.trim().toLowerCase();
  // The whole address, never a part of one: e@example.org must not read alice@example.org's mail.
  const entries = listOutbox(dataDir).filter((e) => recipientAddresses(e.to).includes(wanted));
  for (const entry of entries.reverse()) {
    const link = firstMatch(messageTexts(fs.readFileSync(entry.file, 'utf8')), pattern);
    if (link !== null) return link;
  }
  return null;
}

/**
 * Embedded mode only (no SMTP_URL): the "check your email" page shows the verification
 * link from the outbox, since no email is really sent. Like the portal's, it answers only on a
 * local setup (see registerPortalOutboxLink; anywhere else a 404), and there only to whoever
 * proves they chose the account's password (checked by the public sign-in endpoint, which
 * answers `email_not_verified` exactly for a right password on an unverified account,
 * and applies its per-account+IP throttle), so no one reads another person's mail.
 */
export async function registerOutboxLink(
  plugin: FastifyInstance,
  dataDir: string,
  publicUrl: string,
  signUpsDone: () => Promise<void> = async () => undefined,
): Promise<void> {
  const localSetup = isLocalSetup(publicUrl);
  const app = typed(plugin);
  app.post(
    '/app/outbox/verification-link',
    {
      schema: {
        hide: true,
        body: OutboxQuery,
        response: { 200: Type.Object({ link: Type.Union([Type.String(), Type.Null()]), verified: Type.Boolean() }) },
      },
    },
    async function outboxVerificationLink(request) {
      const { email, password } = request.body;
      if (!localSetup || !isLoopback(request.ip))
        throw new AppError('not_found', 'The outbox is shown only on a local setup.');
      // A sign-up makes its account just after its 202: the page asks at once, so let the sign-ups
      // this process has answered finish first (bounded), or the check below would find no account
      // and count a failed sign-in against it.
      await Promise.race([signUpsDone(), new Promise((resolve) => setTimeout(resolve, SIGN_UP_WAIT_MS).unref())]);
      const attempt = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/session',
        payload: { provider: 'local', email, password },
        remoteAddress: request.ip,
        headers: { 'user-agent': request.headers['user-agent'] ?? '', 'x-correlation-id': request.id },
      });
      if (attempt.statusCode === 200) {
        // Already verified: end the session this check opened and say so.
        const { accessToken } = attempt.json() as { accessToken: string };
        await app.inject({
          method: 'DELETE',
          url: '/api/v1/auth/session',
          headers: { authorization: `Bearer ${accessToken}` },
        });
        return { link: null, verified: true };
      }
      const body = attempt.json() as { code?: string; error?: string };
      if (attempt.statusCode === 429) {
        const retryAfter = Number(attempt.headers['retry-after'] ?? 60);
        throw new AppError('rate_limited', body.error ?? 'Too many attempts; try again later.', { retryAfter });
      }
      if (body.code !== 'email_not_verified') throw forbidden('The email and password do not match a new account.');
      const link = latestVerificationLink(dataDir, email);
      if (link === null)
        throw new AppError('not_found', 'No verification email for this address is in the outbox yet.');
      return { link, verified: false };
    },
  );
}

/** Whether Woes's public URL is itself loopback: the outbox pages answer only then. */
export function isLocalSetup(publicUrl: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(publicUrl).hostname);
}

/** True for 127.0.0.0/8 and ::1 (also as ::ffff:127.x). */
function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/**
 * Embedded mode only: the portal's "check your email" page shows the customer's link from the
 * outbox. A portal customer has no password to prove, so this answers only on a local setup:
 * a request from a loopback address to a Woes whose public URL is itself loopback (the person
 * at the machine, who could read the outbox files anyway). Anywhere else it is a 404.
 */
export async function registerPortalOutboxLink(
  app: FastifyInstance,
  dataDir: string,
  publicUrl: string,
): Promise<void> {
  const localSetup = isLocalSetup(publicUrl);
  typed(app).post(
    '/app/outbox/portal-link',
    { schema: { hide: true, body: PortalOutboxQuery, response: { 200: Type.Object({ link: Type.String() }) } } },
    async function outboxPortalLink(request) {
      const { workspaceId, email } = request.body;
      if (!localSetup || !isLoopback(request.ip))
        throw new AppError('not_found', 'The outbox is shown only on a local setup.');
      const link = latestVerificationLink(dataDir, email, PORTAL_LINK);
      if (link === null || !link.includes(`/portal/${workspaceId}/`))
        throw new AppError('not_found', 'No sign-in email for this address is in the outbox yet.');
      return { link };
    },
  );
}
