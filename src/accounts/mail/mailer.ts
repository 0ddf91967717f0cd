import nodemailer, { type Transporter } from 'nodemailer';
import type { CoreDeps } from '../../deps.js';
import { newId } from '../../storage/ids.js';
import type { RuleName } from '../../ratelimit/rate-limiter.js';
import { writeOutboxFile } from './outbox.js';

/**
 * Why an email goes out, which decides the budgets it spends. Mail to an address a caller named
 * is split by purpose, and workspaces' mail by workspace, so nobody can spend another purpose's or
 * another workspace's budget for an address (five portal links from one workspace once blocked a
 * user's password reset):
 * - `account`: the account owner's own mail (verification, password reset).
 *   5 per recipient per hour (emailAccountPerRecipient); no workspace's mail ever counts in it.
 * - `registered`: "someone tried to register with your address", which anyone can trigger: 2 per
 *   recipient per hour of its own (emailRegisteredNoticePerRecipient), so sign-ups with a user's
 *   address cannot crowd out that user's password reset.
 * - `invite` / `portal`: a workspace's invitation or portal sign-in link. 5 per (workspace, recipient)
 *   per hour each (emailInvitePerRecipient, emailPortalLinkPerRecipient), then all workspaces
 *   together at most 20 per recipient per hour (emailPerRecipient): workspaces are free to create,
 *   so without that ceiling anyone could flood an address through many of them. One workspace can
 *   reach at most 10 of the 20, and a refused email never spends the ceiling.
 * - `notice`: Woes tells a workspace's owners about something routine (expiring keys).
 *   Its own budget, emailNoticePerRecipient (30 per recipient per hour), so a bug cannot mail-bomb an owner.
 * - `security`: Woes tells owners it acted to protect them (a leaked key revoked, a webhook endpoint disabled).
 *   A separate bucket of the same size, so routine notices can never crowd one out.
 * So an address gets at most 5 + 2 + 20 emails an hour that callers asked for, whoever asked.
 */
export type EmailKind = 'account' | 'registered' | 'invite' | 'portal' | 'notice' | 'security';

/** One budget an email spends: the bucket, its rule, and whether the workspace is part of the key. */
interface Budget {
  readonly bucket: string;
  readonly rule: RuleName;
  readonly perWorkspace: boolean;
}

const CEILING: Budget = { bucket: 'emailPerRecipient', rule: 'emailPerRecipient', perWorkspace: false };

/** The budgets of each kind, spent in order: a later one is only spent when every earlier one allowed the email. */
const BUDGETS: Record<EmailKind, readonly Budget[]> = {
  account: [{ bucket: 'emailAccountPerRecipient', rule: 'emailAccountPerRecipient', perWorkspace: false }],
  registered: [
    { bucket: 'emailRegisteredNoticePerRecipient', rule: 'emailRegisteredNoticePerRecipient', perWorkspace: false },
  ],
  invite: [{ bucket: 'emailInvitePerRecipient', rule: 'emailInvitePerRecipient', perWorkspace: true }, CEILING],
  portal: [{ bucket: 'emailPortalLinkPerRecipient', rule: 'emailPortalLinkPerRecipient', perWorkspace: true }, CEILING],
  notice: [{ bucket: 'emailNoticePerRecipient', rule: 'emailNoticePerRecipient', perWorkspace: false }],
  security: [{ bucket: 'emailSecurityNoticePerRecipient', rule: 'emailNoticePerRecipient', perWorkspace: false }],
};

interface EmailContent {
  to: string;
  subject: string;
  text: string;
  /** The one link the message carries (logged in outbox mode so a local user can follow it). */
  link?: string;
}

/**
 * An email to send. Which budget it spends: the account owner's (`account`, the default) unless
 * said otherwise; a workspace's invitation or portal link names the workspace, whose budget it spends.
 */
