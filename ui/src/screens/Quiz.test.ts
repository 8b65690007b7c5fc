import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Quiz from './Quiz.svelte';
import { doc, fakeBackend, type FakeBackendOptions, type FakeQuizQuestion } from '../test/backend';
import { buildRequest, defaultSetup } from '../lib/quiz.svelte';

const QUESTIONS: FakeQuizQuestion[] = [
  {
    cardId: 11,
    format: 'typed',
    prompt: 'Who met Nixon in Beijing in 1972?',
    choices: [],
    expected: 'Zhōu Ēnlái',
    documentId: 1,
    documentTitle: 'Détente',
    spanStart: 0,
    spanEnd: 29,
  },
  {
    cardId: 12,
    format: 'choice',
    prompt: 'In what year did the Soviet Union withdraw its advisers?',
    choices: ['1958', '1960', '1972', '1949'],
    expected: '1960',
    documentId: 1,
    documentTitle: 'Détente',
    spanStart: 31,
    spanEnd: 54,
  },
  {
    cardId: 13,
    format: 'trueFalse',
    prompt: 'Mao Zedong launched the Great Leap Forward in 1958.',
    choices: ['True', 'False'],
    expected: 'True',
    documentId: 1,
    documentTitle: 'Détente',
    spanStart: 55,
    spanEnd: 100,
  },
  {
    cardId: 14,
    format: 'typed',
    prompt: 'When did the split come?',
    choices: [],
    expected: '1960',
    documentId: 2,
    documentTitle: 'The split',
    spanStart: 10,
    spanEnd: 40,
  },
  {
    cardId: 15,
    format: 'choice',
    prompt: 'Whom did Zhōu Ēnlái meet?',
    choices: ['Brezhnev', 'Nixon', 'Kissinger', 'Ford'],
    expected: 'Nixon',
    documentId: 2,
    documentTitle: 'The split',
    spanStart: 41,
    spanEnd: 70,
  },
];

const PAST = {
  id: 1,
  scopeLabel: 'History › Cold War',
  startedAt: Date.UTC(2025, 4, 1, 9),
  finishedAt: Date.UTC(2025, 4, 1, 9, 5),
  questionCount: 10,
  correctCount: 7,
  answeredCount: 10,
};

async function openQuiz(options: FakeBackendOptions = {}) {
  const backend = fakeBackend({
    documents: [doc(1, { title: 'Détente' }), doc(2, { title: 'The split' })],
    categories: [
      { path: ['History'], documents: 0, total: 2 },
      { path: ['History', 'Cold War'], documents: 2, total: 2 },
    ],
    quizQuestions: QUESTIONS,
    quizHistory: [PAST],
    ...options,
  });
  const onshowsource = vi.fn();
  const user = userEvent.setup();
  render(Quiz, { props: { onshowsource } });
  await waitFor(() => expect(screen.getAllByTestId('quiz-history-row')).toHaveLength(1));
  return { backend, user, onshowsource };
}

