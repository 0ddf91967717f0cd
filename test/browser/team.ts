import assert from 'node:assert/strict';
import { waitForLink } from './outbox.js';
import type { WoesServer } from './server.js';

// A test reads whichever fields it asserts on; the server's schemas are checked by the server's own tests.
type Json = Record<string, any>;

/** A JSON call to the running server's /api/v1, with a bearer credential and a workspace when given. */
export async function api(
  server: WoesServer,
  method: string,
  path: string,
  options: { token?: string; workspaceId?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.workspaceId) headers['x-workspace-id'] = options.workspaceId;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** An owner who signs up with a new workspace. */
export interface Owner extends Person {
  workspace: string;
}

/** A session as `api` takes it. */
export interface Auth {
  token: string;
  workspaceId: string;
}

/** Through the API: an owner registers with a new workspace and verifies the address with the emailed link. */
export async function registerOwner(server: WoesServer, owner: Owner): Promise<void> {
  const { name, email, password } = owner;
  const register = await api(server, 'POST', '/auth/register', {
    body: { name, email, password, workspaceName: owner.workspace },
  });
  assert.equal(register.status, 202, JSON.stringify(register.body));
  const verify = new URL(await waitForLink(server.dataDir, email, '/verify-email')).searchParams.get('token');
  assert.equal((await api(server, 'POST', '/auth/verify-email', { body: { token: verify } })).status, 200);
}

/** registerOwner, then a password sign-in through the API: the owner's session in their workspace. */
export async function signUpOwner(server: WoesServer, owner: Owner): Promise<Auth> {
  await registerOwner(server, owner);
  const session = await api(server, 'POST', '/auth/session', {
    body: { provider: 'local', email: owner.email, password: owner.password },
  });
  assert.equal(session.status, 200, JSON.stringify(session.body));
  return { token: session.body.accessToken as string, workspaceId: session.body.workspace.id as string };
}

export interface Team {
  workspaceId: string;
  /** An API key of the workspace (conversations and messages), acting for an integration or the widget. */
  key: string;
  agent: Person & { id: string };
}

/**
 * Through the API only, as a test's arrangement: an owner signs up and verifies, makes a key,
 * and invites an agent who accepts. The browser part of a test then signs the agent in.
 */
export async function createTeam(server: WoesServer, owner: Person, agent: Person): Promise<Team> {
  const auth = await signUpOwner(server, { ...owner, workspace: 'Inbox Co' });

  const key = await api(server, 'POST', '/keys', {
    ...auth,
    body: { name: 'Integration', scopes: ['conversations.write', 'messages.write'] },
  });
  assert.equal(key.status, 201, JSON.stringify(key.body));
  const invite = await api(server, 'POST', '/invites', { ...auth, body: { email: agent.email, role: 'agent' } });
  assert.equal(invite.status, 201, JSON.stringify(invite.body));
  const token = new URL(await waitForLink(server.dataDir, agent.email, '/accept-invite')).searchParams.get('token');
  const accepted = await api(server, 'POST', '/auth/accept-invite', {
    body: { token, name: agent.name, password: agent.password },
  });
  assert.ok(accepted.status < 300, JSON.stringify(accepted.body));
  const members = await api(server, 'GET', '/members', auth);
  const member = (members.body.data as { userId: string; email: string }[]).find((m) => m.email === agent.email);
  assert.ok(member, 'the agent is a member');
  return { workspaceId: auth.workspaceId, key: key.body.secret as string, agent: { ...agent, id: member.userId } };
}
