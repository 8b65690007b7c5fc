import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { card, doc, fakeBackend, fakeBackup } from './test/backend';

const root = document.documentElement;

async function renderApp() {
  const view = render(App);
  await waitFor(() => expect(root.dataset.ready).toBe('true'));
  return view;
}

describe('start-up', () => {
  it('loads app_info and the documents, then invokes app_ready exactly once', async () => {
    const backend = fakeBackend({ documents: [doc(1)] });
    await renderApp();

    expect(screen.getByTestId('screen-library')).toBeInTheDocument();
    expect(screen.getAllByTestId('doc-item')).toHaveLength(1);
    const commands = backend.commands().filter((c) => !c.startsWith('plugin:store'));
    expect(commands.filter((c) => c === 'app_ready')).toHaveLength(1);
    // app_ready comes right after the data the first screen needs; nothing else before it.
    const ready = commands.indexOf('app_ready');
    expect(commands.slice(0, ready).sort()).toEqual(['app_info', 'list_documents']);
  });

  it('offers the starter library only after app_ready, and shows it when texts were added', async () => {
    const backend = fakeBackend({ starter: 23 });
    await renderApp();

    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent("Added Clio's starter library: 23 texts."));
    const commands = backend.commands().filter((c) => !c.startsWith('plugin:'));
    expect(commands.filter((c) => c === 'add_starter_library')).toHaveLength(1);
    expect(commands.indexOf('app_ready')).toBeLessThan(commands.indexOf('add_starter_library'));
    // A positive count refreshes the list and the categories.
    const after = commands.slice(commands.indexOf('add_starter_library'));
    expect(after).toContain('list_documents');
    expect(after).toContain('category_tree');
    expect(screen.getAllByTestId('doc-item')).toHaveLength(23);
    expect(screen.getByTestId('doc-count')).toHaveTextContent('23 texts');
  });

  it('does not refresh or announce anything when the starter library adds nothing', async () => {
    const backend = fakeBackend({ documents: [doc(1)], starter: 0 });
    await renderApp();
    await waitFor(() => expect(backend.callsTo('add_starter_library')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.callsTo('list_documents')).toHaveLength(1);
    expect(screen.getByTestId('status')).toHaveTextContent('');
  });

  it('does not invoke app_ready again when the user moves around', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-settings'));
    await user.click(screen.getByTestId('nav-library'));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.callsTo('app_ready')).toHaveLength(1);
  });

  it('shows the full-window error instead of the screens when app_info fails', async () => {
    const backend = fakeBackend({
      appInfoError: {
        message: 'This library was written by a newer Clio (schema 9; this build knows 3).',
      },
    });
    await renderApp();

    const fatal = screen.getByTestId('fatal-error');
    expect(fatal).toHaveTextContent('newer Clio (schema 9');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(screen.queryByTestId('nav-library')).not.toBeInTheDocument();
    expect(screen.queryByTestId('screen-library')).not.toBeInTheDocument();
    // The shell still learns that the window has something to show.
    expect(backend.callsTo('app_ready')).toHaveLength(1);
  });

  it('opens the library from the error view once the problem is gone', async () => {
    const options = { appInfoError: { message: 'database is locked' } as { message: string } | undefined };
    fakeBackend(options);
    const user = userEvent.setup();
    await renderApp();

    options.appInfoError = undefined;
    await user.click(screen.getByTestId('fatal-retry'));

    expect(await screen.findByTestId('screen-library')).toBeInTheDocument();
    expect(screen.queryByTestId('fatal-error')).not.toBeInTheDocument();
  });

  it('offers the newest good backup for a damaged library and opens the library once it is restored', async () => {
    const backup = fakeBackup(Date.UTC(2026, 2, 9, 18));
    const backend = fakeBackend({
      backups: [backup],
      problem: {
        message: 'The library at /data/clio.sqlite3 is damaged: the file is empty.',
        damaged: true,
        newestGoodBackup: backup,
      },
    });
    const user = userEvent.setup();
    await renderApp();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your library file is damaged');
    expect(screen.getByTestId('fatal-message')).toHaveTextContent('the file is empty');
    expect(screen.getByTestId('fatal-backup-offer')).toHaveTextContent('kept beside the library');
    await user.click(screen.getByTestId('fatal-restore'));
    expect(await screen.findByTestId('screen-library')).toBeInTheDocument();
    expect(backend.callsTo('restore_backup')[0]!.args).toMatchObject({ path: backup.path });
  });

  it('shows the damaged-library screen with the backup offer when the check after launch finds damage', async () => {
    const backup = fakeBackup(Date.UTC(2026, 2, 9, 18));
    const backend = fakeBackend({ documents: [doc(1)], backups: [backup] });
    const user = userEvent.setup();
    await renderApp();
    expect(screen.getByTestId('screen-library')).toBeInTheDocument();
    // The listener is set up after app_ready, and asks once whether the check already reported.
    await waitFor(() => expect(backend.callsTo('library_problem')).toHaveLength(1));
    expect(screen.queryByTestId('fatal-error')).not.toBeInTheDocument();

    const problem = {
      message:
        "The library at /data/clio.sqlite3 is damaged: SQLite's check found: page 7 is never used. Clio has not changed it.",
      damaged: true,
      newestGoodBackup: backup,
    };
    backend.damageAfterLaunch(problem);
    await emit('library-damaged', problem);

    expect(await screen.findByTestId('fatal-error')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your library file is damaged');
    expect(screen.getByTestId('fatal-message')).toHaveTextContent('page 7 is never used');
    expect(screen.getByTestId('fatal-backup-offer')).toHaveTextContent('kept beside the library');
    expect(screen.queryByTestId('screen-library')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('fatal-restore'));
    expect(await screen.findByTestId('screen-library')).toBeInTheDocument();
    expect(backend.callsTo('restore_backup')[0]!.args).toMatchObject({ path: backup.path });
  });

  it('shows the damaged-library screen when the check reported before the window listened', async () => {
    const backup = fakeBackup(Date.UTC(2026, 2, 9, 18));
    fakeBackend({
      documents: [doc(1)],
      backups: [backup],
      damagedAfterLaunch: {
        message: 'The library at /data/clio.sqlite3 is damaged: SQLite reports the file as malformed. Clio has not changed it.',
        damaged: true,
        newestGoodBackup: backup,
      },
    });
    await renderApp();

    expect(await screen.findByTestId('fatal-error')).toBeInTheDocument();
    expect(screen.getByTestId('fatal-message')).toHaveTextContent('malformed');
    expect(screen.getByTestId('fatal-backup-offer')).toHaveTextContent('kept beside the library');
  });

  it('replaces a read error at start with the damaged-library screen when the check then finds damage', async () => {
    const backup = fakeBackup(Date.UTC(2026, 2, 9, 18));
    const backend = fakeBackend({
      backups: [backup],
      appInfoError: { message: 'the library file is damaged: database disk image is malformed. The change was not saved.' },
    });
    await renderApp();
    expect(screen.getByTestId('fatal-error')).toBeInTheDocument();
    expect(screen.queryByTestId('fatal-backup-offer')).not.toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo('library_problem')).toHaveLength(2));

    const problem = {
      message: 'The library at /data/clio.sqlite3 is damaged: SQLite reports the file as malformed. Clio has not changed it.',
      damaged: true,
      newestGoodBackup: backup,
    };
    backend.damageAfterLaunch(problem);
    await emit('library-damaged', problem);
    expect(await screen.findByTestId('fatal-backup-offer')).toHaveTextContent('kept beside the library');
    expect(screen.getByTestId('fatal-message')).toHaveTextContent('Clio has not changed it');
  });

  it('applies the saved theme before signalling ready', async () => {
    fakeBackend({ settings: { theme: 'dark' } });
    await renderApp();
    expect(root.dataset.theme).toBe('dark');
  });

  it('starts in the theme of the last session before the store answers', async () => {
    localStorage.setItem('clio.theme', 'light');
    fakeBackend({ settings: { theme: 'light' } });
    const { applyTheme, readThemeHint } = await import('./lib/theme');
    applyTheme(readThemeHint()); // what main.ts does before mounting
    expect(root.dataset.theme).toBe('light');
    await renderApp();
    expect(root.dataset.theme).toBe('light');
  });
});

