import { Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';
import { PASSWORD_MAX } from './passwords.js';
import { Workspace } from '../workspaces/schemas.js';

/** Request and response schemas of the /auth routes. */
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
/** `password` may be empty: an account made by an ID-token sign-in has none (the web app sends what was typed). */
export const VerifyEmailBody = Type.Object(
  { token: Token, password: Type.Optional(Type.String({ maxLength: PASSWORD_MAX * 4 })) },
  strict,
);
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

export const User = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    emailVerified: Type.Boolean(),
    createdAt: Timestamp,
  },
  { title: 'User' },
);

export const SessionResult = Type.Object(
  {
    accessToken: Type.String(),
    refreshToken: Type.String(),
    expiresIn: Type.Integer(),
    tokenType: Type.Literal('Bearer'),
    user: User,
    workspace: Nullable(Workspace),
  },
  { title: 'SessionResult' },
);
export const RefreshResult = Type.Object(
  {
    accessToken: Type.String(),
    refreshToken: Type.String(),
    expiresIn: Type.Integer(),
    tokenType: Type.Literal('Bearer'),
  },
  { title: 'RefreshResult' },
);
export const VerifiedResult = Type.Object({ user: User });
export const JoinResult = Type.Object({ user: User, workspace: Workspace });

export const JWKS = Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.String())) }, { title: 'JWKS' });
