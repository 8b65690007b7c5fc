// The library from the keyboard: "/" or Ctrl+F to search, arrows through the list.

import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { doc, fakeBackend } from '../test/backend';

async function openLibrary() {
  fakeBackend({
    documents: [doc(1, { title: 'Yalta' }), doc(2, { title: 'Potsdam' }), doc(3, { title: 'Berlin' })],
    settings: { studyLoopHintDismissed: true },
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'), { timeout: 5000 });
  await screen.findByRole('button', { name: 'Yalta' });
  return { user };
}

const rows = () => screen.getAllByTestId('doc-item').map((item) => item.querySelector<HTMLElement>('.row-link')!);

describe('the library by keyboard', () => {
  it('goes to the search field with / and with Ctrl+F', async () => {
    const { user } = await openLibrary();
    const search = screen.getByTestId('search-input');
    rows()[0]!.focus();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue(''); // the slash is not typed into it
    rows()[1]!.focus();
    await user.keyboard('{Control>}f{/Control}');
    expect(search).toHaveFocus();
  });

  it('moves through the texts with the arrow keys, Home and End, from the search field down', async () => {
    const { user } = await openLibrary();
    const [first, second, third] = rows();
    screen.getByTestId('search-input').focus();
    await user.keyboard('{ArrowDown}');
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('{End}');
    expect(third).toHaveFocus();
    await user.keyboard('{ArrowDown}'); // stays on the last
    expect(third).toHaveFocus();
    await user.keyboard('{Home}');
    expect(first).toHaveFocus();
    await user.keyboard('j');
    expect(second).toHaveFocus();
    await user.keyboard('k');
    expect(first).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('reader-title')).toHaveTextContent(first!.textContent!);
  });
});
