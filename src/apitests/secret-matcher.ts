/**
 * The secret matcher: finds where a text gives away a secret, in whatever encoding it was echoed.
 *
 * Public surface: `secretValue` (or a `SecretValue` built by hand, to mark only some bytes secret),
 * `compileSecretMatcher(values)` once per set of values, then `matcher.findRuns(text)` for each text:
 * the UTF-8 byte spans to hide. What to search for (which values, which of their bytes are secret)
 * and what to write in place of a span is the caller's business (see redaction.ts).
 *
 * A text is searched, case-insensitively, for any run that gives away 8 consecutive bytes of a value
 * (the whole value when it is shorter, from 4 bytes on), as:
 * - the bytes themselves, forwards or reversed;
 * - their hex (either case; 16 characters);
 * - their base64 or base64url in the three byte alignments (a value inside a longer encoded
 *   string encodes differently depending on its offset modulo 3: the stable inner characters of
 *   each alignment are searched; 11 characters);
 * each also with any character written as `%xx`, `%uxxxx`, `&#ddd;`, `&#xhh;`, a named XML entity,
 * `\uxxxx` or a JSON backslash escape, and with separators (white space, `- _ . , : ; | / \ +`)
 * between the characters. Why 8: a shorter run cannot be told from ordinary text (a secret made of
 * words would blank out every "pass" in the answer), and at most 7 characters stay visible, about
 * what providers show of their own keys (Stripe shows the last 4). A run must be secret
 * throughout: the public bytes beside it (`Bearer `, the user name) do not count towards the 8.
 * The search looks up fixed-length pieces (grams) in hash sets: linear in the text, no regex
 * backtracking.
 */

/** A value to search for, and which of its bytes are secret (1) or only sent alongside (0). */
export interface SecretValue {
  readonly bytes: Buffer;
  readonly secret: Uint8Array;
}

/** A span of a searched text to hide: UTF-8 byte offsets [start, end). */
export interface SecretSpan {
  readonly start: number;
  readonly end: number;
}

export interface SecretMatcher {
  /**
   * Where `text` gives away a run of a value: spans of its UTF-8 bytes, in order, disjoint and
   * never touching (overlapping or adjacent runs are one span), each made of whole characters.
   * Empty when nothing is given away.
   */
  findRuns(text: string): SecretSpan[];
}

/** A value whose bytes (the UTF-8 of `text`) are all secret. */
export function secretValue(text: string): SecretValue {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, secret: new Uint8Array(bytes.length).fill(1) };
}

const RAW_RUN = 8;
const HEX_RUN = 16;
const BASE64_RUN = 11;
/** A value shorter than a run is searched for whole, but not below these (one character is in any text). */
const MIN_RAW = 4;
const MIN_HEX = 8;
const MIN_BASE64 = 6;

/** Separators that may stand between the characters of an echo: ignored in the second search. */
const SEPARATORS = new Set([...' \t\r\n\f\v-_.,:;|/\\+'].map((c) => c.charCodeAt(0)));

/** An encoded form of a value: latin1 text (one byte a character, ASCII lower case) and its secret mask. */
interface Encoded {
  readonly text: string;
  readonly secret: Uint8Array;
  readonly run: number;
  readonly min: number;
}

/** The compiled search: per mode (strict, separators dropped), gram length → grams. */
interface Grams {
  readonly strict: Map<number, Set<string>>;
  readonly loose: Map<number, Set<string>>;
}

const lower = (byte: number) => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
const latin1Lower = (bytes: Uint8Array) => Buffer.from(bytes.map(lower)).toString('latin1');

