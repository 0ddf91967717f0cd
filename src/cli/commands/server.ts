import type { Command } from '../command.js';
import { startServer } from '../../server.js';
import { openStorage } from '../context.js';

export const startCommand: Command = {
  name: 'start',
  usage: 'start',
  summary: 'run the server (migrations first)',
  async run(context) {
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
    const storage = await openStorage(context.config);
    await storage.destroy();
    context.out(`Database schema is up to date (${storage.dialect}).`, { ok: true, dialect: storage.dialect });
  },
};
