import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSecretMatcher, secretValue, type SecretSpan } from '../../src/apitests/secret-matcher.js';

const SECRET = 'Zq9vX2mK7pL4wR8tY1nB5cD3fG6hJ0sA';
const matcher = compileSecretMatcher([secretValue(SECRET)]);

const b64 = (text: string, alphabet: 'base64' | 'base64url' = 'base64') => Buffer.from(text).toString(alphabet);
const eachChar = (text: string, write: (code: number) => string) =>
  [...text].map((c) => write(c.charCodeAt(0))).join('');

/** The spans `matcher` finds in `before<echo>after`, shifted to be relative to the echo (ASCII, so bytes = characters). */
function spansIn(echo: string, on = matcher): SecretSpan[] {
  const at = 'before<'.length;
  return on.findRuns(`before<${echo}>after`).map(({ start, end }) => ({ start: start - at, end: end - at }));
}

test('each encoding of the whole secret is found, and exactly the echo is covered', () => {
  const hex = Buffer.from(SECRET).toString('hex');
  const whole: Record<string, string> = {
    raw: SECRET,
    upper: SECRET.toUpperCase(),
    lower: SECRET.toLowerCase(),
    reversed: [...SECRET].reverse().join(''),
    hex,
    hexUpper: hex.toUpperCase(),
    percent: eachChar(SECRET, (c) => `%${c.toString(16).padStart(2, '0')}`),
    percentUnicode: eachChar(SECRET, (c) => `%u${c.toString(16).padStart(4, '0')}`),
    entitiesDecimal: eachChar(SECRET, (c) => `&#${c};`),
    entitiesHex: eachChar(SECRET, (c) => `&#x${c.toString(16)};`),
    jsonUnicode: eachChar(SECRET, (c) => `\\u${c.toString(16).padStart(4, '0')}`),
    spaced: [...SECRET].join(' '),
    dashed: [...SECRET].join('-'),
    separatorsMixed: [...SECRET].map((c, i) => (i === 0 ? '' : ' \t-_.,:;|/\\+'[i % 12]) + c).join(''),
    percentSpaced: eachChar(SECRET, (c) => `%${c.toString(16)} `).trimEnd(),
  };
  for (const [name, echo] of Object.entries(whole)) {
    assert.deepEqual(spansIn(echo), [{ start: 0, end: echo.length }], name);
  }
});

test('base64 and base64url in each byte alignment: the characters made of the secret alone are covered', () => {
  // 32 bytes at offset k: characters [ceil(8k/6), floor(8(k+32)/6)) carry only secret bits.
  for (const [k, prefix] of ['', 'x', 'xy'].entries()) {
    for (const alphabet of ['base64', 'base64url'] as const) {
      const echo = b64(`${prefix}${SECRET}`, alphabet);
      const first = Math.ceil((8 * k) / 6);
      const last = Math.floor((8 * (k + 32)) / 6);
      assert.deepEqual(spansIn(echo), [{ start: first, end: last }], `${alphabet} at ${k}`);
    }
  }
});

test('named entities and JSON backslash escapes are decoded before the search', () => {
  // Escapes at both ends: the span covers them whole, not just the characters they stand for.
  const secret = `"a<b>c&d'e/f\\`;
  const on = compileSecretMatcher([secretValue(secret)]);
  const entities = `&quot;&#97;&lt;b&gt;c&amp;d&apos;e/f\\`;
  assert.deepEqual(spansIn(entities, on), [{ start: 0, end: entities.length }]);
  const json = JSON.stringify(secret).slice(1, -1).replace('/', '\\/');
  assert.deepEqual(spansIn(json, on), [{ start: 0, end: json.length }]);
});

test('a partial base64url echo of 11 characters is found where base64 would write + and /', () => {
  const secret = 'Kx??>>~~Qw??>>~~Zr??>>~~';
  const on = compileSecretMatcher([secretValue(secret)]);
  const url = b64(secret, 'base64url');
  assert.match(url, /^S3g_Pz4-fn5R/);
  assert.deepEqual(spansIn(url.slice(2, 13), on), [{ start: 0, end: 11 }]);
  assert.deepEqual(spansIn(b64(secret).slice(2, 13), on), [{ start: 0, end: 11 }]);
  assert.deepEqual(spansIn(url.slice(2, 12), on), []);
});

test('a secret that itself looks like escapes is found as written, in any case', () => {
  const secret = 'pass%41word&amp;Key';
  const on = compileSecretMatcher([secretValue(secret)]);
  for (const echo of [secret, secret.toUpperCase(), secret.toLowerCase()]) {
    assert.deepEqual(spansIn(echo, on), [{ start: 0, end: secret.length }], echo);
  }
});

