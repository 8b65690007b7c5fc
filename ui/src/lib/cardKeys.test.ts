import { describe, expect, it } from 'vitest';
import { cardKeyAction } from './cardKeys';

const press = (key: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) =>
  cardKeyAction({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('cardKeyAction', () => {
  it('maps A, X or Delete, and E to accept, reject and edit', () => {
    expect(press('a')).toBe('accept');
    expect(press('x')).toBe('reject');
    expect(press('Delete')).toBe('reject');
    expect(press('e')).toBe('edit');
    expect(press('A')).toBe('accept'); // Caps Lock
  });

  it('leaves other keys and shortcuts with modifiers alone', () => {
    expect(press('j')).toBeNull();
    expect(press('Enter')).toBeNull();
    expect(press('Backspace')).toBeNull();
    // Ctrl+A selects all, Shift+A types a capital, Ctrl+Shift+X is the app's.
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('A', { shiftKey: true })).toBeNull();
    expect(press('x', { metaKey: true })).toBeNull();
    expect(press('e', { altKey: true })).toBeNull();
  });
});
