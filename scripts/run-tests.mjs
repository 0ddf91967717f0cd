#!/usr/bin/env node
// Runs the test suite with Node's test runner on the TypeScript sources (through tsx).
// `npm test` runs everything on SQLite; `npm test -- test/keys` runs a folder or file.
// With WOES_TEST_DATABASE_URL / WOES_TEST_REDIS_URL set, the same tests run on PostgreSQL / Redis.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function collect(target, out) {
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target).sort()) collect(path.join(target, entry), out);
  } else if (/\.test\.ts$/.test(target)) {
    out.push(target);
  }
  return out;
}

const args = process.argv.slice(2);
const targets = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const files = (targets.length ? targets : ['test']).flatMap((t) => collect(t, []));
// Browser tests have their own command (npm run test:browser).
const selected = targets.length ? files : files.filter((f) => !f.includes(`${path.sep}browser${path.sep}`));
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...flags, ...selected],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
