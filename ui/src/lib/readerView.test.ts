import { describe, expect, it } from 'vitest';
import { isSource, ReaderView, topAnnotation, type TextMark } from './readerView.svelte';
import { segments } from './textOffsets';

const mark = (id: number | null, start: number, end: number): TextMark => ({
  id,
  start,
  end,
  color: id === null ? null : 'yellow',
});

describe('the reader view', () => {
  it('draws the shortest highlight over a piece, the newest of equal ones, never the source span', () => {
    const text = 'The Han dynasty ruled China.';
    const pieces = segments(text, 0, [mark(1, 0, 28), mark(2, 4, 15), mark(3, 4, 15), mark(null, 4, 7)]);
    const han = pieces.find((p) => p.text === 'Han')!;
    expect(topAnnotation(han)?.id).toBe(3);
    expect(isSource(han)).toBe(true);
    const ruled = pieces.find((p) => p.text.includes('ruled'))!;
    expect(topAnnotation(ruled)?.id).toBe(1);
    expect(isSource(ruled)).toBe(false);
    const sourceOnly = segments('Han', 0, [mark(null, 0, 3)])[0]!;
    expect(topAnnotation(sourceOnly)).toBeNull();
  });

  it('moves between the side tabs with the arrow, Home and End keys, and ignores others', () => {
    const view = new ReaderView();
    expect(view.tabKey('ArrowRight')).toBe(true);
    expect(view.tab).toBe('notes');
    expect(view.tabKey('ArrowLeft')).toBe(true);
    expect(view.tab).toBe('cards');
    expect(view.tabKey('End')).toBe(true);
    expect(view.tab).toBe('notes');
    expect(view.tabKey('Home')).toBe(true);
    expect(view.tab).toBe('cards');
    expect(view.tabKey('Enter')).toBe(false);
    expect(view.tab).toBe('cards');
  });

  it('opens the side panel in the drawer only when the window is narrow, and closes it when it widens', () => {
    const view = new ReaderView();
    view.showPanel('notes');
    expect(view.tab).toBe('notes');
    expect(view.drawerOpen).toBe(false);
    view.setNarrow(true);
    view.showPanel('cards');
    expect(view.drawerOpen).toBe(true);
    view.setNarrow(false);
    expect(view.drawerOpen).toBe(false);
  });
});
