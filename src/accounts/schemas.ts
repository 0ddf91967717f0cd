import { Type } from 'typebox';
import { Nullable, Timestamp } from '../http/schemas.js';
import { PASSWORD_MAX } from './passwords.js';

/** Request and response schemas of the accounts routes. */
const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
// Length rules (8-256) are checked by the password policy so the error names them; this only bounds the body.
const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Token = Type.String({ minLength: 1, maxLength: 200 });
const WorkspaceId = Type.String({ minLength: 1, maxLength: 64 });
const strict = { additionalProperties: false } as const;

export const RegisterBody = Type.Object(
  { email: Email, password: Password, name: Name, workspaceName: Type.Optional(Name) },
  strict,
);
export const TokenBody = Type.Object({ token: Token }, strict);
export const EmailBody = Type.Object({ email: Email }, strict);
export const ResetConfirmBody = Type.Object({ token: Token, password: Password }, strict);

export const SessionBody = Type.Union([
  Type.Object(
    { provider: Type.Literal('local'), email: Email, password: Password, workspaceId: Type.Optional(WorkspaceId) },
    strict,
  ),
  Type.Object(
    {
      provider: Type.Union([Type.Literal('google'), Type.Literal('microsoft')]),
      idToken: Type.String({ minLength: 1, maxLength: 16_384 }),
      workspaceId: Type.Optional(WorkspaceId),
    },
    strict,
  ),
]);
export const RefreshBody = Type.Object({ refreshToken: Type.Optional(Token) }, strict);
export const AcceptInviteBody = Type.Object(
  { token: Token, name: Type.Optional(Name), password: Type.Optional(Password) },
  strict,
);

export const Accepted = Type.Object({ status: Type.Literal('accepted') });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  emailVerified: Type.Boolean(),
  createdAt: Timestamp,
});

const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('agent')]);

export const Workspace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  plan: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  role: Type.Optional(RoleSchema),
});

export const SessionResult = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer(),
  tokenType: Type.Literal('Bearer'),
  user: User,
  workspace: Nullable(Workspace),
});
export const RefreshResult = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer(),
  tokenType: Type.Literal('Bearer'),
});
export const VerifiedResult = Type.Object({ user: User });
export const JoinResult = Type.Object({ user: User, workspace: Workspace });

export const WorkspaceCreateBody = Type.Object({ name: Name }, strict);
export const WorkspacePatchBody = Type.Object({ name: Type.Optional(Name) }, strict);

export const Member = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  joinedAt: Timestamp,
});
export const UserIdParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
export const MemberPatchBody = Type.Object({ role: RoleSchema }, strict);

export const InviteBody = Type.Object(
  // Never `owner`: ownership is granted only by an owner, to an existing member.
  { email: Email, role: Type.Union([Type.Literal('admin'), Type.Literal('agent')]) },
  strict,
);
export const Invite = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.String(),
  invitedBy: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export const InviteIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);

export const JWKS = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.String())) });
