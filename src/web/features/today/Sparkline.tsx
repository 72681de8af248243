/**
 * A tiny trend line: one point per day, 0–`max` on the vertical axis. It is
 * decoration for sighted readers; the card says the same in words, so the
 * SVG is hidden from assistive technology.
 */
export function Sparkline({
  values,
  max = 100,
  width = 140,
  height = 36,
}: {
  values: readonly (number | null)[];
  max?: number;
  width?: number;
  height?: number;
}) {
  const pad = 3;
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0;
  const y = (v: number) => pad + (1 - Math.min(Math.max(v / max, 0), 1)) * (height - pad * 2);
  const points = values
    .map((v, i) => (v === null ? null : ([pad + i * step, y(v)] as const)))
    .filter((p): p is readonly [number, number] => p !== null);
  const line = points.map(([x, py]) => `${x.toFixed(1)},${py.toFixed(1)}`).join(' ');
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <line
        className="sparkline-base"
        x1={pad}
        x2={width - pad}
        y1={height - pad}
        y2={height - pad}
      />
      {points.length > 1 ? <polyline className="sparkline-line" points={line} /> : null}
    </svg>
  );
}
