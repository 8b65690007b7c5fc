// The theme preference as reactive state for the Settings screen.

import { errorMessage } from './ipc';
import { loadThemePreference, readThemeHint, setThemePreference, showTheme, type ThemePreference } from './theme';

export class ThemeState {
  preference = $state<ThemePreference>(readThemeHint());
  saveError = $state<string | null>(null);
  #chosen = false;

  /**
   * Applies the saved preference (start-up). Never rejects: if the store
   * cannot be read, the theme from the last session's hint stays.
   */
  async restore(): Promise<void> {
    let saved: ThemePreference;
    try {
      saved = await loadThemePreference();
    } catch (error) {
      console.warn('Could not read the theme preference:', error);
      return;
    }
    // Someone picked a theme while we were reading: theirs wins.
    if (this.#chosen) return;
    this.preference = saved;
    showTheme(saved);
  }

  /** Applies at once; a failed save is reported but the theme stays applied. */
  async choose(preference: ThemePreference): Promise<void> {
    this.#chosen = true;
    this.preference = preference;
    this.saveError = null;
    try {
      await setThemePreference(preference);
    } catch (error) {
      this.saveError = errorMessage(error);
    }
  }
}
