import { Type } from 'typebox';
import { ListOf, Nullable, PageQuery, Timestamp } from '../../http/schemas.js';
import { EXAMPLE_IDS } from '../schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 320 });
const Company = Type.String({ minLength: 1, maxLength: 200 });
export const ExternalId = Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' });

const EXAMPLE = {
  id: EXAMPLE_IDS.customer,
  externalId: 'cus_123',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
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
    company: Nullable(Type.String()),
    deletedAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { examples: [EXAMPLE] },
);

export const CustomerList = ListOf(Customer);

export const CustomerQuery = Type.Object(
  { ...PageQuery, email: Type.Optional(Type.String({ maxLength: 320 })), externalId: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const CreateCustomer = Type.Object(
  {
    externalId: Type.Optional(ExternalId),
    name: Type.Optional(Name),
    email: Type.Optional(Email),
    company: Type.Optional(Company),
  },
  { additionalProperties: false, examples: [{ externalId: 'cus_123', name: 'Ada Lovelace', email: 'ada@example.com', company: 'Example API Co' }] },
);

export const UpdateCustomer = Type.Object(
  {
    externalId: Type.Optional(Nullable(ExternalId)),
    name: Type.Optional(Nullable(Name)),
    email: Type.Optional(Nullable(Email)),
    company: Type.Optional(Nullable(Company)),
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

export interface CustomerFields {
  externalId?: string | null;
  name?: string | null;
  email?: string | null;
  company?: string | null;
}