export type OutgoingEmail = EmailContent &
  (
    | { kind?: 'account' | 'registered' | 'notice' | 'security'; workspaceId?: never }
    | { kind: 'invite' | 'portal'; workspaceId: string }
  );

/**
 * Sends email in the background: over SMTP when SMTP_URL is set, else into the `.eml` outbox.
 * Requests never wait for (or fail on) the mail server, and never reveal by their timing
 * whether an email was sent. Each purpose (and each workspace) has its own budget per
 * recipient, under one ceiling per address for all workspaces (see EmailKind).
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly mode: 'smtp' | 'outbox';
  private readonly from: string | { name: string; address: string };
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly core: Pick<CoreDeps, 'config' | 'logger' | 'limiter'>) {
    const { config } = core;
    this.mode = config.smtpUrl ? 'smtp' : 'outbox';
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    // WOES_MAIL_FROM (validated by loadConfig) when set; nodemailer encodes the display name.
    const from = config.mailFrom;
    this.from = from
      ? from.name === null
        ? from.address
        : { name: from.name, address: from.address }
      : `Woes <no-reply@${senderDomain(config.publicUrl)}>`;
  }

  send(email: OutgoingEmail): void {
    const job = this.deliver(email).catch((error: unknown) => {
      this.core.logger.error(
        { err: { message: (error as Error).message }, to: email.to, subject: email.subject },
        'email not sent',
      );
    });
    this.pending.add(job);
    void job.finally(() => this.pending.delete(job));
  }

  /** Resolves once every email handed over so far has been sent or written. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  close(): Promise<void> {
    return this.idle().finally(() => this.transport.close());
  }

  private async deliver(email: OutgoingEmail): Promise<void> {
    const kind = email.kind ?? 'account';
    const refused = await this.spend(kind, email);
    if (refused !== null) {
      // The request that asked for it still succeeds: no enumeration, no error for the caller.
      this.core.logger.warn(
        {
          event: 'email.suppressed',
          kind,
          budget: refused,
          workspaceId: email.workspaceId,
          to: email.to,
          subject: email.subject,
        },
        'email not sent: recipient limit reached',
      );
      return;
    }
    const info = await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
    });
    if (this.mode === 'outbox') {
      const file = writeOutboxFile(this.core.config.dataDir, newId('evt'), info.message as Buffer);
      // The link's page is logged, not its one-time token (a log line never carries a secret):
      // `woes mail list`, the .eml file and the local check-email page give the whole link.
      this.core.logger.info(
        { event: 'email.outbox', to: email.to, subject: email.subject, link: withoutToken(email.link), file },
        'email written to outbox (woes mail list shows its link)',
      );
    } else {
      this.core.logger.info({ event: 'email.sent', to: email.to, subject: email.subject }, 'email sent');
    }
  }

  /** Spends the kind's budgets in order; the rule name of the first that refused, or null when all allowed. */
  private async spend(kind: EmailKind, email: OutgoingEmail): Promise<RuleName | null> {
    const { limiter } = this.core;
    const recipient = email.to.toLowerCase();
    for (const budget of BUDGETS[kind]) {
      if (budget.perWorkspace && !email.workspaceId) throw new Error(`a ${kind} email needs its workspaceId`);
      const key = budget.perWorkspace ? `${email.workspaceId}:${recipient}` : recipient;
      const limit = await limiter.consume(budget.bucket, key, limiter.rules[budget.rule]);
      // Stop at the first refusal: an email one workspace may no longer send never spends the shared ceiling.
      if (!limit.allowed) return budget.rule;
    }
    return null;
  }
}

/** The public URL's host name, or localhost for an IP address (the default public URL is one): no-reply@127.0.0.1 is no mail domain. */
function senderDomain(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host === '' || /^[\d.]+$/.test(host) || host.startsWith('[') ? 'localhost' : host;
}

/** A link as the log may show it: every query value replaced, so no one-time token is written. */
function withoutToken(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  return link.replace(/([?&][^=&#]+=)[^&#]*/g, '$1[REDACTED]');
}
