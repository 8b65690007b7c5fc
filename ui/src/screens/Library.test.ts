import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { doc, fakeBackend, type FakeBackendOptions } from '../test/backend';

async function openLibrary(options: FakeBackendOptions = {}) {
  const backend = fakeBackend(options);
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  return { backend, user };
}

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('add-document'));
  const dialog = screen.getByRole('dialog', { name: 'Add a text' });
  expect(dialog).toHaveAttribute('open');
  return dialog;
}

describe('document list', () => {
  it('shows each document from list_documents, in the order given', async () => {
    await openLibrary({
      documents: [
        doc(2, {
          title: 'Why did the Berlin Wall fall?',
          author: 'Mary Elise Sarotte',
          categoryPath: ['History', 'Cold War'],
          wordCount: 2345,
        }),
        doc(1, { title: 'The Congress of Vienna', wordCount: 1 }),
      ],
    });

    const items = screen.getAllByTestId('doc-item');
    expect(items).toHaveLength(2);
    expect(items.map((i) => within(i).getByTestId('doc-item-title').textContent)).toEqual([
      'Why did the Berlin Wall fall?',
      'The Congress of Vienna',
    ]);
    const first = items[0]!;
    expect(first).toHaveTextContent('Mary Elise Sarotte');
    expect(first).toHaveTextContent('History › Cold War');
    expect(first).toHaveTextContent('2,345 words');
    expect(items[1]).toHaveTextContent('1 word');
    const time = first.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2025-03-12T10:30:00.000Z');
    expect(time?.textContent).toMatch(/2025/);
    expect(screen.getByTestId('doc-count')).toHaveTextContent('2 texts');
    expect(screen.queryByText('Your library is empty')).not.toBeInTheDocument();
  });

  it('shows an intentional empty state when there are no documents', async () => {
    await openLibrary();

    expect(screen.queryAllByTestId('doc-item')).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Your library is empty' })).toBeInTheDocument();
    expect(screen.getByTestId('doc-count')).toHaveTextContent('0 texts');
    expect(screen.getByTestId('add-document-empty')).toBeInTheDocument();
  });

  it('says so, and offers to retry, when the list cannot be loaded', async () => {
    const options: FakeBackendOptions = { listError: { message: 'disk I/O error' } };
    const { user } = await openLibrary(options);

    expect(screen.getByRole('alert')).toHaveTextContent('disk I/O error');
    options.listError = undefined;
    options.documents = [];
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Your library is empty')).toBeInTheDocument();
  });
});

