import { Type, type Static } from 'typebox';
import { ListOf, Literals, PageQuery, Timestamp } from '../../http/schemas.js';
import { EXAMPLE_IDS } from '../schemas.js';

export const ROLES = ['user', 'agent', 'bot', 'note'] as const;
export type MessageRole = (typeof ROLES)[number];
const Role = Literals(ROLES, {
  description:
    '`user`: the customer; `agent`: a member; `bot`: an AI agent; `note`: internal, never shown to the customer.',
});

export const Message = Type.Object(
  {
    id: Type.String(),
    conversationId: Type.String(),
    role: Role,
    body: Type.String(),
    author: Type.Object({
      type: Type.Union([Type.Literal('api_key'), Type.Literal('user'), Type.Literal('customer')]),
      id: Type.String(),
    }),
    createdAt: Timestamp,
  },
  {
    title: 'Message',

    examples: [
      {
        id: EXAMPLE_IDS.message,
        conversationId: EXAMPLE_IDS.conversation,
        role: 'user',
        body: 'I am getting a 401 from POST /orders.',
        author: { type: 'api_key', id: EXAMPLE_IDS.key },
        createdAt: EXAMPLE_IDS.time,
      },
    ],
  },
);

export const MessageList = ListOf(Message);
export const MessageQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const CreateMessage = Type.Object(
  { role: Role, body: Type.String({ minLength: 1, maxLength: 65536 }) },
  { additionalProperties: false, examples: [{ role: 'user', body: 'I am getting a 401 from POST /orders.' }] },
);

export type CreateMessageInput = Static<typeof CreateMessage>;
