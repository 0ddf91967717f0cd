import type { Logger } from 'pino';

/**
 * Work run one task at a time, after whatever was queued before, off the caller's path: for work
 * whose time must not show in an answer (whether an email has an account). A failure is logged as
 * `<what> failed`, with its message only (never the address the task was about), and never
 * reaches a caller or leaves a rejected promise behind.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  push(what: string, task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch((error: unknown) => {
      this.logger.error({ err: { message: (error as Error).message } }, `${what} failed`);
    });
  }

  /** Resolves once every task queued so far, and any they queued meanwhile, has run. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}
