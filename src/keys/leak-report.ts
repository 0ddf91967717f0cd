import { verify } from 'node:crypto';
import type { CoreDeps } from '../deps.js';
import type { LeakReportPublicKey } from '../config.js';
import { unauthorized } from '../errors.js';
import { governanceRepository as repo } from './governance-repository.js';
import { leakedKeysEmail, type KeyMailer, type LeakSighting } from './governance-emails.js';
import { hashKey, isWellFormedApiKey } from './key-format.js';
import { keyRepository } from './key-repository.js';
import type { ApiKeyRow } from './key-view.js';
import { recordKeyRevoked, revokeDescendants } from './revoke-key.js';
import type { Caller } from '../http/caller.js';

/** How the audit log names a leak report's revocations: GitHub's scanner, not a workspace's principal. */
const SCANNER = { type: 'secret_scanning', id: null } as const;

/** One candidate, as GitHub's secret scanning partner program sends it. */
export interface LeakCandidate {
  token: string;
  type: string;
  url: string;
  source: string;
}

/** GitHub's feedback shape: a hash, never the raw token, in what we send back. */
export interface LeakVerdict {
  token_hash: string;
  token_type: string;
  label: 'true_positive' | 'false_positive';
}

/**
 * Checks GitHub's signature: ECDSA P-256 / SHA-256 over the raw body, base64 DER in
 * Github-Public-Key-Signature, the key named by Github-Public-Key-Identifier.
 */
export function verifyLeakReportSignature(
  keys: ReadonlyArray<LeakReportPublicKey>,
  rawBody: Buffer,
  identifier: string | undefined,
  signature: string | undefined,
): void {
  const refuse = () => unauthorized('The report must carry a valid Github-Public-Key-Signature from a configured key.');
  if (!identifier || !signature) throw refuse();
  const key = keys.find((k) => k.keyIdentifier === identifier);
  if (key === undefined) throw refuse();
  let valid = false;
  try {
    valid = verify('sha256', rawBody, { key: key.key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) throw refuse();
}

/**
 * Handles a leak report: every reported token is treated as public. A live Woes key among them
 * is revoked at once (the same repository step and invalidation as DELETE /keys/:id), audited,
 * and its workspace's owners are emailed where it was found. Anything else — malformed, unknown,
 * already revoked or expired — is a `false_positive` with nothing more said about it.
 */
export class LeakReports {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'bus' | 'config' | 'storage'>,
    private readonly mailer: KeyMailer,
  ) {}

  async report(candidates: readonly LeakCandidate[], from: Caller): Promise<LeakVerdict[]> {
    const now = this.core.clock.now();
    const verdicts: LeakVerdict[] = [];
    const found = new Map<string, Array<{ row: ApiKeyRow; sighting: LeakSighting }>>();
    for (const candidate of candidates) {
      const hash = hashKey(candidate.token);
      const verdict: LeakVerdict = { token_hash: hash, token_type: candidate.type, label: 'false_positive' };
      verdicts.push(verdict);
      // The checksum first: a look-alike costs no query (and no timing tells it from an unknown key).
      if (!isWellFormedApiKey(candidate.token)) continue;
      const row = await this.revokeIfLive(hash, candidate, now, from);
      if (row === null) continue;
      verdict.label = 'true_positive';
      const list = found.get(row.workspaceId) ?? [];
      list.push({ row, sighting: { url: candidate.url, source: candidate.source, type: candidate.type } });
      found.set(row.workspaceId, list);
    }
    for (const [workspaceId, leaks] of found) await this.emailOwners(workspaceId, leaks);
    return verdicts;
  }

  private async revokeIfLive(
    hash: string,
    candidate: LeakCandidate,
    now: number,
    from: Caller,
  ): Promise<ApiKeyRow | null> {
    const revoked = await this.core.db.transaction().execute(async (trx) => {
      const found = await repo.findByHash(trx, hash);
      if (found === undefined) return null;
      if (found.revokedAt !== null) {
        // Revoked before revocations cascaded, its children may still be live: they go now.
        const children = await revokeDescendants(this.core, trx, found, from, SCANNER);
        return children.length === 0 ? null : { row: null, logged: children };
      }
      if (found.expiresAt !== null && Number(found.expiresAt) <= now) return null;
      await keyRepository.revoke(trx, found.id, now);
      // The report comes from GitHub's scanner, not a principal of the workspace: audited as it.
      await this.core.audit.record(trx, from, {
        workspaceId: found.workspaceId,
        type: 'key.leaked',
        actor: SCANNER,
        target: { type: 'api_key', id: found.id },
        data: {
          name: found.name,
          start: found.start,
          last4: found.last4,
          url: candidate.url,
          source: candidate.source,
          reportedType: candidate.type,
          revoked: true,
        },
      });
      await recordKeyRevoked(trx, found, now);
      // Whoever holds the leaked key also holds every key it made: they go too (SPEC §9).
      const children = await revokeDescendants(this.core, trx, found, from, SCANNER);
      return {
        row: found,
        logged: [await this.core.bus.record(trx, { kind: 'api_key', subject: found.hash }), ...children],
      };
    });
    if (revoked === null) return null;
    // After the commit, exactly as DELETE /keys/:id: every instance drops the keys within a second.
    for (const entry of revoked.logged) await this.core.bus.announce(entry);
    return revoked.row;
  }

  private async emailOwners(
    workspaceId: string,
    leaks: Array<{ row: ApiKeyRow; sighting: LeakSighting }>,
  ): Promise<void> {
    const workspace = await keyRepository.workspace(this.core.db, workspaceId);
    for (const to of await repo.ownerEmails(this.core.db, workspaceId)) {
      this.mailer.send(leakedKeysEmail(this.core.config.publicUrl, to, workspace?.name ?? workspaceId, leaks));
    }
  }
}
