/**
 * Moved to src/security/sealed-secret.ts (key-versioned, with a previous key for rotations).
 * Kept so code written against the old path compiles; new code imports the security module.
 */
export { open, seal, type MasterKeys } from '../security/sealed-secret.js';
