import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import ChartPanel from './ChartPanel.svelte';

/** A chart labelled the way every Progress chart is: by the panel's title and summary. */
const chart = (id: string) =>
  createRawSnippet(() => ({
    render: () => `<svg role="img" aria-labelledby="${id}-title ${id}-summary"></svg>`,
  }));

describe('the Progress chart panel', () => {
  it('names its chart by the title and the summary', () => {
    render(ChartPanel, { id: 'forecast', title: 'Due soon', summary: '12 reviews this week.', children: chart('forecast') });
    expect(screen.getByRole('region', { name: 'Due soon' })).toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAccessibleName('Due soon 12 reviews this week.');
  });

  it('takes a summary with emphasis as a snippet, with its test id', () => {
    const summary = createRawSnippet(() => ({ render: () => '<span><strong>Recall</strong>: how likely</span>' }));
    render(ChartPanel, { id: 'mastery', title: 'Mastery', summary, summaryTestId: 'explained' });
    const shown = screen.getByTestId('explained');
    expect(shown).toHaveTextContent('Recall: how likely');
    expect(shown.querySelector('strong')).toHaveTextContent('Recall');
    expect(shown.id).toBe('mastery-summary');
  });

  it('has no summary paragraph without a summary, and spans the row when wide', () => {
    const { container } = render(ChartPanel, { id: 'hardest', title: 'Hardest cards', wide: true });
    expect(container.querySelector('.summary')).toBeNull();
    expect(container.querySelector('section')).toHaveClass('wide');
    const narrow = render(ChartPanel, { id: 'quiz', title: 'Quiz scores', summary: 'None yet.' });
    expect(narrow.container.querySelector('section')).not.toHaveClass('wide');
  });
});
