// End-to-end: a student's day without friction on the real app — the reader at
// 900×600 with nothing clipped (its side panel a drawer), a typed answer shown
// word by word, Choose mode on a card whose answer is a person, and a quiz
// ended with questions unanswered.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launchWithDeck, saveScreenshot, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'daily.sqlite3');
let driver;
let app;
/** prompt → answer of every card in the deck. */
const answers = new Map();
/** The people of the fixture; any of them as an answer makes a "who" card. */
const PEOPLE = /Clay|Stalin/;

const text = async (css) => (await app.find(css)).text();

/**
 * Every element under `root` whose content is wider than its box and that is
 * not meant to scroll (overflow-x auto or scroll), or that reaches past the
 * right edge of the window: what a learner would see clipped.
 */
const CLIPPED = `
  const root = document.querySelector(arguments[0]);
  const limit = document.documentElement.clientWidth;
  const out = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden')) continue;
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const rect = el.getBoundingClientRect();
    const name = el.tagName.toLowerCase() + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
    if (!scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      out.push(name + ' content ' + el.scrollWidth + 'px in ' + el.clientWidth + 'px');
    }
    if (rect.width > 0 && rect.right > limit + 1) out.push(name + ' reaches ' + Math.round(rect.right) + 'px of ' + limit + 'px');
  }
  return out;`;

