import fs from 'node:fs';
import { Value } from 'typebox/value';
import { systemClock } from '../../deps.js';
import { Mailer } from '../../accounts/mail/mailer.js';
import { LeakReportBody } from '../../keys/governance-schemas.js';
import { displayParts, hashKey } from '../../keys/key-format.js';
import { LeakReports, type LeakCandidate } from '../../keys/leak-report.js';
import { findKeys } from '../../keys/key-scanner.js';
import { CLIError, type Command } from '../command.js';
import { openCore, openStorage } from '../context.js';
import { walkFiles } from '../gitignore.js';
import { cliCaller } from '../../http/caller.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    throw new CLIError('could not read the report from standard input', 2);
  }
}

export const keysReportLeakedCommand: Command = {
  name: 'keys report-leaked',
  usage: 'keys report-leaked < report.json [--json]',
  summary: 'revoke every live key in a leak report ([{token, type, url, source}] on stdin) and email the owners',
  async run(context) {
    let candidates: unknown;
    try {
      candidates = JSON.parse(readStdin());
    } catch {
      throw new CLIError('the report is not valid JSON: expected [{"token", "type", "url", "source"}, …]', 2);
    }
    if (!Value.Check(LeakReportBody, candidates))
      throw new CLIError('the report must be a JSON array of {token, type, url, source}', 2);
    // The server's services (src/core.ts): the same revocation, audit and invalidation as the API.
    const core = await openCore(context.config);
    const mailer = new Mailer(core);
    try {
      const verdicts = await new LeakReports(core, mailer).report(candidates as LeakCandidate[], {
        ...cliCaller(null),
        userAgent: 'woes-cli',
      });
      const lines = (candidates as LeakCandidate[]).map((c, i) => {
        const { start, last4 } = displayParts(c.token);
        return `${verdicts[i].label === 'true_positive' ? 'revoked      ' : 'not a live key'}  ${start}…${last4}`;
      });
      context.out(lines.join('\n'), verdicts);
    } finally {
      await mailer.close();
      await core.close();
    }
  },
};

type Status = 'live' | 'revoked' | 'expired' | 'disabled' | 'unknown';

async function liveness(config: Parameters<typeof openStorage>[0], tokens: string[]): Promise<Map<string, Status>> {
  const storage = await openStorage(config);
  try {
    const statuses = new Map<string, Status>();
    const now = systemClock.now();
    for (const token of tokens) {
      const row = await storage.db
        .selectFrom('apiKeys')
        .select(['revokedAt', 'expiresAt', 'disabledAt'])
        .where('hash', '=', hashKey(token))
        .executeTakeFirst();
      const status: Status = !row
        ? 'unknown'
        : row.revokedAt !== null
          ? 'revoked'
          : row.expiresAt !== null && Number(row.expiresAt) <= now
            ? 'expired'
            : row.disabledAt !== null
              ? 'disabled'
              : 'live';
      statuses.set(token, status);
    }
    return statuses;
  } finally {
    await storage.destroy();
  }
}

export const keysScanCommand: Command = {
  name: 'keys scan',
  usage: 'keys scan PATH… [--check] [--json]',
  summary: 'find Woes API keys in files (respecting .gitignore); exits 1 when any is found',
  options: { check: { type: 'boolean' } },
  async run(context) {
    if (context.positionals.length === 0) throw new CLIError('usage: woes keys scan PATH…', 2);
    const findings: Array<{ file: string; line: number; start: string; last4: string; token: string }> = [];
    for (const root of context.positionals) {
      if (!fs.existsSync(root)) throw new CLIError(`no such file or folder: ${root}`, 2);
      for (const file of walkFiles(root)) {
        if (fs.statSync(file).size > MAX_FILE_BYTES) continue;
        const bytes = fs.readFileSync(file);
        // Binary files (a NUL early on) are not source a key gets pasted into.
        if (bytes.subarray(0, 8000).includes(0)) continue;
        for (const sighting of findKeys(bytes.toString('utf8'))) findings.push({ file, ...sighting });
      }
    }
    // Only with --check does the scan touch the configured database: the checksum alone finds keys.
    const statuses = context.values.check
      ? await liveness(
          context.config,
          findings.map((f) => f.token),
        )
      : null;
    const shown = findings.map(({ token, ...rest }) => ({
      ...rest,
      ...(statuses ? { status: statuses.get(token)! } : {}),
    }));
    const lines = shown.map(
      (f) => `${f.file}:${f.line}: ${f.start}…${f.last4}${'status' in f ? `  (${f.status})` : ''}`,
    );
    context.out(lines.length ? lines.join('\n') : 'No Woes API keys found.', { findings: shown });
    if (findings.length > 0) {
      throw new CLIError(
        `found ${findings.length} Woes API key${findings.length === 1 ? '' : 's'}: remove ${findings.length === 1 ? 'it' : 'them'} and revoke any that was ever shared`,
        1,
      );
    }
  },
};
