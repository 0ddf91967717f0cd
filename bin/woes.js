#!/usr/bin/env node
// The `woes` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('woes: dist/ is missing; run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
await import(entry.href);
