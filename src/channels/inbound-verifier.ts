import { Webhook } from 'standardwebhooks';
import type { CoreDeps } from '../deps.js';
import { isId } from '../storage/ids.js';
import { open, type MasterKeys } from '../security/sealed-secret.js';
import { channelsRepository as repo, type ChannelRow } from './channels-repository.js';
import { sealContext } from './channels-service.js';

/** A channel whose secret signed the request being handled. */
export interface VerifiedChannel {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: 'api' | 'email';
}

/** The three Standard Webhooks headers, as the request carried them (absent ones left out). */
export type SignatureHeaders = Record<string, string>;

/**
 * Checks a Standard Webhooks signature over the raw body bytes with the channel's secret (and,
 * during a rotation's grace period, its previous one). `standardwebhooks` compares in constant
 * time and refuses timestamps more than 5 minutes from now either way.
 */
export function inboundVerifier(core: Pick<CoreDeps, 'db' | 'clock'>, masterKeys: MasterKeys) {
  function secretsOf(row: ChannelRow): string[] {
    const secrets = [open(masterKeys, row.secretSealed, sealContext(row.id, 'secret'))];
    const graceUntil = row.previousSecretExpiresAt === null ? 0 : Number(row.previousSecretExpiresAt);
    if (row.previousSecretSealed !== null && graceUntil > core.clock.now()) {
      secrets.push(open(masterKeys, row.previousSecretSealed, sealContext(row.id, 'previous_secret')));
    }
    return secrets.filter((secret): secret is string => secret !== null);
  }

  return async function verifyInbound(
    channelId: string,
    raw: Buffer,
    headers: SignatureHeaders,
  ): Promise<VerifiedChannel | null> {
    // A malformed id never reaches the database; an unknown one costs one indexed lookup.
    const row = isId(channelId, 'ch') ? await repo.findActive(core.db, channelId) : undefined;
    if (row === undefined) return null;
    for (const secret of secretsOf(row)) {
      try {
        new Webhook(secret).verify(raw, headers, { jsonParse: false });
        return { id: row.id, workspaceId: row.workspaceId, type: row.type === 'email' ? 'email' : 'api' };
      } catch {
        // Missing headers, a stale timestamp or another secret's signature: try the next secret.
      }
    }
    return null;
  };
}

export type InboundVerifier = ReturnType<typeof inboundVerifier>;
