import { OutboundFailed, OutboundRefused, outboundRequest, type outboundPolicy } from '../net/outbound.js';

/** The whole of one attempt, answered or not, within 15 seconds. */
export const SEND_TIMEOUT_MS = 15_000;
/** How much of a response body an attempt keeps (and reads). */
export const EXCERPT_BYTES = 1024;

export interface SendResult {
  /** The response status, or null when none came. */
  status: number | null;
  retryAfter: string | undefined;
  excerpt: string | null;
  /** Why it failed: `refused:<reason>` (the SSRF guard), `timeout`, `connect`, `tls`, `too_large`, `protocol`. */
  error: string | null;
  durationMs: number;
}

/**
 * One POST through the outbound guard (public addresses only, checked at connect time; no
 * redirects; a 15 s budget; the response read up to 1 KiB). Never throws for the receiver's sake.
 */
export async function send(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: ReturnType<typeof outboundPolicy>,
): Promise<SendResult> {
  const started = Date.now();
  try {
    const response = await outboundRequest({
      url,
      method: 'POST',
      headers,
      body,
      timeoutMs: SEND_TIMEOUT_MS,
      maxResponseBytes: EXCERPT_BYTES,
      policy,
    });
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.status,
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      excerpt: response.body.subarray(0, EXCERPT_BYTES).toString('utf8'),
      error: null,
      durationMs: response.durationMs,
    };
  } catch (error) {
    const reason =
      error instanceof OutboundRefused
        ? `refused:${error.reason}`
        : error instanceof OutboundFailed
          ? error.reason
          : 'connect';
    return { status: null, retryAfter: undefined, excerpt: null, error: reason, durationMs: Date.now() - started };
  }
}
