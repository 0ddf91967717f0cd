import { randomBytes } from 'node:crypto';
import type { Executor } from '../audit/audit-log.js';
import type { CoreDeps } from '../deps.js';
import { notFound } from '../errors.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { isoTime } from '../http/schemas.js';
import { isId, newId } from '../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import { open, seal, type MasterKeys } from '../security/sealed-secret.js';
import { channelsRepository as repo, type ChannelRow } from './channels-repository.js';
import type { ChannelView } from './schemas.js';

/** After a rotation the old secret keeps verifying this long, so senders can switch without a gap. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

type ChannelCore = Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'config'>;

/** The associated data that binds a sealed secret to its channel row and column. */
export const sealContext = (channelId: string, column: 'secret' | 'previous_secret') =>
  `channels.${column}_sealed:${channelId}`;

/** A Standard Webhooks secret: `whsec_` + base64 of 32 CSPRNG bytes (256 bits). */
function generateInboundSecret(): string {
  return 'whsec_' + randomBytes(32).toString('base64');
}

/** Channels: named inbound sources of a workspace, each with its own signing secret (shown once). */
export class ChannelsService {
  constructor(
    private readonly core: ChannelCore,
    private readonly masterKeys: MasterKeys,
  ) {}

  async create(
    caller: WorkspaceCaller,
    input: { type: 'api' | 'email'; name: string },
  ): Promise<ChannelView & { secret: string }> {
    const now = this.core.clock.now();
    const id = newId('ch', now);
    const secret = generateInboundSecret();
    const row: ChannelRow = {
      id,
      workspaceId: caller.workspaceId,
      type: input.type,
      name: input.name,
      secretSealed: seal(this.masterKeys, secret, sealContext(id, 'secret')),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      createdByType: caller.actor.type,
      createdById: caller.actor.id,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await this.core.db.transaction().execute(async (trx) => {
      await repo.insert(trx, row);
      await this.core.audit.record(trx, caller, {
        type: 'channel.created',
        target: { type: 'channel', id },
        data: { name: row.name, type: row.type },
      });
    });
    return { ...this.view(row), secret };
  }

  async list(caller: WorkspaceCaller, page: PageRequest): Promise<Page<ChannelView>> {
    return toPage(await repo.list(this.core.db, caller.workspaceId, page), page.limit, (row) => this.view(row));
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ChannelView> {
    return this.view(await this.existing(this.core.db, caller.workspaceId, id));
  }

  /** Soft delete: the inbound endpoint refuses the channel at once; its conversations stay. */
  async delete(caller: WorkspaceCaller, id: string): Promise<void> {
    const now = this.core.clock.now();
    await this.core.db.transaction().execute(async (trx) => {
      const row = await this.existing(trx, caller.workspaceId, id);
      await repo.update(trx, id, { deletedAt: now, updatedAt: now });
      await this.core.audit.record(trx, caller, {
        type: 'channel.deleted',
        target: { type: 'channel', id },
        data: { name: row.name, type: row.type },
      });
    });
  }

  /** A new secret, shown once; the one it replaces keeps verifying for PREVIOUS_SECRET_GRACE_MS. */
  async rotateSecret(caller: WorkspaceCaller, id: string): Promise<ChannelView & { secret: string }> {
    const now = this.core.clock.now();
    const secret = generateInboundSecret();
    const updated = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.existing(trx, caller.workspaceId, id);
      const current = open(this.masterKeys, row.secretSealed, sealContext(id, 'secret'));
      const changes = {
        secretSealed: seal(this.masterKeys, secret, sealContext(id, 'secret')),
        // Re-sealed under its own column's context, so it cannot be swapped back into `secret_sealed`.
        previousSecretSealed:
          current === null ? null : seal(this.masterKeys, current, sealContext(id, 'previous_secret')),
        previousSecretExpiresAt: current === null ? null : now + PREVIOUS_SECRET_GRACE_MS,
        updatedAt: now,
      };
      await repo.update(trx, id, changes);
      await this.core.audit.record(trx, caller, {
        type: 'channel.secret_rotated',
        target: { type: 'channel', id },
        data: { previousSecretExpiresAt: isoTime(changes.previousSecretExpiresAt) },
      });
      return { ...row, ...changes };
    });
    return { ...this.view(updated), secret };
  }

  private async existing(db: Executor, workspaceId: string, id: string): Promise<ChannelRow> {
    const row = isId(id, 'ch') ? await repo.find(db, workspaceId, id) : undefined;
    if (row === undefined) throw notFound('channel');
    return row;
  }

  private view(row: ChannelRow): ChannelView {
    const graceOver =
      row.previousSecretExpiresAt === null || Number(row.previousSecretExpiresAt) <= this.core.clock.now();
    return {
      id: row.id,
      type: row.type === 'email' ? 'email' : 'api',
      name: row.name,
      inboundUrl: `${this.core.config.publicUrl}/api/v1/webhooks/inbound/${row.id}`,
      previousSecretExpiresAt: graceOver ? null : isoTime(row.previousSecretExpiresAt),
      createdAt: isoTime(row.createdAt)!,
      updatedAt: isoTime(row.updatedAt)!,
    };
  }
}
