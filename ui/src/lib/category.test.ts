import { describe, expect, it } from 'vitest';
import { formatCategoryPath, parseCategoryPath } from './category';

describe('parseCategoryPath', () => {
  it.each([
    ['History -> Cold War', ['History', 'Cold War']],
    ['History/Cold War/Berlin', ['History', 'Cold War', 'Berlin']],
    ['History > Cold War', ['History', 'Cold War']],
    ['History › Cold War › Berlin Airlift', ['History', 'Cold War', 'Berlin Airlift']],
    ['History -> Europe / Cold War > Berlin', ['History', 'Europe', 'Cold War', 'Berlin']],
  ])('splits %j', (input, expected) => {
    expect(parseCategoryPath(input)).toEqual(expected);
  });

  it('trims levels, collapses inner whitespace and drops empty ones', () => {
    expect(parseCategoryPath('  History  ->  ->  Cold   War //  ')).toEqual(['History', 'Cold War']);
  });

  it('keeps hyphens that are not part of an arrow, and other punctuation', () => {
    expect(parseCategoryPath('Sino-Soviet split -> 1960s')).toEqual(['Sino-Soviet split', '1960s']);
    expect(parseCategoryPath('Rise & Fall → Rome')).toEqual(['Rise & Fall → Rome']);
  });

  it('gives an empty path for empty or separator-only input', () => {
    expect(parseCategoryPath('')).toEqual([]);
    expect(parseCategoryPath('   ')).toEqual([]);
    expect(parseCategoryPath(' -> / > › ')).toEqual([]);
  });

  it('keeps a single level', () => {
    expect(parseCategoryPath(' Byzantium ')).toEqual(['Byzantium']);
  });
});

describe('formatCategoryPath', () => {
  it('joins levels with a guillemet', () => {
    expect(formatCategoryPath(['History', 'Cold War'])).toBe('History › Cold War');
  });

  it('round-trips through parse', () => {
    const path = ['History', 'Early Modern', 'Ottoman Empire'];
    expect(parseCategoryPath(formatCategoryPath(path))).toEqual(path);
  });

  it('is empty for no levels', () => {
    expect(formatCategoryPath([])).toBe('');
  });
});
