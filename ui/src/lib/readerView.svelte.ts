// One open text in the reader: the document, its cards and highlights, the
// selection and what is being done with it, the side panel and the delete
// confirmation. Reader.svelte and its parts (components/reader/) draw this
// state; they keep none of their own, as DocumentCards does for the cards.

import { tick } from 'svelte';
import { DocumentAnnotations, spanOf } from './annotations.svelte';
import { groupBlocks } from './blocks';
import { DocumentCards } from './cards.svelte';
import { selectionSpan, type LayeredSegment, type Span } from './textOffsets';
import {
  draftCardFromSelection,
  errorMessage,
  getDocument,
  type Annotation,
  type Document,
  type HighlightColor,
  type SelectionDrafts,
} from './ipc';

/** A span drawn in the text: a highlight (with its id and colour), or the card-source span (id null). */
export type TextMark = Span & { id: number | null; color: HighlightColor | null };

export type SideTab = 'cards' | 'notes';

/** The highlight drawn on a piece of text covered by several: the shortest, then the newest. */
export function topAnnotation(piece: LayeredSegment<TextMark>): TextMark | null {
  let top: TextMark | null = null;
  for (const mark of piece.spans) {
    if (mark.id === null) continue;
    if (
      !top ||
      mark.end - mark.start < top.end - top.start ||
      (mark.end - mark.start === top.end - top.start && mark.id > top.id!)
    ) {
      top = mark;
    }
  }
  return top;
}

/** Whether a piece of text lies in the card-source span. */
export function isSource(piece: LayeredSegment<TextMark>): boolean {
  return piece.spans.some((m) => m.id === null);
}

export class ReaderView {
  doc = $state<Document | null>(null);
  loadError = $state<string | null>(null);
  cards = $state<DocumentCards | null>(null);
  notes = $state<DocumentAnnotations | null>(null);

  /** The source sentence of the card pointed at, or the span the text was opened at. */
  highlight = $state<Span | null>(null);
  /** The reader's current selection, and where to show its toolbar. */
  selection = $state<{ span: Span; top: number; left: number } | null>(null);
  drafts = $state<SelectionDrafts | null>(null);
  drafting = $state(false);
  highlighting = $state(false);
  selectionError = $state<string | null>(null);

  /** The side panel's tab. */
  tab = $state<SideTab>('cards');
  /**
   * Below ~1000 px the side panel does not fit beside the text: it becomes a
   * drawer over the text's right edge, opened from the toolbar.
   */
  narrow = $state(false);
  drawerOpen = $state(false);

  /** The highlight chosen in the text or the Notes tab. */
  selectedAnnotation = $state<number | null>(null);
  editingAnnotation = $state<number | null>(null);
  /** The highlight briefly flashing after the Notes tab scrolled to it. */
  flashing = $state<number | null>(null);
  #flashTimer: ReturnType<typeof setTimeout> | undefined;

  exportingCards = $state(false);
  confirming = $state(false);
  deleting = $state(false);
  deleteError = $state<string | null>(null);

  // The elements the view moves the focus to or scrolls (bound by the parts).
  readerElement = $state<HTMLElement>();
  bodyElement = $state<HTMLElement>();
  drawerToggle = $state<HTMLButtonElement>();
  drawerElement = $state<HTMLElement>();
  deleteButton = $state<HTMLButtonElement>();

  blocks = $derived(this.doc ? groupBlocks(this.doc.blocks) : []);
  marks = $derived.by((): TextMark[] => {
    const out: TextMark[] = [];
    for (const annotation of this.notes?.placed ?? []) {
      const span = spanOf(annotation);
      if (span) out.push({ ...span, id: annotation.id, color: annotation.color });
    }
    if (this.highlight) out.push({ ...this.highlight, id: null, color: null });
    return out;
  });

  /** Opens a document; `reveal` is a span to show (highlighted, scrolled to, chosen in Notes). */
  async load(docId: number, reveal: Span | null) {
    this.doc = null;
    this.loadError = null;
    this.cards = null;
    this.notes = null;
    try {
      this.doc = await getDocument(docId);
      this.cards = new DocumentCards(docId);
      void this.cards.load();
      const loaded = new DocumentAnnotations(docId);
      this.notes = loaded;
      void loaded.load().then(() => this.#selectRevealed(loaded, reveal));
    } catch (error) {
      this.loadError = errorMessage(error);
    }
    await tick();
    // The reader itself takes the focus (named by the title), so Tab goes on to
    // the toolbar first, not past it into the text.
    this.readerElement?.focus();
    if (this.doc && reveal) await this.showSource(reveal);
  }

  /** Opened at a highlight (from the Highlights screen): it is chosen in the Notes tab. */
  #selectRevealed(loaded: DocumentAnnotations, span: Span | null) {
    if (!span || loaded !== this.notes) return;
    const found = loaded.placed.find((a) => a.start === span.start && a.end === span.end);
    if (found) {
      this.showPanel('notes');
      this.selectedAnnotation = found.id;
    }
  }

