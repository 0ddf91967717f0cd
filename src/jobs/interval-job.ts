import type { Logger } from 'pino';

/**
 * Runs `run` every `intervalMs` (and once at start), never two runs at once; a failed run is
 * logged and the next one comes on time. `close` stops the timer and waits for a run in progress,
 * so nothing reaches a database that is being shut.
 */
export class IntervalJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly run: () => Promise<unknown>,
  ) {}

  get closed(): boolean {
    return this.stopped;
  }

  start(intervalMs: number): void {
    const tick = (): void => {
      if (this.running || this.stopped) return;
      this.running = this.run()
        .catch((error: unknown) =>
          this.logger.warn({ err: { message: (error as Error).message } }, `${this.name} failed`),
        )
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    setImmediate(tick);
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
