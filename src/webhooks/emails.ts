import type { OutgoingEmail } from '../accounts/mail/mailer.js';

/** The email the workspace's owners get when Woes disables an endpoint that failed for three days. */
export function endpointDisabledEmail(
  publicUrl: string,
  to: string,
  workspaceName: string,
  endpoint: { id: string; url: string },
): OutgoingEmail {
  const link = `${publicUrl}/app/settings/webhooks`;
  return {
    kind: 'security',
    to,
    subject: `A webhook endpoint in ${workspaceName} was disabled`,
    link,
    text: `Every delivery to the webhook endpoint ${endpoint.url} (${endpoint.id}) in the workspace "${workspaceName}" failed for the whole retry schedule (about 3 days), so Woes disabled it.\n\nFix the receiver, then enable the endpoint again and retry the failed deliveries:\n\n${link}\n`,
  };
}
