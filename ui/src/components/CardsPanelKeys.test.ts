import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { card, doc, fakeBackend } from '../test/backend';

// Going through a text's suggestions by keyboard: one key per decision on the
// focused card, and the focus goes on to the card that took its place.
async function openDocument() {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'The split' })],
    fullDocuments: {
      1: {
        body: 'The split came in 1960. Mao met Khrushchev in 1958. Nixon went to Beijing in 1972.',
        blocks: [
          { kind: 'paragraph', text: 'The split came in 1960. Mao met Khrushchev in 1958. Nixon went to Beijing in 1972.' },
        ],
      },
    },
    cards: [
      card(1, { prompt: 'In what year did the split come?', answer: '1960' }),
      card(2, { prompt: 'Whom did Mao meet in 1958?', answer: 'Khrushchev' }),
      card(3, { prompt: 'In what year did Nixon go to Beijing?', answer: '1972' }),
    ],
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(await screen.findByRole('button', { name: 'The split' }));
  const panel = await screen.findByTestId('cards-panel');
  await waitFor(() => expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(3));
  return { backend, user, panel };
}

const focusedCardId = () => (document.activeElement as HTMLElement | null)?.dataset.cardId;

describe('the Cards panel by keyboard', () => {
  it('accepts with A, moves with ↓, rejects with X, and edits with E, keeping the focus on the next card', async () => {
    const { backend, user, panel } = await openDocument();
    expect(within(panel).getByTestId('cards-keys-hint')).toHaveTextContent('A accept · X reject · E edit');

    within(panel).getAllByTestId('suggested-card')[0]!.focus();
    expect(focusedCardId()).toBe('1');

    await user.keyboard('a');
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(1));
    expect(backend.callsTo('accept_cards').map((c) => c.args)).toEqual([{ ids: [1] }]);
    await waitFor(() => expect(focusedCardId()).toBe('2'));

    await user.keyboard('{ArrowDown}');
    expect(focusedCardId()).toBe('3');
    await user.keyboard('x');
    await waitFor(() => expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(1));
    expect(backend.callsTo('reject_cards').map((c) => c.args)).toEqual([{ ids: [3] }]);
    // The last suggestion went: the focus falls back to the one before it.
    await waitFor(() => expect(focusedCardId()).toBe('2'));

    // E opens the editor; keys typed there are text, not decisions.
    await user.keyboard('e');
    const prompt = await within(panel).findByTestId('card-edit-prompt');
    await waitFor(() => expect(prompt).toHaveFocus());
    await user.keyboard('ax');
    expect(prompt).toHaveValue('Whom did Mao meet in 1958?ax');
    expect(backend.callsTo('accept_cards')).toHaveLength(1);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(panel).queryByTestId('card-editor')).toBeNull());
    await waitFor(() => expect(focusedCardId()).toBe('2'));
    expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(1);

    // A card in the deck cannot be accepted again; X removes it.
    within(panel).getAllByTestId('accepted-card')[0]!.focus();
    await user.keyboard('a');
    expect(backend.callsTo('accept_cards')).toHaveLength(1);
    await user.keyboard('{Delete}');
    await waitFor(() => expect(within(panel).queryAllByTestId('accepted-card')).toHaveLength(0));
    expect(backend.callsTo('reject_cards').map((c) => c.args)).toEqual([{ ids: [3] }, { ids: [1] }]);
  });
});