test('every run of 8 characters is found; no run of 7 is', () => {
  for (let i = 0; i + 8 <= SECRET.length; i += 1) {
    const run = SECRET.slice(i, i + 8);
    assert.deepEqual(spansIn(run), [{ start: 0, end: 8 }], `run at ${i}`);
    assert.deepEqual(spansIn([...run].reverse().join('')), [{ start: 0, end: 8 }], `reversed run at ${i}`);
    const hex = Buffer.from(run).toString('hex');
    assert.deepEqual(spansIn(hex), [{ start: 0, end: 16 }], `hex run at ${i}`);
    assert.deepEqual(spansIn(hex.slice(0, 15)), [], `15 hex characters at ${i}`);
  }
  for (let i = 0; i + 7 <= SECRET.length; i += 1) {
    const fragment = SECRET.slice(i, i + 7);
    assert.deepEqual(spansIn(fragment), [], `fragment at ${i}`);
    assert.deepEqual(spansIn(`${fragment}!${fragment}`), [], `two fragments at ${i}`);
    assert.deepEqual(spansIn([...fragment].join(' ')), [], `spaced fragment at ${i}`);
  }
});

test('a value shorter than 8 is found whole, from 4 bytes on', () => {
  assert.deepEqual(spansIn('pw=h0Wd!', compileSecretMatcher([secretValue('h0Wd!')])), [{ start: 3, end: 8 }]);
  assert.deepEqual(spansIn('pw=h0Wd', compileSecretMatcher([secretValue('h0Wd!')])), []);
  assert.deepEqual(spansIn('pw=ab1', compileSecretMatcher([secretValue('ab1')])), []);
});

test('unrelated text is left alone', () => {
  for (const text of [
    '{"error":"invalid_token","message":"The access token expired","docs":"https://example.com/errors"}',
    'deadbeef0123456789abcdef QmVhcmVy',
    'Zq9vX2m and K7pL4wR, two runs of 7',
    b64('an unrelated value of some length'),
    '%5A%71%39%76%58%32%6D%4C',
    'a'.repeat(5000),
  ]) {
    assert.deepEqual(matcher.findRuns(text), [], text);
  }
});

test('a run must be secret throughout: public bytes beside the secret do not count', () => {
  const sent = 'Bearer abcdefghij';
  const value = secretValue(sent);
  value.secret.fill(0, 0, 'Bearer '.length);
  const on = compileSecretMatcher([value]);
  assert.deepEqual(spansIn('Bearer abcdefg', on), [], 'public prefix and 7 secret characters');
  assert.deepEqual(spansIn('r abcdefgh', on), [{ start: 2, end: 10 }]);
  assert.deepEqual(spansIn('Bearer xyz', on), []);
});

test('spans: overlapping runs merge, separate runs stay apart, byte offsets cover whole characters', () => {
  const text = `${SECRET.slice(0, 10)}${SECRET.slice(5, 15)} and ${SECRET.slice(20)}`;
  assert.deepEqual(matcher.findRuns(text), [
    { start: 0, end: 20 },
    { start: 25, end: 25 + 12 },
  ]);
  const on = compileSecretMatcher([secretValue('éabcdefg'), secretValue('hijklmnÃ')]);
  assert.deepEqual(on.findRuns('xéabcdefg!'), [{ start: 1, end: 10 }]);
  // ĩ is c4 a9, é is c3 a9: the run a9 'abcdefg' starts inside ĩ, the span at its first byte.
  assert.deepEqual(on.findRuns('xĩabcdefg!'), [{ start: 1, end: 10 }]);
  // 'hijklmn' c3 is a run of 8 ending inside Ã (c3 83) or é (c3 a9): the span takes the whole character; ă is c4 83.
  assert.deepEqual(on.findRuns('!hijklmnÃ!'), [{ start: 1, end: 10 }]);
  assert.deepEqual(on.findRuns('!hijklmné!'), [{ start: 1, end: 10 }]);
  assert.deepEqual(on.findRuns('!hijklmnă!'), []);
  assert.deepEqual(on.findRuns('€ abcdef'), []);
  assert.deepEqual(on.findRuns(''), []);
});

test('one matcher serves several values', () => {
  const on = compileSecretMatcher([secretValue('first-secret-1'), secretValue('second-secret-2')]);
  assert.deepEqual(on.findRuns('first-se / d-secret'), [
    { start: 0, end: 8 },
    { start: 11, end: 19 },
  ]);
});
