// Light and dark themes. "system" follows prefers-color-scheme through CSS
// alone; "light" and "dark" pin it with data-theme on <html>.
//
// The preference lives in the settings store (key `theme`). A copy in
// localStorage lets main.ts pin the theme synchronously before the first paint,
// so someone who chose Dark on a light system never sees a light flash.

import { readSetting, writeSetting } from './settingsStore';

export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_KEY = 'theme';
const HINT_KEY = 'clio.theme';

export const THEME_OPTIONS: readonly { value: ThemePreference; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'Match your computer’s setting' },
  { value: 'light', label: 'Light', hint: 'Dark text on warm paper' },
  { value: 'dark', label: 'Dark', hint: 'Light text on a dark background' },
];

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
}

function writeHint(preference: ThemePreference): void {
  try {
    localStorage.setItem(HINT_KEY, preference);
  } catch {
    // Storage unavailable: the store still has the real value.
  }
}

/** The last applied preference as remembered by this webview, for the first paint. */
export function readThemeHint(): ThemePreference {
  try {
    const value = localStorage.getItem(HINT_KEY);
    return isThemePreference(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Reads the saved preference; anything missing or unreadable means "system". */
export async function loadThemePreference(): Promise<ThemePreference> {
  const value = await readSetting<unknown>(THEME_KEY);
  return isThemePreference(value) ? value : 'system';
}

/** Applies a preference and remembers it for the next first paint. */
export function showTheme(preference: ThemePreference): void {
  applyTheme(preference);
  writeHint(preference);
}

/** Applies the preference at once, then saves it; rejects if saving failed. */
export async function setThemePreference(preference: ThemePreference): Promise<void> {
  showTheme(preference);
  await writeSetting(THEME_KEY, preference);
}
