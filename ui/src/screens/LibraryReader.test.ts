import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { doc, fakeBackend, type FakeBackendOptions } from '../test/backend';

async function openLibrary(options: FakeBackendOptions = {}) {
  const backend = fakeBackend(options);
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
  // Categories arrive after app_ready.
  await waitFor(() => expect(backend.callsTo('category_tree').length).toBeGreaterThan(0));
  return { backend, user };
}

function titles(): string[] {
  return screen.getAllByTestId('doc-item-title').map((t) => t.textContent ?? '');
}

const DOCS = [
  doc(3, { title: 'Yalta', categoryPath: ['History', 'Cold War'], addedAt: 300 }),
  doc(2, { title: 'The Berlin Airlift', categoryPath: ['History', 'Cold War', 'Berlin'], addedAt: 200 }),
  doc(1, { title: 'Great Leap Forward', categoryPath: ['History', 'China'], addedAt: 100 }),
];
const CATEGORIES = [
  { path: ['History'], documents: 0, total: 3 },
  { path: ['History', 'China'], documents: 1, total: 1 },
  { path: ['History', 'Cold War'], documents: 1, total: 2 },
  { path: ['History', 'Cold War', 'Berlin'], documents: 1, total: 1 },
];

describe('category tree', () => {
  it('shows All texts and the categories with totals, and filters by a category and its subcategories', async () => {
    const { user } = await openLibrary({ documents: DOCS, categories: CATEGORIES });
    const tree = screen.getByTestId('category-tree');
    expect(tree).toHaveAttribute('role', 'tree');
    // Top-level categories start expanded.
    await waitFor(() => expect(within(tree).getAllByTestId('category-item')).toHaveLength(4));
    const [all, history] = within(tree).getAllByTestId('category-item');
    expect(all).toHaveTextContent('All texts');
    expect(all).toHaveTextContent('3');
    expect(history).toHaveAttribute('data-path', 'History');
    expect(history).toHaveAttribute('aria-expanded', 'true');
    expect(tree.querySelector('[data-path="History / Cold War / Berlin"]')).toBeNull();

    // Keyboard: down to History, left collapses, right expands again.
    all!.focus();
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    expect(history).toHaveFocus();
    expect(history).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).getAllByTestId('category-item')).toHaveLength(2);
    await user.keyboard('{ArrowRight}');
    expect(history).toHaveAttribute('aria-expanded', 'true');
    // Down twice to Cold War, right opens it, Enter selects it.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}{Enter}');
    const coldWar = tree.querySelector('[data-path="History / Cold War"]')!;
    expect(coldWar).toHaveFocus();
    expect(coldWar).toHaveTextContent('2');
    expect(coldWar).toHaveAttribute('aria-selected', 'true');
    expect(tree.querySelector('[data-path="History / Cold War / Berlin"]')).toHaveTextContent(/^›?\s*Berlin, 1$/);
    expect(titles()).toEqual(['Yalta', 'The Berlin Airlift']);

    await user.click(tree.querySelector('[data-path="History / China"]')!);
    expect(titles()).toEqual(['Great Leap Forward']);
    await user.click(all!);
    expect(titles()).toHaveLength(3);
  });
});

describe('sort', () => {
  it('sorts by title A–Z and back to recently added', async () => {
    const { user } = await openLibrary({ documents: DOCS });
    expect(titles()).toEqual(['Yalta', 'The Berlin Airlift', 'Great Leap Forward']);
    await user.selectOptions(screen.getByTestId('sort-select'), 'title');
    expect(titles()).toEqual(['Great Leap Forward', 'The Berlin Airlift', 'Yalta']);
    await user.selectOptions(screen.getByTestId('sort-select'), 'recent');
    expect(titles()).toEqual(['Yalta', 'The Berlin Airlift', 'Great Leap Forward']);
  });
});

