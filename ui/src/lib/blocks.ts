// A document's blocks as the reader renders them: consecutive list items
// become one list. Each text keeps where it starts in the document body (code
// points), so selections and highlights map to the stored offsets.

import type { Block } from './bindings/Block';
import { blockStarts } from './textOffsets';

export interface PlacedText {
  text: string;
  /** Code-point offset of `text` in the body. */
  start: number;
}

export type ReaderBlock = ({ kind: 'heading' | 'paragraph' | 'quote' } & PlacedText) | { kind: 'list'; items: PlacedText[] };

export function groupBlocks(blocks: readonly Block[]): ReaderBlock[] {
  const starts = blockStarts(blocks.map((b) => b.text));
  const out: ReaderBlock[] = [];
  blocks.forEach((block, i) => {
    const placed = { text: block.text, start: starts[i] ?? 0 };
    if (block.kind === 'list_item') {
      const last = out[out.length - 1];
      if (last?.kind === 'list') last.items.push(placed);
      else out.push({ kind: 'list', items: [placed] });
    } else {
      out.push({ kind: block.kind, ...placed });
    }
  });
  return out;
}

/** A web address shown as text only (the reader never navigates). */
export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}
