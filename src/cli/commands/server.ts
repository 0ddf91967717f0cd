import v8 from 'node:v8';
import type { Command } from '../command.js';
import { startServer } from '../../server.js';
import { openStorage } from '../context.js';

export const startCommand: Command = {
  name: 'start',
  usage: 'start',
  summary: 'run the server (migrations first)',
  async run(context) {
    limitHeapGrowth();
    await startServer(context.config);
    // The server keeps the process alive until a signal stops it.
    await new Promise(() => undefined);
  },
};

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate [--json]',
  summary: 'bring the database schema up to date, then exit',
  async run(context) {
    const storage = await openStorage(context.config, { create: true });
    await storage.destroy();
    context.out(`Database schema is up to date (${storage.dialect}).`, { ok: true, dialect: storage.dialect });
  },
};

/**
 * After each full collection V8 lets the old generation grow to up to 4× what survived before
 * the next one. Requests promote their short-lived objects at tens of MiB/s under load, so with
 * about 35 MiB live a server reached 160 MiB of old space (peak RSS 250 MiB) before its second
 * full collection. 1.5× keeps the heap within about 50 % of what is live, for no loss in
 * requests/s in the benchmark (bench/RESULTS.md, peak RSS). The flag is read at every limit
 * computation, so setting it here covers every way of starting the server (NODE_OPTIONS
 * refuses it).
 */
function limitHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
