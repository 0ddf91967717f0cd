import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.js';
import { ensureFolder } from '../lib/owner-only-files.js';

/** A line waits in memory until this much is buffered (or LOG_FLUSH_MS passes). */
const FLUSH_AT_CHARS = 32_768;

/**
 * The log file: lines are buffered and written synchronously in blocks, on this thread.
 *
 * Why not pino's sonic-boom: its `write` measures the byte length of the whole pending buffer on
 * every line (`Buffer.byteLength` of a growing, unflattened string), which made the access log
 * the largest piece of a warm request's CPU (bench/RESULTS.md, round 3). Here a line costs an
 * array push; a block of ~130 lines costs one `write(2)` of a string joined once.
 *
 * Durability is as before: a quiet process writes what waits every `flushMs`, so SIGKILL (which
 * runs no code) loses at most that much; a normal exit (`process.exit`, an uncaught exception,
 * the end of the event loop) writes the rest synchronously. Writes are synchronous, so lines
 * reach the file in the order they were logged, exit included. A failing disk never fails a
 * request: the block is dropped and the error reported once on stderr.
 */
export class LogFile {
  #fd: number;
  #lines: string[] = [];
  #chars = 0;
  #failed = false;
  readonly #timer: NodeJS.Timeout;
  readonly #onExit = (): void => this.flushSync();

  constructor(
    readonly file: string,
    flushMs: number,
  ) {
    ensureFolder('WOES_LOG_FILE', path.dirname(file));
    try {
      this.#fd = fs.openSync(file, 'a');
    } catch (error) {
      // A folder, or a file this user may not write: the setting is wrong, say which.
      throw new ConfigError('WOES_LOG_FILE', `cannot open ${path.resolve(file)}: ${(error as Error).message}`);
    }
    this.#timer = setInterval(() => this.flushSync(), flushMs);
    this.#timer.unref();
    process.on('exit', this.#onExit);
  }

  /** pino's destination interface: one serialized line (with its newline). */
  write(line: string): boolean {
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#chars >= FLUSH_AT_CHARS) this.flushSync();
    return true;
  }

  /** Writes every buffered line now. */
  flushSync(): void {
    if (this.#chars === 0 || this.#fd < 0) return;
    const data = Buffer.from(this.#lines.length === 1 ? this.#lines[0] : this.#lines.join(''));
    this.#lines = [];
    this.#chars = 0;
    try {
      let written = 0;
      while (written < data.length) written += fs.writeSync(this.#fd, data, written);
    } catch (error) {
      if (!this.#failed) {
        this.#failed = true;
        process.stderr.write(`woes: cannot write the log file ${this.file}: ${(error as Error).message}\n`);
      }
    }
  }

  /** pino's `logger.flush(cb)`. */
  flush(callback?: (error?: Error) => void): void {
    this.flushSync();
    callback?.();
  }

  /** Writes what waits and closes the file; later lines are dropped. */
  end(): void {
    this.flushSync();
    clearInterval(this.#timer);
    process.off('exit', this.#onExit);
    if (this.#fd >= 0) fs.closeSync(this.#fd);
    this.#fd = -1;
  }
}
