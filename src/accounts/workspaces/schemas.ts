import { Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';

/** Request and response schemas of the workspace, member and invitation routes. */
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
const strict = { additionalProperties: false } as const;

const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('agent')]);

export const Workspace = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    plan: Type.String(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    role: Type.Optional(RoleSchema),
  },
  { title: 'Workspace' },
);

export const WorkspaceCreateBody = Type.Object({ name: Name }, strict);
export const WorkspacePatchBody = Type.Object({ name: Type.Optional(Name) }, strict);

export const Member = Type.Object(
  {
    userId: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    joinedAt: Timestamp,
  },
  { title: 'Member' },
);
export const UserIdParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
export const MemberPatchBody = Type.Object({ role: RoleSchema }, strict);

export const InviteBody = Type.Object(
  // Never `owner`: ownership is granted only by an owner, to an existing member.
  { email: Email, role: Type.Union([Type.Literal('admin'), Type.Literal('agent')]) },
  strict,
);
export const Invite = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    role: Type.String(),
    invitedBy: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  },
  { title: 'Invite' },
);
export const InviteIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
