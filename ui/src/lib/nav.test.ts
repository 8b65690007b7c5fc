import { describe, expect, it } from 'vitest';
import { SCREENS, ariaShortcut, isMacLike, screenForShortcut, shortcutLabel, stepScreen, type ShortcutEvent } from './nav';

function key(init: Partial<ShortcutEvent>): ShortcutEvent {
  return { key: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init };
}

describe('SCREENS', () => {
  it('lists the seven screens in sidebar order; the card browser, added later, takes digit 7', () => {
    expect(SCREENS.map((s) => [s.id, s.label, s.key])).toEqual([
      ['library', 'Library', '1'],
      ['review', 'Review', '2'],
      ['cards', 'Cards', '7'],
      ['quiz', 'Quiz', '3'],
      ['progress', 'Progress', '4'],
      ['highlights', 'Highlights', '5'],
      ['settings', 'Settings', '6'],
    ]);
  });
});

describe('screenForShortcut', () => {
  it('maps Ctrl+digit and Cmd+digit to screens', () => {
    expect(screenForShortcut(key({ key: '1', ctrlKey: true }))).toBe('library');
    expect(screenForShortcut(key({ key: '3', ctrlKey: true }))).toBe('quiz');
    expect(screenForShortcut(key({ key: '5', metaKey: true }))).toBe('highlights');
    expect(screenForShortcut(key({ key: '6', ctrlKey: true }))).toBe('settings');
  });

  it('uses the physical key when the layout needs Shift for digits (AZERTY)', () => {
    expect(screenForShortcut(key({ key: '"', code: 'Digit3', ctrlKey: true }))).toBe('quiz');
    expect(screenForShortcut(key({ key: 'End', code: 'Numpad1', ctrlKey: true }))).toBe('library');
  });

  it('ignores digits without a modifier, other modifiers, and other digits', () => {
    expect(screenForShortcut(key({ key: '1' }))).toBeNull();
    expect(screenForShortcut(key({ key: '1', ctrlKey: true, altKey: true }))).toBeNull();
    expect(screenForShortcut(key({ key: '1', ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(screenForShortcut(key({ key: '1', ctrlKey: true, metaKey: true }))).toBeNull();
    expect(screenForShortcut(key({ key: '8', ctrlKey: true }))).toBeNull();
    expect(screenForShortcut(key({ key: 'a', ctrlKey: true }))).toBeNull();
  });
});

describe('stepScreen', () => {
  it('moves through the screens and wraps at both ends', () => {
    expect(stepScreen('library', 1)).toBe('review');
    expect(stepScreen('settings', 1)).toBe('library');
    expect(stepScreen('library', -1)).toBe('settings');
    expect(stepScreen('progress', 1)).toBe('highlights');
    expect(stepScreen('review', 1)).toBe('cards');
    expect(stepScreen('quiz', -3)).toBe('library');
  });
});

describe('shortcut labels', () => {
  const quiz = SCREENS.find((s) => s.id === 'quiz')!;

  it('shows ⌘ on macOS and Ctrl elsewhere', () => {
    expect(shortcutLabel(quiz, true)).toBe('⌘3');
    expect(shortcutLabel(quiz, false)).toBe('Ctrl+3');
    expect(ariaShortcut(quiz, true)).toBe('Meta+3');
    expect(ariaShortcut(quiz, false)).toBe('Control+3');
  });

  it('recognises Apple platforms', () => {
    expect(isMacLike('MacIntel')).toBe(true);
    expect(isMacLike('Linux x86_64')).toBe(false);
    expect(isMacLike('Win32')).toBe(false);
  });
});
