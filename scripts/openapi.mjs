#!/usr/bin/env node
// The OpenAPI document, built in-process from the app (no server, a throwaway SQLite file), and
// what is made from it: `generate` writes web/src/api/schema.d.ts (openapi-typescript), `lint`
// runs redocly's recommended rules on it, `dump FILE` writes it. Run with tsx (it imports src/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(ROOT, 'web/src/api/schema.d.ts');
const HEADER = "// Generated from the server's OpenAPI document by `npm run openapi:generate`. Do not edit.\n\n";

/** The live document of a freshly built app. */
export async function liveDocument() {
  const { buildApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-openapi-'));
  const app = await buildApp(loadConfig({ WOES_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    await app.ready();
    return structuredClone(app.swagger());
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript declarations the web app's client is typed by. */
export async function schemaTypes(document) {
  return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
}

async function main(command, file) {
  const document = await liveDocument();
  if (command === 'generate') {
    fs.writeFileSync(SCHEMA_FILE, await schemaTypes(document));
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  } else if (command === 'dump') {
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
  } else if (command === 'lint') {
    // A fixed path: .redocly.lint-ignore.yaml names the document by it.
    const target = path.join(ROOT, 'dist/openapi.json');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, JSON.stringify(document, null, 2));
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', 'dist/openapi.json'],
      { stdio: 'inherit', cwd: ROOT },
    );
    process.exitCode = result.status ?? 1;
  } else {
    console.error('usage: tsx scripts/openapi.mjs generate | lint | dump FILE');
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv[2], process.argv[3]);
}
