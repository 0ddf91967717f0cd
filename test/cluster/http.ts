import http from 'node:http';

/** One answer as a client saw it: status 0 and `error` when there was no HTTP answer at all. */
export interface Answer {
  status: number;
  code: string | null;
  body: Record<string, unknown> | null;
  headers: http.IncomingHttpHeaders;
  startedAt: number;
  ms: number;
  error: string | null;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** The client gives up after this long and records the request as hung. */
  timeoutMs?: number;
}

/**
 * A client bound to one loopback source address (127.0.0.x), so per-IP limits and logs see
 * distinct clients, as they would behind a load balancer that passes client addresses.
 */
export class Client {
  private readonly agent: http.Agent;

  constructor(readonly localAddress: string) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  }

  request(port: number, method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const startedAt = Date.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (answer: Omit<Answer, 'startedAt' | 'ms'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...answer, startedAt, ms: Date.now() - startedAt });
      };
      const req = http.request(
        { host: '127.0.0.1', port, method, path, headers, agent: this.agent, localAddress: this.localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => finish({ status: 0, code: null, body: null, headers: {}, error: error.message }));
          res.on('end', () => {
            let body: Record<string, unknown> | null = null;
            try {
              body = chunks.length
                ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
                : null;
            } catch {
              body = null;
            }
            const code = body && typeof body.code === 'string' ? body.code : null;
            finish({ status: res.statusCode ?? 0, code, body, headers: res.headers, error: null });
          });
        },
      );
      req.setTimeout(options.timeoutMs ?? 30_000, () => {
        req.destroy(new Error('client timeout'));
      });
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ status: 0, code: null, body: null, headers: {}, error: error.code ?? error.message }),
      );
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Percentile of a list of durations (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
