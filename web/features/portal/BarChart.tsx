export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the bar's end says, e.g. "3 · 12,5 Mio. €". */
  text: string;
}

/**
 * Horizontal bars as plain SVG (no chart library, nothing fetched). The picture is a summary with
 * a text alternative; the table beside it, which callers always render, holds the figures.
 */
export function BarChart({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  const labelWidth = 190;
  const barWidth = 260;
  const width = labelWidth + barWidth + 150;
  const height = bars.length * row + 8;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {bars.map((b, i) => {
        const y = 4 + i * row;
        const w = Math.round((b.value / max) * barWidth);
        return (
          <g key={b.key} aria-hidden="true">
            <text className="bar-chart__label" x={labelWidth - 8} y={y + 16} textAnchor="end">
              {b.label}
            </text>
            <rect className="bar-chart__bar" x={labelWidth} y={y + 3} width={Math.max(w, b.value > 0 ? 2 : 0)} height={row - 8} />
            <text className="bar-chart__value" x={labelWidth + w + 6} y={y + 16}>
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
