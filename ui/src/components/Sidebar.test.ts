import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { fakeBackend } from '../test/backend';

describe('the sidebar', () => {
  it('shows how many cards are due today on Review, and reads it again on each screen change', async () => {
    const backend = fakeBackend({
      due: { today: { new: 5, learning: 1, review: 3 }, overdue: 0, canOptimize: false, reviewCount: 0 },
    });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    const count = await screen.findByTestId('nav-review-due');
    expect(count).toHaveTextContent('9 due today');
    expect(screen.getByTestId('nav-review')).toHaveAccessibleName(/^Review\s*9\s*due today/);
    const before = backend.callsTo('due_summary').length;
    await user.click(screen.getByTestId('nav-progress'));
    await waitFor(() => expect(backend.callsTo('due_summary').length).toBeGreaterThan(before));
  });

  it('shows no count when nothing is due', async () => {
    fakeBackend({ due: { today: { new: 0, learning: 0, review: 0 }, overdue: 0, canOptimize: false, reviewCount: 0 } });
    render(App);
    await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    await waitFor(() => expect(screen.getByTestId('nav-review')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('nav-review-due')).not.toBeInTheDocument();
  });
});
