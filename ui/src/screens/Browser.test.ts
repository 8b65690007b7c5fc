import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { undoToast } from '../lib/undo.svelte';
import { card, doc, fakeBackend, type FakeBackendOptions } from '../test/backend';

beforeEach(() => undoToast.dismiss());

const DECK = [
  card(1, {
    prompt: 'In what year did the Soviet Union withdraw its advisers from China?',
    answer: '1960',
    status: 'accepted',
    createdAt: 3,
  }),
  card(2, { prompt: 'Who launched the Great Leap Forward?', answer: 'Mao Zedong', status: 'accepted', createdAt: 2 }),
  card(3, {
    prompt: 'The Berlin Wall fell in ___.',
    answer: '1989',
    kind: 'cloze',
    status: 'accepted',
    documentId: 2,
    createdAt: 1,
  }),
  card(4, { prompt: 'A suggestion, not in the deck?', answer: 'No', status: 'suggested' }),
];

async function openBrowser(options: FakeBackendOptions = {}) {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'The Sino-Soviet split' }), doc(2, { title: 'The Berlin Wall' })],
    cards: DECK.map((c) => ({ ...c })),
    schedules: { 2: { state: 'review', due: Date.UTC(2025, 5, 3), reps: 3, difficulty: 5.5 } },
    histories: {
      1: [
        {
          reviewedAt: Date.UTC(2025, 5, 1, 9),
          rating: 3,
          stateBefore: 'new',
          stateAfter: 'learning',
          dueAfter: null,
          stability: 1,
          difficulty: 5,
          durationMs: 4000,
          answerMode: 'typed',
          origin: 'review',
        },
      ],
    },
    ...options,
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(screen.getByTestId('nav-cards'));
  await screen.findByTestId('screen-cards');
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  return { backend, user };
}

const rows = () => screen.queryAllByTestId('browser-row');
const prompts = () => screen.queryAllByTestId('browser-prompt').map((p) => p.textContent);

