// One document's cards as the reader shows them: the generator's suggestions
// and the cards already in the deck, with the learner's decisions on them.

import {
  acceptAllCards,
  acceptCards,
  createCard,
  documentCards,
  errorMessage,
  rejectCards,
  updateCard,
  type CardDraft,
  type CardEdit,
  type CardKind,
  type StoredCard,
} from './ipc';
import { formatCount } from './format';
import { undoToast } from './undo.svelte';

export const KIND_LABELS: Record<CardKind, string> = {
  question: 'Question',
  cloze: 'Cloze',
  multiple_choice: 'Multiple choice',
  true_false: 'True or false',
};

export class DocumentCards {
  cards = $state<StoredCard[]>([]);
  loading = $state(false);
  /** Why the cards could not be loaded. */
  loadError = $state<string | null>(null);
  /** Why the last action failed. */
  actionError = $state<string | null>(null);
  /** The latest change, for a polite live region. */
  status = $state('');
  /** Ids of cards with a decision on its way, so their buttons wait. */
  busy = $state<number[]>([]);

  /** Whether the suggestions held back below the quality bar are shown. */
  showHeldBack = $state(false);

  readonly suggested = $derived(this.cards.filter((c) => c.status === 'suggested' && !c.heldBack));
  /** Suggestions the quality model held back: shown on request, not in "Accept all". */
  readonly heldBack = $derived(this.cards.filter((c) => c.status === 'suggested' && c.heldBack));
  readonly accepted = $derived(this.cards.filter((c) => c.status === 'accepted'));

  constructor(readonly documentId: number) {}

  /** Loads (the first time, writes) the suggestions. Never rejects. */
  async load(): Promise<void> {
    this.loading = true;
    try {
      this.cards = await documentCards(this.documentId);
      this.loadError = null;
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  accept(card: StoredCard): Promise<string | null> {
    return this.#act([card.id], async () => {
      await acceptCards([card.id]);
      this.#replace({ ...card, status: 'accepted' });
      this.status = 'Card added to your deck.';
    });
  }

  acceptAll(): Promise<string | null> {
    const ids = this.suggested.map((c) => c.id);
    return this.#act(ids, async () => {
      const n = await acceptAllCards(this.documentId);
      await this.load();
      this.status = `${formatCount(n, 'card')} added to your deck.`;
    });
  }

  reject(card: StoredCard): Promise<string | null> {
    return this.#act([card.id], async () => {
      await rejectCards([card.id]);
      void undoToast.offerLast();
      this.cards = this.cards.filter((c) => c.id !== card.id);
      this.status = card.status === 'accepted' ? 'Card removed from your deck.' : 'Suggestion rejected.';
    });
  }

  /** Saves an edit; with `accept`, a suggestion joins the deck too. */
  save(card: StoredCard, edit: CardEdit, accept: boolean): Promise<string | null> {
    return this.#act([card.id], async () => {
      this.#replace(await updateCard(card.id, edit, accept));
      this.status = accept ? 'Card saved and added to your deck.' : 'Card saved.';
    });
  }

  /** Creates a card from a selection draft; resolves to an error message, or null. */
  async create(draft: CardDraft): Promise<string | null> {
    try {
      const card = await createCard(this.documentId, draft);
      this.cards = [...this.cards, card];
      this.status = 'Card added to your deck.';
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  #replace(card: StoredCard) {
    this.cards = this.cards.map((c) => (c.id === card.id ? card : c));
  }

  /** Runs a decision; resolves to its error message (also kept in `actionError`), or null. */
  async #act(ids: number[], action: () => Promise<void>): Promise<string | null> {
    this.busy = [...this.busy, ...ids];
    this.actionError = null;
    try {
      await action();
      return null;
    } catch (error) {
      this.actionError = errorMessage(error);
      return this.actionError;
    } finally {
      this.busy = this.busy.filter((id) => !ids.includes(id));
    }
  }
}
