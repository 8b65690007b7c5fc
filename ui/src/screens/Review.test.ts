import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import type { ReviewStatus } from '../lib/bindings/ReviewStatus';
import { card, fakeBackend, type FakeBackendOptions } from '../test/backend';

function status(id: number | null, answered: number, extra: Partial<ReviewStatus> = {}): ReviewStatus {
  return {
    card:
      id === null
        ? null
        : {
            card: {
              ...card(id, {
                status: 'accepted',
                prompt: `In what year did event ${id} happen?`,
                answer: id === 2 ? 'Zhōu Ēnlái' : '1960',
              }),
              documentTitle: 'The Sino-Soviet split',
            },
            state: 'new',
            buttons: [
              { rating: 'again', interval: '1m' },
              { rating: 'hard', interval: '6m' },
              { rating: 'good', interval: '10m' },
              { rating: 'easy', interval: '3d' },
            ],
            choices: ['1958', '1960', '1962', '1964'],
          },
    counts: { new: id === null ? 0 : 3 - answered, learning: answered, review: 0 },
    nextDueAt: null,
    answered,
    canUndo: answered > 0,
    leech: null,
    ...extra,
  };
}

async function openReview(options: FakeBackendOptions) {
  const backend = fakeBackend(options);
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(screen.getByTestId('nav-review'));
  return { backend, user };
}

