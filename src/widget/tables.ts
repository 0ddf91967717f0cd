/** Tables owned by the widget domain (merged into the Database interface in storage/schema.ts). */
export interface WidgetSettingsTable {
  workspaceId: string;
  /** The identity secret, AES-256-GCM under WOES_MASTER_KEY: Woes must use it to check HMACs and JWTs. */
  identitySecretSealed: string | null;
  /** The first characters of the secret, for display. */
  identitySecretStart: string | null;
  identitySecretCreatedAt: number | null;
  /** 1: anonymous visitors are refused; every widget call must prove who the visitor is. */
  requireVerification: number;
  updatedAt: number;
}

/** A conversation started through the widget, its history secret (SHA-256) and who it belongs to. */
export interface WidgetConversationsTable {
  conversationId: string;
  workspaceId: string;
  customerId: string;
  /** 1: the customer was identified (identity token or userHash); 0: an anonymous visitor's own customer. */
  verified: number;
  secretHash: string;
  widgetKeyId: string;
  createdAt: number;
  secretRotatedAt: number | null;
}

export interface WidgetTables {
  widgetSettings: WidgetSettingsTable;
  widgetConversations: WidgetConversationsTable;
}
