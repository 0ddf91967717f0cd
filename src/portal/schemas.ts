import { Type } from 'typebox';
import { CustomerUpdatedAt, Nullable, Timestamp } from '../http/schemas.js';

/** Request and response schemas of the portal (SPEC §7). */
const strict = { additionalProperties: false } as const;
const WorkspaceId = Type.String({ minLength: 1, maxLength: 64 });

export const MagicLinkBody = Type.Object(
  { workspaceId: WorkspaceId, email: Type.String({ format: 'email', minLength: 3, maxLength: 254 }) },
  { ...strict, examples: [{ workspaceId: 'ws_01jbx3k0000000000000000000', email: 'ada@example.com' }] },
);

export const Accepted = Type.Object({ status: Type.Literal('accepted') }, { title: 'PortalLinkAccepted' });

export const SessionBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The `woespl_…` token of the emailed link' }),
    workspaceId: Type.Optional(WorkspaceId),
  },
  { ...strict, examples: [{ token: 'woespl_0000000000000000000000000000000000000000000000000' }] },
);

export const PortalSession = Type.Object(
  {
    sessionToken: Type.String({ description: '`woesps_…`: send as `Authorization: Bearer` to /api/v1/portal/… only' }),
    expiresAt: Timestamp,
    workspace: Type.Object({ id: Type.String(), name: Type.String() }),
  },
  { title: 'PortalSession' },
);

export const PortalConversation = Type.Object(
  {
    id: Type.String(),
    subject: Nullable(Type.String()),
    status: Type.String(),
    messageCount: Type.Integer(),
    lastMessageAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: CustomerUpdatedAt,
  },
  { title: 'PortalConversation' },
);
export const PortalConversationList = Type.Object(
  { data: Type.Array(PortalConversation) },
  { title: 'PortalConversationList' },
);

export const PortalMessage = Type.Object(
  {
    id: Type.String(),
    role: Type.Union([Type.Literal('customer'), Type.Literal('support')], {
      description: '`customer`: you; `support`: the team (internal notes are never shown)',
    }),
    body: Type.String(),
    createdAt: Timestamp,
  },
  { title: 'PortalMessage' },
);
export const PortalThread = Type.Object(
  { conversation: PortalConversation, messages: Type.Array(PortalMessage) },
  { title: 'PortalThread' },
);

export const ReplyBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 65536 }) },
  { ...strict, examples: [{ body: 'Thanks, that fixed it.' }] },
);
export const ConversationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);

export const PortalSettings = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Whether customers can sign in to the portal (default on)' }),
    displayName: Nullable(Type.String({ description: 'The name customers see; null: the workspace name' })),
  },
  { title: 'PortalSettings' },
);
export const PortalSettingsPatch = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    displayName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  },
  { ...strict, examples: [{ enabled: true, displayName: 'Acme Support' }] },
);
