import { useEffect, useRef } from 'react';

/** How often the Inbox asks for news: often enough to feel live, far inside the session rate limit. */
export const POLL_MS = 3000;

/**
 * Calls `poll` every `intervalMs` while the tab is visible, and once at once when it becomes
 * visible again. A hidden tab asks nothing (no wasted requests, no rate-limit budget spent);
 * a slow answer is never overlapped by the next tick.
 */
export function usePoll(poll: () => Promise<unknown>, intervalMs: number = POLL_MS): void {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  }, [poll]);
  useEffect(() => {
    let running = false;
    async function tick(): Promise<void> {
      if (document.hidden || running) return;
      running = true;
      try {
        await latest.current();
      } catch {
        // A failed poll is retried on the next tick; the page keeps what it shows.
      } finally {
        running = false;
      }
    }
    const timer = setInterval(() => void tick(), intervalMs);
    const onVisibility = () => {
      if (!document.hidden) void tick();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
