import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ReportTable } from './reports-api';

const HEIGHT = 200;

/** Short x-axis labels, cut to the room each bar has (about 7 px a character): the table gives them in full. */
function axisLabel(label: string, plotWidth: number, bars: number): string {
  const room = Math.max(3, Math.floor((plotWidth - 60) / Math.max(1, bars) / 7));
  return label.length > room ? `${label.slice(0, room - 1)}…` : label;
}

/**
 * One table's chosen column as bars (uPlot: small, canvas-drawn, loaded only with the reports). Suppressed
 * cells are gaps, never zero bars; the table beside it says why. Redrawn to the container's width, so it fits
 * an iPad in either orientation.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const holder = useRef<HTMLDivElement>(null);
  const at = table.chartCell;
  useEffect(() => {
    const el = holder.current;
    if (!el || at === null) return;
    const rows = table.rows.filter((r) => r.label !== 'Total' && r.label !== 'Recorded');
    const xs = rows.map((_r, i) => i);
    const ys = rows.map((r) => r.cells[at]?.value ?? null);
    const bars = uPlot.paths.bars!({ size: [0.6, 48] });
    const width = () => Math.max(240, Math.floor(el.getBoundingClientRect().width));
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max ?? 0)] } },
        axes: [
          { splits: () => xs, values: (u, splits) => splits.map((i) => axisLabel(rows[i]?.label ?? '', u.width, rows.length)), size: 40 },
          { size: 44 },
        ],
        series: [{}, { label: table.columns[at + 1] ?? '', fill: 'rgba(36, 99, 160, 0.75)', stroke: 'rgb(36, 99, 160)', paths: bars, points: { show: false } }],
      },
      [xs, ys],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [table, at]);
  if (at === null) return null;
  return <div ref={holder} className="report-chart" data-testid={`report-chart-${table.id}`} role="img" aria-label={`${table.title}: chart of the table below`} />;
}
