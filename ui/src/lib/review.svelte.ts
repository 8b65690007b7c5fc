// A review session as the Review screen drives it: the card on screen, how it
// is answered (reveal, typed, choice), and what the learner did so far.

import {
  checkTypedAnswer,
  errorMessage,
  reviewAnswer,
  reviewBury,
  reviewRestart,
  reviewStatus,
  reviewSuspend,
  reviewUndo,
  type Rating,
  type ReviewMode,
  type ReviewStatus,
  type TypedCheck,
} from './ipc';

export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];
export const RATING_LABELS: Record<Rating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** Where the card on screen is: asking, or showing the answer (with the check of a typed or chosen one). */
export type Phase = { kind: 'asking' } | { kind: 'revealed'; typed?: TypedCheck; chosen?: string; suggested?: Rating };

export class ReviewSession {
  status = $state<ReviewStatus | null>(null);
  mode = $state<ReviewMode>('reveal');
  phase = $state<Phase>({ kind: 'asking' });
  error = $state<string | null>(null);
  busy = $state(false);
  /** The latest change, for a polite live region. */
  announcement = $state('');
  #shownAt = Date.now();

  readonly card = $derived(this.status?.card ?? null);
  /** Choice mode falls back to revealing for a card without good choices. */
  readonly effectiveMode = $derived<ReviewMode>(
    this.mode === 'choice' && (this.card?.choices.length ?? 0) < 2 ? 'reveal' : this.mode,
  );

  async load(restart = false): Promise<void> {
    await this.#run(async () => {
      this.#show(await (restart ? reviewRestart(this.mode) : reviewStatus(this.mode)));
    });
  }

  /** The mode changes with the card it loads: until then the old card stays as it was, so a
   * card without choices yet never shows "cannot be multiple choice" and no key acts on a half-switched screen. */
  async setMode(mode: ReviewMode): Promise<void> {
    if (mode === this.mode) return;
    await this.#run(async () => {
      const status = await reviewStatus(mode);
      this.mode = mode;
      this.#show(status);
    });
  }

  reveal(): void {
    if (this.card && this.phase.kind === 'asking') this.phase = { kind: 'revealed' };
  }

  async submitTyped(given: string): Promise<void> {
    const card = this.card;
    if (!card || this.phase.kind !== 'asking') return;
    await this.#run(async () => {
      const check = await checkTypedAnswer(card.card.answer, given);
      this.phase = { kind: 'revealed', typed: check, suggested: check.suggested };
      this.announcement = check.correct ? 'Correct.' : `Not quite. The answer is ${card.card.answer}.`;
    });
  }

  choose(choice: string): void {
    const card = this.card;
    if (!card || this.phase.kind !== 'asking') return;
    const right = choice === card.card.answer;
    this.phase = { kind: 'revealed', chosen: choice, suggested: right ? 'good' : 'again' };
    this.announcement = right ? 'Correct.' : `Not quite. The answer is ${card.card.answer}.`;
  }

  async answer(rating: Rating): Promise<void> {
    const card = this.card;
    if (!card || this.phase.kind !== 'revealed' || this.busy) return;
    const duration = Date.now() - this.#shownAt;
    await this.#run(async () => {
      this.#show(await reviewAnswer(card.card.id, rating, duration, this.effectiveMode));
      this.announcement = `Answered ${RATING_LABELS[rating]}.`;
    });
  }

  async undo(): Promise<void> {
    if (!this.status?.canUndo || this.busy) return;
    await this.#run(async () => {
      this.#show(await reviewUndo(this.mode));
      this.announcement = 'Last answer undone.';
    });
  }

  async bury(): Promise<void> {
    const card = this.card;
    if (!card) return;
    await this.#run(async () => {
      this.#show(await reviewBury(card.card.id, this.mode));
      this.announcement = 'Card hidden until tomorrow.';
    });
  }

  async suspend(): Promise<void> {
    const card = this.card;
    if (!card) return;
    await this.#run(async () => {
      this.#show(await reviewSuspend(card.card.id, this.mode));
      this.announcement = 'Card suspended.';
    });
  }

  #show(status: ReviewStatus) {
    this.status = status;
    this.phase = { kind: 'asking' };
    this.#shownAt = Date.now();
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}