describe('the quiz screen', () => {
  it('runs a five-question quiz with typed, choice and true/false questions to a score and the history', async () => {
    const { backend, user, onshowsource } = await openQuiz();
    expect(screen.getByTestId('quiz-history-row')).toHaveTextContent('History › Cold War');
    expect(screen.getByTestId('quiz-history-row')).toHaveTextContent('7 of 10 correct');
    expect(screen.getByTestId('quiz-count')).toHaveValue(10);
    expect(screen.getByTestId('quiz-format-mixed')).toBeChecked();
    expect(screen.getByTestId('quiz-counts-as-review')).not.toBeChecked();

    await user.selectOptions(screen.getByTestId('quiz-scope'), 'document');
    await user.selectOptions(screen.getByTestId('quiz-document'), 'Détente');
    await user.clear(screen.getByTestId('quiz-count'));
    await user.type(screen.getByTestId('quiz-count'), '5');
    await user.click(screen.getByTestId('quiz-start'));

    expect(backend.callsTo('start_quiz')[0]!.args).toEqual({
      request: { scope: { kind: 'document', documentId: 1 }, questionCount: 5, formats: [], countsAsReview: false },
    });

    // 1. Typed, answered leniently.
    expect(await screen.findByTestId('quiz-question')).toHaveTextContent('Who met Nixon in Beijing in 1972?');
    expect(screen.getByTestId('quiz-progress')).toHaveTextContent('Question 1 of 5');
    await user.type(screen.getByTestId('quiz-typed-input'), 'zhou enlai');
    await user.click(screen.getByTestId('quiz-submit'));
    const first = await screen.findByTestId('quiz-feedback');
    expect(first).toHaveTextContent('Correct');
    expect(first).toHaveTextContent('The answer: Zhōu Ēnlái');
    expect(backend.callsTo('answer_quiz_question')[0]!.args).toMatchObject({
      sessionId: expect.any(Number),
      position: 1,
      given: 'zhou enlai',
      durationMs: expect.any(Number),
    });
    await user.click(screen.getByTestId('quiz-next'));

    // 2. Multiple choice, answered wrongly.
    expect(await screen.findByTestId('quiz-question')).toHaveTextContent('withdraw its advisers');
    expect(screen.getByTestId('quiz-progress')).toHaveTextContent('Question 2 of 5');
    expect(screen.queryByTestId('quiz-feedback')).not.toBeInTheDocument();
    const choices = screen.getAllByTestId('quiz-choice');
    expect(choices.map((c) => c.textContent?.trim())).toEqual(['1 1958', '2 1960', '3 1972', '4 1949']);
    await user.click(choices[0]!);
    const second = await screen.findByTestId('quiz-feedback');
    expect(second).toHaveTextContent('Not quite');
    expect(second).toHaveTextContent('The answer: 1960');
    await user.click(screen.getByTestId('quiz-next'));

    // 3. True or false, right.
    expect(await screen.findByTestId('quiz-question')).toHaveTextContent('Great Leap Forward');
    await user.click(screen.getAllByTestId('quiz-choice')[0]!);
    expect(await screen.findByTestId('quiz-feedback')).toHaveTextContent('Correct');
    await user.click(screen.getByTestId('quiz-next'));

    // 4. Typed, a wrong year, with the diff.
    expect(await screen.findByTestId('quiz-question')).toHaveTextContent('When did the split come?');
    await user.type(screen.getByTestId('quiz-typed-input'), '1961');
    await user.click(screen.getByTestId('quiz-submit'));
    const fourth = await screen.findByTestId('quiz-feedback');
    expect(fourth).toHaveTextContent('Not quite');
    expect(within(fourth).getByTestId('quiz-diff')).toHaveTextContent('1960');
    await user.click(screen.getByTestId('quiz-next'));

    // 5. Multiple choice, right; the last "Next" shows the score.
    await user.click((await screen.findAllByTestId('quiz-choice'))[1]!);
    await screen.findByTestId('quiz-feedback');
    expect(screen.getByTestId('quiz-next')).toHaveTextContent('See your score');
    await user.click(screen.getByTestId('quiz-next'));

    expect(await screen.findByTestId('quiz-score')).toHaveTextContent('3 of 5 correct');
    expect(backend.callsTo('finish_quiz')).toHaveLength(1);
    const missed = screen.getAllByTestId('quiz-missed');
    expect(missed).toHaveLength(2);
    expect(missed[0]).toHaveTextContent('withdraw its advisers');
    expect(missed[0]).toHaveTextContent('The answer: 1960');
    expect(missed[0]).toHaveTextContent('You answered: 1958');
    expect(missed[1]).toHaveTextContent('You answered: 1961');
    await user.click(within(missed[1]!).getByRole('button', { name: /Show in text/ }));
    expect(onshowsource).toHaveBeenCalledWith({ documentId: 2, spanStart: 10, spanEnd: 40 });

    await user.click(screen.getByTestId('quiz-new'));
    await waitFor(() => expect(screen.getAllByTestId('quiz-history-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('quiz-history-row');
    expect(rows[0]).toHaveTextContent('3 of 5 correct');
    expect(rows[1]).toHaveTextContent('7 of 10 correct');
    expect(screen.getByTestId('quiz-scope')).toHaveFocus();
  });

  it('shows why a quiz could not start and stays on the setup', async () => {
    const message = 'This category has no cards in your deck yet. Accept some suggested cards first.';
    const { backend, user } = await openQuiz({ quizError: { message } });
    await user.selectOptions(screen.getByTestId('quiz-scope'), 'category');
    await user.selectOptions(screen.getByTestId('quiz-category'), 'History › Cold War');
    await user.click(screen.getByTestId('quiz-format-trueFalse'));
    await user.click(screen.getByTestId('quiz-counts-as-review'));
    await user.click(screen.getByTestId('quiz-start'));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByTestId('quiz-question')).not.toBeInTheDocument();
    expect(backend.callsTo('start_quiz')[0]!.args).toEqual({
      request: {
        scope: { kind: 'category', path: ['History', 'Cold War'] },
        questionCount: 10,
        formats: ['trueFalse'],
        countsAsReview: true,
      },
    });
  });

  it('asks for a document or a sensible count before calling the backend', async () => {
    const { backend, user } = await openQuiz();
    await user.selectOptions(screen.getByTestId('quiz-scope'), 'document');
    await user.click(screen.getByTestId('quiz-start'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose the document to be quizzed on.');
    await user.selectOptions(screen.getByTestId('quiz-scope'), 'dueSoon');
    await user.clear(screen.getByTestId('quiz-count'));
    await user.type(screen.getByTestId('quiz-count'), '101');
    await user.click(screen.getByTestId('quiz-start'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose from 1 to 100 questions.');
    expect(backend.callsTo('start_quiz')).toHaveLength(0);
  });

  it('can be taken with the keyboard alone', async () => {
    const { backend, user } = await openQuiz({ quizQuestions: QUESTIONS.slice(0, 3) });
    // Tab to the scope, leave "Everything", then on to Start.
    await user.tab();
    expect(screen.getByTestId('quiz-scope')).toHaveFocus();
    screen.getByTestId('quiz-start').focus();
    await user.keyboard('{Enter}');

    // Typed: the field has the focus; Enter checks, then Enter goes on.
    await screen.findByTestId('quiz-question');
    await waitFor(() => expect(screen.getByTestId('quiz-typed-input')).toHaveFocus());
    await user.keyboard('Zhou Enlai{Enter}');
    await screen.findByTestId('quiz-feedback');
    await waitFor(() => expect(screen.getByTestId('quiz-next')).toHaveFocus());
    await user.keyboard('{Enter}');

    // Choice: the digit keys pick.
    await waitFor(() => expect(screen.getByTestId('quiz-question')).toHaveTextContent('withdraw its advisers'));
    await waitFor(() => expect(screen.getAllByTestId('quiz-choice')[0]).toHaveFocus());
    await user.keyboard('2');
    expect(await screen.findByTestId('quiz-feedback')).toHaveTextContent('Correct');
    await waitFor(() => expect(screen.getByTestId('quiz-next')).toHaveFocus());
    await user.keyboard('{Enter}');

    // True/false: T and F.
    await waitFor(() => expect(screen.getByTestId('quiz-question')).toHaveTextContent('Great Leap Forward'));
    await user.keyboard('f');
    expect(await screen.findByTestId('quiz-feedback')).toHaveTextContent('Not quite');
    expect(backend.callsTo('answer_quiz_question').map((c) => c.args.given)).toEqual(['Zhou Enlai', '1960', 'False']);
    await waitFor(() => expect(screen.getByTestId('quiz-next')).toHaveFocus());
    await user.keyboard('{Enter}');

    const score = await screen.findByTestId('quiz-score');
    expect(score).toHaveTextContent('2 of 3 correct');
    expect(score).toHaveFocus();
    expect(backend.callsTo('start_quiz')[0]!.args).toEqual({
      request: { scope: { kind: 'all' }, questionCount: 10, formats: [], countsAsReview: false },
    });
  });

  it('ends a quiz early, scoring only the questions answered', async () => {
    const { user } = await openQuiz();
    await user.click(screen.getByTestId('quiz-start'));
    await screen.findByTestId('quiz-question');
    await user.type(screen.getByTestId('quiz-typed-input'), 'Zhou Enlai');
    await user.click(screen.getByTestId('quiz-submit'));
    await screen.findByTestId('quiz-feedback');
    await user.click(screen.getByTestId('quiz-next'));
    await user.click(await screen.findByTestId('quiz-end'));
    // One answered, four left: 1 of 1, not 1 of 5.
    expect(await screen.findByTestId('quiz-score')).toHaveTextContent('1 of 1 correct');
    expect(screen.getByTestId('quiz-score-note')).toHaveTextContent('4 questions not answered are not scored.');
    expect(screen.getAllByTestId('quiz-missed')[0]).toHaveTextContent('Not answered');
    await user.click(screen.getByTestId('quiz-new'));
    await waitFor(() => expect(screen.getAllByTestId('quiz-history-row')).toHaveLength(2));
    expect(screen.getAllByTestId('quiz-history-row')[0]).toHaveTextContent('1 of 1 correct (1 of 5 answered)');
  });

  it('keeps no score and no history for a quiz ended with nothing answered', async () => {
    const { user } = await openQuiz();
    await user.click(screen.getByTestId('quiz-start'));
    await screen.findByTestId('quiz-question');
    await user.click(screen.getByTestId('quiz-end'));
    expect(await screen.findByTestId('quiz-score')).toHaveTextContent('Ended before any answer');
    expect(screen.getByTestId('quiz-score')).not.toHaveTextContent('0 of');
    expect(screen.getByTestId('quiz-score-note')).toHaveTextContent('not kept in your history');
    expect(screen.queryByTestId('quiz-missed')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('quiz-new'));
    await waitFor(() => expect(screen.getByTestId('quiz-scope')).toBeInTheDocument());
    expect(screen.getAllByTestId('quiz-history-row')).toHaveLength(1);
    expect(screen.getByTestId('quiz-history-row')).toHaveTextContent('7 of 10 correct');
  });

  it('shows a typed answer against the answer word by word, and why a question is not multiple choice', async () => {
    const note =
      'No other answers of this kind were found in your library, so this card cannot be multiple choice. Type the answer instead.';
    const { user } = await openQuiz({
      quizQuestions: [
        { cardId: 9, format: 'typed', prompt: 'Who denounced Stalin in 1956?', choices: [], expected: 'Nikita Khrushchev', note },
      ],
    });
    await user.click(screen.getByTestId('quiz-start'));
    expect(await screen.findByTestId('quiz-question-note')).toHaveTextContent('cannot be multiple choice');
    await user.type(screen.getByTestId('quiz-typed-input'), 'Stalin');
    await user.click(screen.getByTestId('quiz-submit'));
    const diff = await screen.findByTestId('quiz-diff');
    expect(within(diff).getByTestId('quiz-diff-given')).toHaveTextContent('Stalin');
    expect(within(diff).getByTestId('quiz-diff-expected')).toHaveTextContent('Nikita Khrushchev');
    expect(within(diff).getByTestId('diff-wrong')).toHaveTextContent('Stalin');
    expect(within(diff).getByTestId('diff-missed')).toHaveTextContent('Nikita Khrushchev');
    expect(diff).not.toHaveTextContent('SNikitalin');
  });
});

describe('buildRequest', () => {
  it('turns the setup into the request the core reads', () => {
    expect(buildRequest(defaultSetup())).toEqual({
      request: { scope: { kind: 'all' }, questionCount: 10, formats: [], countsAsReview: false },
    });
    expect(buildRequest({ ...defaultSetup(), scope: 'dueSoon', format: 'choice', count: 3 })).toEqual({
      request: { scope: { kind: 'dueSoon', days: 7 }, questionCount: 3, formats: ['choice'], countsAsReview: false },
    });
    expect(buildRequest({ ...defaultSetup(), count: 0 })).toEqual({ problem: 'Choose from 1 to 100 questions.' });
    expect(buildRequest({ ...defaultSetup(), scope: 'category' })).toEqual({
      problem: 'Choose the category to be quizzed on.',
    });
  });
});
