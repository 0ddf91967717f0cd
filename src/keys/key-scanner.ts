import { displayParts, isWellFormedApiKey } from './key-format.js';

export interface KeySighting {
  line: number;
  start: string;
  last4: string;
  /** The whole key: for a liveness check by hash, never for printing. */
  token: string;
}

// Bounded on both sides so `xwoesk_…` or a longer base62 run is not half-matched.
const CANDIDATE = /(?<![0-9A-Za-z_])woesk_[0-9A-Za-z]{38}(?![0-9A-Za-z])/g;

/**
 * Finds Woes server keys in text by shape and checksum alone (no database): a look-alike with a
 * wrong checksum is not reported, which keeps a pre-commit hook free of false alarms.
 */
export function findKeys(text: string): KeySighting[] {
  const found: KeySighting[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('woesk_')) continue;
    for (const match of lines[i].matchAll(CANDIDATE)) {
      if (!isWellFormedApiKey(match[0])) continue;
      found.push({ line: i + 1, ...displayParts(match[0]), token: match[0] });
    }
  }
  return found;
}
