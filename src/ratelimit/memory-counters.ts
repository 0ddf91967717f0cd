import type { CounterStore } from './window-limiter.js';

interface Counter {
  points: number;
  expiresAt: number;
}

/** How often expired counters are swept out (a counter is also dropped when it is next touched). */
const SWEEP_EVERY_MS = 10_000;

/**
 * The counters of embedded mode: a Map in this process, answered synchronously, so an in-memory
 * rate limit costs the request no promise (the hot path of SPEC §9). Expiry is by wall time, as
 * the window limiter only uses it to collect windows it no longer reads (the app clock picks the
 * window). JavaScript runs one call at a time, so every increment is atomic.
 */
export class MemoryCounters implements CounterStore {
  private readonly counters = new Map<string, Counter>();
  private nextSweep = Date.now() + SWEEP_EVERY_MS;

  penalty(key: string, points: number, options: { customDuration: number }): { consumedPoints: number } {
    const now = Date.now();
    if (now >= this.nextSweep) this.sweep(now);
    let counter = this.counters.get(key);
    if (counter === undefined || counter.expiresAt <= now) {
      counter = { points: 0, expiresAt: now + options.customDuration * 1000 };
      this.counters.set(key, counter);
    }
    counter.points += points;
    return { consumedPoints: counter.points };
  }

  reward(key: string, points: number, options: { customDuration: number }): { consumedPoints: number } {
    return this.penalty(key, -points, options);
  }

  get(key: string): { consumedPoints: number } | null {
    const counter = this.counters.get(key);
    if (counter === undefined || counter.expiresAt <= Date.now()) return null;
    return { consumedPoints: counter.points };
  }

  delete(key: string): boolean {
    return this.counters.delete(key);
  }

  /** How many counters are held (tests check that expired ones are collected). */
  get size(): number {
    return this.counters.size;
  }

  private sweep(now: number): void {
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(key);
  }
}
