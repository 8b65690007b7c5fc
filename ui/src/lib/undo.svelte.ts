// The undo toast: after an action the store can put back (rejecting or
// removing a card, deleting a text, the browser's actions), a message with an
// Undo button (and Ctrl+Z) for a while. Screens listen for undos to reload.

import { errorMessage, lastUndo, undoLast } from './ipc';

/** How long the toast stays (the store keeps the entry longer). */
export const TOAST_MS = 10_000;

export class UndoToast {
  /** What the toast offers to undo; null when hidden. */
  label = $state<string | null>(null);
  /** The outcome of the last undo (or why it failed), shown in place of the offer. */
  message = $state<string | null>(null);
  busy = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listeners = new Set<() => void>();

  /** Offers to undo `label` (the last action). */
  offer(label: string): void {
    this.label = label;
    this.message = null;
    this.#hideLater();
  }

  /** Offers to undo whatever the store says was done last (after a command that records one). */
  async offerLast(): Promise<void> {
    try {
      const last = await lastUndo();
      if (last) this.offer(last.label);
    } catch {
      // The action itself succeeded; without an offer the learner only loses the shortcut.
    }
  }

  /** Undoes the last action; listeners reload what they show. */
  async undo(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const label = await undoLast();
      this.label = null;
      this.message = `Undone: ${label}.`;
      for (const listener of this.#listeners) listener();
    } catch (error) {
      this.label = null;
      this.message = errorMessage(error);
    } finally {
      this.busy = false;
      this.#hideLater();
    }
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.label = null;
    this.message = null;
  }

  /** Calls `listener` after every successful undo; returns how to stop. */
  onundo(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #hideLater() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.dismiss(), TOAST_MS);
  }
}

/** The app's one toast. */
export const undoToast = new UndoToast();
