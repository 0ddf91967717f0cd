/** Tables owned by the channels domain (merged into the Database interface in storage/schema.ts). */
export interface ChannelsTable {
  id: string;
  workspaceId: string;
  /** `api` or `email`: which payload the inbound endpoint accepts. */
  type: string;
  name: string;
  /** The inbound `whsec_` secret, AES-256-GCM under WOES_MASTER_KEY: Woes must compute HMACs with it. */
  secretSealed: string;
  /** The secret before the last rotation, still accepted until `previousSecretExpiresAt`. */
  previousSecretSealed: string | null;
  previousSecretExpiresAt: number | null;
  createdByType: string;
  createdById: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

/** A processed inbound delivery (replay protection); kept at least 24 hours. */
export interface InboundReceiptsTable {
  channelId: string;
  webhookId: string;
  conversationId: string;
  messageId: string;
  /** 1: the delivery started the conversation (answered 201 the first time). */
  createdConversation: number;
  receivedAt: number;
}

/** An inbound email's Message-ID and where it went: later replies thread by it. */
export interface InboundEmailThreadsTable {
  workspaceId: string;
  emailMessageId: string;
  conversationId: string;
  messageId: string;
  createdAt: number;
}

export interface ChannelsTables {
  channels: ChannelsTable;
  inboundReceipts: InboundReceiptsTable;
  inboundEmailThreads: InboundEmailThreadsTable;
}
