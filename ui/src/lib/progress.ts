// Layout and wording for the Progress screen's charts. The figures come from
// the core (`progress_dashboard`); this only places them and describes them.

import type { Forecast } from './bindings/Forecast';
import type { Heatmap } from './bindings/Heatmap';
import type { HeatmapDay } from './bindings/HeatmapDay';
import { formatCount, formatInteger } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-10" → "10 Mar 2026" (dates are the learner's own; no time zone maths). */
export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A colour step 0–4 for a day's count: 0 is none, 4 the busiest quarter. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export interface HeatCell extends HeatmapDay {
  /** Column: weeks since the first (a Monday). */
  week: number;
  /** Row: 0 = Monday … 6 = Sunday. */
  weekday: number;
  level: number;
}

export interface MonthLabel {
  week: number;
  label: string;
}

/** Places the days (from a Monday) in week columns, and labels each month at its first full week. */
export function heatmapLayout(heatmap: Heatmap): { cells: HeatCell[]; months: MonthLabel[]; weeks: number } {
  const cells = heatmap.days.map((day, i) => ({
    ...day,
    week: Math.floor(i / 7),
    weekday: i % 7,
    level: heatLevel(day.count, heatmap.maxCount),
  }));
  const months: MonthLabel[] = [];
  for (const cell of cells) {
    const dayOfMonth = Number(cell.date.slice(8, 10));
    if (cell.weekday === 0 && dayOfMonth <= 7) {
      months.push({ week: cell.week, label: MONTHS[Number(cell.date.slice(5, 7)) - 1] ?? '' });
    }
  }
  return { cells, months, weeks: Math.ceil(cells.length / 7) };
}

export function heatmapSummary(heatmap: Heatmap): string {
  if (heatmap.total === 0) return 'No reviews in the past year yet.';
  const busiest = heatmap.days.reduce((a, b) => (b.count > a.count ? b : a));
  return (
    `${formatCount(heatmap.total, 'review')} on ${formatCount(heatmap.activeDays, 'day')} ` +
    `of the past year; the busiest day was ${formatIsoDate(busiest.date)} with ${formatInteger(busiest.count)}; ` +
    `longest run: ${formatCount(heatmap.longestStreak, 'day')} in a row.`
  );
}

export function forecastSummary(forecast: Forecast): string {
  if (forecast.total === 0) return 'No reviews are due in the next 30 days.';
  const today = forecast.days[0]?.count ?? 0;
  const busiest = forecast.days.reduce((a, b) => (b.count > a.count ? b : a));
  const overdue = forecast.overdue > 0 ? ` (${formatInteger(forecast.overdue)} overdue)` : '';
  return (
    `${formatCount(forecast.total, 'review')} due in the next 30 days: ${formatInteger(today)} today${overdue}; ` +
    `the busiest day is ${formatIsoDate(busiest.date)} with ${formatInteger(busiest.count)}.`
  );
}

/** 0.873 → "87%"; 0.9987 → "99.9%" (never rounds up to a misleading 100%); none → "–". */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  const pct = share * 100;
  if (pct > 99 && pct < 100) return `${Math.floor(pct * 10) / 10}%`;
  return `${Math.round(pct)}%`;
}

/** 5_400_000 → "1 h 30 min"; 45_000 → "1 min"; 0 → "0 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${formatInteger(hours)} h` : `${formatInteger(hours)} h ${rest} min`;
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels: 1234 → "1.2K", 12 → "12". */
export function formatCompact(value: number): string {
  return value < 10_000 ? formatInteger(value) : compact.format(value);
}
