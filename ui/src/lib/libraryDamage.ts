// The start-up check of a large library finishes after the window opened it
// (src-tauri/app_state.rs, `finish_startup_check`); when it finds the library
// damaged, the shell closes it and sends this event with the problem.

import { listen } from '@tauri-apps/api/event';
import type { LibraryProblem } from './bindings/LibraryProblem';

/** The shell's `LIBRARY_DAMAGED_EVENT`. */
export const LIBRARY_DAMAGED_EVENT = 'library-damaged';

/** Calls `handler` with the problem when the check finds damage; resolves to a function that stops listening. */
export async function onLibraryDamaged(handler: (problem: LibraryProblem) => void): Promise<() => void> {
  return listen<LibraryProblem>(LIBRARY_DAMAGED_EVENT, (event) => handler(event.payload));
}
