import { describe, expect, it } from 'vitest';
import type { Heatmap } from './bindings/Heatmap';
import { formatDuration, formatIsoDate, formatPercent, heatLevel, heatmapLayout, heatmapSummary } from './progress';

function heatmap(counts: number[], start = '2025-03-10'): Heatmap {
  const first = new Date(`${start}T12:00:00Z`).getTime();
  const days = counts.map((count, i) => ({
    date: new Date(first + i * 86_400_000).toISOString().slice(0, 10),
    count,
  }));
  return {
    startDate: start,
    endDate: days[days.length - 1]?.date ?? start,
    days,
    total: counts.reduce((a, b) => a + b, 0),
    activeDays: counts.filter((c) => c > 0).length,
    maxCount: Math.max(0, ...counts),
    longestStreak: 1,
  };
}

describe('progress chart helpers', () => {
  it('scales heat levels to the busiest day', () => {
    expect([0, 1, 25, 26, 50, 75, 100].map((c) => heatLevel(c, 100))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('lays days out in Monday-first week columns with month labels', () => {
    const { cells, months, weeks } = heatmapLayout(heatmap(Array(366).fill(0)));
    expect(weeks).toBe(53);
    expect(cells[0]).toMatchObject({ date: '2025-03-10', week: 0, weekday: 0 });
    expect(cells[8]).toMatchObject({ date: '2025-03-18', week: 1, weekday: 1 });
    expect(months.map((m) => m.label).slice(0, 3)).toEqual(['Apr', 'May', 'Jun']);
    expect(cells[months[0]!.week * 7]!.date).toBe('2025-04-07');
  });

  it('summarises for screen readers, empty or not', () => {
    expect(heatmapSummary(heatmap([0, 0, 0]))).toBe('No reviews in the past year yet.');
    expect(heatmapSummary(heatmap([2, 1234, 0]))).toBe(
      '1,236 reviews on 2 days of the past year; the busiest day was 11 Mar 2025 with 1,234; longest run: 1 day in a row.',
    );
  });

  it('formats percentages, durations and dates', () => {
    expect(formatPercent(0.873)).toBe('87%');
    expect(formatPercent(0.9987)).toBe('99.8%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('–');
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(5_400_000)).toBe('1 h 30 min');
    expect(formatIsoDate('2026-03-10')).toBe('10 Mar 2026');
  });
});
