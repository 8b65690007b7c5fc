import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../test/backend';
import { clampFontSize, FONT_DEFAULT, ReaderFont } from './reader.svelte';

describe('reader font size', () => {
  it('clamps to 14–24 px', () => {
    expect(clampFontSize(10)).toBe(14);
    expect(clampFontSize(30)).toBe(24);
    expect(clampFontSize(17.4)).toBe(17);
    expect(clampFontSize('big')).toBe(FONT_DEFAULT);
    expect(clampFontSize(Number.NaN)).toBe(FONT_DEFAULT);
  });

  it('restores the saved size, clamped', async () => {
    fakeBackend({ settings: { readerFontSize: 40 } });
    const font = new ReaderFont();
    await font.restore();
    expect(font.size).toBe(24);
  });

  it('saves each change under readerFontSize and stops at the limits', async () => {
    const backend = fakeBackend({ settings: { readerFontSize: 23 } });
    const font = new ReaderFont();
    await font.restore();
    await font.larger();
    expect(font.size).toBe(24);
    await font.larger();
    expect(font.size).toBe(24);
    expect(backend.saved.map((s) => s.readerFontSize)).toEqual([24]);
    await font.set(3);
    expect(font.size).toBe(14);
    await font.smaller();
    expect(font.size).toBe(14);
    expect(backend.settings.get('readerFontSize')).toBe(14);
    expect(backend.saved.map((s) => s.readerFontSize)).toEqual([24, 14]);
  });
});
