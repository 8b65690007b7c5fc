// The reader's font size: 14–24 px, kept in settings.json as `readerFontSize`.

import { readSetting, writeSetting } from './settingsStore';

export const FONT_MIN = 14;
export const FONT_MAX = 24;
/** Below this window width the reader's side panel becomes a drawer (see Reader.svelte's CSS). */
export const NARROW_QUERY = '(max-width: 1000px)';
export const FONT_DEFAULT = 18;
export const FONT_SETTING = 'readerFontSize';

export function clampFontSize(size: unknown): number {
  if (typeof size !== 'number' || !Number.isFinite(size)) return FONT_DEFAULT;
  return Math.min(FONT_MAX, Math.max(FONT_MIN, Math.round(size)));
}

export class ReaderFont {
  size = $state(FONT_DEFAULT);
  #changed = false;

  /** Reads the saved size; never rejects. */
  async restore(): Promise<void> {
    try {
      const saved = await readSetting<number>(FONT_SETTING);
      if (!this.#changed && saved !== undefined && saved !== null) this.size = clampFontSize(saved);
    } catch (error) {
      console.warn('Could not read the reader font size:', error);
    }
  }

  larger(): Promise<void> {
    return this.set(this.size + 1);
  }

  smaller(): Promise<void> {
    return this.set(this.size - 1);
  }

  async set(size: number): Promise<void> {
    const next = clampFontSize(size);
    this.#changed = true;
    if (next === this.size) return;
    this.size = next;
    try {
      await writeSetting(FONT_SETTING, next);
    } catch (error) {
      console.warn('Could not save the reader font size:', error);
    }
  }
}
