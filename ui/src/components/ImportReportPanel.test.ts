import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ImportReportPanel from './ImportReportPanel.svelte';
import { EMPTY_REPORT } from '../test/backend';

describe('import report', () => {
  it('says when the card suggestions of a large import are still being written', () => {
    const added = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, title: `Text ${i + 1}`, file: `t${i}.md`, record: null }));
    render(ImportReportPanel, { report: { ...EMPTY_REPORT, added, suggestionsPending: 5 } });
    expect(screen.getByTestId('import-suggestions-pending')).toHaveTextContent('card suggestions for 5 more texts in the background');
  });

  it('says nothing of suggestions when they are all written', () => {
    render(ImportReportPanel, { report: { ...EMPTY_REPORT, added: [{ id: 1, title: 'One', file: null, record: null }] } });
    expect(screen.queryByTestId('import-suggestions-pending')).not.toBeInTheDocument();
  });
});