describe('search', () => {
  const search: FakeBackendOptions['search'] = (query) => [
    {
      id: 2,
      title: 'The Berlin Airlift',
      author: null,
      categoryPath: ['History'],
      snippet: [
        { text: 'In June 1948 the ', hit: false },
        { text: query, hit: true },
        { text: ' <img src=x onerror="alert(1)"> was ', hit: false },
        { text: '<b>blocked</b>', hit: true },
      ],
    },
  ];

  it('searches as you type, shows snippets with marked hits as text, and Esc clears', async () => {
    const { backend, user } = await openLibrary({ documents: DOCS, search });
    const input = screen.getByTestId('search-input');
    await user.type(input, 'Soviet');

    const result = await screen.findByTestId('search-result');
    // Debounced: one call for the whole word.
    expect(backend.callsTo('search_documents').map((c) => c.args.query)).toEqual(['Soviet']);
    expect(screen.queryAllByTestId('doc-item')).toHaveLength(0);
    const marks = Array.from(result.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['Soviet', '<b>blocked</b>']);
    expect(result.querySelector('img')).toBeNull();
    expect(result.querySelector('b')).toBeNull();
    expect(result).toHaveTextContent('<img src=x onerror="alert(1)"> was');

    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0);
    expect(screen.getAllByTestId('doc-item')).toHaveLength(3);
  });

  it('opens a hit in the reader', async () => {
    const { user } = await openLibrary({ documents: DOCS, search });
    await user.type(screen.getByTestId('search-input'), 'airlift');
    const result = await screen.findByTestId('search-result');
    await user.click(within(result).getByRole('button', { name: 'The Berlin Airlift' }));
    expect(await screen.findByTestId('reader-title')).toHaveTextContent('The Berlin Airlift');
  });
});

