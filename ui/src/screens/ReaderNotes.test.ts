import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { annotation, doc, fakeBackend, type FakeBackendOptions } from '../test/backend';

// jsdom does no layout; the reader asks where the selection is to place its toolbar.
Range.prototype.getBoundingClientRect ??= () => ({ top: 20, bottom: 40, left: 10, right: 60 }) as DOMRect;

// "Zhōu Ēnlái" is code points 0..10, "Nixon" 15..20; the second paragraph starts at 31, "1960" is 49..53.
const BODY = 'Zhōu Ēnlái met Nixon in 1972.\n\nThe split came in 1960.';

async function openDocument(options: FakeBackendOptions = {}) {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'Détente', categoryPath: ['History', 'Cold War'] })],
    fullDocuments: {
      1: {
        body: BODY,
        blocks: [
          { kind: 'paragraph', text: 'Zhōu Ēnlái met Nixon in 1972.' },
          { kind: 'paragraph', text: 'The split came in 1960.' },
        ],
      },
    },
    ...options,
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(await screen.findByRole('button', { name: 'Détente' }));
  await screen.findByTestId('cards-panel');
  await waitFor(() => expect(backend.callsTo('document_annotations')).toHaveLength(1));
  return { backend, user };
}

/** The first non-empty text node of the reader's paragraph `index`. */
function paragraphText(index: number): Node {
  const p = screen.getByTestId('reader-body').querySelectorAll('p')[index]!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent !== '') return node;
  throw new Error('no text');
}

