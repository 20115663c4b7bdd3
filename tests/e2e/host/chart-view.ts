/**
 * The stand-in host's view of a sheet's native charts (model.ts Chart): each drawn over the cells it sits
 * on, as Excel floats a chart above the grid, with its title, its categories (the source's first column)
 * and its series (the header's other columns): clustered columns as SVG bars, a pie as SVG slices. Enough
 * for a person, a test or a screenshot to see what the add-in asked Excel to draw.
 */
import type { Chart, Sheet } from './model';

export const CHART_CSS = `
.xl-chart { position: absolute; z-index: 5; background: #fff; border: 1px solid #bfbfbf; box-shadow: 0 1px 3px rgba(0,0,0,.15); font-family: inherit; overflow: hidden; }
.xl-chart-title { font-size: 13px; font-weight: 600; text-align: center; padding: 4px 6px 0; color: #333; }
.xl-chart svg { display: block; }
.xl-chart-legend { font-size: 11px; color: #444; display: flex; flex-wrap: wrap; justify-content: center; gap: 8px; padding: 0 4px 4px; }
.xl-chart-legend i { display: inline-block; width: 9px; height: 9px; margin-right: 3px; }
`;

const PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E'];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a cell's top-left corner is drawn, in the viewport's pixels. */
export interface ChartGeometry {
  left(column: number): number;
  top(row: number): number;
}

function series(sheet: Sheet, chart: Chart): { categories: string[]; names: string[]; values: number[][] } {
  const { row, column, rows, columns } = chart.source;
  const categories = Array.from({ length: rows - 1 }, (_, r) => String(sheet.value(row + 1 + r, column)));
  const names = Array.from({ length: columns - 1 }, (_, c) => String(sheet.value(row, column + 1 + c)));
  const values = names.map((_, c) => categories.map((_, r) => Number(sheet.value(row + 1 + r, column + 1 + c)) || 0));
  return { categories, names, values };
}

function columnsSvg(width: number, height: number, data: ReturnType<typeof series>): string {
  const max = Math.max(1, ...data.values.flat());
  const plot = { left: 28, bottom: height - 34, top: 8, right: width - 8 };
  const band = (plot.right - plot.left) / Math.max(1, data.categories.length);
  const bar = (band * 0.7) / Math.max(1, data.values.length);
  let out = `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#bfbfbf"/>`;
  out += `<text x="${plot.left - 4}" y="${plot.top + 8}" font-size="10" text-anchor="end" fill="#666">${max}</text>`;
  data.categories.forEach((category, i) => {
    data.values.forEach((values, s) => {
      const h = ((plot.bottom - plot.top) * values[i]!) / max;
      const x = plot.left + i * band + band * 0.15 + s * bar;
      out += `<rect x="${x.toFixed(1)}" y="${(plot.bottom - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[s % PALETTE.length]}"/>`;
    });
    const label = category.length > 16 ? `${category.slice(0, 15)}…` : category;
    out += `<text x="${(plot.left + (i + 0.5) * band).toFixed(1)}" y="${plot.bottom + 12}" font-size="9" text-anchor="middle" fill="#444">${escapeHtml(label)}</text>`;
  });
  return out;
}

function pieSvg(width: number, height: number, data: ReturnType<typeof series>): string {
  const values = data.values[0] ?? [];
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(width, height) / 2 - 8;
  const [cx, cy] = [width / 2, height / 2];
  if (total === 0) return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#bfbfbf"/>`;
  let angle = -Math.PI / 2;
  let out = '';
  values.forEach((value, i) => {
    if (value <= 0) return;
    const sweep = (2 * Math.PI * value) / total;
    const end = angle + sweep;
    const [x1, y1, x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle), cx + r * Math.cos(end), cy + r * Math.sin(end)];
    out +=
      sweep >= 2 * Math.PI - 1e-9
        ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${PALETTE[i % PALETTE.length]}"/>`
        : `<path d="M${cx},${cy} L${x1.toFixed(1)},${y1.toFixed(1)} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2.toFixed(1)},${y2.toFixed(1)} Z" fill="${PALETTE[i % PALETTE.length]}"/>`;
    angle = end;
  });
  return out;
}

/** The HTML of the sheet's charts that have a position, over the grid drawn with `geometry`. */
export function chartsHtml(sheet: Sheet, geometry: ChartGeometry): string {
  return sheet.charts
    .filter((chart) => chart.position)
    .map((chart) => {
      const { from, to } = chart.position!;
      const left = geometry.left(from.column);
      const top = geometry.top(from.row);
      const width = Math.max(120, geometry.left(to.column + to.columns) - left);
      const height = Math.max(100, geometry.top(to.row + to.rows) - top);
      const data = series(sheet, chart);
      const pie = chart.type === 'Pie' || chart.type === 'Doughnut';
      const plotHeight = height - 44;
      const svg = pie ? pieSvg(width, plotHeight, data) : columnsSvg(width, plotHeight, data);
      const keys = pie ? data.categories : data.names;
      const legend = keys
        .map((key, i) => `<span><i style="background:${PALETTE[i % PALETTE.length]}"></i>${escapeHtml(key)}</span>`)
        .join('');
      return `<div class="xl-chart" data-chart="${escapeHtml(chart.name)}" data-chart-type="${escapeHtml(chart.type)}" style="left:${left}px;top:${top}px;width:${width}px;height:${height}px"><div class="xl-chart-title">${escapeHtml(chart.title)}</div><svg width="${width}" height="${plotHeight}">${svg}</svg><div class="xl-chart-legend">${legend}</div></div>`;
    })
    .join('');
}
