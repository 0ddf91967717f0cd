import nodemailer, { type Transporter } from 'nodemailer';
import type { CoreDeps } from '../../deps.js';
import { newId } from '../../storage/ids.js';
import { writeOutboxFile } from './outbox.js';

/**
 * Why an email goes out, which decides the budget it spends:
 * - `requested`: a caller named the address (verification, password reset, invitation, portal link).
 *   At most 5 per recipient per hour (emailPerRecipient), so nobody can use Woes to flood an address.
 * - `notice`: Woes tells a workspace's owners about something routine (expiring keys).
 *   Its own budget, emailNoticePerRecipient (30 per recipient per hour), so a bug cannot mail-bomb an owner.
 * - `security`: Woes tells owners it acted to protect them (a leaked key revoked, a webhook endpoint disabled).
 *   A separate bucket of the same size, so routine notices can never crowd one out.
 */
export type EmailKind = 'requested' | 'notice' | 'security';

const BUDGETS = {
  requested: { bucket: 'emailPerRecipient', rule: 'emailPerRecipient' },
  notice: { bucket: 'emailNoticePerRecipient', rule: 'emailNoticePerRecipient' },
  security: { bucket: 'emailSecurityNoticePerRecipient', rule: 'emailNoticePerRecipient' },
} as const;

export interface OutgoingEmail {
  /** Which budget the email spends; requested (the strictest) unless said otherwise. */
  kind?: EmailKind;
  to: string;
  subject: string;
  text: string;
  /** The one link the message carries (logged in outbox mode so a local user can follow it). */
  link?: string;
}

/**
 * Sends email in the background: over SMTP when SMTP_URL is set, else into the `.eml` outbox.
 * Requests never wait for (or fail on) the mail server, and never reveal by their timing
 * whether an email was sent. At most 5 requested emails per recipient per hour; notices to
 * owners have their own budgets (see EmailKind).
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
    const kind = email.kind ?? 'requested';
    const budget = BUDGETS[kind];
    const limit = await this.core.limiter.consume(
      budget.bucket,
      email.to.toLowerCase(),
      this.core.limiter.rules[budget.rule],
    );
    if (!limit.allowed) {
      // The request that asked for it still succeeds: no enumeration, no error for the caller.
      this.core.logger.warn(
        { event: 'email.suppressed', kind, to: email.to, subject: email.subject },
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
      // The one sanctioned token in a log line: without SMTP this is how a local user gets the link.
      this.core.logger.info(
        { event: 'email.outbox', to: email.to, subject: email.subject, link: email.link, file },
        'email written to outbox',
      );
    } else {
      this.core.logger.info({ event: 'email.sent', to: email.to, subject: email.subject }, 'email sent');
    }
  }
}

/** The public URL's host name, or localhost for an IP address (the default public URL is one): no-reply@127.0.0.1 is no mail domain. */
function senderDomain(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host === '' || /^[\d.]+$/.test(host) || host.startsWith('[') ? 'localhost' : host;
}
