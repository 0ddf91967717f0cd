import fs from 'node:fs';
import path from 'node:path';
import { ensureFolder } from '../../lib/owner-only-files.js';

/** The embedded outbox: one RFC 822 `.eml` file per email under `$WOES_DATA_DIR/mail/`. */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'mail');
}

export interface OutboxEntry {
  to: string;
  subject: string;
  date: string;
  file: string;
  /** The email's first link, decoded (its one-time token included): what a local user opens. */
  link: string | null;
}

const LINK = /https?:\/\/[^\s"'<>]+/;

export function writeOutboxFile(dataDir: string, id: string, raw: Buffer): string {
  const dir = outboxDir(dataDir);
  // Owner-only (0700) like the data dir, and never Node's recursive mkdir (see ensureFolder).
  ensureFolder('WOES_DATA_DIR', dir);
  const file = path.join(dir, `${id}.eml`);
  // Mode 0600: the message holds a live one-time link.
  fs.writeFileSync(file, raw, { mode: 0o600 });
  return file;
}

/**
 * Every email in the outbox, oldest first (file names are time-ordered ids). `origin` (the public
 * URL): an entry's link is the first of the body's links on it — a link in a subject or text that a
 * workspace's creator wrote (its name) is never taken for Woes's.
 */
export function listOutbox(dataDir: string, origin?: string): OutboxEntry[] {
  const dir = outboxDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const raw = fs.readFileSync(file, 'utf8');
      const headers = parseHeaders(raw);
      const date = new Date(headers.get('date') ?? fs.statSync(file).mtime.toISOString());
      return {
        to: headers.get('to') ?? '',
        subject: headers.get('subject') ?? '',
        date: Number.isNaN(date.getTime()) ? '' : date.toISOString(),
        file,
        link: linkOf(raw, origin),
      };
    });
}

/**
 * The readable text of a stored message, as candidates to search: the whole file with
 * quoted-printable undone (soft line breaks split long links, '=' is written '=3D'), and every
 * base64 block decoded.
 */
export function messageTexts(raw: string): string[] {
  const texts = /content-transfer-encoding:\s*quoted-printable/i.test(raw) ? [decodeQuotedPrintable(raw)] : [raw];
  for (const block of raw.match(/^[A-Za-z0-9+/=\r\n]{200,}$/gm) ?? []) {
    texts.push(Buffer.from(block.replace(/\s+/g, ''), 'base64').toString('utf8'));
  }
  return texts;
}

/** The body's first link on `origin` (or, without one, its first link at all). */
function linkOf(raw: string, origin: string | undefined): string | null {
  // Decoded whole (the transfer encoding is named in the headers), then searched after the headers.
  const texts = messageTexts(raw).map((text) => {
    const end = text.search(/\r?\n\r?\n/);
    return end === -1 ? text : text.slice(end);
  });
  if (origin === undefined) return firstMatch(texts, LINK);
  for (const text of texts) {
    const found = text.match(new RegExp(LINK.source, 'g'))?.find((link) => link.startsWith(`${origin}/`));
    if (found !== undefined) return found;
  }
  return null;
}

/** The first match of `pattern` in any of `texts`, or null. */
export function firstMatch(texts: readonly string[], pattern: RegExp): string | null {
  for (const text of texts) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The header block of a message: unfolded, names lower-cased, RFC 2047 words decoded. */
export function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
