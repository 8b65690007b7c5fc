import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import CardExportDialog from './CardExportDialog.svelte';
import CardImportDialog from './CardImportDialog.svelte';
import { cardFileName, describeProgress } from '../lib/cardFiles';
import { fakeBackend } from '../test/backend';

describe('card files', () => {
  it('names the file after the title, without characters file systems refuse', () => {
    expect(cardFileName('Détente: 1969/1979?', 'apkg')).toBe('Détente 1969 1979.apkg');
    expect(cardFileName('  ', 'csv')).toBe('Clio cards.csv');
    expect(describeProgress({ phase: 'writing', done: 120, total: 400 })).toBe('Writing the file: 120 of 400');
  });

  it('exports the chosen scope as an Anki package with the history, after the save dialog', async () => {
    const backend = fakeBackend({ savePath: '/home/ana/Cold War.apkg' });
    const user = userEvent.setup();
    render(CardExportDialog, {
      open: true,
      scopes: [
        {
          label: 'The cards of History › Cold War',
          scope: { kind: 'category', value: ['History', 'Cold War'] },
          fileTitle: 'Cold War',
        },
        { label: 'Every card in your deck', scope: { kind: 'all' }, fileTitle: 'Clio cards' },
      ],
      onclose: vi.fn(),
    });
    expect(screen.getByTestId('card-export-scheduling')).toBeChecked();
    await user.click(screen.getByTestId('card-export-run'));
    expect(await screen.findByTestId('card-export-done')).toHaveTextContent(
      'Exported 40 cards with 95 answers of review history to /home/ana/Cold War.apkg (18 KB).',
    );
    expect(backend.callsTo('plugin:dialog|save')[0]!.args).toMatchObject({ options: { defaultPath: 'Cold War.apkg' } });
    expect(backend.callsTo('export_cards')[0]!.args).toMatchObject({
      format: 'apkg',
      scope: { kind: 'category', value: ['History', 'Cold War'] },
      withScheduling: true,
    });
  });

  it('a CSV export holds the cards only, and a cancelled save dialog exports nothing', async () => {
    const options = { savePath: null as string | null };
    const backend = fakeBackend(options);
    const user = userEvent.setup();
    render(CardExportDialog, {
      open: true,
      scopes: [{ label: 'Everything', scope: { kind: 'all' }, fileTitle: 'Clio cards' }],
      onclose: vi.fn(),
    });
    await user.click(screen.getByTestId('card-export-format-csv'));
    expect(screen.getByTestId('card-export-scheduling')).toBeDisabled();
    await user.click(screen.getByTestId('card-export-run'));
    await waitFor(() => expect(backend.callsTo('plugin:dialog|save')).toHaveLength(1));
    expect(backend.callsTo('export_cards')).toHaveLength(0);

    options.savePath = '/tmp/cards.csv';
    await user.click(screen.getByTestId('card-export-run'));
    await screen.findByTestId('card-export-done');
    expect(backend.callsTo('export_cards')[0]!.args).toMatchObject({ format: 'csv', withScheduling: false });
  });

  it('imports a file and lists the documents it made, each one to open', async () => {
    fakeBackend({
      cardImport: {
        file: '/home/ana/Spanish Civil War.apkg',
        documents: [{ id: 7, title: 'Spanish Civil War', categoryPath: ['History'], cards: 12 }],
        cards: 12,
        reviews: 30,
        convertedNotes: 2,
        skippedNotes: 1,
        alreadyThere: [],
        warnings: [],
      },
    });
    const onopen = vi.fn();
    const onclose = vi.fn();
    const user = userEvent.setup();
    render(CardImportDialog, { path: '/home/ana/Spanish Civil War.apkg', onclose, onopen });
    expect(screen.getByRole('heading', { name: 'Import cards from Spanish Civil War.apkg' })).toBeInTheDocument();
    expect(await screen.findByTestId('card-import-done')).toHaveTextContent(
      'Added 12 cards to your deck, with 30 answers of review history.',
    );
    expect(screen.getByTestId('card-import-notes')).toHaveTextContent('2 notes of other note types');
    expect(screen.getByTestId('card-import-notes')).toHaveTextContent('1 note had nothing to learn from');
    await user.click(screen.getByRole('button', { name: 'Spanish Civil War' }));
    expect(onopen).toHaveBeenCalledWith(7);
    await user.click(screen.getByTestId('card-import-close'));
    expect(onclose).toHaveBeenCalledWith(expect.objectContaining({ cards: 12 }));
  });

  it('shows why a file was refused; nothing was imported', async () => {
    fakeBackend({
      cardImportError: { message: 'x.apkg is not an Anki package: it has no collection inside. Nothing was imported.' },
    });
    const onclose = vi.fn();
    const user = userEvent.setup();
    render(CardImportDialog, { path: '/tmp/x.apkg', onclose, onopen: vi.fn() });
    expect(await screen.findByTestId('card-import-error')).toHaveTextContent('is not an Anki package');
    await user.click(screen.getByTestId('card-import-close'));
    expect(onclose).toHaveBeenCalledWith(null);
  });
});
