import type { ApiKeyRow } from './key-view.js';

/** How the keys domain sends email; the composition root hands in the real mailer. */
export interface KeyMailer {
  send(email: { to: string; subject: string; text: string; link?: string }): void;
  close(): Promise<void>;
}

/** Where a leaked key was seen, as the reporter told us. */
export interface LeakSighting {
  url: string;
  source: string;
  type: string;
}

const label = (row: Pick<ApiKeyRow, 'name' | 'start' | 'last4'>): string => `"${row.name}" (${row.start}…${row.last4})`;

export function expiringKeyEmail(
  publicUrl: string,
  to: string,
  row: ApiKeyRow,
  workspaceName: string,
): { to: string; subject: string; text: string; link: string } {
  const link = `${publicUrl}/app/settings/keys`;
  const at = new Date(Number(row.expiresAt)).toISOString();
  return {
    to,
    subject: `An API key in ${workspaceName} expires on ${at.slice(0, 10)}`,
    link,
    text: `The API key ${label(row)} in the workspace "${workspaceName}" expires at ${at}.\n\nRoll it before then so the integration using it keeps working:\n\n${link}\n`,
  };
}

export function leakedKeysEmail(
  publicUrl: string,
  to: string,
  workspaceName: string,
  leaks: ReadonlyArray<{ row: ApiKeyRow; sighting: LeakSighting }>,
): { to: string; subject: string; text: string; link: string } {
  const link = `${publicUrl}/app/settings/keys`;
  const lines = leaks.map(
    ({ row, sighting }) =>
      `- ${label(row)}: found in ${sighting.source || 'unknown'}${sighting.url ? ` at ${sighting.url}` : ''} (reported as ${sighting.type || 'unknown'})`,
  );
  return {
    to,
    subject: `Woes revoked ${leaks.length === 1 ? 'a leaked API key' : `${leaks.length} leaked API keys`} in ${workspaceName}`,
    link,
    text: `A secret scanner found these API keys of the workspace "${workspaceName}" in public, and Woes revoked them at once:\n\n${lines.join('\n')}\n\nCreate replacements, update the integrations that used them, and remove the keys from where they were published:\n\n${link}\n`,
  };
}
