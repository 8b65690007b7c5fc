import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ImportReportPanel from './ImportReportPanel.svelte';
import { EMPTY_REPORT } from '../test/backend';

describe('import report', () => {
  it('says when the card suggestions of a large import are still being written', () => {
    const added = Array.from({ length: 25 }, (_, i) => ({
      id: i + 1,
      title: `Text ${i + 1}`,
      file: `t${i}.md`,
      record: null,
      suggestedCards: null,
    }));
    render(ImportReportPanel, { report: { ...EMPTY_REPORT, added, suggestionsPending: 5 } });
    expect(screen.getByTestId('import-suggestions-pending')).toHaveTextContent(
      'card suggestions for 5 more texts in the background',
    );
  });

  it('says nothing of suggestions when they are all written', () => {
    render(ImportReportPanel, {
      report: { ...EMPTY_REPORT, added: [{ id: 1, title: 'One', file: null, record: null, suggestedCards: 0 }] },
    });
    expect(screen.queryByTestId('import-suggestions-pending')).not.toBeInTheDocument();
  });

  it('says how many cards were written for each text, with a way to open it', async () => {
    const opened: number[] = [];
    render(ImportReportPanel, {
      report: {
        ...EMPTY_REPORT,
        added: [
          { id: 7, title: 'The Marshall Plan', file: 'marshall.md', record: null, suggestedCards: 9 },
          { id: 8, title: 'Too short', file: 'short.md', record: null, suggestedCards: 0 },
        ],
        unchanged: [{ id: 2, title: 'Yalta', file: 'yalta.md', record: null, suggestedCards: null }],
      },
      onopen: (id: number) => opened.push(id),
    });
    expect(screen.getByTestId('import-cards-written')).toHaveTextContent('9 cards suggested from 1 text');
    expect(screen.getAllByTestId('import-item-cards').map((e) => e.textContent)).toEqual([
      '9 cards suggested',
      '0 cards suggested',
    ]);
    // Stored texts can be opened; an unchanged one is where it was.
    const open = screen.getAllByTestId('import-open');
    expect(open).toHaveLength(2);
    open[0]!.click();
    expect(opened).toEqual([7]);
  });
});