describe('navigation', () => {
  it('has the screens in order, with Library current', async () => {
    fakeBackend();
    await renderApp();

    const nav = screen.getByRole('navigation', { name: 'Main' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons.map((b) => b.textContent?.replace(/(Ctrl\+|⌘)\d/, '').trim())).toEqual([
      'Library',
      'Review',
      'Cards',
      'Quiz',
      'Progress',
      'Highlights',
      'Settings',
    ]);
    expect(screen.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
    for (const id of ['review', 'cards', 'quiz', 'progress', 'highlights', 'settings']) {
      expect(screen.getByTestId(`nav-${id}`)).not.toHaveAttribute('aria-current');
    }
  });

  it.each([
    ['review', 'Review'],
    ['quiz', 'Quiz'],
    ['progress', 'Progress'],
    ['highlights', 'Highlights'],
    ['settings', 'Settings'],
  ])('shows %s when its nav item is clicked, and focuses its heading', async (id, title) => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();

    await user.click(screen.getByTestId(`nav-${id}`));

    const section = screen.getByTestId(`screen-${id}`);
    const heading = within(section).getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent(title);
    expect(heading).toHaveFocus();
    expect(screen.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('nav-library')).not.toHaveAttribute('aria-current');
    expect(screen.queryByTestId('screen-library')).not.toBeInTheDocument();
  });

  it('explains what the coming-soon screens will do', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();

    await user.click(screen.getByTestId('nav-quiz'));
    expect(screen.getByTestId('screen-quiz')).toHaveTextContent(/category/);
  });

  it('lists the review deck with each card’s text', async () => {
    fakeBackend({
      documents: [doc(1, { title: 'Détente' })],
      cards: [
        card(1, { status: 'accepted', prompt: 'Who met Nixon in 1972?', answer: 'Zhōu Ēnlái' }),
        card(2, { status: 'suggested' }),
      ],
    });
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-review'));
    const deck = await screen.findByTestId('deck-card');
    expect(screen.getByTestId('deck-total')).toHaveTextContent('1 card');
    expect(deck).toHaveTextContent('Who met Nixon in 1972?');
    expect(deck).toHaveTextContent('Zhōu Ēnlái');
    expect(deck).toHaveTextContent('Détente');
  });

  it('says how to fill an empty deck', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-review'));
    expect(await screen.findByTestId('deck-empty')).toHaveTextContent('accept the cards Clio suggests');
  });

  it('switches screens with Ctrl+3, Cmd+6 and Ctrl+5, focusing the heading', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();

    await user.keyboard('{Control>}3{/Control}');
    expect(screen.getByTestId('screen-quiz')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Quiz' })).toHaveFocus();
    expect(screen.getByTestId('nav-quiz')).toHaveAttribute('aria-current', 'page');

    await user.keyboard('{Meta>}6{/Meta}');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus();

    await user.keyboard('{Control>}5{/Control}');
    expect(screen.getByRole('heading', { level: 1, name: 'Highlights' })).toHaveFocus();

    await user.keyboard('{Control>}1{/Control}');
    expect(screen.getByTestId('screen-library')).toBeInTheDocument();
  });

  it('sets the reader text size from Settings and keeps it in settings.json', async () => {
    const backend = fakeBackend({ settings: { readerFontSize: 20 } });
    const user = userEvent.setup();
    await renderApp();
    await user.keyboard('{Control>}6{/Control}');
    const slider = screen.getByTestId('pref-font-size');
    await waitFor(() => expect(slider).toHaveValue('20'));
    await fireEvent.input(slider, { target: { value: '22' } });
    expect(screen.getByTestId('pref-font-size-value')).toHaveTextContent('22 px');
    await waitFor(() => expect(backend.settings.get('readerFontSize')).toBe(22));
  });

  it('ignores digits without the modifier', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();

    await user.keyboard('3');
    await user.keyboard('{Alt>}3{/Alt}');
    expect(screen.getByTestId('screen-library')).toBeInTheDocument();
  });

  it('moves between nav items with the arrow keys, wrapping around', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();

    screen.getByTestId('nav-library').focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-review')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByTestId('nav-quiz')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('nav-cards')).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByTestId('nav-settings')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('nav-library')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('nav-settings')).toHaveFocus();
    // Arrows only move focus; Enter opens.
    expect(screen.getByTestId('screen-library')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('screen-settings')).toBeInTheDocument();
  });

  it('offers a skip link as the first stop that jumps to the screen heading', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toHaveFocus();
  });

  it('marks every nav item with its keyboard shortcut', async () => {
    fakeBackend();
    await renderApp();
    expect(screen.getByTestId('nav-quiz').getAttribute('aria-keyshortcuts')).toMatch(/^(Control|Meta)\+3$/);
  });
});

