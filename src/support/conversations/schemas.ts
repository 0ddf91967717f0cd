import { Type, type Static } from 'typebox';
import { ListOf, Literals, Nullable, PageQuery, Timestamp } from '../../http/schemas.js';
import { EXAMPLE_IDS, NullableString } from '../schemas.js';
import { CustomerInput, ExternalId } from '../customers/schemas.js';

export const STATUSES = ['open', 'pending', 'closed'] as const;
export type ConversationStatus = (typeof STATUSES)[number];
const Status = Literals(STATUSES);
const Subject = Type.String({ minLength: 1, maxLength: 500 });

const EXAMPLE = {
  id: EXAMPLE_IDS.conversation,
  externalId: 'ticket_123',
  subject: 'Need help with auth',
  status: 'open',
  customer: {
    id: EXAMPLE_IDS.customer,
    externalId: 'cus_123',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    company: 'Example API Co',
  },
  assigneeId: null,
  messageCount: 1,
  lastMessageAt: EXAMPLE_IDS.time,
  createdAt: EXAMPLE_IDS.time,
  updatedAt: EXAMPLE_IDS.time,
};

/** The customer summary embedded in a conversation (joined in the same query). */
export const CustomerSummary = Type.Object(
  {
    id: Type.String(),
    externalId: Nullable(Type.String()),
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
    company: Nullable(Type.String()),
  },
  { title: 'CustomerSummary' },
);

export const Conversation = Type.Object(
  {
    id: Type.String(),
    externalId: Nullable(Type.String()),
    subject: Nullable(Type.String()),
    status: Status,
    customer: Nullable(CustomerSummary),
    assigneeId: Nullable(Type.String()),
    messageCount: Type.Integer(),
    lastMessageAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Conversation', examples: [EXAMPLE] },
);

export const ConversationList = ListOf(Conversation);

export const ConversationQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Status),
    customerId: Type.Optional(Type.String({ maxLength: 64 })),
    externalId: Type.Optional(Type.String({ maxLength: 200 })),
    assigneeId: Type.Optional(
      Type.String({ maxLength: 64, description: 'A `usr_` id: the conversations assigned to that member.' }),
    ),
  },
  { additionalProperties: false },
);

export const CreateConversation = Type.Object(
  {
    externalId: Type.Optional(ExternalId),
    subject: Type.Optional(Subject),
    customer: Type.Optional(CustomerInput),
  },
  {
    additionalProperties: false,
    examples: [
      {
        externalId: 'ticket_123',
        subject: 'Need help with auth',
        customer: { id: 'cus_123', name: 'Ada Lovelace', email: 'ada@example.com', company: 'Example API Co' },
      },
    ],
  },
);

export const UpdateConversation = Type.Object(
  {
    status: Type.Optional(Status),
    subject: Type.Optional(NullableString({ minLength: 1, maxLength: 500 })),
    assigneeId: Type.Optional(NullableString({ maxLength: 64 })),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ status: 'pending', assigneeId: EXAMPLE_IDS.user }] },
);

export type CreateConversationInput = Static<typeof CreateConversation>;

export type UpdateConversationInput = Static<typeof UpdateConversation>;
