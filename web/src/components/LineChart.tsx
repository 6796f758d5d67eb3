/** A small dependency-free line chart: one x label per point, several series, a legend, a title for readers. */
export function LineChart(p: {
  title: string;
  labels: string[];
  series: { name: string; color: string; values: number[] }[];
  unit?: string;
  height?: number;
}) {
  const w = 720;
  const h = p.height ?? 220;
  const pad = { l: 40, r: 12, t: 12, b: 28 };
  const max = Math.max(1, ...p.series.flatMap((s) => s.values));
  const n = Math.max(1, p.labels.length - 1);
  const x = (i: number) => pad.l + ((w - pad.l - pad.r) * i) / n;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, max / 2, max];
  const every = Math.max(1, Math.ceil(p.labels.length / 8));
  return (
    <figure className="chart">
      <figcaption className="small strong">{p.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={p.title}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={w - pad.r} y1={y(t)} y2={y(t)} stroke="#e3e5ea" />
            <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#6b7280">
              {Number.isInteger(t) ? t : t.toFixed(1)}
              {p.unit ?? ""}
            </text>
          </g>
        ))}
        {p.labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={h - 8} textAnchor="middle" fontSize="11" fill="#6b7280">
              {l.slice(5)}
            </text>
          ) : null,
        )}
        {p.series.map((s) => (
          <g key={s.name}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth="2"
              points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
            />
            {s.values.map((v, i) => (
              <circle key={`${s.name}-${p.labels[i]}`} cx={x(i)} cy={y(v)} r="2.5" fill={s.color}>
                <title>{`${s.name} ${p.labels[i]}: ${v}${p.unit ?? ""}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <div className="legend small">
        {p.series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} /> {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}
