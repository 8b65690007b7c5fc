// The app's persisted preferences, kept by @tauri-apps/plugin-store in
// `settings.json` in the app's data directory.

import { load, type Store } from '@tauri-apps/plugin-store';

export const SETTINGS_FILE = 'settings.json';

let store: Promise<Store> | null = null;

/** The settings store, loaded once and shared. A failed load is retried next time. */
export function settingsStore(): Promise<Store> {
  if (!store) {
    store = load(SETTINGS_FILE, { defaults: {}, autoSave: false });
    store.catch(() => {
      store = null;
    });
  }
  return store;
}

export async function readSetting<T>(key: string): Promise<T | undefined> {
  return (await settingsStore()).get<T>(key);
}

/** Writes the value and saves the file straight away (the app may be quit any time). */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  const s = await settingsStore();
  await s.set(key, value);
  await s.save();
}

/** For tests: forget the loaded store so the next call loads it again. */
export function resetSettingsStore(): void {
  store = null;
}
