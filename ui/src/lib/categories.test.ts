import { describe, expect, it } from 'vitest';
import { buildCategoryTree, filterByCategory, inCategory, visibleNodes } from './categories';

const flat = [
  { path: ['History'], documents: 1, total: 6 },
  { path: ['History', 'China'], documents: 2, total: 2 },
  { path: ['History', 'Cold War'], documents: 1, total: 3 },
  { path: ['History', 'Cold War', 'Berlin'], documents: 2, total: 2 },
  { path: ['Science'], documents: 4, total: 4 },
];

describe('buildCategoryTree', () => {
  it('nests the flat depth-first list and keeps the counts', () => {
    const roots = buildCategoryTree(flat);
    expect(roots.map((r) => [r.name, r.total])).toEqual([
      ['History', 6],
      ['Science', 4],
    ]);
    const history = roots[0]!;
    expect(history.documents).toBe(1);
    expect(history.children.map((c) => c.name)).toEqual(['China', 'Cold War']);
    const berlin = history.children[1]!.children[0]!;
    expect(berlin.key).toBe('History / Cold War / Berlin');
    expect(berlin.path).toEqual(['History', 'Cold War', 'Berlin']);
    expect(berlin.total).toBe(2);
  });

  it('makes up a missing parent with its children’s totals', () => {
    const roots = buildCategoryTree([{ path: ['A', 'B'], documents: 3, total: 3 }]);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.name).toBe('A');
    expect(roots[0]!.total).toBe(3);
    expect(roots[0]!.children[0]!.name).toBe('B');
  });

  it('shows children only under expanded nodes', () => {
    const roots = buildCategoryTree(flat);
    expect(visibleNodes(roots, new Set()).map((v) => v.node.name)).toEqual(['History', 'Science']);
    const open = visibleNodes(roots, new Set(['History', 'History / Cold War']));
    expect(open.map((v) => [v.node.name, v.depth])).toEqual([
      ['History', 1],
      ['China', 2],
      ['Cold War', 2],
      ['Berlin', 3],
      ['Science', 1],
    ]);
  });
});

describe('filtering by category', () => {
  const docs = [
    { id: 1, categoryPath: ['History', 'Cold War', 'Berlin'] },
    { id: 2, categoryPath: ['History', 'Cold War'] },
    { id: 3, categoryPath: ['History', 'Cold Warriors'] },
    { id: 4, categoryPath: [] },
    { id: 5, categoryPath: ['Science'] },
  ];

  it('keeps the category and its subcategories, matching whole parts', () => {
    expect(filterByCategory(docs, ['History', 'Cold War']).map((d) => d.id)).toEqual([1, 2]);
    expect(filterByCategory(docs, ['History']).map((d) => d.id)).toEqual([1, 2, 3]);
    expect(inCategory(['History'], ['History', 'Cold War'])).toBe(false);
  });

  it('keeps everything for "All texts"', () => {
    expect(filterByCategory(docs, []).map((d) => d.id)).toEqual([1, 2, 3, 4, 5]);
    expect(filterByCategory(docs, null)).toHaveLength(5);
  });
});