describe('the review screen', () => {
  it('reveals with Space, grades with a digit, and undoes with U — keyboard only', async () => {
    const { backend, user } = await openReview({ reviews: [status(1, 0), status(2, 1), status(null, 2)] });
    expect(await screen.findByTestId('review-prompt')).toHaveTextContent('event 1');
    expect(screen.getByTestId('review-counts')).toHaveTextContent('3 new · 0 learning · 0 to review');
    await waitFor(() => expect(screen.getByTestId('review-card')).toHaveFocus());

    await user.keyboard(' ');
    expect(screen.getByTestId('review-answer')).toHaveTextContent('1960');
    expect(screen.getByTestId('grade-good')).toHaveTextContent('10m');
    await user.keyboard('3');
    await waitFor(() => expect(screen.getByTestId('review-prompt')).toHaveTextContent('event 2'));
    expect(backend.callsTo('review_answer')[0]!.args).toMatchObject({ cardId: 1, rating: 'good', mode: 'reveal' });

    await user.keyboard('u');
    await waitFor(() => expect(screen.getByTestId('review-prompt')).toHaveTextContent('event 1'));
    expect(backend.callsTo('review_undo')).toHaveLength(1);

    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}'); // Enter after revealing takes Good
    await waitFor(() => expect(screen.getByTestId('review-prompt')).toHaveTextContent('event 2'));
    expect(backend.callsTo('review_answer')[1]!.args).toMatchObject({ rating: 'good' });
  });

  it('checks a typed answer leniently and suggests the grade', async () => {
    const { backend, user } = await openReview({ reviews: [status(2, 0), status(null, 1)] });
    await user.click(await screen.findByTestId('review-mode-typed'));
    const input = await screen.findByTestId('review-typed-input');
    await waitFor(() => expect(input).toHaveFocus());
    await user.keyboard('zhou enlai{Enter}');
    expect(await screen.findByTestId('review-verdict')).toHaveTextContent('Correct');
    expect(screen.getByTestId('grade-good')).toHaveClass('btn-primary');
    await user.keyboard('{Enter}');
    await screen.findByTestId('review-done');
    expect(backend.callsTo('check_typed_answer')[0]!.args).toEqual({ expected: 'Zhōu Ēnlái', given: 'zhou enlai' });
    expect(backend.callsTo('review_answer')[0]!.args).toMatchObject({ rating: 'good', mode: 'typed' });
  });

  it('offers choices with keys 1–4 and suggests Again for a wrong one', async () => {
    const { backend, user } = await openReview({ reviews: [status(1, 0), status(null, 1)] });
    await user.click(await screen.findByTestId('review-mode-choice'));
    await waitFor(() => expect(screen.getAllByTestId('review-choice')).toHaveLength(4));
    await user.keyboard('1');
    expect(screen.getByTestId('review-verdict')).toHaveTextContent('You chose “1958”');
    expect(screen.getByTestId('grade-again')).toHaveClass('btn-primary');
    await user.click(screen.getByTestId('grade-again'));
    await screen.findByTestId('review-done');
    expect(backend.callsTo('review_answer')[0]!.args).toMatchObject({ rating: 'again', mode: 'choice' });
  });

  it('says when the card just answered became a leech', async () => {
    const leech = { cardId: 1, prompt: 'In what year did event 1 happen?', lapses: 8, suspended: true };
    const { user } = await openReview({ reviews: [status(1, 0), status(2, 1, { leech })] });
    await screen.findByTestId('review-prompt');
    expect(screen.queryByTestId('review-leech')).toBeNull();
    await user.keyboard(' ');
    await user.keyboard('1');
    const note = await screen.findByTestId('review-leech');
    expect(note).toHaveTextContent(
      '“In what year did event 1 happen?” has been forgotten 8 times: it is tagged leech and suspended.',
    );
  });

  it('offers to spread a backlog over the next days', async () => {
    const { backend, user } = await openReview({
      reviews: [status(1, 0)],
      due: { today: { new: 0, learning: 0, review: 40 }, overdue: 120, canOptimize: false, reviewCount: 900 },
    });
    const banner = await screen.findByTestId('backlog-banner');
    expect(banner).toHaveTextContent('120 reviews piled up');
    await user.selectOptions(within(banner).getByTestId('backlog-days'), '14');
    await user.click(within(banner).getByTestId('backlog-spread'));
    await waitFor(() => expect(backend.callsTo('spread_backlog')[0]!.args).toEqual({ days: 14 }));
    expect(await screen.findByText(/2 reviews spread over 2 days/)).toBeInTheDocument();
  });

  it('offers to fit the schedule once enough reviews exist, and reports the log loss', async () => {
    const { backend, user } = await openReview({
      reviews: [status(null, 0)],
      due: { today: { new: 0, learning: 0, review: 0 }, overdue: 0, canOptimize: true, reviewCount: 1200 },
    });
    await user.click(await screen.findByTestId('optimize-run'));
    expect(await screen.findByTestId('optimize-result')).toHaveTextContent(
      'Log loss 0.352 → 0.318 on 1,200 reviews: your schedule now uses the new parameters.',
    );
    expect(backend.callsTo('optimize_parameters')).toHaveLength(1);
  });

  it('hides the deck, with its answers, while a card is asked', async () => {
    const { user } = await openReview({ reviews: [status(1, 0), status(null, 1)] });
    await screen.findByTestId('review-prompt');
    expect(screen.queryByTestId('deck')).not.toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard('3');
    await screen.findByTestId('review-done');
    expect(await screen.findByTestId('deck')).toBeInTheDocument();
  });

  it('turns to choice mode with the card it loads, never saying "cannot be multiple choice" meanwhile', async () => {
    let release = () => {};
    const choiceGate = new Promise<void>((resolve) => (release = resolve));
    const { user } = await openReview({ reviews: [status(1, 0), status(null, 1)], choiceGate });
    expect(await screen.findByTestId('review-reveal')).toBeInTheDocument();
    await user.click(screen.getByTestId('review-mode-choice'));
    expect(screen.getByTestId('review-mode-choice')).toHaveAttribute('aria-checked', 'false');
    expect(screen.queryByTestId('review-choice-note')).not.toBeInTheDocument();
    release();
    await waitFor(() => expect(screen.getAllByTestId('review-choice')).toHaveLength(4));
    expect(screen.getByTestId('review-mode-choice')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('review-choice-note')).not.toBeInTheDocument();
  });

  it('says so when a card has no choices in choice mode, instead of changing mode silently', async () => {
    const plain = status(2, 0);
    plain.card!.choices = [];
    const { user } = await openReview({ reviews: [plain, status(null, 1)] });
    await user.click(await screen.findByTestId('review-mode-choice'));
    expect(await screen.findByTestId('review-choice-note')).toHaveTextContent('cannot be multiple choice');
    expect(screen.getByTestId('review-reveal')).toBeInTheDocument();
    expect(screen.queryByTestId('review-choice')).not.toBeInTheDocument();
  });

  it('shows a wrong typed answer word by word: you wrote, the answer is', async () => {
    const { user } = await openReview({ reviews: [status(2, 0), status(null, 1)] });
    await user.click(await screen.findByTestId('review-mode-typed'));
    await waitFor(() => expect(screen.getByTestId('review-typed-input')).toHaveFocus());
    await user.keyboard('Zhou Stalin{Enter}');
    expect(await screen.findByTestId('review-verdict')).toHaveTextContent('Not quite');
    const diff = screen.getByTestId('review-diff');
    expect(within(diff).getByTestId('review-diff-given')).toHaveTextContent('Zhou Stalin');
    expect(within(diff).getByTestId('diff-wrong')).toHaveTextContent('Stalin');
    expect(within(diff).getByTestId('review-diff-expected')).toHaveTextContent('Zhōu Ēnlái');
    expect(within(diff).getByTestId('diff-missed')).toHaveTextContent('Ēnlái');
  });

  it('says when there is nothing to review', async () => {
    await openReview({ reviews: [status(null, 0)] });
    expect(await screen.findByTestId('review-done')).toHaveTextContent('Nothing to review');
  });
});
