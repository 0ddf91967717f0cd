import { execFile } from 'node:child_process';

export interface CLIResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `woes` CLI (from src/, through tsx) in a child process, as an operator would.
 * DATABASE_URL and REDIS_URL of the test process are dropped: `env` says which database to use.
 */
export function runWoes(env: Record<string, string>, ...args: string[]): Promise<CLIResult> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { env: { ...base, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