describe('reader', () => {
  const options: FakeBackendOptions = {
    documents: DOCS,
    fullDocuments: {
      3: {
        author: 'S. M. Plokhy',
        source: 'https://example.org/yalta',
        revision: 2,
        blocks: [
          { kind: 'heading', text: 'The conference' },
          { kind: 'paragraph', text: 'In February 1945…' },
          { kind: 'list_item', text: 'Roosevelt' },
          { kind: 'list_item', text: 'Churchill' },
          { kind: 'list_item', text: 'Stalin' },
          { kind: 'quote', text: 'Poland was the key.' },
        ],
      },
    },
  };

  async function openYalta(extra: FakeBackendOptions = {}) {
    const opened = await openLibrary({ ...options, ...extra });
    await opened.user.click(screen.getByRole('button', { name: 'Yalta' }));
    await screen.findByTestId('reader-title');
    await waitFor(() => expect(screen.getByTestId('reader')).toHaveFocus());
    return opened;
  }

  it('opens with the focus on the reader, so Tab reaches the toolbar first', async () => {
    const { user } = await openYalta();
    expect(screen.getByTestId('reader')).toHaveAccessibleName('Yalta');
    await user.tab();
    expect(screen.getByTestId('reader-back')).toHaveFocus();
  });

  it('renders the document: metadata, heading, one list for consecutive items, quote', async () => {
    await openYalta();
    const reader = screen.getByTestId('reader');
    expect(screen.getByTestId('reader-title')).toHaveTextContent('Yalta');
    expect(reader).toHaveTextContent('S. M. Plokhy');
    expect(reader).toHaveTextContent('History › Cold War');
    expect(reader).toHaveTextContent('Revision');
    // The source is text, not a link.
    expect(reader).toHaveTextContent('https://example.org/yalta');
    expect(reader.querySelector('a')).toBeNull();

    const body = screen.getByTestId('reader-body');
    expect(body.querySelector('h2')).toHaveTextContent('The conference');
    expect(body.querySelectorAll('ul')).toHaveLength(1);
    expect(Array.from(body.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Roosevelt', 'Churchill', 'Stalin']);
    expect(body.querySelector('blockquote')).toHaveTextContent('Poland was the key.');
    expect(within(reader).getByTestId('cards-panel')).toHaveTextContent('0 in your deck');
  });

  it('goes back with the Back button and with Esc', async () => {
    const { user } = await openYalta();
    await user.click(screen.getByTestId('reader-back'));
    expect(screen.queryByTestId('reader')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('doc-item')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Yalta' })).toHaveFocus();

    await user.keyboard('{Enter}');
    await screen.findByTestId('reader');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('reader')).not.toBeInTheDocument();
  });

  it('changes the font size within 14–24 px and saves it', async () => {
    const { backend, user } = await openYalta({ settings: { readerFontSize: 23 } });
    await waitFor(() => expect(screen.getByTestId('reader')).toHaveTextContent('23 px'));
    await user.click(screen.getByTestId('reader-font-larger'));
    expect(screen.getByTestId('reader-font-larger')).toBeDisabled();
    expect(screen.getByTestId('reader')).toHaveTextContent('24 px');
    await waitFor(() => expect(backend.settings.get('readerFontSize')).toBe(24));

    await user.keyboard('{Control>}-{/Control}');
    await waitFor(() => expect(backend.settings.get('readerFontSize')).toBe(23));
    expect(backend.saved.at(-1)).toMatchObject({ readerFontSize: 23 });
    const page = screen.getByTestId('reader-body').closest('article')!;
    expect(page.style.getPropertyValue('--reader-size')).toBe('23px');
  });

  it('deletes at once and offers Undo, which brings the text back', async () => {
    const { undoToast } = await import('../lib/undo.svelte');
    undoToast.dismiss();
    const { backend, user } = await openYalta();
    await user.click(screen.getByTestId('delete-document'));
    await waitFor(() => expect(backend.callsTo('delete_document')).toHaveLength(1));
    expect(backend.callsTo('delete_document')[0]!.args).toEqual({ id: 3 });
    expect(screen.queryByRole('dialog', { name: 'Delete this text?' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('reader')).not.toBeInTheDocument());
    expect(titles()).toEqual(['The Berlin Airlift', 'Great Leap Forward']);
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('Deleted “Yalta”.'));
    expect(await screen.findByTestId('undo-label')).toHaveTextContent('Deleted “Yalta”.');

    await user.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(titles()).toContain('Yalta');
  });
});

describe('importing', () => {
  const report = {
    added: [{ id: 40, title: 'Why did the Sino-Soviet split happen?', file: 'split.html', record: null, suggestedCards: 12 }],
    updated: [{ id: 3, title: 'Yalta', file: 'yalta.md', record: null, suggestedCards: 3 }],
    unchanged: [{ id: 2, title: 'The Berlin Airlift', file: 'bulk.json', record: 2, suggestedCards: null }],
    problems: [{ file: 'bulk.json', record: 7, message: 'missing "body"' }],
    warnings: [{ file: 'split.html', record: null, message: 'removed 3 comments' }],
    suggestionsPending: 0,
  };

  it('pasted HTML is sent as HTML; the plain text is what shows', async () => {
    const { backend, user } = await openLibrary({ documents: DOCS, importReport: report });
    await user.click(screen.getByTestId('import-menu'));
    await user.click(screen.getByTestId('import-paste'));
    const input = screen.getByTestId('paste-input');
    expect(input).toHaveFocus();

    const html = '<h1>Why did the split happen?</h1><p>In <b>1960</b> the advisers left.</p>';
    const clipboardData = {
      getData: (type: string) =>
        type === 'text/html' ? html : type === 'text/plain' ? 'Why did the split happen?\nIn 1960 the advisers left.' : '',
    };
    await fireEvent.paste(input, { clipboardData });
    expect(input).toHaveValue('Why did the split happen?\nIn 1960 the advisers left.');
    await user.click(screen.getByTestId('paste-import'));

    await waitFor(() => expect(backend.callsTo('import_text')).toHaveLength(1));
    expect(backend.callsTo('import_text')[0]!.args).toEqual({ text: html });
    const panel = await screen.findByTestId('import-report');
    expect(panel).toHaveTextContent('Why did the Sino-Soviet split happen?');
    // How many cards were written, and a way to the text.
    expect(within(panel).getByTestId('import-cards-written')).toHaveTextContent('15 cards suggested from 2 texts');
    expect(
      within(panel)
        .getAllByTestId('import-item-cards')
        .map((e) => e.textContent),
    ).toEqual(['12 cards suggested', '3 cards suggested']);
    // The library was refreshed.
    await waitFor(() => expect(titles()).toContain('Why did the Sino-Soviet split happen?'));
    await user.click(within(panel).getByRole('button', { name: 'Open “Why did the Sino-Soviet split happen?”' }));
    await waitFor(() => expect(screen.queryByTestId('paste-input')).not.toBeInTheDocument());
    await waitFor(() => expect(backend.callsTo('get_document').at(-1)!.args).toEqual({ id: 40 }));
  });

  it('pasted plain text is sent as it is', async () => {
    const { backend, user } = await openLibrary({ documents: DOCS });
    await user.click(screen.getByTestId('import-menu'));
    await user.click(screen.getByTestId('import-paste'));
    await user.type(screen.getByTestId('paste-input'), 'Just text.');
    await user.click(screen.getByTestId('paste-import'));
    await waitFor(() => expect(backend.callsTo('import_text')).toHaveLength(1));
    expect(backend.callsTo('import_text')[0]!.args).toEqual({ text: 'Just text.' });
  });

  it('imports picked files and lists what happened, problems with file and record, until dismissed', async () => {
    const { backend, user } = await openLibrary({
      documents: DOCS,
      importReport: report,
      dialogResult: ['/home/ada/split.html', '/home/ada/bulk.json'],
    });
    await user.click(screen.getByTestId('import-menu'));
    await user.click(screen.getByTestId('import-files'));

    await waitFor(() => expect(backend.callsTo('import_paths')).toHaveLength(1));
    expect(backend.callsTo('import_paths')[0]!.args).toEqual({
      paths: ['/home/ada/split.html', '/home/ada/bulk.json'],
    });
    const dialogOptions = backend.callsTo('plugin:dialog|open')[0]!.args.options as {
      multiple: boolean;
      filters: { extensions: string[] }[];
    };
    expect(dialogOptions.multiple).toBe(true);
    expect(dialogOptions.filters[0]!.extensions).toEqual(['html', 'htm', 'md', 'markdown', 'txt', 'json']);

    const panel = await screen.findByTestId('import-report');
    expect(panel).toHaveTextContent('1 added, 1 updated, 1 unchanged, 1 problem');
    expect(panel).toHaveTextContent('Yalta');
    expect(panel).toHaveTextContent('bulk.json, record 2');
    const problems = within(panel).getByText('missing "body"').closest('li')!;
    expect(problems).toHaveTextContent('bulk.json, record 7');
    expect(panel).toHaveTextContent('removed 3 comments');

    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('import-report')).not.toBeInTheDocument();
  });

  it('imports nothing when the folder picker is cancelled', async () => {
    const { backend, user } = await openLibrary({ documents: DOCS, dialogResult: null });
    await user.click(screen.getByTestId('import-menu'));
    await user.click(screen.getByTestId('import-folder'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|open')).toHaveLength(1));
    expect(backend.callsTo('plugin:dialog|open')[0]!.args.options).toMatchObject({ directory: true });
    expect(backend.callsTo('import_paths')).toHaveLength(0);
  });
});

describe('drag and drop', () => {
  it('shows the overlay while files are over the window and imports what is dropped', async () => {
    const { backend } = await openLibrary({
      documents: DOCS,
      importReport: {
        added: [{ id: 50, title: 'Dropped', file: 'dropped.md', record: null, suggestedCards: 4 }],
        updated: [],
        unchanged: [],
        problems: [],
        warnings: [],
        suggestionsPending: 0,
      },
    });
    // The listeners are set up after app_ready.
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();

    await emit('tauri://drag-enter', { paths: ['/tmp/dropped.md'], position: { x: 1, y: 1 } });
    expect(await screen.findByTestId('drop-overlay')).toBeInTheDocument();
    await emit('tauri://drag-leave', null);
    await waitFor(() => expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument());

    await emit('tauri://drag-over', { position: { x: 2, y: 2 } });
    expect(await screen.findByTestId('drop-overlay')).toBeInTheDocument();
    await emit('tauri://drag-drop', { paths: ['/tmp/dropped.md'], position: { x: 2, y: 2 } });
    await waitFor(() => expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument());
    await waitFor(() => expect(backend.callsTo('import_paths')).toHaveLength(1));
    expect(backend.callsTo('import_paths')[0]!.args).toEqual({ paths: ['/tmp/dropped.md'] });
    expect(await screen.findByTestId('import-report')).toHaveTextContent('Dropped');
  });
});
