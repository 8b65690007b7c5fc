import { describe, expect, it } from 'vitest';
import { formatSteps, parseSteps } from './steps';

describe('learning steps', () => {
  it('reads minutes, hours and bare numbers, and writes them back', () => {
    expect(parseSteps('1m 10m')).toEqual([1, 10]);
    expect(parseSteps(' 1m, 2h 15 ')).toEqual([1, 120, 15]);
    expect(formatSteps([1, 10, 120])).toBe('1m 10m 2h');
    expect(parseSteps('')).toEqual([]);
  });

  it('refuses what is not a step', () => {
    expect(parseSteps('1m ten')).toBeNull();
    expect(parseSteps('-5m')).toBeNull();
  });
});
