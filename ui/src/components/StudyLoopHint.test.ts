import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { doc, fakeBackend } from '../test/backend';

async function openLibrary(settings: Record<string, unknown> = {}) {
  const backend = fakeBackend({ documents: [doc(1, { title: 'Détente' })], settings });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'), { timeout: 5000 });
  await screen.findByRole('button', { name: 'Détente' });
  return { backend, user };
}

describe('the first-run hint', () => {
  it('explains read → accept cards → review until dismissed, and is then gone for good', async () => {
    const { backend, user } = await openLibrary();
    const hint = await screen.findByTestId('study-loop-hint');
    expect(hint).toHaveTextContent('Read a text');
    expect(hint).toHaveTextContent('Accept the cards');
    expect(hint).toHaveTextContent('Review each day');
    await user.click(screen.getByTestId('study-loop-dismiss'));
    expect(screen.queryByTestId('study-loop-hint')).not.toBeInTheDocument();
    await waitFor(() => expect(backend.saved.at(-1)).toMatchObject({ studyLoopHintDismissed: true }));
  });

  it('stays away once dismissed', async () => {
    await openLibrary({ studyLoopHintDismissed: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('study-loop-hint')).not.toBeInTheDocument();
  });
});

describe('the library status line', () => {
  it('can be dismissed, so the starter library’s message does not stay', async () => {
    fakeBackend({ documents: [doc(1, { title: 'Détente' })], starter: 2 });
    const user = userEvent.setup();
    render(App);
    const status = await screen.findByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent("Added Clio's starter library: 2 texts."));
    await user.click(screen.getByTestId('status-dismiss'));
    expect(status).toHaveTextContent('');
    expect(screen.queryByTestId('status-dismiss')).not.toBeInTheDocument();
  });
});
