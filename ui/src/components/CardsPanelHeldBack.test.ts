import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { card, doc, fakeBackend } from '../test/backend';

// Suggestions the quality model held back: counted, shown on request, left out of
// "Accept all".
async function openDocument() {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'The split' })],
    fullDocuments: {
      1: {
        body: 'The split came in 1960. Mao met Khrushchev in 1958.',
        blocks: [{ kind: 'paragraph', text: 'The split came in 1960. Mao met Khrushchev in 1958.' }],
      },
    },
    cards: [
      card(1, { prompt: 'In what year did the split come?', answer: '1960' }),
      card(2, { prompt: 'Whom did Mao meet in 1958?', answer: 'Khrushchev' }),
      card(3, { prompt: 'Mao met Khrushchev in _____.', answer: '1958', kind: 'cloze', heldBack: true }),
    ],
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(await screen.findByRole('button', { name: 'The split' }));
  await screen.findByTestId('cards-panel');
  return { backend, user };
}

describe('held-back suggestions', () => {
  it('are counted, shown on request, and not accepted by "Accept all"', async () => {
    const { backend, user } = await openDocument();
    const panel = screen.getByTestId('cards-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('suggested-card')).toHaveLength(2));
    expect(within(panel).getByTestId('suggestion-count')).toHaveTextContent('2');
    expect(within(panel).getByTestId('held-back-count')).toHaveTextContent('1 more card held back');
    expect(within(panel).queryByTestId('held-back-cards')).toBeNull();

    const toggle = within(panel).getByTestId('held-back-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const held = within(panel).getAllByTestId('held-back-card');
    expect(held).toHaveLength(1);
    expect(held[0]).toHaveTextContent('Mao met Khrushchev in _____.');

    await user.click(within(panel).getByTestId('cards-accept-all'));
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(2));
    expect(backend.callsTo('accept_all_cards')).toHaveLength(1);
    // The held-back card is still waiting, and can be accepted on its own.
    expect(within(panel).getAllByTestId('held-back-card')).toHaveLength(1);
    await user.click(within(within(panel).getByTestId('held-back-card')).getByTestId('card-accept'));
    await waitFor(() => expect(within(panel).getAllByTestId('accepted-card')).toHaveLength(3));
    expect(within(panel).queryByTestId('held-back-count')).toBeNull();
  });
});