function encodings(value: SecretValue): Encoded[] {
  const { bytes, secret } = value;
  const out: Encoded[] = [{ text: latin1Lower(bytes), secret, run: RAW_RUN, min: MIN_RAW }];
  // Reversed by character (a reversed UTF-8 sequence is not how a reversed string is written).
  const chars: Array<[Buffer, Uint8Array]> = [];
  let at = 0;
  for (const char of bytes.toString('utf8')) {
    const length = Buffer.byteLength(char, 'utf8');
    chars.push([bytes.subarray(at, at + length), secret.subarray(at, at + length)]);
    at += length;
  }
  chars.reverse();
  out.push({
    text: latin1Lower(Buffer.concat(chars.map(([b]) => b))),
    secret: Uint8Array.from(chars.flatMap(([, s]) => [...s])),
    run: RAW_RUN,
    min: MIN_RAW,
  });
  out.push({
    text: bytes.toString('hex'),
    secret: Uint8Array.from([...secret].flatMap((s) => [s, s])),
    run: HEX_RUN,
    min: MIN_HEX,
  });
  const n = bytes.length;
  for (let k = 0; k < 3; k += 1) {
    const padded = Buffer.concat([Buffer.alloc(k), bytes]);
    // Character i stands for bits [6i, 6i+6): keep those made of the value's bits alone.
    const first = Math.ceil((8 * k) / 6);
    const last = Math.floor((8 * (k + n)) / 6) - 1;
    if (last < first) continue;
    const mask = new Uint8Array(last - first + 1);
    for (let i = first; i <= last; i += 1) {
      const from = Math.floor((6 * i) / 8) - k;
      const to = Math.floor((6 * i + 5) / 8) - k;
      mask[i - first] = secret[from]! | secret[to]!;
    }
    for (const alphabet of ['base64', 'base64url'] as const) {
      const text = padded
        .toString(alphabet)
        .slice(first, last + 1)
        .toLowerCase();
      out.push({ text, secret: mask, run: BASE64_RUN, min: MIN_BASE64 });
    }
  }
  return out;
}

function addGrams(into: Map<number, Set<string>>, text: string, secret: Uint8Array, run: number, min: number): void {
  if (text.length < min) return;
  const length = Math.min(run, text.length);
  let grams = into.get(length);
  if (grams === undefined) into.set(length, (grams = new Set()));
  // secretBefore[i]: how many secret characters precede i, to test a gram in constant time. A gram
  // must be secret throughout: public bytes next to the secret (`Bearer `, `user:`) would let a
  // shorter run of the secret count as 8.
  const secretBefore = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i += 1) secretBefore[i + 1] = secretBefore[i]! + secret[i]!;
  for (let i = 0; i + length <= text.length; i += 1) {
    if (secretBefore[i + length]! - secretBefore[i]! === length) grams.add(text.slice(i, i + length));
  }
}

function compile(values: readonly SecretValue[]): Grams {
  const grams: Grams = { strict: new Map(), loose: new Map() };
  for (const value of values) {
    for (const { text, secret, run, min } of encodings(value)) {
      addGrams(grams.strict, text, secret, run, min);
      let loose = '';
      const looseSecret: number[] = [];
      for (let i = 0; i < text.length; i += 1) {
        if (SEPARATORS.has(text.charCodeAt(i))) continue;
        loose += text[i];
        looseSecret.push(secret[i]!);
      }
      addGrams(grams.loose, loose, Uint8Array.from(looseSecret), run, min);
    }
  }
  return grams;
}

