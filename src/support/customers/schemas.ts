import { Type, type Static } from 'typebox';
import { ListOf, Nullable, PageQuery, Timestamp } from '../../http/schemas.js';
import { EXAMPLE_IDS, NullableString } from '../schemas.js';

const NAME = { minLength: 1, maxLength: 200 };
const EMAIL = { format: 'email', maxLength: 320 };
const EXTERNAL_ID = { minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' };
const Name = Type.String(NAME);
const Email = Type.String(EMAIL);
const Company = Type.String(NAME);
export const ExternalId = Type.String(EXTERNAL_ID);

const EXAMPLE = {
  id: EXAMPLE_IDS.customer,
  externalId: 'cus_123',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  emailUnverified: false,
  company: 'Example API Co',
  deletedAt: null,
  createdAt: EXAMPLE_IDS.time,
  updatedAt: EXAMPLE_IDS.time,
};

export const Customer = Type.Object(
  {
    id: Type.String(),
    externalId: Nullable(Type.String()),
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
    emailUnverified: Type.Boolean({
      description:
        'True when `email` was typed by an anonymous widget visitor: contact information only, never used to ' +
        'find this customer (portal sign-in links, inbound email). Setting `email` with PATCH clears it.',
    }),
    company: Nullable(Type.String()),
    deletedAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Customer', examples: [EXAMPLE] },
);

export const CustomerList = ListOf(Customer);

export const CustomerQuery = Type.Object(
  {
    ...PageQuery,
    email: Type.Optional(Type.String({ maxLength: 320 })),
    externalId: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const CreateCustomer = Type.Object(
  {
    externalId: Type.Optional(ExternalId),
    name: Type.Optional(Name),
    email: Type.Optional(Email),
    company: Type.Optional(Company),
  },
  {
    additionalProperties: false,
    examples: [{ externalId: 'cus_123', name: 'Ada Lovelace', email: 'ada@example.com', company: 'Example API Co' }],
  },
);

export const UpdateCustomer = Type.Object(
  {
    externalId: Type.Optional(NullableString(EXTERNAL_ID)),
    name: Type.Optional(NullableString(NAME)),
    email: Type.Optional(NullableString(EMAIL)),
    company: Type.Optional(NullableString(NAME)),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ company: 'Analytical Engines Ltd' }] },
);

/** The customer as embedded in a conversation (`customer.id` on input is our `externalId`). */
export const CustomerInput = Type.Object(
  {
    id: ExternalId,
    name: Type.Optional(Name),
    email: Type.Optional(Email),
    company: Type.Optional(Company),
  },
  { additionalProperties: false },
);

/** The fields a create or an update may set (an update may also clear them with null). */
export type CustomerFields = Static<typeof UpdateCustomer>;
