import { describe, expect, it } from 'vitest';
import { groupBlocks, isWebAddress } from './blocks';

describe('groupBlocks', () => {
  it('groups consecutive list items into one list, keeps the rest in order, and places every text in the body', () => {
    expect(
      groupBlocks([
        { kind: 'heading', text: 'Causes' },
        { kind: 'list_item', text: 'Ideology' },
        { kind: 'list_item', text: 'Border clashes' },
        { kind: 'paragraph', text: 'In 1960…' },
        { kind: 'list_item', text: 'Alone' },
        { kind: 'quote', text: 'A quote.' },
      ]),
    ).toEqual([
      { kind: 'heading', text: 'Causes', start: 0 },
      {
        kind: 'list',
        items: [
          { text: 'Ideology', start: 8 },
          { text: 'Border clashes', start: 18 },
        ],
      },
      // "…" is one code point: the offsets count code points, as the database does.
      { kind: 'paragraph', text: 'In 1960…', start: 34 },
      { kind: 'list', items: [{ text: 'Alone', start: 44 }] },
      { kind: 'quote', text: 'A quote.', start: 51 },
    ]);
  });

  it('gives nothing for no blocks', () => {
    expect(groupBlocks([])).toEqual([]);
  });
});

describe('isWebAddress', () => {
  it('recognises http and https addresses only', () => {
    expect(isWebAddress('https://history.stackexchange.com/q/1')).toBe(true);
    expect(isWebAddress(' HTTP://example.org')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('Yalta: The Price of Peace')).toBe(false);
  });
});
