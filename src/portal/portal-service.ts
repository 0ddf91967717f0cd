import type { CoreDeps } from '../deps.js';
import type { RequestCaller } from '../http/caller.js';
import { notFound, unauthorized } from '../errors.js';
import { isoTime } from '../http/schemas.js';
import { newId } from '../storage/ids.js';
import type { OutgoingEmail } from '../accounts/mail/mailer.js';
import { portalLinkEmail } from './emails.js';
import { portalRepository as repo, type ActiveSession } from './portal-repository.js';
import {
  generateLinkToken,
  generateSessionToken,
  hashToken,
  isWellFormedLinkToken,
  isWellFormedSessionToken,
} from './portal-tokens.js';
import type { PortalSupport } from './support-adapter.js';
import { SerialQueue } from '../lib/serial-queue.js';

export const LINK_LIFETIME_MS = 15 * 60_000;
/** One opaque session token with a sliding expiry: idle for 30 minutes, or 12 hours after sign-in, it ends. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
// Moving the expiry is a write: at most once a minute per session, not on every request.
const EXTEND_STEP_MS = 60_000;

export interface PortalMailer {
  send(email: OutgoingEmail): void;
  /** Resolves once every email handed over so far is sent or written. */
  idle(): Promise<void>;
}

/** A signed-in portal customer, as the portal routes see them. */
export type PortalCaller = ActiveSession;

/**
 * Magic links and portal sessions (SPEC §7). Requesting a link answers the same way, after the
 * same work, whoever asks: the lookup, the write and the email happen after the answer, one
 * request at a time, in the background.
 */