/** Text to search, one byte a character, each mapped to the original bytes [start, end) it came from. */
interface View {
  readonly text: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

const NAMED: Record<string, number> = { amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27 };
/** One escaped character at a position (sticky): %xx, %uxxxx, &#d;, &#xh;, &name;, \uxxxx, \" \\ \/. */
const ESCAPE =
  /%([0-9a-f]{2})|%u([0-9a-f]{4})|&#(?:x([0-9a-f]{1,8})|([0-9]{1,8}));?|&(amp|lt|gt|quot|apos);|\\u([0-9a-f]{4})|\\(["\\/])/iy;

function plainView(source: string): View {
  const start = new Int32Array(source.length);
  const end = new Int32Array(source.length);
  for (let i = 0; i < source.length; i += 1) {
    start[i] = i;
    end[i] = i + 1;
  }
  return { text: source, start, end };
}

/** The text with every escape decoded (a decoded character's bytes map to the whole escape). */
function decodedView(source: string): View {
  const text: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < source.length;) {
    const code = source.charCodeAt(i);
    if (code === 0x25 || code === 0x26 || code === 0x5c) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(source);
      if (m !== null) {
        let bytes: Buffer | null = null;
        if (m[1] !== undefined) bytes = Buffer.from([parseInt(m[1], 16)]);
        else if (m[7] !== undefined) bytes = Buffer.from(m[7], 'latin1');
        else if (m[5] !== undefined) bytes = Buffer.from([NAMED[m[5].toLowerCase()]!]);
        else {
          const hex = m[2] ?? m[3] ?? m[6];
          const point = hex !== undefined ? parseInt(hex, 16) : parseInt(m[4]!, 10);
          // A lone surrogate half is left as written.
          if (point <= 0x10ffff && (point < 0xd800 || point > 0xdfff)) bytes = Buffer.from(String.fromCodePoint(point));
        }
        if (bytes !== null) {
          for (const byte of bytes) {
            text.push(lower(byte));
            start.push(i);
            end.push(i + m[0].length);
          }
          i += m[0].length;
          continue;
        }
      }
    }
    text.push(lower(code));
    start.push(i);
    end.push(i + 1);
    i += 1;
  }
  return { text: Buffer.from(text).toString('latin1'), start: Int32Array.from(start), end: Int32Array.from(end) };
}

function withoutSeparators(view: View): View {
  const keep: number[] = [];
  for (let i = 0; i < view.text.length; i += 1) if (!SEPARATORS.has(view.text.charCodeAt(i))) keep.push(i);
  return {
    text: keep.map((i) => view.text[i]).join(''),
    start: Int32Array.from(keep, (i) => view.start[i]!),
    end: Int32Array.from(keep, (i) => view.end[i]!),
  };
}

/** Marks (as +1/-1 at span edges) every run of `view` found in the grams. */
function mark(view: View, grams: Map<number, Set<string>>, edges: Int32Array): void {
  for (const [length, set] of grams) {
    for (let i = 0; i + length <= view.text.length; i += 1) {
      if (set.has(view.text.slice(i, i + length))) {
        edges[view.start[i]!]! += 1;
        edges[view.end[i + length - 1]!]! -= 1;
      }
    }
  }
}

/** Compiles the search for `values` once (the grams of every encoding); the matcher is then reused for each text. */
export function compileSecretMatcher(values: readonly SecretValue[]): SecretMatcher {
  const grams = compile(values);
  return {
    findRuns: function findSecretRuns(text: string): SecretSpan[] {
      return spansOf(text, grams);
    },
  };
}

function spansOf(text: string, grams: Grams): SecretSpan[] {
  const bytes = Buffer.from(text, 'utf8');
  const source = bytes.toString('latin1');
  const edges = new Int32Array(bytes.length + 1);
  const plain = plainView(source.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  const decoded = decodedView(source);
  for (const view of [plain, decoded]) {
    mark(view, grams.strict, edges);
    mark(withoutSeparators(view), grams.loose, edges);
  }
  const covered = new Uint8Array(bytes.length);
  for (let i = 0, depth = 0; i < bytes.length; i += 1) {
    depth += edges[i]!;
    if (depth > 0) covered[i] = 1;
  }
  // Whole characters only: a covered byte covers the rest of its UTF-8 sequence.
  for (let i = 0; i < bytes.length; i += 1) {
    if (covered[i] !== 1) continue;
    let lead = i;
    while (lead > 0 && (bytes[lead]! & 0xc0) === 0x80) covered[--lead] = 1;
    while (i + 1 < bytes.length && (bytes[i + 1]! & 0xc0) === 0x80) covered[++i] = 1;
  }
  const spans: SecretSpan[] = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i += 1) {
    const inside = i < bytes.length && covered[i] === 1;
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      spans.push({ start, end: i });
      start = -1;
    }
  }
  return spans;
}
