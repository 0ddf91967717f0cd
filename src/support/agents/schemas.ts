import { Type, type Static } from 'typebox';
import { ListOf, PageQuery, Timestamp } from '../../http/schemas.js';
import { EXAMPLE_IDS } from '../schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Instructions = Type.String({ maxLength: 20_000 });

export const Agent = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    instructions: Type.String(),
    enabled: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  {
    title: 'Agent',

    examples: [
      {
        id: EXAMPLE_IDS.agent,
        name: 'Auth helper',
        instructions: 'Answer questions about API keys. Hand over to a person for billing.',
        enabled: true,
        createdAt: EXAMPLE_IDS.time,
        updatedAt: EXAMPLE_IDS.time,
      },
    ],
  },
);
export const AgentList = ListOf(Agent);
export const AgentQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const CreateAgent = Type.Object(
  { name: Name, instructions: Type.Optional(Instructions), enabled: Type.Optional(Type.Boolean({ default: true })) },
  {
    additionalProperties: false,
    examples: [{ name: 'Auth helper', instructions: 'Answer questions about API keys.', enabled: true }],
  },
);

export const UpdateAgent = Type.Object(
  { name: Type.Optional(Name), instructions: Type.Optional(Instructions), enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1, examples: [{ enabled: false }] },
);

export type CreateAgentInput = Static<typeof CreateAgent>;
export type UpdateAgentInput = Static<typeof UpdateAgent>;
