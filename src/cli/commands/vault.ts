import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { loadMasterKeys, masterKeyFile, previousMasterKeyFile } from '../../security/instance-secrets.js';
import { rotateSealedValues } from '../../security/rotate-master-key.js';
import { keyId } from '../../security/sealed-secret.js';
import { CLIError, type Command } from '../command.js';
import { openStorage, requireDatabase } from '../context.js';

/**
 * `woes vault rotate-master-key`: re-encrypts every sealed value under the current master key.
 * Scale-out: the operator sets WOES_MASTER_KEY (new) and WOES_MASTER_KEY_PREVIOUS (old) on every
 * server first, then runs this. Embedded: `--generate` moves master.key to master.key.previous
 * and writes a new master.key; the server reads both files at start (see README).
 */
export const vaultRotateMasterKeyCommand: Command = {
  name: 'vault rotate-master-key',
  usage: 'vault rotate-master-key [--generate] [--batch-size N] [--json]',
  summary: 're-encrypt every stored secret under the current master key (resumable)',
  options: { generate: { type: 'boolean' }, 'batch-size': { type: 'string' } },
  async run(context) {
    const batchSize = batch(context.values['batch-size']);
    // Before any key file is read or written: in the wrong folder they would be made anew.
    requireDatabase(context.config);
    if (context.values.generate === true) generateEmbeddedKey(context.config);
    const keys = loadMasterKeys(context.config);
    const storage = await openStorage(context.config);
    try {
      const columns = await rotateSealedValues(storage.db, keys, { batchSize });
      const total = (field: 'rotated' | 'alreadyCurrent' | 'changedConcurrently' | 'unreadable') =>
        columns.reduce((sum, c) => sum + c[field], 0);
      const summary = {
        currentKeyId: keyId(keys.current),
        previousKeyId: keys.previous ? keyId(keys.previous) : null,
        rotated: total('rotated'),
        alreadyCurrent: total('alreadyCurrent'),
        changedConcurrently: total('changedConcurrently'),
        unreadable: total('unreadable'),
        columns,
      };
      context.out(
        [
          `Master key ${summary.currentKeyId}${summary.previousKeyId ? ` (previous ${summary.previousKeyId})` : ''}:`,
          ...columns.map(
            (c) =>
              `  ${c.column}: ${c.rotated} re-encrypted, ${c.alreadyCurrent} already current, ` +
              `${c.changedConcurrently} rewritten meanwhile, ${c.unreadable} unreadable`,
          ),
        ].join('\n'),
        summary,
      );
      if (summary.unreadable > 0) {
        throw new CLIError(
          `${summary.unreadable} value(s) open under neither key (tampered, or sealed under a key not given); ` +
            'they were left as they are',
        );
      }
    } finally {
      await storage.destroy();
    }
  },
};

function batch(raw: string | boolean | undefined): number {
  if (raw === undefined) return 100;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 10_000) {
    throw new CLIError('--batch-size must be a whole number from 1 to 10000', 2);
  }
  return Number(raw);
}

/** Embedded mode: the current key becomes master.key.previous, a new one becomes master.key. */
function generateEmbeddedKey(config: Config): void {
  if (config.masterKey !== null) {
    throw new CLIError(
      '--generate is for embedded mode (master.key in the data dir); with WOES_MASTER_KEY set, generate a key ' +
        '(openssl rand -base64 32), set it as WOES_MASTER_KEY and the old one as WOES_MASTER_KEY_PREVIOUS, then run this without --generate',
      2,
    );
  }
  const current = masterKeyFile(config.dataDir);
  const previous = previousMasterKeyFile(config.dataDir);
  if (fs.existsSync(previous)) {
    throw new CLIError(
      `${previous} exists: a rotation is under way. Run without --generate to finish it, ` +
        'and delete that file once a run reports nothing left to do',
      2,
    );
  }
  if (!fs.existsSync(current)) throw new CLIError(`${current} does not exist: there is nothing to rotate`, 2);
  // The old key is safely kept before the new one replaces it: a crash in between leaves both files readable.
  fs.copyFileSync(current, previous, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(previous, 0o600);
  const temp = `${current}.${process.pid}.new`;
  fs.writeFileSync(temp, randomBytes(32).toString('base64'), { mode: 0o600 });
  fs.renameSync(temp, current);
}
