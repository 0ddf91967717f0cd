import fs from 'node:fs';
import path from 'node:path';

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads the embedded outbox ($WOES_DATA_DIR/mail/*.eml) the way a person would open their inbox. */
export async function waitForLink(dataDir: string, to: string, linkPath: string, timeoutMs = 10_000): Promise<string> {
  const dir = path.join(dataDir, 'mail');
  const pattern = new RegExp(`https?://[^\\s"'<>]+${linkPath.replace(/[/-]/g, '\\$&')}\\?token=[A-Za-z0-9_~.%-]+`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .reverse()
      : [];
    for (const file of files) {
      const raw = decodeQuotedPrintable(fs.readFileSync(path.join(dir, file), 'utf8'));
      if (!raw.toLowerCase().includes(to.toLowerCase())) continue;
      const match = pattern.exec(raw);
      if (match) return match[0];
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} with a ${linkPath} link in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
