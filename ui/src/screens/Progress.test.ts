import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import Progress from './Progress.svelte';
import type { Dashboard } from '../lib/bindings/Dashboard';
import { doc, emptyDashboard, fakeBackend } from '../test/backend';

function busyDashboard(): Dashboard {
  const d = emptyDashboard('2026-03-10');
  d.isEmpty = false;
  d.today = {
    reviewed: 1234,
    dueNow: 12,
    dueLaterToday: 3,
    newLearned: 5,
    timeSpentMs: 5_400_000,
    streakDays: 3,
    reviewedToday: true,
    longestStreakDays: 9,
  };
  const at = (date: string) => d.heatmap.days.findIndex((day) => day.date === date);
  d.heatmap.days[at('2026-03-10')]!.count = 1234;
  d.heatmap.days[at('2026-03-09')]!.count = 2;
  Object.assign(d.heatmap, { total: 1236, activeDays: 2, maxCount: 1234, longestStreak: 2 });
  d.forecast.days[0]!.count = 15;
  d.forecast.days[10]!.count = 4;
  Object.assign(d.forecast, { total: 19, overdue: 2, maxCount: 15 });
  d.retention = [7, 30, 365].map((days) => ({
    days,
    young: { reviews: 10, passed: 9, rate: 0.9 },
    mature: { reviews: 4, passed: 3, rate: 0.75 },
    all: { reviews: 14, passed: 12, rate: 12 / 14 },
  }));
  d.states = { new: 10, learning: 2, relearning: 1, young: 5, mature: 20, suspended: 1, total: 39 };
  d.quizScores = [
    { sessionId: 1, scopeKind: 'all', finishedAt: 1000, correct: 8, questions: 10, score: 0.8 },
    { sessionId: 2, scopeKind: 'document', finishedAt: 2000, correct: 3, questions: 4, score: 0.75 },
  ];
  const mastery = { cards: 4, learned: 3, learnedShare: 0.75, meanRetrievability: 0.9 };
  d.documents = [{ documentId: 7, title: 'Rome', categoryId: 2, mastery }];
  d.categories = [
    { categoryId: 1, path: ['History'], mastery },
    { categoryId: 2, path: ['History', 'Ancient'], mastery },
  ];
  d.hardest = [
    {
      cardId: 5,
      prompt: 'When did Rome fall?',
      answer: '476',
      documentId: 7,
      documentTitle: 'Rome',
      spanStart: 10,
      spanEnd: 40,
      lapses: 3,
      reps: 9,
      retrievability: 0.5,
    },
  ];
  return d;
}