describe('the card browser', () => {
  it('is in the sidebar and lists the deck only, with the total', async () => {
    await openBrowser();
    expect(screen.getByTestId('nav-cards')).toHaveAttribute('aria-current', 'page');
    expect(rows()).toHaveLength(3);
    expect(prompts()).not.toContain('A suggestion, not in the deck?');
    expect(screen.getByTestId('browser-total')).toHaveTextContent('3 cards in your deck');
  });

  it('searches prompts and answers, and filters by state and kind', async () => {
    const { backend, user } = await openBrowser();
    await user.type(screen.getByTestId('browser-search'), 'mao');
    await waitFor(() => expect(prompts()).toEqual(['Who launched the Great Leap Forward?']));
    expect(backend.callsTo('browse_cards').at(-1)!.args.query).toMatchObject({ search: 'mao' });
    expect(screen.getByTestId('browser-total')).toHaveTextContent('1 card found');

    await user.clear(screen.getByTestId('browser-search'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.selectOptions(screen.getByTestId('browser-state'), 'review');
    await waitFor(() => expect(prompts()).toEqual(['Who launched the Great Leap Forward?']));
    await user.selectOptions(screen.getByTestId('browser-state'), '');
    await user.selectOptions(screen.getByTestId('browser-kind'), 'cloze');
    await waitFor(() => expect(prompts()).toEqual(['The Berlin Wall fell in ___.']));
    expect(backend.callsTo('browse_cards').at(-1)!.args.query).toMatchObject({ kind: 'cloze', state: null });
  });

  it('says when nothing matches and clears the filters', async () => {
    const { user } = await openBrowser();
    await user.type(screen.getByTestId('browser-search'), 'zzz');
    expect(await screen.findByTestId('browser-empty')).toHaveTextContent('No cards match');
    await user.click(within(screen.getByTestId('browser-empty')).getByRole('button', { name: 'Show every card' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('browser-search')).toHaveValue('');
  });

  it('moves with j/k and arrows, shows the card and its history, and "/" focuses the search', async () => {
    const { user } = await openBrowser({ schedules: {} });
    screen.getByTestId('browser-list').focus();
    expect(rows()[0]).toHaveClass('current');
    await user.keyboard('j');
    expect(rows()[1]).toHaveClass('current');
    await user.keyboard('{ArrowDown}');
    expect(rows()[2]).toHaveClass('current');
    await user.keyboard('k');
    await user.keyboard('{ArrowUp}');
    expect(rows()[0]).toHaveClass('current');
    const detail = screen.getByTestId('browser-detail');
    expect(detail).toHaveTextContent(screen.getAllByTestId('browser-prompt')[0]!.textContent!);
    // Card 1 (the first by due: all are new, in id order) was reviewed once.
    expect(await within(detail).findByTestId('browser-history')).toHaveTextContent('Good');

    await user.keyboard('/');
    expect(screen.getByTestId('browser-search')).toHaveFocus();
  });

  it('suspends a selection with the keyboard and offers Undo, which puts it back', async () => {
    const { backend, user } = await openBrowser({ schedules: {} });
    screen.getByTestId('browser-list').focus();
    await user.keyboard(' ');
    await user.keyboard('j');
    await user.keyboard(' ');
    expect(screen.getByTestId('browser-selection')).toHaveTextContent('2 cards selected');
    await user.keyboard('s');
    await waitFor(() => expect(backend.callsTo('card_action')).toHaveLength(1));
    expect(backend.callsTo('card_action')[0]!.args).toEqual({ action: 'suspend', ids: [1, 2] });
    expect(await screen.findByTestId('undo-label')).toHaveTextContent('Suspended 2 cards.');
    await waitFor(() =>
      expect(screen.getAllByTestId('browser-state-label').filter((l) => l.textContent === 'Suspended')).toHaveLength(2),
    );

    await user.click(screen.getByTestId('undo-button'));
    expect(await screen.findByTestId('undo-message')).toHaveTextContent('Undone: Suspended 2 cards.');
    await waitFor(() =>
      expect(screen.getAllByTestId('browser-state-label').filter((l) => l.textContent === 'Suspended')).toHaveLength(0),
    );
  });

  it('deletes the card under the cursor and Ctrl+Z brings it back', async () => {
    const { backend, user } = await openBrowser({ schedules: {} });
    screen.getByTestId('browser-list').focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.callsTo('card_action')[0]!.args).toEqual({ action: 'delete', ids: [1] });
    expect(screen.getByTestId('undo-label')).toHaveTextContent('Deleted a card.');
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.callsTo('undo_last')).toHaveLength(1);
  });

  it('edits in place with the same checks, and shows what is wrong', async () => {
    const { user } = await openBrowser({ schedules: {} });
    await user.click(screen.getByTestId('browser-edit'));
    const editor = screen.getByTestId('card-editor');
    const prompt = within(editor).getByLabelText('Prompt');
    await user.clear(prompt);
    await user.click(within(editor).getByRole('button', { name: /save/i }));
    expect(await within(editor).findByText(/The prompt is empty/)).toBeInTheDocument();
    await user.type(prompt, 'When did the Soviet advisers leave China?');
    await user.click(within(editor).getByRole('button', { name: /save/i }));
    await waitFor(() => expect(prompts()[0]).toBe('When did the Soviet advisers leave China?'));
    expect(screen.getByTestId('undo-label')).toHaveTextContent('Edited a card.');
  });

  it('opens the card in the reader at its sentence', async () => {
    const { user } = await openBrowser({
      schedules: {},
      fullDocuments: { 1: { body: 'Body.', blocks: [{ kind: 'paragraph', text: 'Body.' }] } },
    });
    await user.click(screen.getByTestId('browser-open'));
    expect(await screen.findByTestId('reader')).toBeInTheDocument();
  });

  it('selects the whole page with Ctrl+A and lets go with Escape', async () => {
    const { user } = await openBrowser({ schedules: {} });
    screen.getByTestId('browser-list').focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByTestId('browser-selection')).toHaveTextContent('3 cards selected');
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('browser-selection')).toHaveTextContent('This card');
  });
});
