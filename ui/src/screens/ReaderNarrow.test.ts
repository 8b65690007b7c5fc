// The reader in a narrow window (its side panel a drawer) and highlighting
// from the keyboard.

import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { NARROW_QUERY } from '../lib/reader.svelte';
import { doc, fakeBackend } from '../test/backend';

Range.prototype.getBoundingClientRect ??= () => ({ top: 20, bottom: 40, left: 10, right: 60 }) as DOMRect;

const BODY = 'Zhōu Ēnlái met Nixon in 1972.\n\nThe split came in 1960.';

/** A window `narrow` or not, as matchMedia answers for the reader's query. */
function windowWidth(narrow: boolean) {
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: query === NARROW_QUERY ? narrow : false,
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList,
  );
}

async function openDocument() {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'Détente' })],
    fullDocuments: {
      1: {
        body: BODY,
        blocks: [
          { kind: 'paragraph', text: 'Zhōu Ēnlái met Nixon in 1972.' },
          { kind: 'paragraph', text: 'The split came in 1960.' },
        ],
      },
    },
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(await screen.findByRole('button', { name: 'Détente' }));
  await screen.findByTestId('cards-panel');
  await waitFor(() => expect(backend.callsTo('document_annotations')).toHaveLength(1));
  return { backend, user };
}

function selectFirstWords(to: number) {
  const p = screen.getByTestId('reader-body').querySelector('p')!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode();
  while (text && text.textContent === '') text = walker.nextNode();
  const range = document.createRange();
  range.setStart(text!, 0);
  range.setEnd(text!, to);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the reader in a narrow window', () => {
  it('keeps cards and notes in a drawer opened from the toolbar; Escape closes it and keeps the text open', async () => {
    windowWidth(true);
    const { user } = await openDocument();
    const toggle = screen.getByTestId('reader-side-toggle');
    const side = screen.getByTestId('reader-side');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(side).not.toHaveClass('open');

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(side).toHaveClass('open');
    await waitFor(() => expect(screen.getByTestId('cards-tab')).toHaveFocus());

    await user.keyboard('{Escape}');
    expect(side).not.toHaveClass('open');
    await waitFor(() => expect(toggle).toHaveFocus());
    // Escape closed the drawer, not the text.
    expect(screen.getByTestId('reader')).toBeInTheDocument();
  });

  it('opens the drawer at the Notes tab for a note written on a selection', async () => {
    windowWidth(true);
    const { backend, user } = await openDocument();
    selectFirstWords(10);
    await screen.findByTestId('selection-toolbar');
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    await waitFor(() => expect(backend.callsTo('create_annotation')).toHaveLength(1));
    expect(backend.callsTo('create_annotation')[0]!.args).toMatchObject({ annotation: { start: 0, end: 10, color: 'yellow' } });
    await waitFor(() => expect(screen.getByTestId('reader-side')).toHaveClass('open'));
    expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true');
  });

  it('has no drawer in a wide window: the panel stands beside the text', async () => {
    windowWidth(false);
    const { user } = await openDocument();
    await user.click(screen.getByTestId('notes-tab'));
    expect(screen.getByTestId('reader-side')).not.toHaveClass('open');
    expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true');
  });
});

describe('highlighting with the keyboard', () => {
  it('highlights the selection in the toolbar’s colours with Ctrl+Shift+1 to 4', async () => {
    windowWidth(false);
    const { backend, user } = await openDocument();
    selectFirstWords(4);
    await screen.findByTestId('selection-toolbar');
    expect(screen.getByTestId('highlight-color-green')).toHaveAttribute('title', 'Highlight in green (Ctrl+Shift+2)');
    await user.keyboard('{Control>}{Shift>}[Digit2]{/Shift}{/Control}');
    await waitFor(() => expect(backend.callsTo('create_annotation')).toHaveLength(1));
    expect(backend.callsTo('create_annotation')[0]!.args).toMatchObject({ annotation: { start: 0, end: 4, color: 'green' } });
  });
});
