import type { CoreDeps } from '../deps.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { displayParts, generateIdentitySecret } from '../keys/key-format.js';
import { assertKeyManager, assertWithinScopes } from '../keys/policy.js';
import type { Scope } from '../scopes/scopes.js';
import { open, seal, type MasterKeys } from '../security/sealed-secret.js';
import { WIDGET_IDENTITY_SECRET } from '../security/sealed-columns.js';
import { widgetRepository as repo, type WidgetSettingsRow } from './widget-repository.js';
import type { WidgetSettingsView } from './schemas.js';

/** Who changes the settings: an admin's key or session (keys.write), as the audit log names them. */
type SettingsActor = WorkspaceCaller;

/**
 * What the identity secret is worth: with it anyone can sign a token for any customer id and, as
 * that customer in the widget, create and list their conversations, read their threads, write in
 * them, and create or update the customer from the token's name and email. Whoever creates or
 * rotates it must hold all of these (write includes read), as a key may only mint keys within its own scopes.
 */
export const IDENTITY_SECRET_SCOPES: readonly Scope[] = [
  'conversations.read',
  'conversations.write',
  'messages.read',
  'messages.write',
  'customers.read',
  'customers.write',
];

/** The associated data that binds a sealed identity secret to its workspace's row. */
const sealContext = (workspaceId: string) => WIDGET_IDENTITY_SECRET.context({ id: workspaceId, workspaceId });

/**
 * The workspace's widget settings: the identity secret (shown once, stored sealed — Woes must
 * compute HMACs with it, so a hash would not do) and whether verification is required.
 */
export class WidgetSettingsService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit'>,
    private readonly masterKeys: MasterKeys,
  ) {}

  async get(workspaceId: string): Promise<WidgetSettingsView> {
    return view(await repo.settings(this.core.db, workspaceId));
  }

  async update(caller: SettingsActor, input: { requireVerification: boolean }): Promise<WidgetSettingsView> {
    const now = this.core.clock.now();
    return this.core.db.transaction().execute(async (trx) => {
      const row = (await repo.settings(trx, caller.workspaceId)) ?? empty(caller.workspaceId, now);
      const next = { ...row, requireVerification: input.requireVerification ? 1 : 0, updatedAt: now };
      await repo.saveSettings(trx, next);
      await this.core.audit.record(trx, caller, {
        type: 'widget.settings_updated',
        data: { requireVerification: input.requireVerification },
      });
      return view(next);
    });
  }

  /** Creates or replaces the identity secret; the old one stops verifying at once. */
  async rotateIdentitySecret(caller: SettingsActor): Promise<{ secret: string; start: string; createdAt: string }> {
    assertKeyManager(caller.principal);
    assertWithinScopes(caller.principal, IDENTITY_SECRET_SCOPES);
    const now = this.core.clock.now();
    const secret = generateIdentitySecret();
    const { start } = displayParts(secret);
    await this.core.db.transaction().execute(async (trx) => {
      const row = (await repo.settings(trx, caller.workspaceId)) ?? empty(caller.workspaceId, now);
      const replaced = row.identitySecretSealed !== null;
      await repo.saveSettings(trx, {
        ...row,
        identitySecretSealed: seal(this.masterKeys, secret, sealContext(caller.workspaceId)),
        identitySecretStart: start,
        identitySecretCreatedAt: now,
        updatedAt: now,
      });
      await this.core.audit.record(trx, caller, {
        type: replaced ? 'widget.identity_secret_rotated' : 'widget.identity_secret_created',
      });
    });
    return { secret, start, createdAt: new Date(now).toISOString() };
  }

  /** What the visitor endpoints need: the plaintext secret (or null) and the requirement flag. */
  async verificationOf(workspaceId: string): Promise<{ secret: string | null; required: boolean }> {
    const row = await repo.settings(this.core.db, workspaceId);
    if (row === undefined) return { secret: null, required: false };
    const secret =
      row.identitySecretSealed === null
        ? null
        : open(this.masterKeys, row.identitySecretSealed, sealContext(workspaceId));
    return { secret, required: Number(row.requireVerification) === 1 };
  }
}

function empty(workspaceId: string, now: number): WidgetSettingsRow {
  return {
    workspaceId,
    identitySecretSealed: null,
    identitySecretStart: null,
    identitySecretCreatedAt: null,
    requireVerification: 0,
    updatedAt: now,
  };
}

function view(row: WidgetSettingsRow | undefined): WidgetSettingsView {
  return {
    requireVerification: row !== undefined && Number(row.requireVerification) === 1,
    identitySecret:
      row?.identitySecretStart && row.identitySecretCreatedAt !== null
        ? { start: row.identitySecretStart, createdAt: new Date(Number(row.identitySecretCreatedAt)).toISOString() }
        : null,
  };
}
