// The library's documents as the UI sees them, shared by App (which loads
// them for the first screen) and the Library screen.

import {
  addDocument,
  errorMessage,
  listDocuments,
  type AddedDocument,
  type DocumentSummary,
  type NewDocument,
} from './ipc';

export type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

export class LibraryState {
  documents = $state<DocumentSummary[]>([]);
  loadState = $state<LoadState>('idle');
  loadError = $state<string | null>(null);

  /** Reloads the list. Never rejects: failures land in `loadError`. */
  async refresh(): Promise<void> {
    this.loadState = 'loading';
    try {
      const documents = await listDocuments();
      this.documents = documents;
      this.loadError = null;
      this.loadState = 'loaded';
    } catch (error) {
      this.loadError = errorMessage(error);
      this.loadState = 'error';
    }
  }

  /** Adds a document and refreshes the list; rejects with the command's error. */
  async add(doc: NewDocument): Promise<AddedDocument> {
    const added = await addDocument(doc);
    await this.refresh();
    return added;
  }
}
