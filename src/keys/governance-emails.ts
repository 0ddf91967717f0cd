import type { OutgoingEmail } from '../accounts/mail/mailer.js';
import type { ApiKeyRow } from './key-view.js';

/** How the keys domain sends email; the composition root hands in the real mailer. */
export interface KeyMailer {
  send(email: OutgoingEmail): void;
  close(): Promise<void>;
}

/** Where a leaked key was seen, as the reporter told us. */
export interface LeakSighting {
  url: string;
  source: string;
  type: string;
}

const label = (row: Pick<ApiKeyRow, 'name' | 'start' | 'last4'>): string => `"${row.name}" (${row.start}…${row.last4})`;

/** One key expiring soon, with the name of its workspace (a digest may span several of the recipient's workspaces). */
export interface ExpiringKey {
  row: ApiKeyRow;
  workspaceName: string;
}

/**
 * The digest of one governance run for one owner: every key of theirs that expires within the
 * warning window and was not announced before, in one routine notice (not one email per key).
 */
export function expiringKeysEmail(publicUrl: string, to: string, keys: readonly ExpiringKey[]): OutgoingEmail {
  const link = `${publicUrl}/app/settings/keys`;
  const sorted = [...keys].sort((a, b) => Number(a.row.expiresAt) - Number(b.row.expiresAt));
  const workspaces = [...new Set(sorted.map((k) => k.workspaceName))];
  const where = workspaces.length === 1 ? ` in ${workspaces[0]}` : '';
  const first = new Date(Number(sorted[0].row.expiresAt)).toISOString();
  const subject =
    sorted.length === 1
      ? `An API key${where} expires on ${first.slice(0, 10)}`
      : `${sorted.length} API keys${where} expire soon, the first on ${first.slice(0, 10)}`;
  const lines = sorted.map(
    ({ row, workspaceName }) =>
      `- ${label(row)} in the workspace "${workspaceName}" expires at ${new Date(Number(row.expiresAt)).toISOString()}`,
  );
  return {
    kind: 'notice',
    to,
    subject,
    link,
    text: `${sorted.length === 1 ? 'This API key expires' : `These ${sorted.length} API keys expire`} within 7 days:\n\n${lines.join('\n')}\n\nRoll ${sorted.length === 1 ? 'it' : 'them'} before then so the integrations using ${sorted.length === 1 ? 'it keep' : 'them keep'} working:\n\n${link}\n`,
  };
}

export function leakedKeysEmail(
  publicUrl: string,
  to: string,
  workspaceName: string,
  leaks: ReadonlyArray<{ row: ApiKeyRow; sighting: LeakSighting }>,
): OutgoingEmail {
  const link = `${publicUrl}/app/settings/keys`;
  const lines = leaks.map(
    ({ row, sighting }) =>
      `- ${label(row)}: found in ${sighting.source || 'unknown'}${sighting.url ? ` at ${sighting.url}` : ''} (reported as ${sighting.type || 'unknown'})`,
  );
  return {
    kind: 'security',
    to,
    subject: `Woes revoked ${leaks.length === 1 ? 'a leaked API key' : `${leaks.length} leaked API keys`} in ${workspaceName}`,
    link,
    text: `A secret scanner found these API keys of the workspace "${workspaceName}" in public, and Woes revoked them at once:\n\n${lines.join('\n')}\n\nCreate replacements, update the integrations that used them, and remove the keys from where they were published:\n\n${link}\n`,
  };
}
