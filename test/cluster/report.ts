/** The suite's verdicts: one row per promise, with the figure that decided it. */
export interface Row {
  section: string;
  promise: string;
  figure: string;
  /** null: not applicable yet (printed, counted neither way). */
  ok: boolean | null;
}

export class Report {
  readonly rows: Row[] = [];

  check(section: string, promise: string, ok: boolean, figure: string): boolean {
    this.rows.push({ section, promise, figure, ok });
    const mark = ok ? 'ok  ' : 'FAIL';
    process.stdout.write(`  ${mark} ${section}: ${promise} — ${figure}\n`);
    return ok;
  }

  notApplicable(section: string, promise: string, why: string): void {
    this.rows.push({ section, promise, figure: why, ok: null });
    process.stdout.write(`  n/a  ${section}: ${promise} — ${why}\n`);
  }

  /** A scenario that threw: the promise it was proving is not shown to hold. */
  crashed(section: string, error: unknown): void {
    this.check(
      section,
      'scenario ran to the end',
      false,
      (error as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error),
    );
  }

  get failed(): number {
    return this.rows.filter((r) => r.ok === false).length;
  }

  get passed(): number {
    return this.rows.filter((r) => r.ok === true).length;
  }

  print(): void {
    const widths = [7, 0, 0].map((min, i) =>
      Math.max(
        min,
        ...this.rows.map((r) => [r.ok === null ? 'n/a' : r.ok ? 'ok' : 'FAIL', r.section, r.promise][i].length),
      ),
    );
    const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join(' | ');
    process.stdout.write('\nCluster suite figures\n');
    process.stdout.write(line(['result', 'scenario', 'promise', 'figure']) + '\n');
    process.stdout.write(widths.map((w) => '-'.repeat(w)).join('-|-') + '-|-' + '-'.repeat(20) + '\n');
    for (const r of this.rows)
      process.stdout.write(line([r.ok === null ? 'n/a' : r.ok ? 'ok' : 'FAIL', r.section, r.promise, r.figure]) + '\n');
  }
}

export const ms = (value: number): string => `${Math.round(value)} ms`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
