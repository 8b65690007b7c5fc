import { describe, expect, it } from 'vitest';
import { buildNewDocument, emptyDraft, outcomeMessage, validateDraft } from './newDocument';

const filled = {
  title: '  The Berlin   Airlift ',
  author: '  ',
  category: 'History -> Cold War',
  source: '',
  body: '\r\nIn June 1948 the Soviet Union blocked…\r\n\r\n',
};

describe('buildNewDocument', () => {
  it('builds the payload: trimmed title, null for empty optionals, split category', () => {
    const result = buildNewDocument(filled);
    expect(result).toEqual({
      ok: true,
      doc: {
        title: 'The Berlin Airlift',
        author: null,
        categoryPath: ['History', 'Cold War'],
        source: null,
        body: 'In June 1948 the Soviet Union blocked…',
      },
    });
  });

  it('keeps optional fields that were filled in, trimmed', () => {
    const result = buildNewDocument({
      ...filled,
      author: ' Ann Tusa ',
      source: ' The Last Division (1997) ',
      category: '',
    });
    expect(result.ok && result.doc).toMatchObject({
      author: 'Ann Tusa',
      source: 'The Last Division (1997)',
      categoryPath: [],
    });
  });

  it('keeps the inner layout of the text', () => {
    const result = buildNewDocument({ ...filled, body: 'One.\n\n  Two.\r\nThree.' });
    expect(result.ok && result.doc.body).toBe('One.\n\n  Two.\nThree.');
  });

  it('refuses a draft without title or text, pointing at the first problem', () => {
    const result = buildNewDocument(emptyDraft());
    expect(result).toEqual({
      ok: false,
      errors: { title: expect.any(String), body: expect.any(String) },
      firstInvalid: 'title',
    });
  });

  it('treats whitespace-only fields as empty', () => {
    const result = buildNewDocument({ ...filled, body: ' \n\t ' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.firstInvalid).toBe('body');
      expect(result.errors.title).toBeUndefined();
    }
  });
});

describe('validateDraft', () => {
  it('accepts a filled-in draft, long titles included', () => {
    expect(validateDraft(filled)).toEqual({});
    expect(validateDraft({ ...filled, title: 'Why '.repeat(200) })).toEqual({});
  });
});

describe('outcomeMessage', () => {
  it('announces what happened', () => {
    expect(outcomeMessage({ title: 'Yalta', created: true })).toBe('Added “Yalta”.');
    expect(outcomeMessage({ title: 'Yalta', created: false })).toBe('This text is already in your library.');
  });
});
