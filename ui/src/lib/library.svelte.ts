// The library's documents as the UI sees them, shared by App (which loads
// them for the first screen) and the Library screen.

import { undoToast } from './undo.svelte';
import {
  addDocument,
  addStarterLibrary,
  categoryTree,
  deleteDocument,
  errorMessage,
  importPaths,
  importText,
  listDocuments,
  type ImportReport,
  type AddedDocument,
  type CategoryCount,
  type DocumentSummary,
  type NewDocument,
} from './ipc';
import { tick } from 'svelte';
import { formatCount } from './format';
import { reportChanged, reportSummary } from './importReport';

export type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

export class LibraryState {
  documents = $state<DocumentSummary[]>([]);
  loadState = $state<LoadState>('idle');
  loadError = $state<string | null>(null);
  categories = $state<CategoryCount[]>([]);
  categoriesError = $state<string | null>(null);
  /** The latest message for the Library's status region. */
  status = $state('');
  /** The last import's report (files, folder, drag and drop) until dismissed. */
  report = $state<ImportReport | null>(null);
  importing = $state(false);
  importError = $state<string | null>(null);
  /** Bumped whenever documents change, so searches can re-run. */
  version = $state(0);

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

  /** Reloads the category counts. Never rejects. */
  async refreshCategories(): Promise<void> {
    try {
      this.categories = await categoryTree();
      this.categoriesError = null;
    } catch (error) {
      this.categoriesError = errorMessage(error);
    }
  }

  /** After anything changed the library: list, categories, searches. */
  async refreshAll(): Promise<void> {
    await Promise.all([this.refresh(), this.refreshCategories()]);
    this.version++;
  }

  /** Adds a document and refreshes the list; rejects with the command's error. */
  async add(doc: NewDocument): Promise<AddedDocument> {
    const added = await addDocument(doc);
    await this.refreshAll();
    return added;
  }

  /** Deletes and refreshes; rejects with the command's error. */
  async remove(id: number): Promise<void> {
    await deleteDocument(id);
    // Deleting is undoable: the toast offers it back.
    void undoToast.offerLast();
    await this.refreshAll();
  }

  /** Adds the starter library when the backend says so (call after app_ready). Never rejects. */
  async addStarter(): Promise<number> {
    let added = 0;
    try {
      added = await addStarterLibrary();
    } catch (error) {
      console.warn('Could not add the starter library:', error);
      return 0;
    }
    if (added > 0) {
      await this.refreshAll();
      await this.announce(`Added Clio's starter library: ${formatCount(added, 'text')}.`);
    }
    return added;
  }

  /** Imports files and folders; the report lands in `report`. Never rejects. */
  async importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    this.importing = true;
    this.importError = null;
    try {
      const report = await importPaths(paths);
      this.report = report;
      if (reportChanged(report)) await this.refreshAll();
      await this.announce(`Import finished: ${reportSummary(report)}.`);
    } catch (error) {
      this.report = null;
      this.importError = errorMessage(error);
    } finally {
      this.importing = false;
    }
  }

  /** Imports pasted text or HTML; rejects with the command's error. */
  async importText(text: string): Promise<ImportReport> {
    const report = await importText(text);
    if (reportChanged(report)) await this.refreshAll();
    return report;
  }

  async announce(message: string): Promise<void> {
    // Clear first so the same message twice in a row is announced twice.
    this.status = '';
    await tick();
    this.status = message;
  }
}
