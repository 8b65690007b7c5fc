// Validating the "Add text" form and turning it into a `NewDocument` payload.

import type { NewDocument } from './bindings/NewDocument';
import { parseCategoryPath } from './category';
import { quotedSentence } from './format';

export interface DocumentDraft {
  title: string;
  author: string;
  category: string;
  source: string;
  body: string;
}

export type DraftField = keyof DocumentDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export type DraftResult = { ok: true; doc: NewDocument } | { ok: false; errors: DraftErrors; firstInvalid: DraftField };

/** Field order on screen: the first invalid one gets focus. */
const FIELD_ORDER: readonly DraftField[] = ['title', 'author', 'category', 'source', 'body'];

/** What the add form reports back after a successful save. */
export interface AddOutcome {
  title: string;
  /** False when an identical document was already in the library. */
  created: boolean;
}

/** The sentence announced after a save. */
export function outcomeMessage(outcome: AddOutcome): string {
  return outcome.created ? quotedSentence('Added', outcome.title) : 'This text is already in your library.';
}

export function emptyDraft(): DocumentDraft {
  return { title: '', author: '', category: '', source: '', body: '' };
}

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function validateDraft(draft: DocumentDraft): DraftErrors {
  const errors: DraftErrors = {};
  // The same rules as the Rust side (which has the last word): both required.
  const title = draft.title.trim();
  if (title === '') errors.title = 'Give the text a title.';
  if (draft.body.trim() === '') errors.body = 'Paste or type the text itself.';
  return errors;
}

export function buildNewDocument(draft: DocumentDraft): DraftResult {
  const errors = validateDraft(draft);
  const firstInvalid = FIELD_ORDER.find((field) => errors[field] !== undefined);
  if (firstInvalid) return { ok: false, errors, firstInvalid };
  return {
    ok: true,
    doc: {
      title: draft.title.replace(/\s+/g, ' ').trim(),
      author: optional(draft.author),
      categoryPath: parseCategoryPath(draft.category),
      source: optional(draft.source),
      // Keep the text as written, minus blank lines/space around it, so the
      // same paste with or without a trailing newline is the same document.
      body: draft.body.replace(/\r\n?/g, '\n').trim(),
    },
  };
}
