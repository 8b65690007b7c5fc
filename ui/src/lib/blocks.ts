// A document's blocks as the reader renders them: consecutive list items
// become one list.

import type { Block } from './bindings/Block';

export type ReaderBlock =
  | { kind: 'heading' | 'paragraph' | 'quote'; text: string }
  | { kind: 'list'; items: string[] };

export function groupBlocks(blocks: readonly Block[]): ReaderBlock[] {
  const out: ReaderBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'list_item') {
      const last = out[out.length - 1];
      if (last?.kind === 'list') last.items.push(block.text);
      else out.push({ kind: 'list', items: [block.text] });
    } else {
      out.push({ kind: block.kind, text: block.text });
    }
  }
  return out;
}

/** A web address shown as text only (the reader never navigates). */
export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}