before(async () => {
  let deck;
  ({ driver, app, deck } = await launchWithDeck('berlin-airlift.md', dir, db));
  for (const [prompt, answer] of deck) answers.set(prompt, answer);
  assert.ok(answers.size >= 4, `${answers.size} cards in the deck`);
  assert.ok([...answers.values()].some((a) => PEOPLE.test(a)), `a card on a person among ${[...answers.values()]}`);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('the reader at 900×600 clips nothing, and its cards and notes are a drawer beside the text', async () => {
  await app.setWindowRect({ width: 900, height: 600 });
  await app.waitFor('[data-testid="reader-body"]');
  await waitUntil(async () => (await app.execute('return window.innerWidth')) <= 900, { what: 'the window at 900 px' });
  const clipped = await app.execute(CLIPPED, ['[data-testid="reader"]']);
  assert.deepEqual(clipped, [], 'clipped or overflowing in the reader');
  // The toolbar's last button is whole: "Delete", not "De".
  assert.equal(await text('[data-testid="delete-document"]'), 'Delete');
  // The panel is not 1,500 px below the text: it is closed, a toolbar button away.
  assert.equal(await app.execute('return getComputedStyle(document.querySelector(\'[data-testid="reader-side"]\')).display'), 'none');
  await saveScreenshot(app, 'reader-900x600');

  await (await app.find('[data-testid="reader-side-toggle"]')).click();
  await app.waitFor('[data-testid="reader-side"].open [data-testid="accepted-card"]');
  const drawer = await app.execute(`const r = document.querySelector('[data-testid="reader-side"]').getBoundingClientRect();
    return { top: r.top, right: r.right, width: r.width, window: window.innerWidth }`);
  assert.ok(drawer.top <= 1 && drawer.right <= drawer.window + 1 && drawer.width > 200, `the drawer is on screen: ${JSON.stringify(drawer)}`);
  assert.deepEqual(await app.execute(CLIPPED, ['[data-testid="reader"]']), [], 'clipped or overflowing with the drawer open');
  await saveScreenshot(app, 'reader-900x600-drawer');
  await app.pressKeys(['Escape']);
  await waitUntil(async () => (await app.findAll('[data-testid="reader-side"].open')).length === 0, { what: 'the drawer closed' });
  // Escape closed the drawer, not the text.
  assert.equal((await app.findAll('[data-testid="reader-body"]')).length, 1);
  await app.setWindowRect({ width: 1200, height: 800 });
});

test('a wrong typed answer reads word by word: you wrote, the answer is', async () => {
  await app.pressKeys(['Control', '2']);
  await (await app.waitFor('[data-testid="review-mode-typed"]')).click();
  const prompt = await (await app.waitFor('[data-testid="review-prompt"]')).text();
  // The deck, with every answer, is not listed under the card being asked.
  assert.equal((await app.findAll('[data-testid="deck"]')).length, 0, 'no deck list during a session');
  const answer = answers.get(prompt);
  assert.ok(answer, `the deck has “${prompt}”`);
  const given = /Stalin/.test(answer) ? 'Nikita Khrushchev' : 'Stalin';
  await (await app.waitFor('[data-testid="review-typed-input"]')).type(`${given}\uE007`);
  assert.equal(await (await app.waitFor('[data-testid="review-verdict"]')).text(), 'Not quite');
  assert.equal(await text('[data-testid="review-diff-given"]'), given);
  assert.equal(await text('[data-testid="review-diff-expected"]'), answer);
  const wrong = await app.execute('return [...document.querySelectorAll(\'[data-testid="review-diff-given"] [data-testid="diff-wrong"]\')].map((e) => e.textContent)');
  assert.deepEqual(wrong, [given]);
  const missed = await app.execute('return [...document.querySelectorAll(\'[data-testid="review-diff-expected"] [data-testid="diff-missed"]\')].map((e) => e.textContent).join(" ")');
  assert.equal(missed, answer, 'every word of the answer is marked as not typed');
  await saveScreenshot(app, 'review-typed-diff');
  await app.pressKeys(['1']);
  await waitUntil(async () => (await app.findAll('[data-testid="review-verdict"]')).length === 0, { what: 'the answer saved' });
});

test('Choose mode offers four people for a card whose answer is a person', async () => {
  await (await app.find('[data-testid="review-mode-choice"]')).click();
  // The mode turns with the card it loads: wait for it, or a key may act on the card of the old mode.
  await waitUntil(async () => (await (await app.find('[data-testid="review-mode-choice"]')).attribute('aria-checked')) === 'true', {
    what: 'choice mode',
  });
  for (let i = 0; i < answers.size + 2; i++) {
    const prompt = await (await app.waitFor('[data-testid="review-prompt"]')).text();
    const answer = answers.get(prompt);
    assert.ok(answer, `the deck has “${prompt}”`);
    if (PEOPLE.test(answer)) {
      await app.waitFor('[data-testid="review-choice"]');
      assert.equal((await app.findAll('[data-testid="review-choice-note"]')).length, 0, 'no "cannot be multiple choice" note');
      const choices = await app.execute('return [...document.querySelectorAll(\'[data-testid="review-choice"]\')].map((b) => b.textContent.trim().replace(/^\\d/, ""))');
      assert.equal(choices.length, 4, `four choices: ${choices}`);
      assert.ok(choices.includes(answer), `the answer “${answer}” among ${choices}`);
      for (const choice of choices) {
        assert.ok(!/\d/.test(choice) && !/Berlin|Tempelhof|Soviet Union/.test(choice), `“${choice}” is a person, not a date or a place: ${choices}`);
      }
      await saveScreenshot(app, 'review-choice-person');
      await (await app.findAll('[data-testid="review-choice"]'))[choices.indexOf(answer)].click();
      assert.equal(await text('[data-testid="review-verdict"]'), 'Correct');
      return;
    }
    // Another card: answer it and go on.
    if ((await app.findAll('[data-testid="review-choice"]')).length > 0) await app.pressKeys(['1']);
    else await app.pressKeys([' ']);
    await app.waitFor('[data-testid="review-answer"]');
    await app.pressKeys(['3']);
    await waitUntil(async () => (await text('[data-testid="review-prompt"]').catch(() => prompt)) !== prompt, { what: 'the next card' });
  }
  assert.fail('no card on a person came up in the session');
});

test('a quiz ended with questions unanswered scores only the answered ones; one with none is not kept', async () => {
  await app.pressKeys(['Control', '3']);
  await (await app.waitFor('[data-testid="quiz-format-typed"]')).click();
  const count = await app.find('[data-testid="quiz-count"]');
  await count.clear();
  await count.type('4');
  await (await app.find('[data-testid="quiz-start"]')).click();
  const prompt = await (await app.waitFor('[data-testid="quiz-question"]')).text();
  await (await app.find('[data-testid="quiz-typed-input"]')).type(`${answers.get(prompt)}\uE007`);
  await app.waitFor('[data-testid="quiz-feedback"].correct');
  await (await app.find('[data-testid="quiz-next"]')).click();
  await waitUntil(async () => (await text('[data-testid="quiz-question"]')) !== prompt, { what: 'question 2' });
  await (await app.find('[data-testid="quiz-end"]')).click();
  assert.equal(await (await app.waitFor('[data-testid="quiz-score"]')).text(), '1 of 1 correct');
  assert.match(await text('[data-testid="quiz-score-note"]'), /3 questions not answered are not scored/);
  await saveScreenshot(app, 'quiz-ended-early');

  await (await app.find('[data-testid="quiz-new"]')).click();
  await (await app.waitFor('[data-testid="quiz-start"]')).click();
  await app.waitFor('[data-testid="quiz-question"]');
  await (await app.find('[data-testid="quiz-end"]')).click();
  assert.equal(await (await app.waitFor('[data-testid="quiz-score"]')).text(), 'Ended before any answer');
  await (await app.find('[data-testid="quiz-new"]')).click();
  await app.waitFor('[data-testid="quiz-history-row"]');
  const rows = await app.execute('return [...document.querySelectorAll(\'[data-testid="quiz-history-row"]\')].map((r) => r.textContent.replace(/\\s+/g, " "))');
  assert.equal(rows.length, 1, `only the answered quiz is history: ${rows}`);
  assert.match(rows[0], /1 of 1 correct \(1 of 4 answered\)/);
  assert.doesNotMatch(rows[0], /0 of 4/);
});

test('the sidebar shows today\'s due count on Review, and no sideways scrollbar on Highlights', async () => {
  await app.pressKeys(['Control', '5']);
  await app.waitFor('[data-testid="screen-highlights"]');
  const { today } = JSON.parse(cli(APP, ['--db', db, 'due', '--json']));
  const due = today.new + today.learning + today.review;
  assert.ok(due > 0, 'cards are due in the session left');
  await waitUntil(async () => (await text('[data-testid="nav-review-due"]').catch(() => '')).startsWith(String(due)), {
    what: `the sidebar's due count ${due}`,
  });
  const sidebar = await app.execute('const s = document.querySelector(".sidebar"); return [s.scrollWidth, s.clientWidth]');
  assert.ok(sidebar[0] <= sidebar[1], `the sidebar scrolls sideways: ${sidebar}`);
  await saveScreenshot(app, 'sidebar-due-highlights');
});
