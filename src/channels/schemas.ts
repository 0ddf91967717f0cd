import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery, Timestamp } from '../http/schemas.js';

/** Schemas of the channel admin endpoints and of the inbound webhook payloads. */
export const ChannelType = Literals(['api', 'email'] as const, {
  description: '`api`: structured messages from your system; `email`: parsed emails from an email processor.',
});

export const Channel = Type.Object(
  {
    id: Type.String({ examples: ['ch_01jd8x3k2m4n5p6q7r8s9t0v1w'] }),
    type: ChannelType,
    name: Type.String(),
    inboundUrl: Type.String({ description: 'Where the sender POSTs signed messages.' }),
    previousSecretExpiresAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Channel' },
);
export type ChannelView = Static<typeof Channel>;

export const ChannelWithSecret = Type.Object(
  {
    ...Channel.properties,
    secret: Type.String({
      description: '`whsec_…` (Standard Webhooks): sign inbound requests with it; shown only in this response.',
    }),
  },
  { title: 'ChannelWithSecret' },
);

export const CreateChannelBody = Type.Object(
  { type: ChannelType, name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false, examples: [{ type: 'email', name: 'Support mailbox' }] },
);

export const ChannelId = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const ChannelListQuery = Type.Object(PageQuery, { additionalProperties: false });

const MessageId = Type.String({ minLength: 1, maxLength: 998, description: 'An RFC 5322 Message-ID' });

export const InboundApiMessage = Type.Object(
  {
    customer: Type.Object(
      {
        externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Your customer id' })),
        email: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
        name: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    conversationId: Type.Optional(
      Type.String({ maxLength: 64, description: 'Continue this conversation of the workspace (404 when not)' }),
    ),
    subject: Type.Optional(Type.String({ maxLength: 500 })),
    body: Type.String({ minLength: 1, maxLength: 10000 }),
  },
  {
    title: 'InboundApiMessage',
    additionalProperties: false,
    description: 'For an `api` channel: a customer message that starts or continues a conversation.',
  },
);
export type InboundApiInput = Static<typeof InboundApiMessage>;

export const InboundEmailMessage = Type.Object(
  {
    from: Type.Object(
      {
        email: Type.String({ minLength: 3, maxLength: 320 }),
        name: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    subject: Type.Optional(Type.String({ maxLength: 998 })),
    text: Type.String({ minLength: 1, maxLength: 100000 }),
    messageId: MessageId,
    inReplyTo: Type.Optional(MessageId),
    references: Type.Optional(Type.Array(MessageId, { maxItems: 100 })),
  },
  {
    title: 'InboundEmailMessage',
    additionalProperties: false,
    description:
      'For an `email` channel: a parsed email. It joins the conversation of an earlier inbound email whose ' +
      '`messageId` is its `inReplyTo` or one of its `references`; otherwise it starts one.',
  },
);
export type InboundEmailInput = Static<typeof InboundEmailMessage>;

export const InboundBody = Type.Union([InboundApiMessage, InboundEmailMessage], {
  examples: [
    { customer: { externalId: 'cus_42', email: 'ada@example.com', name: 'Ada' }, body: 'My order has not arrived.' },
    {
      from: { email: 'ada@example.com', name: 'Ada' },
      subject: 'Order 1042',
      text: 'Any news on my order?',
      messageId: '<CAF1x2@mail.example.com>',
      inReplyTo: '<woes-reply-1@support.example.com>',
    },
  ],
});

export const InboundParams = Type.Object({ channelId: Type.String({ maxLength: 64 }) });

/** Standard Webhooks headers; they are checked before the body is read as JSON. */
export const InboundHeaders = Type.Object({
  'webhook-id': Type.String({ maxLength: 200, description: 'Unique per message: a replay is processed once' }),
  'webhook-timestamp': Type.String({ maxLength: 20, description: 'Unix seconds; ±5 minutes of the server clock' }),
  'webhook-signature': Type.String({
    maxLength: 2000,
    description: '`v1,<base64 HMAC-SHA256>` (space-separated list) over `id.timestamp.body`',
  }),
});

export const InboundResult = Type.Object(
  {
    conversationId: Type.String(),
    messageId: Type.String(),
    duplicate: Type.Boolean({ description: 'true: this webhook-id was processed before; nothing new was written' }),
  },
  { title: 'InboundResult' },
);
export type InboundResultView = Static<typeof InboundResult>;