describe('adding a text', () => {
  it('opens a modal form with the title field focused', async () => {
    const { user } = await openLibrary();
    // Nothing of the form is in the page until it is opened.
    expect(screen.queryByTestId('doc-title')).not.toBeInTheDocument();
    const dialog = await openForm(user);

    expect(within(dialog).getByTestId('doc-title')).toHaveFocus();
    expect(within(dialog).getByLabelText(/^Title/)).toBe(within(dialog).getByTestId('doc-title'));
    expect(within(dialog).getByLabelText(/^Text/)).toBe(within(dialog).getByTestId('doc-body'));
  });

  it('sends the NewDocument payload, refreshes the list and announces it', async () => {
    const { backend, user } = await openLibrary({ documents: [doc(1, { title: 'Older text' })] });
    await openForm(user);

    await user.type(screen.getByTestId('doc-title'), 'The Berlin Airlift');
    await user.type(screen.getByTestId('doc-category'), 'History -> Cold War / Berlin');
    await user.type(screen.getByTestId('doc-body'), 'In June 1948 the Soviet Union blocked access.');
    expect(screen.getByText('History › Cold War › Berlin')).toBeInTheDocument();
    await user.click(screen.getByTestId('doc-save'));

    await waitFor(() => expect(backend.callsTo('add_document')).toHaveLength(1));
    expect(backend.callsTo('add_document')[0]!.args).toEqual({
      doc: {
        title: 'The Berlin Airlift',
        author: null,
        categoryPath: ['History', 'Cold War', 'Berlin'],
        source: null,
        body: 'In June 1948 the Soviet Union blocked access.',
      },
    });

    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('Added “The Berlin Airlift”.'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.callsTo('list_documents')).toHaveLength(2);
    const titles = screen.getAllByTestId('doc-item-title').map((t) => t.textContent);
    expect(titles).toEqual(['The Berlin Airlift', 'Older text']);
    expect(screen.getByTestId('doc-count')).toHaveTextContent('2 texts');
    expect(screen.getByTestId('add-document')).toHaveFocus();
  });

  it('sends author and source when given', async () => {
    const { backend, user } = await openLibrary();
    await openForm(user);

    await user.type(screen.getByTestId('doc-title'), 'Yalta');
    await user.type(screen.getByTestId('doc-author'), '  S. M. Plokhy ');
    await user.type(screen.getByTestId('doc-source'), 'Yalta: The Price of Peace');
    await user.type(screen.getByTestId('doc-body'), 'February 1945.');
    await user.click(screen.getByTestId('doc-save'));

    await waitFor(() => expect(backend.callsTo('add_document')).toHaveLength(1));
    expect(backend.callsTo('add_document')[0]!.args.doc).toMatchObject({
      author: 'S. M. Plokhy',
      source: 'Yalta: The Price of Peace',
      categoryPath: [],
    });
  });

  it('announces when the text was already in the library', async () => {
    const { user } = await openLibrary({ documents: [doc(5, { title: 'Yalta' })] });
    await openForm(user);

    await user.type(screen.getByTestId('doc-title'), 'Yalta');
    await user.type(screen.getByTestId('doc-body'), 'February 1945.');
    await user.click(screen.getByTestId('doc-save'));

    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('This text is already in your library.'));
    expect(screen.getAllByTestId('doc-item')).toHaveLength(1);
  });

  it('blocks saving without a title or text, and says why next to the fields', async () => {
    const { backend, user } = await openLibrary();
    const dialog = await openForm(user);

    await user.type(screen.getByTestId('doc-body'), 'Some text');
    await user.click(screen.getByTestId('doc-save'));

    const title = screen.getByTestId('doc-title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Give the text a title.');
    expect(title).toHaveFocus();
    expect(screen.getByTestId('doc-body')).not.toHaveAttribute('aria-invalid');
    expect(dialog).toHaveAttribute('open');
    expect(backend.callsTo('add_document')).toHaveLength(0);

    // The message goes away as soon as the field is fixed.
    await user.type(title, 'A title');
    expect(title).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).queryByText('Give the text a title.')).not.toBeInTheDocument();
  });

  it('requires the text too', async () => {
    const { backend, user } = await openLibrary();
    await openForm(user);

    await user.type(screen.getByTestId('doc-title'), 'Only a title');
    await user.click(screen.getByTestId('doc-save'));

    expect(screen.getByTestId('doc-body')).toHaveAccessibleDescription('Paste or type the text itself.');
    expect(screen.getByTestId('doc-body')).toHaveFocus();
    expect(backend.callsTo('add_document')).toHaveLength(0);
  });

  it('shows the CommandError message in the form and keeps what was typed', async () => {
    const { user } = await openLibrary({ addError: { message: 'database or disk is full' } });
    const dialog = await openForm(user);

    await user.type(screen.getByTestId('doc-title'), 'Potsdam');
    await user.type(screen.getByTestId('doc-body'), 'July 1945.');
    await user.click(screen.getByTestId('doc-save'));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('database or disk is full');
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByTestId('doc-title')).toHaveValue('Potsdam');
    expect(screen.getByTestId('status')).toHaveTextContent('');
  });

  it('does not send twice while a save is in flight', async () => {
    let release!: () => void;
    const addGate = new Promise<void>((resolve) => (release = resolve));
    const { backend, user } = await openLibrary({ addGate });
    await openForm(user);

    await user.type(screen.getByTestId('doc-title'), 'Potsdam');
    await user.type(screen.getByTestId('doc-body'), 'July 1945.');
    await user.click(screen.getByTestId('doc-save'));
    expect(screen.getByTestId('doc-save')).toHaveTextContent('Saving…');
    await user.click(screen.getByTestId('doc-save'));
    release();

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('add_document')).toHaveLength(1);
  });

  it('cancels with Esc, sends nothing and returns focus to the Add button', async () => {
    const { backend, user } = await openLibrary();
    await openForm(user);
    await user.type(screen.getByTestId('doc-title'), 'Draft');

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByTestId('doc-title')).not.toBeInTheDocument();
    expect(screen.getByTestId('add-document')).toHaveFocus();
    expect(backend.callsTo('add_document')).toHaveLength(0);

    // Reopening starts from a clean form.
    await openForm(user);
    expect(screen.getByTestId('doc-title')).toHaveValue('');
  });

  it('cancels with the Cancel button', async () => {
    const { user } = await openLibrary();
    await openForm(user);
    await user.click(screen.getByTestId('doc-cancel'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('add-document')).toHaveFocus();
  });

  it('keeps Tab inside the form', async () => {
    const { user } = await openLibrary();
    await openForm(user);

    screen.getByTestId('doc-save').focus();
    await user.tab();
    expect(screen.getByTestId('doc-title')).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByTestId('doc-save')).toHaveFocus();
  });

  it('does not switch screens with Ctrl+digit while the form is open', async () => {
    const { user } = await openLibrary();
    await openForm(user);
    await user.keyboard('{Control>}2{/Control}');
    expect(screen.getByTestId('screen-library')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('saves with Ctrl+Enter from the text field', async () => {
    const { backend, user } = await openLibrary();
    await openForm(user);
    await user.type(screen.getByTestId('doc-title'), 'Versailles');
    await user.type(screen.getByTestId('doc-body'), '1919.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(backend.callsTo('add_document')).toHaveLength(1));
  });

  it('adds the first text from the empty state', async () => {
    const { user } = await openLibrary();
    await user.click(screen.getByTestId('add-document-empty'));
    await user.type(screen.getByTestId('doc-title'), 'First');
    await user.type(screen.getByTestId('doc-body'), 'Words.');
    await user.click(screen.getByTestId('doc-save'));

    await waitFor(() => expect(screen.getAllByTestId('doc-item')).toHaveLength(1));
    // The empty state's button is gone; focus lands on the header's.
    expect(screen.getByTestId('add-document')).toHaveFocus();
  });
});
