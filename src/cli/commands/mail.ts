import { listOutbox } from '../../accounts/index.js';
import type { Command } from '../command.js';
import { requireDatabase } from '../context.js';

/**
 * `woes mail list`: the embedded outbox (emails written as .eml files when SMTP_URL is unset), each
 * with its link decoded — the server's log names the link with its token redacted.
 */
export const mailListCommand: Command = {
  name: 'mail list',
  usage: 'mail list [--json]',
  summary: 'list the emails in the embedded outbox',
  async run(context) {
    // Elsewhere than the install's folder, an empty outbox would be a wrong answer.
    requireDatabase(context.config);
    const entries = listOutbox(context.config.dataDir, context.config.publicUrl);
    const human =
      entries.length === 0
        ? `The outbox (${context.config.dataDir}/mail) is empty.`
        : entries
            .map((e) => `${e.date}  ${e.to}  ${e.subject}\n    ${e.file}${e.link === null ? '' : `\n    ${e.link}`}`)
            .join('\n');
    context.out(human, { data: entries });
  },
};
