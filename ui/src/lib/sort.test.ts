import { describe, expect, it } from 'vitest';
import { doc } from '../test/backend';
import { sortDocuments } from './sort';

describe('sortDocuments', () => {
  const docs = [
    doc(1, { title: 'yalta', addedAt: 300 }),
    doc(2, { title: 'Berlin Airlift', addedAt: 100 }),
    doc(3, { title: 'Édouard Daladier', addedAt: 200 }),
    doc(4, { title: 'Act 10', addedAt: 200 }),
    doc(5, { title: 'Act 9', addedAt: 50 }),
  ];

  it('sorts by title A–Z, ignoring case and accents, numbers in order', () => {
    expect(sortDocuments(docs, 'title').map((d) => d.title)).toEqual([
      'Act 9',
      'Act 10',
      'Berlin Airlift',
      'Édouard Daladier',
      'yalta',
    ]);
  });

  it('sorts newest first, ties by id', () => {
    expect(sortDocuments(docs, 'recent').map((d) => d.id)).toEqual([1, 4, 3, 2, 5]);
  });

  it('does not change the array it is given', () => {
    const copy = [...docs];
    sortDocuments(docs, 'title');
    expect(docs).toEqual(copy);
  });
});
