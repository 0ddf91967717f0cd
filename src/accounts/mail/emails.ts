import type { OutgoingEmail } from './mailer.js';

/**
 * The texts of the emails accounts sends; links point at the web app, which posts the token to the API.
 * The account owner's own mail spends the `account` budget; an invitation spends its workspace's.
 */
export function verificationEmail(publicUrl: string, to: string, token: string): OutgoingEmail {
  const link = `${publicUrl}/verify-email?token=${token}`;
  return {
    kind: 'account',
    to,
    subject: 'Verify your email for Woes',
    link,
    text: `Welcome to Woes.\n\nConfirm this is your address by opening this link within 24 hours:\n\n${link}\n\nIf you did not sign up, ignore this email.\n`,
  };
}

export function alreadyRegisteredEmail(publicUrl: string, to: string): OutgoingEmail {
  const link = `${publicUrl}/reset-password`;
  return {
    kind: 'registered',
    to,
    subject: 'Someone tried to register with your email on Woes',
    link,
    text: `Someone (perhaps you) tried to create a Woes account with this address, which already has one.\n\nIf it was you, sign in — or reset your password here: ${link}\n\nIf not, you can ignore this email; nothing has changed.\n`,
  };
}

export function passwordResetEmail(publicUrl: string, to: string, token: string): OutgoingEmail {
  const link = `${publicUrl}/reset-password?token=${token}`;
  return {
    kind: 'account',
    to,
    subject: 'Reset your Woes password',
    link,
    text: `Open this link within 1 hour to choose a new password:\n\n${link}\n\nSetting a new password signs you out everywhere. If you did not ask for this, ignore this email.\n`,
  };
}

export function inviteEmail(
  publicUrl: string,
  to: string,
  token: string,
  workspace: { id: string; name: string },
  role: string,
): OutgoingEmail {
  const link = `${publicUrl}/accept-invite?token=${token}`;
  const workspaceName = workspace.name;
  return {
    kind: 'invite',
    workspaceId: workspace.id,
    to,
    subject: `You are invited to ${workspaceName} on Woes`,
    link,
    text: `You are invited to join the workspace "${workspaceName}" as ${role}.\n\nAccept within 7 days:\n\n${link}\n`,
  };
}
