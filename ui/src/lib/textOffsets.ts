// Offsets in a document's text are Unicode code points (as in the database and
// in Rust); the DOM counts UTF-16 units. These helpers convert between the two
// and cut a block's text around a highlighted span.

/** A span of the document body, in code points, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of a block's text, marked when it lies inside the highlighted span. */
export interface Segment {
  text: string;
  marked: boolean;
}

/** How many code points `text` has ("🇨🇳" is two, "Zhōu" four). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Cuts `text`, which starts at code point `start` of the body, into pieces
 * outside and inside `span`. Without a span (or no overlap) it is one piece.
 */
export function segments(text: string, start: number, span: Span | null): Segment[] {
  if (!span) return [{ text, marked: false }];
  const chars = Array.from(text);
  const from = Math.max(0, Math.min(chars.length, span.start - start));
  const to = Math.max(from, Math.min(chars.length, span.end - start));
  if (from === to) return [{ text, marked: false }];
  const out: Segment[] = [];
  if (from > 0) out.push({ text: chars.slice(0, from).join(''), marked: false });
  out.push({ text: chars.slice(from, to).join(''), marked: true });
  if (to < chars.length) out.push({ text: chars.slice(to).join(''), marked: false });
  return out;
}

/** Where each block's text starts in the body, which joins the blocks with a blank line. */
export function blockStarts(texts: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += codePointLength(text) + 2;
  }
  return starts;
}

/** The element holding the text at a DOM position: the nearest one with `data-start`. */
function textElement(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest<HTMLElement>('[data-start]') ?? null;
}

/** The body offset (code points) of a DOM position inside `root`, or null outside it. */
export function bodyOffset(root: HTMLElement, node: Node, offset: number): number | null {
  const element = textElement(node);
  if (!element || !root.contains(element)) return null;
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return Number(element.dataset.start) + codePointLength(range.toString());
}

/** The selection as a span of the body, or null when nothing in `root` is selected. */
export function selectionSpan(root: HTMLElement, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = bodyOffset(root, range.startContainer, range.startOffset);
  const end = bodyOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