export class PortalService {
  private readonly queue: SerialQueue;

  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'config' | 'logger' | 'storage'>,
    private readonly mailer: PortalMailer,
    private readonly support: PortalSupport,
  ) {
    this.queue = new SerialQueue(core.logger);
  }

  /** Always returns at once; a link is mailed only to a live customer of a workspace whose portal is on. */
  requestLink(workspaceId: string, email: string, facts: RequestCaller): void {
    // The token and its hash are made for every request, known email or not: the same work.
    const token = generateLinkToken();
    const tokenHash = hashToken(token);
    const address = email.trim().toLowerCase();
    this.queue.push('portal link', () => this.mailLink(workspaceId, address, token, tokenHash, facts));
  }

  /** Resolves once every link asked for so far has been written and handed to the mailer. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.mailer.idle();
  }

  private async mailLink(
    workspaceId: string,
    email: string,
    token: string,
    tokenHash: string,
    facts: RequestCaller,
  ): Promise<void> {
    const { db, clock, audit, config, storage } = this.core;
    const settings = await repo.settings(db, workspaceId);
    if (!settings || !settings.enabled) return;
    const customerId = await this.support.customerByEmail(workspaceId, email);
    if (customerId === undefined) return;
    const now = clock.now();
    const written = await db.transaction().execute(async (trx) => {
      // The address may have moved since the lookup (PATCH /customers/:id): then nothing is written.
      const inserted = await repo.insertLinkForEmail(trx, storage.dialect, {
        tokenHash,
        workspaceId,
        customerId,
        email,
        createdAt: now,
        expiresAt: now + LINK_LIFETIME_MS,
      });
      if (!inserted) return false;
      await audit.record(trx, facts, {
        workspaceId,
        type: 'portal.link_requested',
        actor: { type: 'anonymous', id: null },
        target: { type: 'customer', id: customerId },
      });
      return true;
    });
    if (!written) return;
    this.mailer.send(
      portalLinkEmail(config.publicUrl, email, workspaceId, settings.displayName ?? settings.workspaceName, token),
    );
  }

  /** The workspace as a link's confirm page names it; null when there is none or its portal is off. */
  async workspaceName(workspaceId: string): Promise<string | null> {
    const settings = await repo.settings(this.core.db, workspaceId);
    return settings && settings.enabled ? (settings.displayName ?? settings.workspaceName) : null;
  }

  /**
   * Whom a link signs in, for its confirm page to name before anything is spent: a visitor sent
   * someone else's link (login CSRF by a link the attacker asked for) sees it is not their address.
   */
  async linkEmail(token: string, workspaceId: string): Promise<string | null> {
    if (!isWellFormedLinkToken(token)) return null;
    return repo.liveLinkEmail(this.core.db, hashToken(token), workspaceId, this.core.clock.now());
  }

  /**
   * Spends a link (once, within 15 minutes, for the workspace it was made for) and opens a
   * session. `workspaceId` is the portal the link is being opened in, when the caller knows it.
   */
  async signIn(token: string, workspaceId: string | undefined, facts: RequestCaller) {
    const refused = unauthorized(
      'This sign-in link is not valid: it was used, it expired, or it is for another portal. Ask for a new one.',
    );
    if (!isWellFormedLinkToken(token)) throw refused;
    const { db, clock, audit } = this.core;
    const tokenHash = hashToken(token);
    const portal = workspaceId ?? (await repo.linkWorkspace(db, tokenHash));
    if (portal === undefined) throw refused;
    const name = await this.workspaceName(portal);
    if (name === null) throw refused;
    const now = clock.now();
    const sessionToken = generateSessionToken();
    const session = {
      id: newId('ses', now),
      workspaceId: portal,
      expiresAt: now + SESSION_IDLE_MS,
      absoluteExpiresAt: now + SESSION_ABSOLUTE_MS,
    };
    const customerId = await db.transaction().execute(async (trx) => {
      const customer = await repo.spendLink(trx, tokenHash, portal, now);
      if (customer === undefined) return undefined;
      await repo.insertSession(trx, {
        ...session,
        customerId: customer,
        tokenHash: hashToken(sessionToken),
        createdAt: now,
      });
      await audit.record(trx, facts, {
        workspaceId: portal,
        type: 'portal.signed_in',
        actor: { type: 'customer', id: customer },
        target: { type: 'customer', id: customer },
        data: { sessionId: session.id },
      });
      return customer;
    });
    if (customerId === undefined) throw refused;
    return { sessionToken, expiresAt: isoTime(session.expiresAt)!, workspace: { id: portal, name } };
  }

  /** The live session behind a portal token, its idle expiry moved on; null when there is none. */
  async authenticate(token: string): Promise<PortalCaller | null> {
    if (!isWellFormedSessionToken(token)) return null;
    const now = this.core.clock.now();
    const session = await repo.activeSession(this.core.db, hashToken(token), now);
    if (!session) return null;
    const next = Math.min(now + SESSION_IDLE_MS, session.absoluteExpiresAt);
    if (next - session.expiresAt >= EXTEND_STEP_MS) await repo.extendSession(this.core.db, session.id, next);
    return session;
  }

  async signOut(caller: PortalCaller, facts: RequestCaller): Promise<void> {
    const { db, clock, audit } = this.core;
    await db.transaction().execute(async (trx) => {
      await repo.endSession(trx, caller.id, clock.now());
      await audit.record(trx, facts, {
        workspaceId: caller.workspaceId,
        type: 'portal.signed_out',
        actor: { type: 'customer', id: caller.customerId },
        target: { type: 'customer', id: caller.customerId },
        data: { sessionId: caller.id },
      });
    });
  }

  async conversations(caller: PortalCaller) {
    const rows = await repo.conversations(this.core.db, caller.workspaceId, caller.customerId);
    return { data: rows.map(conversationView) };
  }

  async thread(caller: PortalCaller, id: string) {
    const row = await repo.conversation(this.core.db, caller.workspaceId, caller.customerId, id);
    // Another customer's conversation is as absent as one that does not exist.
    if (!row) throw notFound('conversation');
    const messages = await repo.messages(this.core.db, caller.workspaceId, id);
    return {
      conversation: conversationView(row),
      messages: messages.map((m) => ({
        id: m.id,
        role: m.role === 'user' ? ('customer' as const) : ('support' as const),
        body: m.body,
        createdAt: isoTime(m.createdAt)!,
      })),
    };
  }

  async reply(caller: PortalCaller, id: string, body: string, facts: RequestCaller) {
    const row = await repo.conversation(this.core.db, caller.workspaceId, caller.customerId, id);
    if (!row) throw notFound('conversation');
    const message = await this.support.addCustomerReply(caller.workspaceId, caller.customerId, id, body, facts);
    return { id: message.id, role: 'customer' as const, body, createdAt: message.createdAt };
  }
}

function conversationView(row: {
  id: string;
  subject: string | null;
  status: string;
  /** Customer-visible messages only (a COUNT: a string from PostgreSQL). */
  messageCount: number | string | null;
  /** The last customer-visible message (MAX over a bigint: a string from PostgreSQL). */
  lastMessageAt: number | string | null;
  createdAt: number;
  updatedAt: number;
}) {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    messageCount: Number(row.messageCount ?? 0),
    lastMessageAt: row.lastMessageAt === null ? null : isoTime(Number(row.lastMessageAt)),
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
  };
}
