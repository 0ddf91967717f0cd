import type { Schemas } from '../../api/client';

type DailyCount = Schemas['KeyUsage']['days'][number];

const WIDTH = 600;
const HEIGHT = 140;
const GAP = 2;

/** Fills the days with no requests, so the chart always shows the last `days` days. */
export function lastDays(counts: DailyCount[], days: number, now = new Date()): DailyCount[] {
  const byDate = new Map(counts.map((c) => [c.date.slice(0, 10), c.requests]));
  const out: DailyCount[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - i))
      .toISOString()
      .slice(0, 10);
    out.push({ date, requests: byDate.get(date) ?? 0 });
  }
  return out;
}

/** Daily request counts as plain SVG bars; each bar names its day and count on hover. */
export function UsageChart({ counts }: { counts: DailyCount[] }) {
  const max = Math.max(1, ...counts.map((c) => c.requests));
  const total = counts.reduce((sum, c) => sum + c.requests, 0);
  const barWidth = WIDTH / counts.length - GAP;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        role="img"
        aria-label={`${total} requests in the last ${counts.length} days`}
      >
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="axis" />
        {counts.map((c, i) => {
          const height = c.requests === 0 ? 0 : Math.max(2, (c.requests / max) * (HEIGHT - 10));
          return (
            <rect
              key={c.date}
              x={i * (barWidth + GAP)}
              y={HEIGHT - height}
              width={barWidth}
              height={height}
              className="bar"
            >
              <title>{`${c.date}: ${c.requests} requests`}</title>
            </rect>
          );
        })}
        <text x="0" y={HEIGHT + 16} className="tick">
          {counts[0]?.date}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} className="tick" textAnchor="end">
          {counts[counts.length - 1]?.date}
        </text>
        <text x={WIDTH} y="10" className="tick" textAnchor="end">
          max {max}
        </text>
      </svg>
      <figcaption className="muted">
        {total} {total === 1 ? 'request' : 'requests'} in the last {counts.length} days (UTC)
      </figcaption>
    </figure>
  );
}
