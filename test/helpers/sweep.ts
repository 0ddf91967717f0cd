import type { TestApp } from './app.js';

/**
 * What a caller sees of an answer: its status and body, without the request id. Tests of the
 * sweeps compare it before and after rows are deleted.
 */
export async function answerOf(
  response: Promise<{ statusCode: number; json: Record<string, unknown> | undefined }>,
): Promise<{ statusCode: number; body: Record<string, unknown> }> {
  const { statusCode, json } = await response;
  const { requestId: _requestId, ...body } = json ?? {};
  return { statusCode, body };
}

/** The counts of an app's `rows swept` log lines for one sweep, in order (every run, the start-up one too). */
export function sweptCounts(t: TestApp, name: string): number[] {
  return t.logs.lines
    .map((line) => JSON.parse(line) as { msg?: string; sweep?: string; deleted?: number })
    .filter((entry) => entry.msg === 'rows swept' && entry.sweep === name)
    .map((entry) => entry.deleted ?? 0);
}
