import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import SelectionCardDialog from './SelectionCardDialog.svelte';
import { card } from '../test/backend';

const draft = (kind: 'cloze' | 'question', prompt: string) => ({
  kind,
  prompt,
  answer: '1960',
  choices: [],
  sourceText: 'The split came in 1960.',
  spanStart: 31,
  spanEnd: 54,
});
const drafts = {
  cloze: draft('cloze', 'The split came in _____.'),
  question: draft('question', 'In what year did the split come?'),
  questionFromGenerator: true,
};

function open(existing: ReturnType<typeof card>[]) {
  render(SelectionCardDialog, { open: true, drafts, existing, oncreate: async () => null, onclose: () => {} });
}

describe('a card made from a selection', () => {
  it('says when the deck already has a card with the same answer from the same words', async () => {
    open([card(5, { status: 'accepted', prompt: 'When did the split come?', answer: '1960', spanStart: 31, spanEnd: 54 })]);
    const note = await screen.findByTestId('selection-duplicate');
    expect(note).toHaveTextContent('Your deck already has a card on this: “When did the split come?” — 1960.');
  });

  it('says when the deck already asks the same question, as the prompt is edited', async () => {
    const user = userEvent.setup();
    open([card(6, { status: 'accepted', prompt: 'Who met Nixon?', answer: 'Zhou Enlai', spanStart: 0, spanEnd: 29 })]);
    await waitFor(() => expect(screen.getByTestId('selection-prompt')).toHaveValue('In what year did the split come?'));
    expect(screen.queryByTestId('selection-duplicate')).not.toBeInTheDocument();
    await user.clear(screen.getByTestId('selection-prompt'));
    await user.type(screen.getByTestId('selection-prompt'), 'who met nixon');
    expect(await screen.findByTestId('selection-duplicate')).toHaveTextContent('“Who met Nixon?”');
  });

  it('says nothing for a new fact', async () => {
    open([card(7, { status: 'accepted', prompt: 'Who met Nixon?', answer: 'Zhou Enlai', spanStart: 0, spanEnd: 29 })]);
    await waitFor(() => expect(screen.getByTestId('selection-prompt')).toHaveValue('In what year did the split come?'));
    expect(screen.queryByTestId('selection-duplicate')).not.toBeInTheDocument();
  });
});
