import type { CoreDeps } from '../deps.js';
import type { Caller } from '../http/caller.js';
import { unauthorized } from '../errors.js';
import { enforceLimit } from '../ratelimit/enforce.js';
import { isId } from '../storage/ids.js';
import { generateHistorySecret, hashKey, isWellFormedHistorySecret, sameHash } from '../keys/key-format.js';
import { verifyIdentity, type IdentityClaim, type VerifiedIdentity } from './identity.js';
import type { WidgetSettingsService } from './settings-service.js';
import type { WidgetSupport } from './support-adapter.js';
import { widgetRepository as repo, type WidgetConversationRow } from './widget-repository.js';
import type { CreateWidgetConversationInput, WidgetConversationView } from './schemas.js';

/** The active widget key a request came with (checked, origin included, by the widget hook). */
export interface WidgetKeyContext {
  readonly id: string;
  readonly workspaceId: string;
  readonly allowedOrigins: readonly string[];
  readonly mobile: boolean;
}

/** One widget request: its key, where it comes from, and who the visitor claims to be. */
export interface Visitor {
  readonly key: WidgetKeyContext;
  readonly ip: string;
  readonly userAgent: string | null;
  readonly requestId: string;
  readonly claim: IdentityClaim;
}

/** A widget visitor as the audit log names them: their customer, from their address. */
function visitorCaller(visitor: Visitor, customerId: string): Caller {
  return {
    principal: null,
    workspaceId: visitor.key.workspaceId,
    actor: { type: 'customer', id: customerId },
    ip: visitor.ip,
    userAgent: visitor.userAgent,
    requestId: visitor.requestId,
  };
}

const MESSAGES_SHOWN = 100;
const CONVERSATIONS_LISTED = 50;
const NO_ACCESS = 'This conversation needs its history secret (x-woes-conversation-secret) or its verified customer.';

/**
 * What a widget visitor may do. The rules: an identified customer's conversations open only for
 * that verified identity; an anonymous visitor's conversation opens only with its history
 * secret; an anonymous visitor is never matched to a customer by id or email.
 */