describe('settings', () => {
  it('shows what app_info reports about the library', async () => {
    fakeBackend({
      documents: [doc(1), doc(2)],
      info: { schemaVersion: 4, cardCount: 1234, version: '0.2.0' },
    });
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-settings'));

    expect(screen.getByTestId('db-path')).toHaveTextContent('/home/ada/.local/share/app.clio/clio.sqlite3');
    expect(screen.getByTestId('schema-version')).toHaveTextContent('4');
    expect(screen.getByTestId('app-version')).toHaveTextContent('0.2.0');
    expect(screen.getByTestId('document-count')).toHaveTextContent('2');
    expect(screen.getByTestId('card-count')).toHaveTextContent(/1.?234/);
  });

  it('refreshes the counts when opened', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    await renderApp();
    backend.documents.push(doc(9));

    await user.click(screen.getByTestId('nav-settings'));
    await waitFor(() => expect(screen.getByTestId('document-count')).toHaveTextContent('1'));
  });

  it('checks System by default', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-settings'));

    expect(screen.getByTestId('theme-system')).toBeChecked();
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('choosing Dark sets data-theme="dark" and saves it', async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-settings'));

    await user.click(screen.getByTestId('theme-dark'));

    expect(root.dataset.theme).toBe('dark');
    expect(screen.getByTestId('theme-dark')).toBeChecked();
    await waitFor(() => expect(backend.saved.at(-1)).toEqual({ theme: 'dark' }));
    expect(backend.callsTo('plugin:store|set').at(-1)?.args).toMatchObject({
      key: 'theme',
      value: 'dark',
    });
  });

  it('going back to System removes data-theme', async () => {
    const backend = fakeBackend({ settings: { theme: 'light' } });
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-settings'));
    await waitFor(() => expect(screen.getByTestId('theme-light')).toBeChecked());

    await user.click(screen.getByTestId('theme-system'));

    expect(root.hasAttribute('data-theme')).toBe(false);
    await waitFor(() => expect(backend.settings.get('theme')).toBe('system'));
  });

  it('keeps the chosen theme and says so when saving fails', async () => {
    fakeBackend();
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('nav-settings'));
    // Make the store's save command fail from now on.
    mockIPC((cmd) => {
      if (cmd === 'plugin:store|save') throw { message: 'disk full' };
      if (cmd === 'plugin:store|load') return 7;
      return null;
    });

    await user.click(screen.getByTestId('theme-light'));

    expect(root.dataset.theme).toBe('light');
    expect(await screen.findByRole('alert')).toHaveTextContent('disk full');
  });
});
