// Highlights and notes: one document's, as the reader shows them, and the
// colours they come in.

import {
  createAnnotation,
  deleteAnnotation,
  documentAnnotations,
  errorMessage,
  updateAnnotation,
  type Annotation,
  type AnnotationEdit,
  type HighlightColor,
} from './ipc';
import type { Span } from './textOffsets';

/** The colours, in the order the reader offers them, with their names. */
export const HIGHLIGHT_COLORS: readonly { color: HighlightColor; label: string }[] = [
  { color: 'yellow', label: 'Yellow' },
  { color: 'green', label: 'Green' },
  { color: 'blue', label: 'Blue' },
  { color: 'pink', label: 'Pink' },
];

export function colorLabel(color: HighlightColor): string {
  return HIGHLIGHT_COLORS.find((c) => c.color === color)?.label ?? color;
}

/** Where a highlight lies in the text; null for one that could not be placed. */
export function spanOf(annotation: Annotation): Span | null {
  return annotation.state === 'anchored' && annotation.start !== null && annotation.end !== null
    ? { start: annotation.start, end: annotation.end }
    : null;
}

/** Reading order, the orphans last (as the core lists them). */
export function readingOrder(a: Annotation, b: Annotation): number {
  const sa = spanOf(a);
  const sb = spanOf(b);
  if (!sa || !sb) return Number(!sa) - Number(!sb) || a.id - b.id;
  return sa.start - sb.start || sa.end - sb.end || a.id - b.id;
}

/** The first `max` characters of a quote, on one line. */
export function excerpt(text: string, max = 180): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max
    ? line
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export class DocumentAnnotations {
  annotations = $state<Annotation[]>([]);
  loading = $state(false);
  loadError = $state<string | null>(null);
  /** Why the last action failed. */
  actionError = $state<string | null>(null);
  /** The latest change, for a polite live region. */
  status = $state('');
  /** The highlight deleted last, until undone or another is deleted. */
  deleted = $state<Annotation | null>(null);

  readonly placed = $derived(this.annotations.filter((a) => spanOf(a) !== null));
  readonly orphaned = $derived(this.annotations.filter((a) => spanOf(a) === null));

  constructor(readonly documentId: number) {}

  /** Never rejects. */
  async load(): Promise<void> {
    this.loading = true;
    try {
      this.annotations = await documentAnnotations(this.documentId);
      this.loadError = null;
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  find(id: number): Annotation | undefined {
    return this.annotations.find((a) => a.id === id);
  }

  /** Highlights `span`; resolves to the new highlight, or an error message. */
  async create(span: Span, color: HighlightColor, note: string | null = null): Promise<Annotation | string> {
    this.actionError = null;
    try {
      const created = await createAnnotation({ documentId: this.documentId, start: span.start, end: span.end, color, note });
      this.annotations = [...this.annotations, created].sort(readingOrder);
      this.status = `Highlighted in ${colorLabel(color).toLowerCase()}.`;
      return created;
    } catch (error) {
      this.actionError = errorMessage(error);
      return this.actionError;
    }
  }

  /** Saves a colour and note; resolves to an error message, or null. */
  async save(annotation: Annotation, edit: AnnotationEdit): Promise<string | null> {
    this.actionError = null;
    try {
      const saved = await updateAnnotation(annotation.id, edit);
      this.annotations = this.annotations.map((a) => (a.id === saved.id ? saved : a));
      this.status = 'Highlight saved.';
      return null;
    } catch (error) {
      this.actionError = errorMessage(error);
      return this.actionError;
    }
  }

  /** Deletes a highlight; one that is placed can be brought back with `undo`. */
  async remove(annotation: Annotation): Promise<string | null> {
    this.actionError = null;
    try {
      await deleteAnnotation(annotation.id);
      this.annotations = this.annotations.filter((a) => a.id !== annotation.id);
      this.deleted = spanOf(annotation) ? annotation : null;
      this.status = 'Highlight deleted.';
      return null;
    } catch (error) {
      this.actionError = errorMessage(error);
      return this.actionError;
    }
  }

  /** Highlights the last deleted passage again, with its colour and note. */
  async undo(): Promise<Annotation | string> {
    const gone = this.deleted;
    const span = gone ? spanOf(gone) : null;
    if (!gone || !span) return 'There is nothing to undo.';
    this.deleted = null;
    const result = await this.create(span, gone.color, gone.note);
    if (typeof result !== 'string') this.status = 'Highlight restored.';
    return result;
  }
}
