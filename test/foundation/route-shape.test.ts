import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

// Issue #12: one shape for every route. These read the sources, so a new route that casts
// its request, or a hook that learns a token format again, fails here rather than in review.
const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = sources(SRC).map((file) => ({ file: path.relative(SRC, file), text: fs.readFileSync(file, 'utf8') }));

test('no handler casts request.body, params, query or headers: the type provider types them', () => {
  const casts = FILES.flatMap(({ file, text }) =>
    [...text.matchAll(/request\.(body|params|query|headers)\b[^;\n]*?\bas\b/g)].map((m) => `${file}: ${m[0]}`),
  );
  assert.deepEqual(casts, []);
});

test('every plugin that declares routes with schemas uses the TypeBox type provider', () => {
  const untyped = FILES.filter(
    ({ text }) => /\bapp\.(get|post|patch|put|delete)\(/.test(text) && /\b(body|params|querystring):/.test(text),
  )
    .filter(({ text }) => !/\btyped\(/.test(text))
    .map(({ file }) => file);
  assert.deepEqual(untyped, []);
});

test('the authentication hook knows no token format and asserts nothing non-null', () => {
  const hook = FILES.find(({ file }) => file === path.join('http', 'authenticate.ts'));
  assert.ok(hook);
  assert.doesNotMatch(hook.text, /woesk_|woespk_|JWT_SHAPE/);
  assert.doesNotMatch(hook.text, /\w!\./);
});

test('one Caller: the older models of "who is calling" are gone', () => {
  const leftovers = FILES.filter(({ text }) =>
    /\b(RequestFacts|requestFacts|KeyActor|createdByOf|callerOf|auditActor|workspaceOf)\b/.test(text),
  ).map(({ file }) => file);
  assert.deepEqual(leftovers, []);
});
