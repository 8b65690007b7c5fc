// Sort orders for the library list.

import type { DocumentSummary } from './bindings/DocumentSummary';

export type SortOrder = 'recent' | 'title';

export const SORT_LABELS: Record<SortOrder, string> = {
  recent: 'Recently added',
  title: 'Title A–Z',
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A new array; `recent` keeps newest first (ties by id, newest first). */
export function sortDocuments(docs: readonly DocumentSummary[], order: SortOrder): DocumentSummary[] {
  const copy = [...docs];
  if (order === 'title') {
    return copy.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
  }
  return copy.sort((a, b) => b.addedAt - a.addedAt || b.id - a.id);
}
