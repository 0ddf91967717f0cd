import { invalidRequest } from '../errors.js';

/** The scope catalogue of SPEC §3: `<category>.read` and `<category>.write`; write includes read. */
export const CATEGORIES = [
  'workspace',
  'members',
  'keys',
  'conversations',
  'messages',
  'customers',
  'sources',
  'agents',
  'channels',
  'webhooks',
  'apitests',
  'audit',
] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scope = `${Category}.read` | `${Category}.write`;

/** `audit` is read-only: nothing writes the audit log through the API. */
export const ALL_SCOPES: readonly Scope[] = Object.freeze(
  CATEGORIES.flatMap((c): Scope[] => (c === 'audit' ? [`${c}.read`] : [`${c}.read`, `${c}.write`])),
);
const SCOPE_SET: ReadonlySet<string> = new Set(ALL_SCOPES);

/** SPEC §3: `apitests` (the vault) is in no preset but `admin`; roles give it to owners and admins only. */
const READ_PRESET_CATEGORIES: readonly Category[] = [
  'workspace',
  'conversations',
  'messages',
  'customers',
  'sources',
  'agents',
  'channels',
  'webhooks',
];

export const PRESETS: Readonly<Record<string, readonly Scope[]>> = Object.freeze({
  read: READ_PRESET_CATEGORIES.map((c): Scope => `${c}.read`),
  write: READ_PRESET_CATEGORIES.flatMap((c): Scope[] => [`${c}.read`, `${c}.write`]),
  admin: ALL_SCOPES,
});

export const ALIASES: Readonly<Record<string, readonly Scope[]>> = Object.freeze({
  'tickets.read': ['conversations.read', 'messages.read'],
  'tickets.write': ['conversations.write', 'messages.write'],
  'contacts.read': ['customers.read'],
  'contacts.write': ['customers.write'],
});

/** Every name accepted on input: scopes, presets and aliases. */
export const ACCEPTED_SCOPE_NAMES: readonly string[] = Object.freeze([
  ...ALL_SCOPES,
  ...Object.keys(PRESETS),
  ...Object.keys(ALIASES),
]);

/** Adds the read scope that each write scope includes. */
function withImplied(scopes: Iterable<Scope>): Set<Scope> {
  const out = new Set<Scope>();
  for (const scope of scopes) {
    out.add(scope);
    if (scope.endsWith('.write')) out.add(scope.replace(/\.write$/, '.read') as Scope);
  }
  return out;
}

/**
 * Expands presets and aliases into a sorted list of catalogue scopes, or throws a 400
 * `invalid_request` naming every unknown entry and listing the valid ones. `input` is the
 * request body's `scopes`: each unknown entry's detail points at it (`/body/scopes/<index>`).
 */
export function expandScopes(input: readonly string[]): Scope[] {
  const unknown: Array<{ raw: string; index: number }> = [];
  const scopes: Scope[] = [];
  input.forEach((raw, index) => {
    const name = raw.trim();
    if (PRESETS[name]) scopes.push(...PRESETS[name]);
    else if (ALIASES[name]) scopes.push(...ALIASES[name]);
    else if (SCOPE_SET.has(name)) scopes.push(name as Scope);
    else unknown.push({ raw, index });
  });
  if (unknown.length > 0) {
    throw invalidRequest(
      `Unknown scope ${unknown.map((u) => `"${u.raw}"`).join(', ')}. Valid scopes: ${ACCEPTED_SCOPE_NAMES.join(', ')}.`,
      // The path of the entry in the request body, as schema errors give it (`/body/scopes/1`).
      unknown.map((u) => ({
        path: `/body/scopes/${u.index}`,
        message: `unknown scope "${u.raw}"; valid: ${ACCEPTED_SCOPE_NAMES.join(', ')}`,
      })),
    );
  }
  return sortScopes(withImplied(scopes));
}

export function sortScopes(scopes: Iterable<Scope>): Scope[] {
  const order = new Map(ALL_SCOPES.map((s, i) => [s, i]));
  return [...new Set(scopes)].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** True when every scope of `requested` is held by `held` (the key-creates-key rule). */
export function isSubset(requested: Iterable<Scope>, held: ReadonlySet<string>): boolean {
  for (const scope of requested) if (!held.has(scope)) return false;
  return true;
}

export type Role = 'owner' | 'admin' | 'agent';
export const ROLES: readonly Role[] = ['owner', 'admin', 'agent'];

const AGENT_SCOPES = sortScopes(
  withImplied([
    'conversations.write',
    'messages.write',
    'customers.write',
    'sources.write',
    'agents.read',
    'channels.read',
  ]),
);

/** What a member's role allows, as scopes, so sessions and keys pass one check. */
export const ROLE_SCOPES: Readonly<Record<Role, ReadonlySet<Scope>>> = Object.freeze({
  owner: new Set(ALL_SCOPES),
  admin: new Set(ALL_SCOPES),
  agent: new Set(AGENT_SCOPES),
});
