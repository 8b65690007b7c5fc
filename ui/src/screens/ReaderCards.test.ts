import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { card, doc, fakeBackend, type FakeBackendOptions } from '../test/backend';

// jsdom does no layout; the reader asks where the selection is to place its button.
Range.prototype.getBoundingClientRect ??= () => ({ top: 20, bottom: 40, left: 10, right: 60 }) as DOMRect;

const BODY = 'Zhōu Ēnlái met Nixon in 1972.\n\nThe split came in 1960.';

async function openDocument(options: FakeBackendOptions = {}) {
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
    ...options,
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(await screen.findByRole('button', { name: 'Détente' }));
  await screen.findByTestId('cards-panel');
  return { backend, user };
}

const SUGGESTIONS = [
  card(1, {
    prompt: 'In what year did the split come?',
    answer: '1960',
    sourceText: 'The split came in 1960.',
    spanStart: 31,
    spanEnd: 54,
  }),
  card(2, { prompt: 'Whom did Zhōu Ēnlái meet in 1972?', answer: 'Nixon', spanStart: 0, spanEnd: 29 }),
  card(3, { prompt: 'Zhōu Ēnlái met Nixon in _____.', answer: '1972', kind: 'cloze', spanStart: 0, spanEnd: 29 }),
];

describe('the cards panel', () => {
  it('lists suggestions and accepts one and then all, moving them to the deck', async () => {
    const { backend, user } = await openDocument({ cards: SUGGESTIONS.map((c) => ({ ...c })) });
    const panel = screen.getByTestId('cards-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(3));
    expect(within(panel).getByTestId('suggestion-count')).toHaveTextContent('3');

    await user.click(within(within(panel).getAllByTestId('suggested-card')[0]!).getByTestId('card-accept'));
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(1));
    expect(within(panel).getByTestId('cards-in-deck')).toHaveTextContent('1 in your deck');
    expect(backend.callsTo('accept_cards')[0]!.args).toEqual({ ids: [1] });

    await user.click(within(panel).getByTestId('cards-accept-all'));
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(3));
    expect(within(panel).queryAllByTestId('suggested-card')).toHaveLength(0);
    expect(panel).toHaveTextContent('No suggestions left');
  });

  it('edits a suggestion, shows the core’s message for a bad edit, and saves and accepts a good one', async () => {
    const { backend, user } = await openDocument({
      cards: SUGGESTIONS.map((c) => ({ ...c })),
      badPrompt: { prompt: 'No blank here', message: 'A cloze needs a blank: write ___ where the answer goes.' },
    });
    const panel = screen.getByTestId('cards-panel');
    const cloze = (await within(panel).findAllByTestId('suggested-card'))[2]!;
    await user.click(within(cloze).getByTestId('card-edit'));
    const prompt = within(cloze).getByTestId('card-edit-prompt');
    expect(prompt).toHaveFocus();
    await user.clear(prompt);
    await user.type(prompt, 'No blank here');
    await user.click(within(cloze).getByTestId('card-edit-accept'));
    expect(await within(cloze).findByRole('alert')).toHaveTextContent('A cloze needs a blank');

    await user.clear(prompt);
    await user.type(prompt, 'Zhōu Ēnlái met Nixon in ___ in Beijing.');
    await user.click(within(cloze).getByTestId('card-edit-accept'));
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(1));
    expect(within(panel).getByTestId('accepted-card')).toHaveTextContent('Zhōu Ēnlái met Nixon in ___ in Beijing.');
    expect(backend.callsTo('update_card').at(-1)!.args).toEqual({
      id: 3,
      edit: { prompt: 'Zhōu Ēnlái met Nixon in ___ in Beijing.', answer: '1972' },
      accept: true,
    });
  });

  it('rejects a suggestion, and Escape leaves an edit without leaving the reader', async () => {
    const { user } = await openDocument({ cards: SUGGESTIONS.map((c) => ({ ...c })) });
    const panel = screen.getByTestId('cards-panel');
    const [first] = await within(panel).findAllByTestId('suggested-card');
    await user.click(within(first!).getByTestId('card-reject'));
    await waitFor(() => expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(2));
    expect(panel).not.toHaveTextContent('In what year did the split come?');

    await user.click(within(within(panel).getAllByTestId('suggested-card')[0]!).getByTestId('card-edit'));
    await user.keyboard('{Escape}');
    expect(within(panel).queryByTestId('card-editor')).not.toBeInTheDocument();
    expect(screen.getByTestId('reader')).toBeInTheDocument();
  });

  it('highlights the source sentence of the card pointed at, counting code points', async () => {
    await openDocument({ cards: SUGGESTIONS.map((c) => ({ ...c })) });
    const panel = screen.getByTestId('cards-panel');
    const [first, second] = await within(panel).findAllByTestId('suggested-card');
    const body = screen.getByTestId('reader-body');
    expect(body.querySelector('mark')).toBeNull();
    await fireEvent.mouseEnter(first!);
    expect(body.querySelector('mark')).toHaveTextContent('The split came in 1960.');
    await fireEvent.mouseEnter(second!);
    expect(body.querySelector('mark')).toHaveTextContent('Zhōu Ēnlái met Nixon in 1972.');
    await fireEvent.mouseLeave(second!);
    expect(body.querySelector('mark')).toBeNull();
  });

  it('flags a card whose sentence changed', async () => {
    await openDocument({ cards: [card(9, { status: 'accepted', needsCheck: true })] });
    expect(await screen.findByTestId('card-needs-check')).toHaveTextContent('Its sentence changed');
  });
});

