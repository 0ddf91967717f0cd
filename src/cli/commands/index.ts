import type { Command } from '../command.js';
import { migrateCommand, startCommand } from './server.js';

/** Every `woes` command. Domain issues add theirs here. */
export const COMMANDS: readonly Command[] = [startCommand, migrateCommand];
