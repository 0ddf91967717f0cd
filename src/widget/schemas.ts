import { Type, type Static } from 'typebox';
import { CustomerUpdatedAt, Nullable, Timestamp } from '../http/schemas.js';

/** Schemas of the widget endpoints (browser, `x-woes-widget-key`) and of the admin settings. */
export const WidgetCustomer = Type.Object(
  {
    id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Your customer id; used only when verified.' }),
    ),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
    userHash: Type.Optional(Type.String({ maxLength: 128, description: 'hex HMAC-SHA256(identity secret, id)' })),
  },
  { additionalProperties: false },
);

export const CreateWidgetConversation = Type.Object(
  {
    customer: Type.Optional(WidgetCustomer),
    identityToken: Type.Optional(
      Type.String({
        maxLength: 4096,
        description: 'HS256 JWT signed with the identity secret: sub, exp ≤ 1 h, optional email/name.',
      }),
    ),
    body: Type.String({ minLength: 1, maxLength: 10000 }),
  },
  { additionalProperties: false, examples: [{ customer: { name: 'Ada', email: 'ada@example.com' }, body: 'Hello!' }] },
);
export type CreateWidgetConversationInput = Static<typeof CreateWidgetConversation>;

export const WidgetMessage = Type.Object({
  id: Type.String(),
  role: Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('bot')]),
  body: Type.String(),
  createdAt: Timestamp,
});

export const WidgetConversation = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    verified: Type.Boolean({ description: 'Started by an identified visitor.' }),
    createdAt: Timestamp,
    updatedAt: CustomerUpdatedAt,
    messages: Type.Array(WidgetMessage, {
      description: 'The latest 100 messages, oldest first; notes are never included.',
    }),
  },
  { title: 'WidgetConversation' },
);
export type WidgetConversationView = Static<typeof WidgetConversation>;

export const WidgetConversationWithSecret = Type.Object({
  conversation: WidgetConversation,
  historySecret: Type.String({ description: 'woescs_…: keep it in the browser; shown only in this response.' }),
});

export const WidgetConversationList = Type.Object({
  data: Type.Array(
    Type.Object({ id: Type.String(), status: Type.String(), createdAt: Timestamp, updatedAt: CustomerUpdatedAt }),
  ),
});

export const WidgetMessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);

export const WidgetConversationId = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const WidgetSearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) },
  { additionalProperties: false },
);

export const WidgetConfig = Type.Object({
  workspaceId: Type.String(),
  requireVerification: Type.Boolean(),
  mobile: Type.Boolean(),
});

export const WidgetSecret = Type.Object({ historySecret: Type.String() });

/** Headers of the widget endpoints; secrets travel only here, never in the URL. */
export const WidgetHeaders = Type.Object({
  'x-woes-widget-key': Type.String({ description: 'woespk_…' }),
  'x-woes-conversation-secret': Type.Optional(Type.String({ description: 'woescs_…' })),
  'x-woes-identity-token': Type.Optional(Type.String({ description: 'HS256 JWT signed with the identity secret' })),
  'x-woes-customer-id': Type.Optional(Type.String({ description: 'with x-woes-user-hash' })),
  'x-woes-user-hash': Type.Optional(Type.String({ description: 'hex HMAC-SHA256(identity secret, customer id)' })),
});

export const WidgetSettings = Type.Object(
  {
    requireVerification: Type.Boolean(),
    identitySecret: Nullable(Type.Object({ start: Type.String(), createdAt: Timestamp })),
  },
  { title: 'WidgetSettings' },
);
export type WidgetSettingsView = Static<typeof WidgetSettings>;

export const UpdateWidgetSettings = Type.Object(
  { requireVerification: Type.Boolean() },
  { additionalProperties: false },
);

export const IdentitySecretCreated = Type.Object(
  {
    secret: Type.String({ description: 'woesis_…: put it in your server configuration; shown only in this response.' }),
    start: Type.String(),
    createdAt: Timestamp,
  },
  { title: 'IdentitySecretCreated' },
);
