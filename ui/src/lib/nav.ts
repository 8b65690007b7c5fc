// The screens of the app, their order in the sidebar and their shortcuts.

export type ScreenId = 'library' | 'review' | 'cards' | 'quiz' | 'progress' | 'highlights' | 'settings';

export interface Screen {
  id: ScreenId;
  label: string;
  /** The digit used with Ctrl (Cmd on macOS) to jump to the screen. */
  key: string;
}

export const SCREENS: readonly Screen[] = [
  { id: 'library', label: 'Library', key: '1' },
  { id: 'review', label: 'Review', key: '2' },
  // The card browser came later than the other screens: it sits by Review but
  // takes the next free digit, so the older shortcuts stay as learnt.
  { id: 'cards', label: 'Cards', key: '7' },
  { id: 'quiz', label: 'Quiz', key: '3' },
  { id: 'progress', label: 'Progress', key: '4' },
  { id: 'highlights', label: 'Highlights', key: '5' },
  { id: 'settings', label: 'Settings', key: '6' },
];

export const FIRST_SCREEN: ScreenId = 'library';

export function screenById(id: ScreenId): Screen {
  const screen = SCREENS.find((s) => s.id === id);
  if (!screen) throw new Error(`Unknown screen: ${id}`);
  return screen;
}

export interface ShortcutEvent {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The digit a key event stands for, also on layouts where the digit row needs Shift. */
function digitOf(event: ShortcutEvent): string | null {
  if (/^[0-9]$/.test(event.key)) return event.key;
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(event.code ?? '');
  return match?.[1] ?? null;
}

/** Ctrl+1…Ctrl+7 (or Cmd+1…Cmd+7) → the screen to show; null for anything else. */
export function screenForShortcut(event: ShortcutEvent): ScreenId | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  if (event.ctrlKey && event.metaKey) return null;
  const digit = digitOf(event);
  return SCREENS.find((s) => s.key === digit)?.id ?? null;
}

/** The screen `step` places away from `id` in sidebar order, wrapping around. */
export function stepScreen(id: ScreenId, step: number): ScreenId {
  const index = SCREENS.findIndex((s) => s.id === id);
  const next = (((index + step) % SCREENS.length) + SCREENS.length) % SCREENS.length;
  return SCREENS[next]!.id;
}

export function isMacLike(platform: string = globalThis.navigator?.platform ?? ''): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/** What to print next to a nav item: "⌘1" on macOS, "Ctrl+1" elsewhere. */
export function shortcutLabel(screen: Screen, mac: boolean = isMacLike()): string {
  return mac ? `⌘${screen.key}` : `Ctrl+${screen.key}`;
}

/** Value for the aria-keyshortcuts attribute. */
export function ariaShortcut(screen: Screen, mac: boolean = isMacLike()): string {
  return mac ? `Meta+${screen.key}` : `Control+${screen.key}`;
}
