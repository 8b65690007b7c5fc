import { describe, expect, it } from 'vitest';
import { groupBlocks, isWebAddress } from './blocks';

describe('groupBlocks', () => {
  it('groups consecutive list items into one list and keeps the rest in order', () => {
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
      { kind: 'heading', text: 'Causes' },
      { kind: 'list', items: ['Ideology', 'Border clashes'] },
      { kind: 'paragraph', text: 'In 1960…' },
      { kind: 'list', items: ['Alone'] },
      { kind: 'quote', text: 'A quote.' },
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
