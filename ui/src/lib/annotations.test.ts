import { describe, expect, it } from 'vitest';
import { annotation } from '../test/backend';
import { HIGHLIGHT_COLORS, excerpt, readingOrder, spanOf } from './annotations.svelte';
import { markdownFileName } from './exportHighlights';

describe('highlights', () => {
  it('come in at least four colours, each with a name', () => {
    expect(HIGHLIGHT_COLORS.map((c) => c.color)).toEqual(['yellow', 'green', 'blue', 'pink']);
  });

  it('sort in reading order with the orphans last', () => {
    const list = [
      annotation(1, { start: null, end: null, state: 'orphaned' }),
      annotation(2, { start: 10, end: 20 }),
      annotation(3, { start: 10, end: 12 }),
      annotation(4, { start: 0, end: 40 }),
    ];
    expect(list.sort(readingOrder).map((a) => a.id)).toEqual([4, 3, 2, 1]);
    expect(spanOf(list[3]!)).toBeNull();
    expect(spanOf(list[0]!)).toEqual({ start: 0, end: 40 });
  });

  it('shorten long quotes on one line, counting code points', () => {
    expect(excerpt('Zhōu\n\nĒnlái')).toBe('Zhōu Ēnlái');
    expect(excerpt('👍🏽'.repeat(10), 5)).toBe('👍🏽👍🏽…');
  });
});

describe('markdownFileName', () => {
  it('makes a safe file name from a title', () => {
    expect(markdownFileName('Détente: 1969/1979?')).toBe('Détente 1969 1979.md');
    expect(markdownFileName('  ')).toBe('Highlights.md');
  });
});
