import type { Transaction } from 'kysely';
import type { CoreDeps } from '../deps.js';
import { invalidRequest } from '../errors.js';
import { isUniqueViolation } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { channelsRepository as repo, type ReceiptRow } from './channels-repository.js';
import type { VerifiedChannel } from './inbound-verifier.js';
import type { InboundApiInput, InboundEmailInput, InboundResultView } from './schemas.js';
import type { ChannelSupport } from './support-adapter.js';

/**
 * Three days: a replay (within the ±5-minute signature window) always finds its receipt, and so
 * does a sender's own retry of a delivery whose 2xx it never saw — re-signed, same webhook-id —
 * for as long as senders retry (Standard Webhooks' schedule ends about 28 hours after the first
 * attempt; Stripe retries for up to 3 days).
 */
export const RECEIPT_RETENTION_MS = 3 * 24 * 3_600_000;

export interface InboundOutcome {
  /** true: this delivery started a new conversation (201 the first time). */
  readonly created: boolean;
  readonly result: InboundResultView;
}

/** What one delivery wrote; `duplicate` when the same email had come in under another webhook-id. */
type Written = Pick<ReceiptRow, 'conversationId' | 'messageId'> & { created: boolean; duplicate?: true };

/** `<id@host>` and `id@host` name the same message: compare without brackets and spaces. */
export function normaliseMessageId(value: string): string {
  return value
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

/**
 * What a verified inbound delivery does: one customer message, written through the support
 * services in one transaction with the replay receipt (and for email the thread row), so a
 * `webhook-id` is processed exactly once even when replays race.
 */
export class InboundService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock'>,
    private readonly support: ChannelSupport,
  ) {}

  async receive(
    channel: VerifiedChannel,
    webhookId: string,
    payload: InboundApiInput | InboundEmailInput,
  ): Promise<InboundOutcome> {
    const seen = await repo.receipt(this.core.db, channel.id, webhookId);
    if (seen !== undefined) return duplicate(seen);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.process(channel, webhookId, payload);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt === 2) throw error;
        // A concurrent replay committed first: its receipt (primary key) made this transaction fail.
        const winner = await repo.receipt(this.core.db, channel.id, webhookId);
        if (winner !== undefined) return duplicate(winner);
        // Or the same email under another webhook-id took the thread row: a second pass finds it.
      }
    }
  }

  private async process(
    channel: VerifiedChannel,
    webhookId: string,
    payload: InboundApiInput | InboundEmailInput,
  ): Promise<InboundOutcome> {
    const now = this.core.clock.now();
    // Reads through the support services run before the transaction: on SQLite they would wait for it.
    const write =
      'from' in payload ? await this.emailWriter(channel, payload, now) : await this.apiWriter(channel, payload);
    return this.core.db.transaction().execute(async (trx) => {
      const written = await write(trx);
      await repo.pruneReceipts(trx, channel.id, now - RECEIPT_RETENTION_MS);
      await repo.insertReceipt(trx, {
        channelId: channel.id,
        webhookId,
        conversationId: written.conversationId,
        messageId: written.messageId,
        createdConversation: written.created ? 1 : 0,
        receivedAt: now,
      });
      return {
        created: written.created,
        result: {
          conversationId: written.conversationId,
          messageId: written.messageId,
          duplicate: written.duplicate === true,
        },
      };
    });
  }

  private async apiWriter(
    channel: VerifiedChannel,
    input: InboundApiInput,
  ): Promise<(trx: Transaction<Database>) => Promise<Written>> {
    if (channel.type !== 'api') throw wrongPayload('email');
    const { customer } = input;
    const { workspaceId } = channel;
    const continued =
      input.conversationId === undefined ? null : await this.support.conversation(workspaceId, input.conversationId);
    if (continued === null && customer.externalId === undefined && customer.email === undefined) {
      throw invalidRequest('A new conversation needs its customer: send customer.externalId or customer.email.', [
        { path: '/body/customer', message: 'must have externalId or email' },
      ]);
    }
    return async (trx) => {
      let customerId: string | null;
      if (customer.externalId !== undefined) {
        customerId = await this.support.upsertCustomer(trx, workspaceId, {
          ...customer,
          externalId: customer.externalId,
        });
      } else if (customer.email !== undefined) {
        customerId = await this.support.customerByEmail(trx, workspaceId, { ...customer, email: customer.email });
      } else {
        customerId = continued!.customerId;
      }
      const conversationId =
        continued?.id ?? (await this.startConversation(trx, workspaceId, input.subject, customerId));
      const messageId = await this.support.addCustomerMessage(trx, workspaceId, conversationId, customerId, input.body);
      return { conversationId, messageId, created: continued === null };
    };
  }

  private async emailWriter(
    channel: VerifiedChannel,
    input: InboundEmailInput,
    now: number,
  ): Promise<(trx: Transaction<Database>) => Promise<Written>> {
    if (channel.type !== 'email') throw wrongPayload('api');
    const { workspaceId } = channel;
    const messageId = normaliseMessageId(input.messageId);
    // The direct parent first, then References from the nearest ancestor back to the thread's root.
    const parents = [input.inReplyTo, ...(input.references ?? []).slice().reverse()]
      .filter((id): id is string => id !== undefined)
      .map(normaliseMessageId)
      .filter((id) => id !== '' && id !== messageId);
    return async (trx) => {
      // The same email delivered again under another webhook-id is still one message.
      const [again] = await repo.threads(trx, workspaceId, [messageId]);
      if (again !== undefined) {
        return { conversationId: again.conversationId, messageId: again.messageId, created: false, duplicate: true };
      }
      const threads = await repo.threads(trx, workspaceId, parents);
      const parent = parents.map((id) => threads.find((t) => t.emailMessageId === id)).find((t) => t !== undefined);
      const customerId = await this.support.customerByEmail(trx, workspaceId, input.from);
      const conversationId =
        parent?.conversationId ?? (await this.startConversation(trx, workspaceId, input.subject, customerId));
      const message = await this.support.addCustomerMessage(trx, workspaceId, conversationId, customerId, input.text);
      await repo.insertThread(trx, {
        workspaceId,
        emailMessageId: messageId,
        conversationId,
        messageId: message,
        createdAt: now,
      });
      return { conversationId, messageId: message, created: parent === undefined };
    };
  }

  private async startConversation(
    trx: Transaction<Database>,
    workspaceId: string,
    subject: string | undefined,
    customerId: string | null,
  ): Promise<string> {
    return this.support.createConversation(trx, workspaceId, { subject: subject?.trim() || null, customerId });
  }
}

function duplicate(receipt: ReceiptRow): InboundOutcome {
  return {
    created: false,
    result: { conversationId: receipt.conversationId, messageId: receipt.messageId, duplicate: true },
  };
}

function wrongPayload(expected: 'api' | 'email') {
  const fields = expected === 'email' ? 'from, text and messageId' : 'customer and body';
  return invalidRequest(`This channel takes ${expected} payloads (${fields}).`, [
    { path: '/body', message: `must be an ${expected} channel payload` },
  ]);
}
