// End-to-end: suggested cards in the reader — accept, edit, find them in the
// review deck — and a card made from a selection, on the real app and database.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, ROOT, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'cards.sqlite3');
let driver;
let app;

const info = () => cli(APP, ['--db', db, 'info']);
const deckSize = () => Number(/cards:\s+(\d+)/.exec(info())[1]);
const count = async (css) => (await app.findAll(css)).length;

before(async () => {
  // A library with one text (so no starter library): its suggestions are written on import.
  cli(APP, ['--db', db, 'import', path.join(ROOT, 'tests/e2e/fixtures/berlin-airlift.md')]);
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  app = await launch(APP, ['--db', db]);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('open a document, accept two suggested cards, edit one, and find them in the review deck', async () => {
  await (await app.waitFor('[data-testid="doc-item"] .row-link')).click();
  await app.waitFor('[data-testid="suggested-card"]', { timeout: 20000 });
  const suggested = await count('[data-testid="suggested-card"]');
  assert.ok(suggested >= 3, `${suggested} suggestions`);
  const prompts = await Promise.all((await app.findAll('[data-testid="suggested-card"] .prompt')).map((p) => p.text()));
  assert.ok(prompts.some((p) => /1948|blocked|Soviet Union/.test(p)), `prompts: ${prompts.join(' | ')}`);

  // Pointing at a card marks its sentence in the text.
  const first = await app.find('[data-testid="suggested-card"]');
  await app.cmd('POST', '/actions', {
    actions: [{ type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', origin: { 'element-6066-11e4-a52e-4f735466cecf': first.id }, x: 0, y: 0 }] }],
  });
  const mark = await app.waitFor('[data-testid="reader-body"] mark.source');
  assert.ok((await mark.text()).length > 20, `marked: ${await mark.text()}`);
  await saveScreenshot(app, 'reader-cards');

  for (let i = 0; i < 2; i++) {
    const before = await count('[data-testid="accepted-card"]');
    await (await app.find('[data-testid="suggested-card"] [data-testid="card-accept"]')).click();
    await waitUntil(async () => (await count('[data-testid="accepted-card"]')) === before + 1, { what: `card ${i + 1} accepted` });
  }
  assert.equal(await count('[data-testid="suggested-card"]'), suggested - 2);
  assert.equal(deckSize(), 2, 'the database holds two accepted cards');

  await (await app.find('[data-testid="accepted-card"] [data-testid="card-edit"]')).click();
  const prompt = await app.waitFor('[data-testid="card-edit-prompt"]');
  await prompt.clear();
  await prompt.type('Which airport received the airlift’s food and coal?');
  const answer = await app.find('[data-testid="card-edit-answer"]');
  await answer.clear();
  await answer.type('Tempelhof');
  await (await app.find('[data-testid="card-edit-save"]')).click();
  await waitUntil(async () => (await count('[data-testid="card-editor"]')) === 0, { what: 'the editor to close' });

  // Review asks the new cards at once, and lists no answers while it asks.
  await (await app.find('[data-testid="nav-review"]')).click();
  await app.waitFor('[data-testid="review-card"]');
  assert.equal(await count('[data-testid="deck-card"]'), 0, 'no deck list (with its answers) under the card asked');
  await saveScreenshot(app, 'review-deck');

  // The card browser holds both, the edited one as edited.
  await (await app.find('[data-testid="nav-cards"]')).click();
  await app.waitFor('[data-testid="browser-row"]');
  assert.match(await (await app.find('[data-testid="browser-total"]')).text(), /^2 cards in your deck/);
  const rows = await Promise.all((await app.findAll('[data-testid="browser-row"]')).map((r) => r.text()));
  assert.ok(rows.some((r) => r.includes('Which airport received the airlift’s food and coal?') && r.includes('Tempelhof')), rows.join('\n'));
});

test('select words in the reader and make a cloze card of them', async () => {
  await (await app.find('[data-testid="nav-library"]')).click();
  await (await app.waitFor('[data-testid="doc-item"] .row-link')).click();
  await app.waitFor('[data-testid="cards-panel"]');
  // Select "Lucius Clay" in the second paragraph, as a drag would.
  await app.execute(`
    const p = [...document.querySelectorAll('[data-testid="reader-body"] p')].find((el) => el.textContent.includes('Lucius Clay'));
    const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.includes('Lucius Clay'));
    const at = node.textContent.indexOf('Lucius Clay');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'Lucius Clay'.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);`);
  await (await app.waitFor('[data-testid="selection-make-card"]')).click();
  await app.waitFor('[data-testid="selection-card-dialog"] [data-testid="selection-prompt"]');
  await (await app.find('[data-testid="selection-kind-cloze"]')).click();
  const prompt = await app.find('[data-testid="selection-prompt"]');
  assert.equal(await prompt.property('value'), 'General _____ ordered the first supply flights two days later.');
  assert.equal(await (await app.find('[data-testid="selection-answer"]')).property('value'), 'Lucius Clay');
  await saveScreenshot(app, 'reader-selection-card');
  await (await app.find('[data-testid="selection-create"]')).click();
  await waitUntil(async () => (await app.findAll('[data-testid="accepted-card"]')).length === 3, { what: 'the new card in the panel' });
  assert.equal(deckSize(), 3);
  const shown = await Promise.all((await app.findAll('[data-testid="accepted-card"]')).map((c) => c.text()));
  assert.ok(shown.some((t) => t.includes('General _____ ordered') && t.includes('your selection')), shown.join('\n'));
});

test('the reader and the library offer their cards for Anki or a spreadsheet', async () => {
  // The reader is open on the text from the test before.
  await (await app.waitFor('[data-testid="reader-export-cards"]')).click();
  const dialog = await app.waitFor('[data-testid="card-export-dialog"][open]');
  assert.match(await dialog.text(), /The cards of “How did the Berlin Airlift keep West Berlin alive\?”/);
  const scheduling = await app.find('[data-testid="card-export-scheduling"]');
  assert.equal(await scheduling.property('checked'), true, 'an Anki package keeps the history by default');
  await (await app.find('[data-testid="card-export-format-csv"]')).click();
  assert.equal(await scheduling.property('disabled'), true, 'a CSV file holds the cards only');
  await (await app.find('[data-testid="card-export-format-apkg"]')).click();
  await saveScreenshot(app, 'card-export-dialog');
  await app.pressKeys(['Escape']);
  await waitUntil(async () => (await app.findAll('[data-testid="card-export-dialog"][open]')).length === 0, { what: 'the dialog closed' });

  await (await app.find('[data-testid="reader-back"]')).click();
  await (await app.waitFor('[data-testid="export-cards"]')).click();
  const library = await app.waitFor('[data-testid="card-export-dialog"][open]');
  assert.match(await library.text(), /Every card in your deck/);
  await app.pressKeys(['Escape']);
  await (await app.find('[data-testid="import-menu"]')).click();
  assert.match(await (await app.waitFor('[data-testid="import-cards"]')).text(), /Cards from Anki or a spreadsheet/);
  await app.pressKeys(['Escape']);
});

test('suggestions held back below the quality bar are shown on request and left out of "Accept all"', async () => {
  await (await app.find('[data-testid="nav-library"]')).click();
  await (await app.waitFor('[data-testid="doc-item"] .row-link')).click();
  const counted = await app.waitFor('[data-testid="held-back-count"]');
  const held = Number(/(\d+)/.exec(await counted.text())[1]);
  assert.ok(held > 0, `held back: ${await counted.text()}`);
  assert.equal(await count('[data-testid="held-back-card"]'), 0, 'hidden until asked for');
  await (await app.find('[data-testid="held-back-toggle"]')).click();
  await waitUntil(async () => (await count('[data-testid="held-back-card"]')) === held, { what: 'the held-back cards shown' });
  await saveScreenshot(app, 'reader-held-back');

  // One held-back card accepted on its own joins the deck.
  let deck = deckSize();
  await (await app.find('[data-testid="held-back-card"] [data-testid="card-accept"]')).click();
  await waitUntil(async () => (await count('[data-testid="held-back-card"]')) === held - 1, { what: 'a held-back card accepted' });
  assert.equal(deckSize(), deck + 1);

  const shown = await count('[data-testid="suggested-card"]');
  assert.ok(shown > 0, 'a suggestion is left from the first test');
  deck = deckSize();
  await (await app.find('[data-testid="cards-accept-all"]')).click();
  await waitUntil(async () => (await count('[data-testid="suggested-card"]')) === 0, { what: 'the shown suggestions accepted' });
  assert.equal(deckSize(), deck + shown, '"Accept all" accepts what is shown');
  assert.equal(await count('[data-testid="held-back-card"]'), held - 1, 'the held-back cards still wait');
});

test('the Cards panel goes through suggestions by keyboard: X rejects, A accepts, the focus moves on', async () => {
  // The held-back cards of the test before are still shown and waiting.
  const held = await count('[data-testid="held-back-card"]');
  assert.ok(held >= 2, `${held} held-back cards left to decide on`);
  const focusedCard = () => app.execute('return document.activeElement?.dataset?.cardId ?? null');

  // A click on a card's text puts the focus on the card.
  await (await app.find('[data-testid="held-back-card"] .prompt')).click();
  const first = await focusedCard();
  assert.ok(first, 'a card has the focus');

  let deck = deckSize();
  await app.pressKeys(['x']);
  await waitUntil(async () => (await count('[data-testid="held-back-card"]')) === held - 1, { what: 'the card rejected by X' });
  assert.equal(deckSize(), deck, 'a rejected card does not join the deck');
  await waitUntil(async () => ![null, first].includes(await focusedCard()), { what: 'the focus on the next card' });
  await saveScreenshot(app, 'reader-cards-keyboard');

  await app.pressKeys(['a']);
  await waitUntil(async () => (await count('[data-testid="held-back-card"]')) === held - 2, { what: 'the card accepted by A' });
  assert.equal(deckSize(), deck + 1, 'the accepted card is in the database');
});
