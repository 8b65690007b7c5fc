import { describe, expect, it } from 'vitest';
import { blockStarts, bodyOffset, codePointLength, segments, selectionSpan, type Span } from './textOffsets';

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('Zhōu Ēnlái')).toBe(10);
    expect('🇨🇳'.length).toBe(4);
    expect(codePointLength('🇨🇳')).toBe(2);
    expect(codePointLength('')).toBe(0);
  });
});

describe('segments', () => {
  it('marks the part of a block inside the span, counting code points', () => {
    // The block starts at body offset 10; the span covers "Ēnlái".
    expect(segments('Zhōu Ēnlái 🇨🇳 met Nixon', 10, { start: 15, end: 20 })).toEqual([
      { text: 'Zhōu ', marked: false },
      { text: 'Ēnlái', marked: true },
      { text: ' 🇨🇳 met Nixon', marked: false },
    ]);
  });

  it('clips a span that starts before or ends after the block', () => {
    expect(segments('abc', 5, { start: 0, end: 6 })).toEqual([
      { text: 'a', marked: true },
      { text: 'bc', marked: false },
    ]);
    expect(segments('abc', 5, { start: 7, end: 99 })).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
  });

  it('leaves a block outside the span whole', () => {
    expect(segments('abc', 5, { start: 20, end: 30 })).toEqual([{ text: 'abc', marked: false }]);
    expect(segments('abc', 5, null)).toEqual([{ text: 'abc', marked: false }]);
  });
});

describe('blockStarts', () => {
  it('adds each text and the blank line between blocks', () => {
    expect(blockStarts(['Zhōu', '🇨🇳!', 'x'])).toEqual([0, 6, 11]);
  });
});

describe('DOM offsets', () => {
  function page(): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML = '<p data-start="0">Zhōu <mark>Ēnlái</mark> 🇨🇳 met</p><p data-start="16">Nixon in 1972.</p>';
    document.body.append(root);
    return root;
  }

  it('turns a DOM position into a body offset across marks and emoji', () => {
    const root = page();
    const second = root.querySelectorAll('p')[1]!.firstChild!;
    expect(bodyOffset(root, second, 6)).toBe(22); // "Nixon " → 16 + 6
    const afterFlag = root.querySelector('p')!.lastChild!; // " 🇨🇳 met"
    expect(bodyOffset(root, afterFlag, 5)).toBe(13); // "Zhōu Ēnlái" (10) + " 🇨🇳" (3)
    root.remove();
  });

  it('reads a selection across paragraphs and ignores one outside the root', () => {
    const root = page();
    const selection = window.getSelection()!;
    const range = document.createRange();
    range.setStart(root.querySelector('mark')!.firstChild!, 0);
    range.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 5);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionSpan(root, selection)).toEqual({ start: 5, end: 21 });

    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    range.selectNodeContents(outside);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionSpan(root, selection)).toBeNull();
    selection.removeAllRanges();
    expect(selectionSpan(root, selection)).toBeNull();
    outside.remove();
    root.remove();
  });
});

describe('segments with several spans', () => {
  type Tagged = Span & { id: string };
  const at = (id: string, start: number, end: number): Tagged => ({ id, start, end });
  const ids = (pieces: { text: string; spans: Tagged[] }[]) => pieces.map((p) => [p.text, p.spans.map((s) => s.id)]);

  it('cuts at every edge, in code points, and lists the spans covering each piece', () => {
    // Block at body offset 10: "Zhōu Ēnlái 🇨🇳 met Nixon"; a highlight on "Ēnlái 🇨🇳", another on "🇨🇳 met", the source on all.
    const pieces = segments('Zhōu Ēnlái 🇨🇳 met Nixon', 10, [at('a', 15, 23), at('b', 21, 27), at('source', 10, 33)]);
    expect(ids(pieces)).toEqual([
      ['Zhōu ', ['source']],
      ['Ēnlái ', ['a', 'source']],
      ['🇨🇳', ['a', 'b', 'source']],
      [' met', ['b', 'source']],
      [' Nixon', ['source']],
    ]);
    expect(pieces.every((p) => p.marked)).toBe(true);
  });

  it('leaves unmarked gaps and ignores spans outside the block or empty', () => {
    const pieces = segments('abcdef', 5, [at('x', 6, 7), at('y', 9, 30), at('far', 40, 50), at('empty', 8, 8)]);
    expect(pieces.map((p) => [p.text, p.marked])).toEqual([
      ['a', false],
      ['b', true],
      ['cd', false],
      ['ef', true],
    ]);
    expect(segments('abc', 0, [] as Tagged[])).toEqual([{ text: 'abc', marked: false, spans: [] }]);
  });

  it('keeps the text whole: the pieces join back to the block', () => {
    const text = 'Günter 👍🏽 Guillaume';
    const pieces = segments(text, 100, [at('a', 100, 102), at('b', 101, 109), at('c', 107, 118)]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });
});
