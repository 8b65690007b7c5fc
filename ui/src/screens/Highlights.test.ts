import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { annotation, doc, fakeBackend, type FakeBackendOptions } from '../test/backend';

const BODY = 'Zhōu Ēnlái met Nixon in 1972.\n\nThe split came in 1960.';

const ANNOTATIONS = [
  annotation(1, { documentId: 2, quote: 'knelt', start: 12, end: 17, color: 'yellow', note: 'Kniefall von Warschau' }),
  annotation(2, { documentId: 1, quote: '1960', start: 49, end: 53, color: 'pink', note: 'The split.\nSee Khrushchev.' }),
  annotation(3, { documentId: 1, quote: 'Zhōu Ēnlái', start: 0, end: 10, color: 'green' }),
  annotation(4, { documentId: 1, quote: 'A removed sentence.', start: null, end: null, state: 'orphaned' }),
];

async function openHighlights(options: FakeBackendOptions = {}) {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'Détente', categoryPath: ['History', 'Cold War'] }), doc(2, { title: 'Ostpolitik' })],
    fullDocuments: {
      1: {
        body: BODY,
        blocks: [
          { kind: 'paragraph', text: 'Zhōu Ēnlái met Nixon in 1972.' },
          { kind: 'paragraph', text: 'The split came in 1960.' },
        ],
      },
      2: { body: 'Willy Brandt knelt in Warsaw.', blocks: [{ kind: 'paragraph', text: 'Willy Brandt knelt in Warsaw.' }] },
    },
    ...options,
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  await user.click(screen.getByTestId('nav-highlights'));
  await screen.findByTestId('annotations-screen');
  await waitFor(() => expect(backend.callsTo('library_annotations')).toHaveLength(1));
  return { backend, user };
}

const rows = () => screen.queryAllByTestId('annotation-row');

describe('the Highlights screen', () => {
  it('says how to make the first highlight when there are none', async () => {
    await openHighlights();
    expect(await screen.findByTestId('annotations-empty')).toHaveTextContent('No highlights yet');
    expect(screen.getByTestId('annotations-empty')).toHaveTextContent('Ctrl+Shift+H');
    expect(screen.getByTestId('annotations-export')).toBeDisabled();
    expect(screen.getByRole('heading', { level: 1, name: 'Highlights' })).toHaveFocus();
  });

  it('lists every highlight with its text and category, grouped by text in reading order', async () => {
    await openHighlights({ annotations: ANNOTATIONS.map((a) => ({ ...a })) });
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.getByTestId('annotations-screen')).toHaveTextContent('4 highlights in 2 texts');
    const detente = screen.getByRole('region', { name: 'Détente' });
    expect(detente).toHaveTextContent('History › Cold War');
    expect(
      within(detente)
        .getAllByTestId('annotation-row')
        .map((r) => r.dataset.annotationId),
    ).toEqual(['3', '2', '4']);
    const split = rows().find((r) => r.dataset.annotationId === '2')!;
    expect(split).toHaveTextContent('“1960”');
    expect(split.querySelector('.note')!.textContent).toBe('The split.\nSee Khrushchev.');
    expect(split).toHaveAttribute('data-color', 'pink');
    expect(within(rows().find((r) => r.dataset.annotationId === '4')!).getByTestId('annotation-row-orphan')).toHaveTextContent(
      'Could not be placed',
    );
    expect(screen.getByRole('region', { name: 'Ostpolitik' })).toHaveTextContent('Kniefall von Warschau');
  });

  it('filters by colour and searches quotes and notes', async () => {
    const { backend, user } = await openHighlights({ annotations: ANNOTATIONS.map((a) => ({ ...a })) });
    await waitFor(() => expect(rows()).toHaveLength(4));

    await user.selectOptions(screen.getByTestId('annotation-filter-color'), 'pink');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.callsTo('library_annotations').at(-1)!.args).toEqual({ color: 'pink', query: null });

    await user.selectOptions(screen.getByTestId('annotation-filter-color'), '');
    await user.type(screen.getByTestId('annotation-search'), 'kniefall');
    await waitFor(() => expect(backend.callsTo('library_annotations').at(-1)!.args).toEqual({ color: null, query: 'kniefall' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('knelt');
    expect(screen.getByTestId('annotations-count')).toHaveTextContent('1 highlight found');

    await user.clear(screen.getByTestId('annotation-search'));
    await user.type(screen.getByTestId('annotation-search'), 'nothing like it');
    expect(await screen.findByTestId('annotations-no-match')).toHaveTextContent('No highlights match “nothing like it”.');
    await user.click(screen.getByRole('button', { name: 'Show all highlights' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.getByTestId('annotation-search')).toHaveValue('');
  });

  it('opens the reader at a highlight, chosen in the Notes tab', async () => {
    const { user } = await openHighlights({ annotations: ANNOTATIONS.map((a) => ({ ...a })) });
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(within(rows().find((r) => r.dataset.annotationId === '2')!).getByRole('button'));

    expect(await screen.findByTestId('reader-title')).toHaveTextContent('Détente');
    expect(screen.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
    const body = screen.getByTestId('reader-body');
    await waitFor(() => expect(body.querySelector('mark.source')).toHaveTextContent('1960'));
    await waitFor(() => expect(screen.getByTestId('notes-tab')).toHaveAttribute('aria-selected', 'true'));
    const item = screen.getAllByTestId('annotation-item').find((i) => i.dataset.annotationId === '2')!;
    expect(item).toHaveClass('selected');

    // Back returns to the Highlights screen.
    expect(screen.getByTestId('reader-back')).toHaveTextContent('Highlights');
    await user.click(screen.getByTestId('reader-back'));
    expect(await screen.findByTestId('annotations-screen')).toBeInTheDocument();
    expect(screen.getByTestId('nav-highlights')).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('opens the text of a highlight that could not be placed, without a span', async () => {
    const { user } = await openHighlights({ annotations: ANNOTATIONS.map((a) => ({ ...a })) });
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(within(rows().find((r) => r.dataset.annotationId === '4')!).getByRole('button'));
    expect(await screen.findByTestId('reader-title')).toHaveTextContent('Détente');
    expect(screen.getByTestId('reader-body').querySelector('mark.source')).toBeNull();
  });

  it('exports every highlight as Markdown to the file chosen', async () => {
    const { backend, user } = await openHighlights({
      annotations: ANNOTATIONS.map((a) => ({ ...a })),
      savePath: '/home/ada/notes.md',
    });
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(screen.getByTestId('annotations-export'));
    expect(await screen.findByTestId('annotations-export-status')).toHaveTextContent(
      'Exported 4 highlights to /home/ada/notes.md.',
    );
    expect(backend.callsTo('export_annotations')[0]!.args).toEqual({ documentId: null, path: '/home/ada/notes.md' });
    expect(backend.callsTo('plugin:dialog|save')[0]!.args).toMatchObject({ options: { defaultPath: 'Highlights.md' } });
  });

  it('shows why an export failed', async () => {
    const { user } = await openHighlights({
      annotations: ANNOTATIONS.map((a) => ({ ...a })),
      savePath: '/readonly/notes.md',
      exportError: { message: 'Could not write /readonly/notes.md: permission denied. Choose another place.' },
    });
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(screen.getByTestId('annotations-export'));
    expect(await screen.findByRole('alert')).toHaveTextContent('permission denied');
  });
});