describe('a card from a selection', () => {
  const drafts = {
    cloze: {
      kind: 'cloze' as const,
      prompt: 'The split came in _____.',
      answer: '1960',
      choices: [],
      sourceText: 'The split came in 1960.',
      spanStart: 31,
      spanEnd: 54,
    },
    question: {
      kind: 'question' as const,
      prompt: 'In what year did the split come?',
      answer: '1960',
      choices: [],
      sourceText: 'The split came in 1960.',
      spanStart: 31,
      spanEnd: 54,
    },
    questionFromGenerator: true,
  };

  /** The text node of the reader's paragraph `index` (Svelte puts comment anchors around it). */
  function paragraphText(index: number): Node {
    const p = screen.getByTestId('reader-body').querySelectorAll('p')[index]!;
    return Array.from(p.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent !== '')!;
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

  it('sends the selection in code points, offers both drafts, and adds the edited card to the deck', async () => {
    const { backend, user } = await openDocument({ drafts });
    const makeCard = screen.getByTestId('make-card');
    expect(makeCard).toBeDisabled();

    select(paragraphText(1), 18, 22); // "1960"
    await waitFor(() => expect(makeCard).toBeEnabled());
    expect(screen.getByTestId('selection-make-card')).toBeInTheDocument();
    await user.click(makeCard);
    expect(backend.callsTo('draft_card_from_selection')[0]!.args).toEqual({ documentId: 1, start: 49, end: 53 });

    const dialog = await screen.findByTestId('selection-card-dialog');
    await waitFor(() => expect(within(dialog).getByTestId('selection-prompt')).toHaveValue('In what year did the split come?'));
    await user.click(within(dialog).getByTestId('selection-kind-cloze'));
    expect(within(dialog).getByTestId('selection-prompt')).toHaveValue('The split came in _____.');
    await user.click(within(dialog).getByTestId('selection-kind-question'));
    const prompt = within(dialog).getByTestId('selection-prompt');
    await user.clear(prompt);
    await user.type(prompt, 'When did the split come?');
    await user.click(within(dialog).getByTestId('selection-create'));

    await waitFor(() => expect(screen.getByTestId('accepted-card')).toHaveTextContent('When did the split come?'));
    expect(screen.getByTestId('accepted-card')).toHaveTextContent('your selection');
    expect(backend.callsTo('create_card')[0]!.args).toMatchObject({
      documentId: 1,
      draft: { kind: 'question', prompt: 'When did the split come?', answer: '1960', spanStart: 31 },
    });
  });

  it('explains a selection the core refuses', async () => {
    const { user } = await openDocument();
    select(paragraphText(0), 4, 5);
    await user.click(screen.getByTestId('make-card'));
    expect(await screen.findByTestId('selection-error')).toHaveTextContent('no words');
  });
});

describe('undo in the cards panel', () => {
  it('rejecting a suggestion or removing a deck card offers Undo, which brings the card back', async () => {
    const { undoToast } = await import('../lib/undo.svelte');
    undoToast.dismiss();
    const cards = [{ ...SUGGESTIONS[0]! }, { ...SUGGESTIONS[1]!, status: 'accepted' as const }];
    const { backend, user } = await openDocument({ cards });
    const panel = screen.getByTestId('cards-panel');
    const [suggestion] = await within(panel).findAllByTestId('suggested-card');
    await user.click(within(suggestion!).getByTestId('card-reject'));
    expect(await screen.findByTestId('undo-label')).toHaveTextContent('Rejected a suggestion.');
    await user.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(1));
    expect(backend.callsTo('undo_last')).toHaveLength(1);

    const [accepted] = within(panel).getAllByTestId('accepted-card');
    await user.click(within(accepted!).getByTestId('card-reject'));
    await waitFor(() => expect(within(panel).queryAllByTestId('accepted-card')).toHaveLength(0));
    expect(await screen.findByTestId('undo-label')).toHaveTextContent('Removed a card from your deck.');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(1));
    expect(within(panel).getByTestId('cards-in-deck')).toHaveTextContent('1 in your deck');
  });
});
