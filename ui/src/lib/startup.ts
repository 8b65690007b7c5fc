// Telling the shell that the first screen is on display.
//
// `app_ready` is invoked exactly once per page load, after the first screen
// (or the fatal-error view) has rendered with its data. The shell measures
// start-up time with it, so callers must not run anything slow before it.
// End-to-end tests wait for <html data-ready="true">, set right after.

import { tick } from 'svelte';
import { appReady } from './ipc';

let signalled = false;
let readyCallbacks: (() => void)[] = [];

/**
 * Runs `callback` once the first screen has been signalled (at once if it
 * has): for work the first screen can do without, such as the library's
 * mastery bars.
 */
export function afterAppReady(callback: () => void): void {
  if (document.documentElement.dataset.ready === 'true') callback();
  else readyCallbacks.push(callback);
}

/**
 * Resolves after the next paint, or after `fallbackMs` if no frame comes
 * (a hidden or minimised window may not paint until it is shown).
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    const timer = setTimeout(finish, fallbackMs);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => {
        clearTimeout(timer);
        // The frame callback runs before paint; yield once more so the
        // frame is actually on screen.
        setTimeout(finish, 0);
      });
    }
  });
}

export async function signalAppReady(): Promise<void> {
  if (signalled) return;
  signalled = true;
  await tick();
  await afterNextPaint();
  try {
    await appReady();
  } catch (error) {
    // Not fatal for the user; the shell just misses its measurement.
    console.warn('app_ready failed:', error);
  } finally {
    document.documentElement.dataset.ready = 'true';
    for (const callback of readyCallbacks.splice(0)) callback();
  }
}

/** For tests: allow the next page "load" to signal again. */
export function resetStartupForTests(): void {
  signalled = false;
  readyCallbacks = [];
  delete document.documentElement.dataset.ready;
}