  /** Shows a tab of the side panel: in the drawer when the window is narrow. */
  showPanel(which: SideTab) {
    this.tab = which;
    if (this.narrow) this.drawerOpen = true;
  }

  /** The window became narrow or wide (see NARROW_QUERY). */
  setNarrow(narrow: boolean) {
    this.narrow = narrow;
    if (!narrow) this.drawerOpen = false;
  }

  async openDrawer() {
    this.drawerOpen = true;
    await tick();
    this.drawerElement?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }

  async closeDrawer() {
    this.drawerOpen = false;
    await tick();
    this.drawerToggle?.focus();
  }

  /** The tab list's arrow, Home and End keys (the focus follows the tab). */
  tabKey(key: string): boolean {
    if (key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'Home' && key !== 'End') return false;
    this.tab = key === 'Home' ? 'cards' : key === 'End' ? 'notes' : this.tab === 'cards' ? 'notes' : 'cards';
    void tick().then(() => document.getElementById(`side-tab-${this.tab}`)?.focus());
    return true;
  }

  async showSource(span: Span | null) {
    this.highlight = span;
    // The drawer would cover the sentence it points to.
    if (this.narrow && span) this.drawerOpen = false;
    await tick();
    this.bodyElement?.querySelector('mark.source')?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }

  async highlightSelection(color: HighlightColor, withNote = false) {
    if (!this.notes || !this.selection || this.highlighting) return;
    this.highlighting = true;
    this.selectionError = null;
    const result = await this.notes.create(this.selection.span, color);
    this.highlighting = false;
    if (typeof result === 'string') {
      this.selectionError = result;
      return;
    }
    window.getSelection()?.removeAllRanges();
    this.selection = null;
    this.tab = 'notes';
    this.selectedAnnotation = result.id;
    if (withNote) {
      this.editingAnnotation = result.id;
      this.showPanel('notes');
    }
  }

  /** A highlight chosen in the Notes tab: the text scrolls to it and it flashes. */
  async revealAnnotation(annotation: Annotation) {
    this.selectedAnnotation = annotation.id;
    await tick();
    this.bodyElement
      ?.querySelector(`mark.hl[data-annotation-id="${annotation.id}"]`)
      ?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    this.flashing = null;
    await tick();
    this.flashing = annotation.id;
    clearTimeout(this.#flashTimer);
    this.#flashTimer = setTimeout(() => (this.flashing = null), 1600);
  }

  /** A highlight clicked in the text is chosen in the Notes tab. */
  chooseAnnotation(annotationId: number) {
    if (!this.notes?.find(annotationId)) return;
    this.showPanel('notes');
    this.selectedAnnotation = annotationId;
  }

  /** Stops the flash timer (the reader closed). */
  dispose() {
    clearTimeout(this.#flashTimer);
  }

  /** Follows the document's selection: a span of the text, or none. */
  updateSelection(current: Selection | null) {
    const body = this.bodyElement;
    const span = body ? selectionSpan(body, current) : null;
    if (!span || !current || !body) {
      this.selection = null;
      return;
    }
    const rect = current.getRangeAt(0).getBoundingClientRect();
    const layout = body.getBoundingClientRect();
    // The toolbar (about 19rem wide) stays inside the text column.
    const left = Math.min(rect.left - layout.left, layout.width - 19 * 16);
    this.selection = { span, top: rect.bottom - layout.top + 6, left: Math.max(0, left) };
  }

  async makeCard() {
    if (!this.doc || !this.selection || this.drafting) return;
    this.drafting = true;
    this.selectionError = null;
    try {
      this.drafts = await draftCardFromSelection(this.doc.id, this.selection.span.start, this.selection.span.end);
    } catch (error) {
      this.selectionError = errorMessage(error);
    } finally {
      this.drafting = false;
    }
  }

  async makeCardFromHighlight(annotation: Annotation): Promise<string | null> {
    const span = spanOf(annotation);
    if (!this.doc || !span) return 'This highlight is not in the text any more.';
    try {
      this.drafts = await draftCardFromSelection(this.doc.id, span.start, span.end);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  /** Deletes the text through `ondelete`; a failure shows in the confirmation dialog. */
  async confirmDelete(ondelete: (doc: Document) => Promise<void>) {
    if (!this.doc || this.deleting) return;
    this.deleting = true;
    this.deleteError = null;
    try {
      await ondelete(this.doc);
      this.deleting = false;
      this.confirming = false;
    } catch (error) {
      this.deleting = false;
      this.deleteError = errorMessage(error);
      // Deleting is undoable, so it asks nothing first; a failure shows here.
      this.confirming = true;
    }
  }

  async cancelDelete() {
    this.confirming = false;
    this.deleteError = null;
    await tick();
    this.deleteButton?.focus();
  }
}
