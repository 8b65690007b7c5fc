import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../test/backend';
import { applyTheme, isThemePreference, loadThemePreference, readThemeHint, setThemePreference } from './theme';

const root = document.documentElement;

describe('applyTheme', () => {
  it('pins light or dark with data-theme and removes it for system', () => {
    applyTheme('dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme('light');
    expect(root.dataset.theme).toBe('light');
    applyTheme('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});

describe('isThemePreference', () => {
  it('accepts only the three values', () => {
    expect(['system', 'light', 'dark'].every(isThemePreference)).toBe(true);
    expect(isThemePreference('Dark')).toBe(false);
    expect(isThemePreference(null)).toBe(false);
  });
});

describe('saving and loading the preference', () => {
  it('reads the theme key of settings.json', async () => {
    const backend = fakeBackend({ settings: { theme: 'dark' } });
    await expect(loadThemePreference()).resolves.toBe('dark');
    expect(backend.callsTo('plugin:store|load')[0]?.args).toMatchObject({ path: 'settings.json' });
    expect(backend.callsTo('plugin:store|get')[0]?.args).toMatchObject({ key: 'theme' });
  });

  it('falls back to system for a missing or unknown value', async () => {
    fakeBackend({ settings: { theme: 'sepia' } });
    await expect(loadThemePreference()).resolves.toBe('system');
  });

  it('applies, saves to disk and remembers the hint for the next start', async () => {
    const backend = fakeBackend();
    await setThemePreference('light');
    expect(root.dataset.theme).toBe('light');
    expect(backend.settings.get('theme')).toBe('light');
    expect(backend.saved.at(-1)).toEqual({ theme: 'light' });
    expect(readThemeHint()).toBe('light');
  });

  it('loads the store only once', async () => {
    const backend = fakeBackend();
    await setThemePreference('dark');
    await loadThemePreference();
    expect(backend.callsTo('plugin:store|load')).toHaveLength(1);
  });
});
