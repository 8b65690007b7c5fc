// End-to-end: a five-question quiz on the real app — typed answers, instant
// feedback, the score, a missed question opened in its text, and the history.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launchWithDeck, saveScreenshot, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'quiz.sqlite3');
let driver;
let app;
const answers = new Map();

const text = async (css) => (await app.find(css)).text();

before(async () => {
  let deck;
  ({ driver, app, deck } = await launchWithDeck('two-germanys.md', dir, db));
  for (const [prompt, answer] of deck) answers.set(prompt, answer);
  assert.ok(answers.size >= 5, `${answers.size} cards in the deck`);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('a five-question quiz gives instant feedback and a score, and a missed question opens in its text', async () => {
  await app.pressKeys(['Control', '3']);
  await (await app.waitFor('[data-testid="quiz-format-typed"]')).click();
  const count = await app.find('[data-testid="quiz-count"]');
  await count.clear();
  await count.type('5');
  await (await app.find('[data-testid="quiz-start"]')).click();

  for (let i = 1; i <= 5; i++) {
    const prompt = await (await app.waitFor('[data-testid="quiz-question"]')).text();
    const answer = answers.get(prompt);
    assert.ok(answer, `the deck has “${prompt}”`);
    assert.match(await text('[data-testid="quiz-progress"]'), new RegExp(`${i}\\D+5`));
    // Three right (one without its accents and in lower case), two wrong.
    const given = i <= 3 ? (i === 1 ? answer.toLowerCase() : answer) : 'I do not know';
    await (await app.find('[data-testid="quiz-typed-input"]')).type(`${given}\uE007`);
    const feedback = await app.waitFor('[data-testid="quiz-feedback"]');
    assert.equal(await app.execute('return document.querySelector("[data-testid=quiz-feedback]").classList.contains("correct")'), i <= 3, `question ${i}: ${await feedback.text()}`);
    assert.equal(await text('[data-testid="quiz-expected"]'), answer);
    if (i === 5) await saveScreenshot(app, 'quiz-feedback');
    await (await app.find('[data-testid="quiz-next"]')).click();
    if (i < 5) await waitUntil(async () => (await text('[data-testid="quiz-question"]').catch(() => prompt)) !== prompt, { what: `question ${i + 1}` });
  }

  assert.equal(await (await app.waitFor('[data-testid="quiz-score"]')).text(), '3 of 5 correct');
  const missed = await app.findAll('[data-testid="quiz-missed"]');
  assert.equal(missed.length, 2);
  await saveScreenshot(app, 'quiz-score');

  await (await app.find('[data-testid="quiz-missed"] [data-testid="quiz-show-source"]')).click();
  const mark = await app.waitFor('[data-testid="reader-body"] mark.source');
  assert.ok((await mark.text()).length > 10, 'the missed question’s sentence is marked in the text');

  await app.pressKeys(['Control', '3']);
  const row = await app.waitFor('[data-testid="quiz-history-row"]');
  assert.match(await row.text(), /3\D+5/);
});