describe('the progress screen', () => {
  it('welcomes a new learner with zeroes and an explanation, not broken charts', async () => {
    fakeBackend();
    render(Progress);
    expect(await screen.findByTestId('progress-empty')).toHaveTextContent('Your progress will grow here');
    expect(screen.getByTestId('progress-today-reviewed')).toHaveTextContent('0');
    expect(screen.getByTestId('progress-streak')).toHaveTextContent('0 days');
    expect(screen.queryByTestId('heatmap')).toBeNull();
  });

  it('draws today, the year, the forecast, retention, mastery and the hardest cards', async () => {
    const onshowsource = vi.fn();
    fakeBackend({ dashboard: busyDashboard() });
    const user = userEvent.setup();
    render(Progress, { props: { onshowsource } });

    expect(await screen.findByTestId('progress-today-reviewed')).toHaveTextContent('1,234');
    expect(screen.getByTestId('progress-streak')).toHaveTextContent('3 days');
    expect(screen.getByText('1 h 30 min')).toBeInTheDocument();

    const heatmap = screen.getByTestId('heatmap');
    const cells = within(heatmap).getAllByTestId('heatmap-cell');
    expect(cells).toHaveLength(52 * 7 + 2);
    const today = cells.find((c) => c.dataset.date === '2026-03-10')!;
    expect(today.dataset.count).toBe('1234');
    expect(today).toHaveClass('l4');
    expect(today.querySelector('title')).toHaveTextContent('10 Mar 2026: 1,234 reviews');
    expect(cells.find((c) => c.dataset.date === '2026-03-09')).toHaveClass('l1');
    expect(heatmap).toHaveAccessibleName(/1,236 reviews on 2 days of the past year/);

    const bars = within(screen.getByTestId('forecast')).getAllByTestId('forecast-bar');
    expect(bars.map((b) => [b.dataset.day, b.dataset.count]).filter(([, c]) => c !== '0')).toEqual([
      ['0', '15'],
      ['10', '4'],
    ]);
    expect(screen.getByTestId('forecast')).toHaveAccessibleName(/19 reviews due in the next 30 days: 15 today \(2 overdue\)/);

    const table = screen.getByTestId('retention-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.trim()),
    ).toEqual(['Cards', '7 days', '30 days', '365 days']);
    const mature = within(table).getByRole('row', { name: /Mature/ });
    expect(mature).toHaveTextContent('75%');

    const masteryBars = screen.getAllByTestId('mastery-bar');
    expect(masteryBars).toHaveLength(2);
    expect(masteryBars[1]).toHaveAccessibleName('History › Ancient: recall 90%, 75% of 4 cards learned');

    const hard = screen.getByTestId('hardest-card');
    expect(hard).toHaveTextContent('When did Rome fall?');
    expect(hard).toHaveTextContent('3 lapses · Rome');
    await user.click(within(hard).getByRole('button', { name: 'Show in text' }));
    expect(onshowsource).toHaveBeenCalledWith({ documentId: 7, start: 10, end: 40 });

    expect(screen.getByText(/2 quizzes, mean score 78%/)).toBeInTheDocument();
  });

  it('explains recall beside learned, and shrinks the heatmap to its panel rather than scrolling it', async () => {
    fakeBackend({ dashboard: busyDashboard() });
    render(Progress);
    const explained = await screen.findByTestId('mastery-explained');
    expect(explained).toHaveTextContent(/Recall: the chance you would remember a card right now/);
    expect(explained).toHaveTextContent(/Learned: the share of the category's cards past their first learning steps/);
    const row = screen.getAllByTestId('mastery-bar')[1]!.closest('li')!;
    expect(row).toHaveTextContent('90% recall');
    expect(row).toHaveTextContent('75% learned');
    // A width limit, not a fixed width: the year's weeks fit a narrow panel.
    const heatmap = screen.getByTestId('heatmap');
    expect(heatmap).not.toHaveAttribute('width');
    expect(heatmap.style.maxWidth).toMatch(/px$/);
  });

  it('opens from the sidebar', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await user.click(screen.getByTestId('nav-progress'));
    expect(await screen.findByTestId('progress-empty')).toBeInTheDocument();
    expect(backend.calls.some((c) => c.cmd === 'progress_dashboard')).toBe(true);
  });

  it('explains a failure instead of showing figures', async () => {
    fakeBackend({ dashboardError: { message: 'The library is busy.' } });
    render(Progress);
    expect(await screen.findByRole('alert')).toHaveTextContent('The library is busy.');
    expect(screen.queryByTestId('progress-today-reviewed')).toBeNull();
  });
});

describe('the library', () => {
  it('shows a mastery bar for documents with cards', async () => {
    fakeBackend({
      documents: [doc(7, { title: 'Rome' }), doc(8, { title: 'No cards yet' })],
      mastery: [
        {
          documentId: 7,
          title: 'Rome',
          categoryId: null,
          mastery: { cards: 4, learned: 3, learnedShare: 0.75, meanRetrievability: 0.9 },
        },
      ],
    });
    render(App);
    const bar = await screen.findByTestId('mastery-bar');
    expect(bar.dataset.documentId).toBe('7');
    expect(bar).toHaveAccessibleName('Mastery: recall 90%, 75% of 4 cards learned');
    expect(screen.getAllByTestId('doc-item')).toHaveLength(2);
  });
});
