// Offsets in a document's text are Unicode code points (as in the database and
// in Rust); the DOM counts UTF-16 units. These helpers convert between the two
// and cut a block's text around highlighted spans.

/** A span of the document body, in code points, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of a block's text, marked when it lies inside a highlighted span. */
export interface Segment {
  text: string;
  marked: boolean;
}

/** A piece of a block's text with every span (of several) that covers it. */
export interface LayeredSegment<S extends Span> extends Segment {
  /** The spans covering the whole piece, in the order given. */
  spans: S[];
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
 *
 * Given a list of spans (highlights, which may overlap, and the card-source
 * highlight), cuts at every span edge instead, and each piece lists the spans
 * that cover it.
 */
export function segments(text: string, start: number, span: Span | null): Segment[];
export function segments<S extends Span>(text: string, start: number, spans: readonly S[]): LayeredSegment<S>[];
export function segments<S extends Span>(
  text: string,
  start: number,
  spans: Span | null | readonly S[],
): Segment[] | LayeredSegment<S>[] {
  if (Array.isArray(spans)) return layered(text, start, spans as readonly S[]);
  const span = spans as Span | null;
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

function layered<S extends Span>(text: string, start: number, spans: readonly S[]): LayeredSegment<S>[] {
  const chars = Array.from(text);
  const clip = (offset: number) => Math.max(0, Math.min(chars.length, offset - start));
  const inside = spans.filter((s) => clip(s.start) < clip(s.end));
  if (inside.length === 0) return [{ text, marked: false, spans: [] }];
  const cuts = new Set<number>([0, chars.length]);
  for (const s of inside) {
    cuts.add(clip(s.start));
    cuts.add(clip(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: LayeredSegment<S>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = inside.filter((s) => clip(s.start) <= from && clip(s.end) >= to);
    out.push({ text: chars.slice(from, to).join(''), marked: covering.length > 0, spans: covering });
  }
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
