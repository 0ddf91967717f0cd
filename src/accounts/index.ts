/**
 * What the rest of Woes may use of the accounts domain (the composition root, the CLI, the
 * web-app plugin). Everything else under src/accounts/ is internal to the domain.
 */
export { createAccountsModule } from './module.js';
export { PasswordHasher, checkPasswordPolicy, hashPassword } from './auth/passwords.js';
export { findUserByEmail, insertUser, normalizeEmail } from './auth/user-repository.js';
export { createWorkspace } from './workspaces/workspace-repository.js';
export { firstMatch, listOutbox, messageTexts, type OutboxEntry } from './mail/outbox.js';
export { OperatorWorkspaces, type OperatorChange } from './workspaces/operator-workspaces.js';
