import type { OutgoingEmail } from '../accounts/mail/mailer.js';

/** The link email: it names the workspace, so a customer knows who is writing to them. */
export function portalLinkEmail(
  publicUrl: string,
  to: string,
  workspaceId: string,
  workspaceName: string,
  token: string,
): OutgoingEmail {
  const link = `${publicUrl}/portal/${encodeURIComponent(workspaceId)}/continue?token=${token}`;
  return {
    // The workspace's own budget for this address: another workspace (or purpose) never spends it.
    kind: 'portal',
    workspaceId,
    to,
    subject: `Your sign-in link for ${workspaceName} support`,
    link,
    text:
      `You asked to see your support conversations with ${workspaceName}.\n\n` +
      `Open this link within 15 minutes and press Continue (it works once):\n\n${link}\n\n` +
      `If you did not ask for this, ignore this email; nobody can sign in without it.\n`,
  };
}