export class WidgetService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'limiter'>,
    private readonly settings: WidgetSettingsService,
    private readonly support: WidgetSupport,
  ) {}

  async config(visitor: Visitor): Promise<{ workspaceId: string; requireVerification: boolean; mobile: boolean }> {
    const { required } = await this.settings.verificationOf(visitor.key.workspaceId);
    return {
      workspaceId: visitor.key.workspaceId,
      requireVerification: required || visitor.key.mobile,
      mobile: visitor.key.mobile,
    };
  }

  async create(
    visitor: Visitor,
    input: CreateWidgetConversationInput,
  ): Promise<{ conversation: WidgetConversationView; historySecret: string }> {
    await enforceLimit(this.core.limiter, 'widgetNewConversation', visitor.ip);
    const identity = await this.identify(visitor);
    const workspaceId = visitor.key.workspaceId;
    const historySecret = generateHistorySecret();
    const now = this.core.clock.now();
    const conversationId = await this.core.db.transaction().execute(async (trx) => {
      let conversation: { id: string; customerId: string | null };
      let customerId: string;
      if (identity !== null) {
        // Only signed claims update the identified customer; unsigned body fields never do.
        conversation = await this.support.createConversation(trx, workspaceId, {
          externalId: identity.customerId,
          name: identity.name ?? undefined,
          email: identity.email ?? undefined,
        });
        customerId = conversation.customerId!;
      } else {
        // A customer of its own, even when the typed id or email belongs to someone identified.
        customerId = await this.support.createAnonymousCustomer(trx, workspaceId, {
          name: input.customer?.name,
          email: input.customer?.email,
        });
        conversation = await this.support.createConversation(trx, workspaceId, { id: customerId });
      }
      await this.support.addVisitorMessage(trx, workspaceId, conversation.id, customerId, input.body);
      await repo.insertConversation(trx, {
        conversationId: conversation.id,
        workspaceId,
        customerId,
        verified: identity === null ? 0 : 1,
        secretHash: hashKey(historySecret),
        widgetKeyId: visitor.key.id,
        createdAt: now,
        secretRotatedAt: null,
      });
      return conversation.id;
    });
    return { conversation: await this.view(workspaceId, conversationId, identity !== null), historySecret };
  }

  /** A verified visitor's own widget conversations, from any device. */
  async list(
    visitor: Visitor,
  ): Promise<{ data: Array<{ id: string; status: string; createdAt: string; updatedAt: string }> }> {
    await enforceLimit(this.core.limiter, 'widgetReadConversation', `${visitor.ip}|list`);
    const identity = await this.identify(visitor);
    if (identity === null)
      throw unauthorized(
        'Listing conversations needs a verified identity (x-woes-identity-token or x-woes-user-hash).',
      );
    const customerId = await this.support.customerIdByExternalId(visitor.key.workspaceId, identity.customerId);
    if (customerId === null) return { data: [] };
    const ids = await repo.conversationsOfCustomer(
      this.core.db,
      visitor.key.workspaceId,
      customerId,
      CONVERSATIONS_LISTED,
    );
    const data = [];
    for (const id of ids) {
      const { status, createdAt, updatedAt } = await this.support.conversation(visitor.key.workspaceId, id);
      data.push({ id, status, createdAt, updatedAt });
    }
    return { data };
  }

  async get(visitor: Visitor, id: string, secret: string | undefined): Promise<WidgetConversationView> {
    await enforceLimit(this.core.limiter, 'widgetReadConversation', `${visitor.ip}|${id}`);
    const row = await this.open(visitor, id, secret);
    return this.view(row.workspaceId, row.conversationId, Number(row.verified) === 1);
  }

  async reply(visitor: Visitor, id: string, secret: string | undefined, body: string): Promise<WidgetConversationView> {
    const row = await this.open(visitor, id, secret);
    await this.core.db
      .transaction()
      .execute((trx) => this.support.addVisitorMessage(trx, row.workspaceId, row.conversationId, row.customerId, body));
    return this.view(row.workspaceId, row.conversationId, Number(row.verified) === 1);
  }

  /** A new history secret; the old one stops working with this transaction. */
  async rotateSecret(visitor: Visitor, id: string, secret: string | undefined): Promise<{ historySecret: string }> {
    const row = await this.open(visitor, id, secret);
    const historySecret = generateHistorySecret();
    await this.core.db.transaction().execute(async (trx) => {
      const now = this.core.clock.now();
      if (!(await repo.rotateSecret(trx, row.conversationId, row.secretHash, hashKey(historySecret), now))) {
        throw unauthorized('The history secret was rotated by another request; use the newest one.');
      }
      await this.core.audit.record(trx, visitorCaller(visitor, row.customerId), {
        type: 'widget.history_secret_rotated',
        target: { type: 'conversation', id: row.conversationId },
        data: { widgetKeyId: visitor.key.id },
      });
    });
    return { historySecret };
  }

  async searchArticles(visitor: Visitor, q: string, limit: number): Promise<{ data: unknown[] }> {
    await enforceLimit(this.core.limiter, 'kbSearchAnonymous', visitor.ip);
    return { data: await this.support.searchArticles(visitor.key.workspaceId, q, limit) };
  }

  /** The identity the visitor proves, or null; refuses anonymous visitors where verification is required. */
  private async identify(visitor: Visitor): Promise<VerifiedIdentity | null> {
    const { secret, required } = await this.settings.verificationOf(visitor.key.workspaceId);
    const identity = await verifyIdentity(secret, visitor.claim, this.core.clock.now());
    // A mobile key has no Origin to narrow it: only identified visitors may use it.
    if (identity === null && (required || visitor.key.mobile)) {
      throw unauthorized('This workspace requires identity verification: send an identityToken or a userHash.');
    }
    return identity;
  }

  /** The conversation, if this visitor may open it; every refusal looks the same. */
  private async open(visitor: Visitor, id: string, secret: string | undefined): Promise<WidgetConversationRow> {
    const identity = await this.identify(visitor);
    const row = isId(id, 'conv') ? await repo.conversation(this.core.db, visitor.key.workspaceId, id) : undefined;
    if (row !== undefined && Number(row.verified) === 1) {
      // An identified customer's thread follows the identity, not the browser: after a sign-out
      // (or with another identity) the secret left in localStorage opens nothing.
      if (
        identity !== null &&
        (await this.support.customerIdByExternalId(row.workspaceId, identity.customerId)) === row.customerId
      )
        return row;
    } else if (row !== undefined && identity === null && secret !== undefined && isWellFormedHistorySecret(secret)) {
      if (sameHash(hashKey(secret), row.secretHash)) return row;
    }
    if (secret !== undefined)
      await this.core.limiter.consume('failedCredentials', visitor.ip, this.core.limiter.rules.failedCredentials);
    throw unauthorized(NO_ACCESS);
  }

  private async view(workspaceId: string, conversationId: string, verified: boolean): Promise<WidgetConversationView> {
    const conversation = await this.support.conversation(workspaceId, conversationId);
    const messages = await repo.visibleMessages(this.core.db, workspaceId, conversationId, MESSAGES_SHOWN);
    return {
      id: conversation.id,
      status: conversation.status,
      verified,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
      messages: messages.map((m) => ({
        id: m.id,
        role: m.role === 'user' ? 'user' : m.role === 'bot' ? 'bot' : 'agent',
        body: m.body,
        createdAt: new Date(Number(m.createdAt)).toISOString(),
      })),
    };
  }
}