function select(node: Node, from: number, to: number) {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

const marks = () =>
  Array.from(screen.getByTestId('reader-body').querySelectorAll<HTMLElement>('[data-testid="annotation-mark"]'));

describe('highlighting in the reader', () => {
  it('offers four colours beside a selection and highlights in code points', async () => {
    const { backend, user } = await openDocument();
    select(paragraphText(1), 18, 22); // "1960"
    const toolbar = await screen.findByTestId('selection-toolbar');
    for (const name of ['yellow', 'green', 'blue', 'pink']) {
      expect(within(toolbar).getByRole('button', { name: `Highlight in ${name}` })).toBeInTheDocument();
    }
    expect(within(toolbar).getByTestId('selection-make-card')).toBeInTheDocument();

    await user.click(within(toolbar).getByTestId('highlight-color-green'));
    await waitFor(() => expect(marks()).toHaveLength(1));
    expect(backend.callsTo('create_annotation')[0]!.args).toEqual({
      annotation: { documentId: 1, start: 49, end: 53, color: 'green', note: null },
    });
    expect(marks()[0]).toHaveTextContent('1960');
    expect(marks()[0]).toHaveAttribute('data-color', 'green');
    expect(screen.queryByTestId('selection-toolbar')).not.toBeInTheDocument();
    // The Notes tab opens on the new highlight.
    expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true');
    const item = screen.getByTestId('annotation-item');
    expect(item).toHaveTextContent('“1960”');
    expect(within(item).getByRole('button', { name: /Green highlight/ })).toHaveAttribute('aria-current', 'true');
  });

  it('highlights the selection in yellow with Ctrl+Shift+H, across non-ASCII text', async () => {
    const { backend, user } = await openDocument();
    select(paragraphText(0), 0, 10); // "Zhōu Ēnlái": ten code points, ten UTF-16 units
    await screen.findByTestId('selection-toolbar');
    await user.keyboard('{Control>}{Shift>}H{/Shift}{/Control}');
    await waitFor(() => expect(backend.callsTo('create_annotation')).toHaveLength(1));
    expect(backend.callsTo('create_annotation')[0]!.args).toMatchObject({ annotation: { start: 0, end: 10, color: 'yellow' } });
    await waitFor(() => expect(marks()[0]).toHaveTextContent('Zhōu Ēnlái'));
  });

  it('shows why a highlight was refused', async () => {
    const { user } = await openDocument({ annotationError: { message: 'The selection holds only white space.' } });
    select(paragraphText(0), 4, 5);
    await user.click(await screen.findByTestId('highlight-color-blue'));
    expect(await screen.findByTestId('selection-error')).toHaveTextContent('only white space');
  });

  it('"Note" highlights in yellow and opens the note for writing', async () => {
    const { backend, user } = await openDocument();
    select(paragraphText(0), 15, 20); // "Nixon"
    await user.click(await screen.findByTestId('selection-add-note'));
    const input = await screen.findByTestId('annotation-note-input');
    await waitFor(() => expect(input).toHaveFocus());
    await user.type(input, 'US president.{Enter}Visited Beijing.');
    await user.click(screen.getByTestId('annotation-save'));
    await waitFor(() => expect(backend.callsTo('update_annotation')).toHaveLength(1));
    expect(backend.callsTo('update_annotation')[0]!.args).toMatchObject({
      edit: { color: 'yellow', note: 'US president.\nVisited Beijing.' },
    });
    expect(screen.getByTestId('annotation-note')).toHaveTextContent('US president. Visited Beijing.');
    expect(screen.getByTestId('annotation-note').textContent).toBe('US president.\nVisited Beijing.');
  });
});

describe('the Notes tab', () => {
  const SAVED = [
    annotation(7, { quote: '1960', start: 49, end: 53, color: 'pink', note: 'The split.' }),
    annotation(5, { quote: 'Zhōu Ēnlái', start: 0, end: 10, color: 'blue' }),
    annotation(9, { quote: 'A sentence that was removed.', start: null, end: null, state: 'orphaned', note: 'Keep me.' }),
  ];

  it('lists highlights in reading order with the orphans apart, and draws them in the text', async () => {
    await openDocument({ annotations: SAVED.map((a) => ({ ...a })) });
    expect(screen.getByTestId('cards-tab')).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByTestId('notes-tab'));
    expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('notes-tab')).toHaveTextContent('3');

    const items = screen.getAllByTestId('annotation-item');
    expect(items.map((i) => i.dataset.annotationId)).toEqual(['5', '7']);
    expect(items[1]).toHaveTextContent('The split.');
    const orphan = screen.getByTestId('annotation-orphan');
    expect(orphan).toHaveTextContent('A sentence that was removed.');
    expect(orphan).toHaveTextContent('Keep me.');
    expect(screen.getByText('Could not be placed in the new text')).toBeInTheDocument();
    expect(within(orphan).queryByTestId('annotation-make-card')).not.toBeInTheDocument();

    expect(marks().map((m) => [m.textContent, m.dataset.color, m.dataset.annotationId])).toEqual([
      ['Zhōu Ēnlái', 'blue', '5'],
      ['1960', 'pink', '7'],
    ]);
  });

  it('clicking a highlight in the text chooses it in the Notes tab', async () => {
    await openDocument({ annotations: SAVED.map((a) => ({ ...a })) });
    window.getSelection()!.removeAllRanges();
    await fireEvent.click(marks()[1]!);
    expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true');
    const item = screen.getAllByTestId('annotation-item')[1]!;
    await waitFor(() => expect(item).toHaveClass('selected'));
    expect(marks()[1]).toHaveClass('selected');
  });

  it('clicking an item scrolls the text to its highlight and flashes it', async () => {
    const { user } = await openDocument({ annotations: SAVED.map((a) => ({ ...a })) });
    await user.click(screen.getByTestId('notes-tab'));
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.textContent ?? '');
    };
    await user.click(within(screen.getAllByTestId('annotation-item')[0]!).getByRole('button', { name: /Blue highlight/ }));
    await waitFor(() => expect(marks()[0]).toHaveClass('flash'));
    expect(scrolled).toContain('Zhōu Ēnlái');
    // @ts-expect-error jsdom has none; put it back as it was.
    delete Element.prototype.scrollIntoView;
  });

  it('edits colour and note inline', async () => {
    const { backend, user } = await openDocument({ annotations: SAVED.map((a) => ({ ...a })) });
    await user.click(screen.getByTestId('notes-tab'));
    const item = screen.getAllByTestId('annotation-item')[0]!;
    await user.click(within(item).getByTestId('annotation-edit'));
    await user.click(within(item).getByTestId('annotation-color-green'));
    await user.type(within(item).getByTestId('annotation-note-input'), '**Premier** of China');
    await user.click(within(item).getByTestId('annotation-save'));
    await waitFor(() => expect(within(item).getByTestId('annotation-note')).toHaveTextContent('**Premier** of China'));
    expect(backend.callsTo('update_annotation')[0]!.args).toEqual({
      id: 5,
      edit: { color: 'green', note: '**Premier** of China' },
    });
    expect(marks()[0]).toHaveAttribute('data-color', 'green');
    // The note is text, not markup.
    expect(within(item).queryByRole('strong')).toBeNull();
    expect(item.querySelector('strong')).toBeNull();
  });

  it('Escape leaves an edit without saving or leaving the reader', async () => {
    const { backend, user } = await openDocument({ annotations: SAVED.map((a) => ({ ...a })) });
    await user.click(screen.getByTestId('notes-tab'));
    await user.click(within(screen.getAllByTestId('annotation-item')[1]!).getByTestId('annotation-edit'));
    await user.type(screen.getByTestId('annotation-note-input'), ' more');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('annotation-note-input')).not.toBeInTheDocument();
    expect(screen.getByTestId('reader')).toBeInTheDocument();
    expect(backend.callsTo('update_annotation')).toHaveLength(0);
  });

  it('deletes a highlight with undo, and an orphan only after confirming', async () => {
    const { backend, user } = await openDocument({ annotations: SAVED.map((a) => ({ ...a })) });
    await user.click(screen.getByTestId('notes-tab'));
    const pink = screen.getAllByTestId('annotation-item')[1]!;
    await user.click(within(pink).getByTestId('annotation-delete'));
    await waitFor(() => expect(screen.getAllByTestId('annotation-item')).toHaveLength(1));
    expect(marks()).toHaveLength(1);
    expect(backend.callsTo('delete_annotation')[0]!.args).toEqual({ id: 7 });

    await user.click(screen.getByTestId('annotation-undo'));
    await waitFor(() => expect(screen.getAllByTestId('annotation-item')).toHaveLength(2));
    expect(backend.callsTo('create_annotation')[0]!.args).toEqual({
      annotation: { documentId: 1, start: 49, end: 53, color: 'pink', note: 'The split.' },
    });
    expect(marks()).toHaveLength(2);

    const orphan = screen.getByTestId('annotation-orphan');
    await user.click(within(orphan).getByTestId('annotation-delete'));
    expect(backend.callsTo('delete_annotation')).toHaveLength(1);
    await user.click(within(orphan).getByTestId('annotation-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('annotation-orphan')).not.toBeInTheDocument());
    expect(backend.callsTo('delete_annotation')[1]!.args).toEqual({ id: 9 });
  });

  it('makes a card from a highlight with the selection flow', async () => {
    const draft = {
      kind: 'cloze' as const,
      prompt: 'The split came in _____.',
      answer: '1960',
      choices: [],
      sourceText: 'The split came in 1960.',
      spanStart: 31,
      spanEnd: 54,
    };
    const { backend, user } = await openDocument({
      annotations: SAVED.map((a) => ({ ...a })),
      drafts: { cloze: draft, question: { ...draft, kind: 'question', prompt: '' }, questionFromGenerator: false },
    });
    await user.click(screen.getByTestId('notes-tab'));
    await user.click(within(screen.getAllByTestId('annotation-item')[1]!).getByTestId('annotation-make-card'));
    const dialog = await screen.findByTestId('selection-card-dialog');
    expect(backend.callsTo('draft_card_from_selection')[0]!.args).toEqual({ documentId: 1, start: 49, end: 53 });
    await waitFor(() => expect(within(dialog).getByTestId('selection-prompt')).toHaveValue('The split came in _____.'));
  });

  it('exports the text’s highlights as Markdown to the file chosen', async () => {
    const { backend, user } = await openDocument({ annotations: SAVED.map((a) => ({ ...a })), savePath: '/home/ada/Détente' });
    await user.click(screen.getByTestId('notes-tab'));
    await user.click(screen.getByTestId('notes-export'));
    expect(await screen.findByTestId('notes-export-status')).toHaveTextContent('Exported 3 highlights to /home/ada/Détente.md.');
    expect(backend.callsTo('plugin:dialog|save')[0]!.args).toMatchObject({ options: { defaultPath: 'Détente.md' } });
    expect(backend.callsTo('export_annotations')[0]!.args).toEqual({ documentId: 1, path: '/home/ada/Détente' });
  });

  it('does nothing when the save dialog is cancelled, and says so when the file cannot be written', async () => {
    const { backend, user } = await openDocument({ annotations: SAVED.map((a) => ({ ...a })), savePath: null });
    await user.click(screen.getByTestId('notes-tab'));
    await user.click(screen.getByTestId('notes-export'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|save')).toHaveLength(1));
    expect(backend.callsTo('export_annotations')).toHaveLength(0);
    expect(screen.queryByTestId('notes-export-status')).not.toBeInTheDocument();
  });

  it('says how to start when the text has no highlights, and the tabs follow the arrow keys', async () => {
    const { user } = await openDocument();
    screen.getByTestId('cards-tab').focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('notes-tab')).toHaveFocus();
    expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('notes-empty')).toHaveTextContent('Ctrl+Shift+H');
    expect(screen.getByTestId('notes-export')).toBeDisabled();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByTestId('cards-tab')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('reader')).toBeInTheDocument();
  });
});
