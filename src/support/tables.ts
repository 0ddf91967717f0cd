import type { Generated } from 'kysely';

/** Tables owned by the support domain (merged into the Database interface in storage/schema.ts). */
export interface CustomersTable {
  id: string;
  workspaceId: string;
  /** The integrator's own identifier (`customer.id` on input); cleared when anonymised. */
  externalId: string | null;
  name: string | null;
  email: string | null;
  /**
   * 1: the email was typed by an anonymous widget visitor. Shown to agents, never used to find
   * the customer (portal sign-in, inbound email); PATCH /customers/:id setting an email clears it.
   */
  emailUnverified: number;
  company: string | null;
  /** Set when a customer with conversations is deleted: kept, but anonymised. */
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface ConversationsTable {
  id: string;
  workspaceId: string;
  externalId: string | null;
  subject: string | null;
  status: string;
  customerId: string | null;
  assigneeId: string | null;
  /** Denormalised in the message-insert transaction so lists need no join on messages. */
  messageCount: number;
  lastMessageAt: number | null;
  createdAt: number;
  updatedAt: number;
  /**
   * The last change its customer can see (portal, widget): creation, a message that is not an
   * internal note, a status or subject change. `updatedAt` moves for every change.
   */
  customerUpdatedAt: number;
}

export interface MessagesTable {
  id: string;
  workspaceId: string;
  conversationId: string;
  role: string;
  body: string;
  authorType: string;
  authorId: string;
  createdAt: number;
}

export interface KbArticlesTable {
  /** Integer row id the SQLite FTS5 external-content index points at (rowid could move on VACUUM). */
  seq: Generated<number>;
  id: string;
  workspaceId: string;
  title: string;
  body: string;
  /** JSON array of strings. */
  tags: string;
  published: number;
  createdAt: number;
  updatedAt: number;
}

export interface AgentsTable {
  id: string;
  workspaceId: string;
  name: string;
  instructions: string;
  enabled: number;
  createdAt: number;
  updatedAt: number;
}

export interface IdempotencyKeysTable {
  workspaceId: string;
  /** `key:<keyId>` or `user:<userId>`: a key is only ever replayed to the credential that sent it. */
  credential: string;
  idempotencyKey: string;
  /** SHA-256 of method, URL and canonical body. */
  requestHash: string;
  statusCode: number;
  responseBody: string;
  createdAt: number;
}

export interface SupportTables {
  customers: CustomersTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  kbArticles: KbArticlesTable;
  agents: AgentsTable;
  idempotencyKeys: IdempotencyKeysTable;
}
