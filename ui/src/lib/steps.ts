// Learning steps as the learner writes them ("1m 10m 1h") and as the core
// stores them (minutes).

const UNITS: Record<string, number> = { m: 1, h: 60, d: 1440 };

/** Minutes from "1m 10m 1h"; a bare number is minutes. Null when a part is not a step. */
export function parseSteps(text: string): number[] | null {
  const parts = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  const minutes: number[] = [];
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)([mhd]?)$/i.exec(part);
    if (!match) return null;
    minutes.push(Number(match[1]) * UNITS[(match[2] || 'm').toLowerCase()]!);
  }
  return minutes;
}

/** "1m 10m 1h" from minutes. */
export function formatSteps(minutes: readonly number[]): string {
  return minutes.map((m) => (m >= 60 && m % 60 === 0 ? `${m / 60}h` : `${Number(m.toFixed(2))}m`)).join(' ');
}
