/**
 * The fast path between processes (Redis pub/sub, PostgreSQL NOTIFY). It carries news of log
 * rows within milliseconds; it is never the only way they travel, so losing it costs latency
 * (≤ 1 s, the poll), not correctness.
 */
export interface PushChannel {
  readonly name: string;
  /** Sends to the other processes; rejects, quickly, when the transport cannot take it. */
  send(message: string): Promise<void>;
  /** Starts listening; `connected` reports each change between up and down, once. */
  listen(handlers: PushHandlers): Promise<void>;
  close(): Promise<void>;
}

export interface PushHandlers {
  message(text: string): void;
  connected(up: boolean): void;
}

/**
 * What a log line says about an error: its message and code. Node's connection errors to a
 * host with several addresses are AggregateErrors with an empty message; their parts say why.
 */
export function errorFacts(error: unknown): { message: string; code?: string } {
  const value = error as { message?: unknown; code?: unknown; errors?: unknown } | null;
  const parts = Array.isArray(value?.errors) ? (value.errors as unknown[]).map(errorFacts) : [];
  const message =
    typeof value?.message === 'string' && value.message !== ''
      ? value.message
      : parts.map((part) => part.message).join('; ') || String(error);
  const code = typeof value?.code === 'string' ? value.code : parts.find((part) => part.code)?.code;
  return code === undefined ? { message } : { message, code };
}
