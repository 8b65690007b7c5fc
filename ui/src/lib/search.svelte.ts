// Library search: a debounced `search_documents` as reactive state.

import { errorMessage, searchDocuments, type SearchHit } from './ipc';

export const SEARCH_DEBOUNCE_MS = 150;

export class SearchState {
  query = $state('');
  results = $state<SearchHit[]>([]);
  error = $state<string | null>(null);
  searching = $state(false);
  /** The query the current results answer. */
  answered = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  get active(): boolean {
    return this.query.trim() !== '';
  }

  /** Call on every keystroke. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    if (query.trim() === '') {
      this.clear();
      return;
    }
    this.#timer = setTimeout(() => void this.run(), SEARCH_DEBOUNCE_MS);
  }

  /** Runs the current query now (also to refresh after a change in the library). */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const query = this.query.trim();
    if (query === '') return;
    const seq = ++this.#seq;
    this.searching = true;
    try {
      const results = await searchDocuments(query);
      if (seq !== this.#seq) return;
      this.results = results;
      this.error = null;
      this.answered = query;
    } catch (error) {
      if (seq !== this.#seq) return;
      this.error = errorMessage(error);
    } finally {
      if (seq === this.#seq) this.searching = false;
    }
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#seq++;
    this.query = '';
    this.results = [];
    this.error = null;
    this.answered = '';
    this.searching = false;
  }
}
