// End-to-end: a review session on the real app — keyboard only (reveal, grade,
// undo), and a typed answer with a small typo accepted.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launchWithDeck, saveScreenshot, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'review.sqlite3');
let driver;
let app;
/** prompt → answer of every card in the deck, read from the reader's Cards panel. */
const answers = new Map();

const text = async (css) => (await app.find(css)).text();
const due = () => JSON.parse(cli(APP, ['--db', db, 'due', '--json']));

before(async () => {
  let deck;
  ({ driver, app, deck } = await launchWithDeck('berlin-airlift.md', dir, db));
  for (const [prompt, answer] of deck) answers.set(prompt, answer);
  assert.ok(answers.size >= 4, `${answers.size} cards in the deck`);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('a review session by keyboard alone: reveal, grade, undo', async () => {
  await app.pressKeys(['Control', '2']);
  const first = await (await app.waitFor('[data-testid="review-prompt"]')).text();
  const before = due().today;
  assert.match(await text('[data-testid="review-counts"]'), new RegExp(`^${before.new} new · 0 learning`));
  await waitUntil(async () => app.execute('return document.activeElement?.dataset.testid === "review-card"'), { what: 'focus on the card' });

  await app.pressKeys([' ']);
  assert.equal(await text('[data-testid="review-answer"]'), answers.get(first));
  assert.match(await text('[data-testid="grade-good"]'), /Good\s*10m/);
  await saveScreenshot(app, 'review-revealed');
  await app.pressKeys(['3']);
  await waitUntil(async () => (await text('[data-testid="review-prompt"]')) !== first, { what: 'the next card' });
  // Saved before the next card was shown: another process sees it.
  const graded = due().today;
  assert.equal(graded.new, before.new - 1);
  // The card is learning again in 10 minutes: today's, unless that is past the
  // 4 am day boundary (a run at 3:55 counts it tomorrow, as Anki does).
  const crossesDayEnd = new Date().getHours() === 3 && new Date(Date.now() + 10 * 60_000).getHours() === 4;
  assert.equal(graded.learning, crossesDayEnd ? 0 : 1);
  assert.match(await text('[data-testid="review-counts"]'), new RegExp(`^${graded.new} new · ${graded.learning} learning`));

  await app.pressKeys(['u']);
  await waitUntil(async () => (await text('[data-testid="review-prompt"]')) === first, { what: 'the first card back after undo' });
  assert.equal(due().today.new, before.new);
  assert.match(await text('[data-testid="review-counts"]'), new RegExp(`^${before.new} new · 0 learning`));

  // Enter shows the answer, Enter again takes Good.
  await app.pressKeys(['Enter']);
  await app.waitFor('[data-testid="review-answer"]');
  await app.pressKeys(['Enter']);
  await waitUntil(async () => (await text('[data-testid="review-prompt"]')) !== first, { what: 'the next card after Enter, Enter' });
});

test('a typed answer with a small typo is accepted', async () => {
  await (await app.find('[data-testid="review-mode-typed"]')).click();
  for (let i = 0; i < answers.size; i++) {
    const input = await app.waitFor('[data-testid="review-typed-input"]');
    const prompt = await text('[data-testid="review-prompt"]');
    const answer = answers.get(prompt);
    assert.ok(answer, `the deck has the card “${prompt}”`);
    const long = answer.split(' ').find((w) => /^\p{L}{6,}$/u.test(w));
    if (!long) {
      await input.type(`${answer}\uE007`);
      await app.waitFor('[data-testid="review-verdict"]');
      await app.pressKeys(['Enter']);
      await waitUntil(async () => (await text('[data-testid="review-prompt"]').catch(() => '')) !== prompt, { what: 'the next card' });
      continue;
    }
    // One letter dropped from a long word: "Tempelhof" → "Tempelof".
    const typo = answer.replace(long, long.slice(0, 3) + long.slice(4));
    await input.type(`${typo}\uE007`);
    const verdict = await app.waitFor('[data-testid="review-verdict"]');
    assert.equal(await verdict.text(), 'Correct, nearly as written', `“${typo}” for “${answer}”`);
    assert.match(await (await app.find('[data-testid="grade-hard"]')).attribute('class'), /btn-primary/, 'Hard is suggested');
    await saveScreenshot(app, 'review-typed-typo');
    await app.pressKeys(['Enter']);
    await waitUntil(async () => !(await app.findAll('[data-testid="review-verdict"]')).length, { what: 'the answer saved' });
    return;
  }
  assert.fail('no card with a long word in its answer');
});
