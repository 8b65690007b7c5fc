// End-to-end: the card browser (search, filter, edit, suspend, delete and
// undo, a bulk action) and undo of rejecting and removing cards in the reader,
// on the real app and database. The deck is built with the command line
// (`clio cards accept`), as a power user would.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, ROOT, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'browser.sqlite3');
let driver;
let app;
let documentId;

const DELETE = '\uE017';
const cards = (...args) => JSON.parse(cli(APP, ['--db', db, 'cards', 'list', '--json', ...args]));
const deck = () => cards('--status', 'accepted');
const rows = async () => (await app.findAll('[data-testid="browser-row"]')).length;
const rowTexts = async () => Promise.all((await app.findAll('[data-testid="browser-prompt"]')).map((p) => p.text()));
const focusList = async () => (await app.find('[data-testid="browser-row"]')).click();

before(async () => {
  cli(APP, ['--db', db, 'import', path.join(ROOT, 'tests/e2e/fixtures/berlin-airlift.md')]);
  documentId = JSON.parse(cli(APP, ['--db', db, 'list', '--json']))[0].id;
  // Every suggestion but the last one shown (not held back below the quality
  // bar) joins the deck; that one is left to reject in the reader.
  const suggested = cards('--document', String(documentId));
  assert.ok(suggested.length >= 4, `${suggested.length} suggestions`);
  const keep = suggested.filter((c) => !c.heldBack).at(-1);
  assert.ok(keep, 'a suggestion above the bar');
  cli(APP, ['--db', db, 'cards', 'accept', ...suggested.filter((c) => c !== keep).map((c) => String(c.id))]);
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  app = await launch(APP, ['--db', db]);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('the browser lists the deck and searches prompts, answers and sentences', async () => {
  const inDeck = deck();
  await (await app.waitFor('[data-testid="nav-cards"]')).click();
  await app.waitFor('[data-testid="browser-row"]');
  assert.equal(await rows(), inDeck.length);
  assert.match(await (await app.find('[data-testid="browser-total"]')).text(), new RegExp(`^${inDeck.length} cards in your deck`));
  await saveScreenshot(app, 'browser');

  const target = inDeck.find((c) => /^\d{4}$/.test(c.answer)) ?? inDeck[0];
  const word = target.answer.split(/\s+/).at(-1);
  await (await app.find('[data-testid="browser-search"]')).type(word);
  await waitUntil(async () => (await rows()) < inDeck.length || inDeck.every((c) => `${c.prompt} ${c.answer} ${c.sourceText}`.includes(word)), {
    what: `the search for ${word}`,
  });
  const found = await rowTexts();
  assert.ok(found.includes(target.prompt), `${word}: ${found.join(' | ')}`);
  await (await app.find('[data-testid="browser-search"]')).clear();
  await (await app.find('[data-testid="browser-search"]')).type(' ');
  await waitUntil(async () => (await rows()) === inDeck.length, { what: 'every card again' });
});

test('suspend with the keyboard, filter by state, and Ctrl+Z undoes it', async () => {
  await focusList();
  const first = (await rowTexts())[0];
  await app.pressKeys(['s']);
  await app.waitFor('[data-testid="undo-button"]');
  await waitUntil(() => deck().filter((c) => c.suspended).length === 1, { what: 'the store to hold one suspended card' });
  assert.equal(deck().find((c) => c.suspended).prompt, first);

  await app.execute(`const s = document.querySelector('[data-testid="browser-state"]');
    s.value = 'suspended'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
  await waitUntil(async () => (await rows()) === 1, { what: 'only the suspended card' });
  assert.deepEqual(await rowTexts(), [first]);
  await saveScreenshot(app, 'browser-filtered');

  await app.pressKeys(['Control', 'z']);
  await waitUntil(() => deck().every((c) => !c.suspended), { what: 'the suspension to be undone' });
  await waitUntil(async () => (await rows()) === 0, { what: 'the filter to show no suspended card' });
  await app.execute(`const s = document.querySelector('[data-testid="browser-state"]');
    s.value = ''; s.dispatchEvent(new Event('change', { bubbles: true }));`);
  await waitUntil(async () => (await rows()) === deck().length, { what: 'every card again' });
});

test('edit a card in place; an empty prompt is refused with the reason', async () => {
  await focusList();
  const id = Number(await (await app.find('[data-testid="browser-row"]')).attribute('data-card-id'));
  await (await app.find('[data-testid="browser-edit"]')).click();
  const prompt = await app.waitFor('[data-testid="card-edit-prompt"]');
  await prompt.clear();
  // (clearing sends no input event; a blank does, and leaves the prompt empty once trimmed)
  await prompt.type(' ');
  await (await app.find('[data-testid="card-edit-save"]')).click();
  const error = await app.waitFor('[data-testid="card-editor"] [role="alert"]');
  assert.match(await error.text(), /prompt is empty/);
  await prompt.type('Which airport received the airlift’s food and coal?');
  await (await app.find('[data-testid="card-edit-save"]')).click();
  await waitUntil(async () => (await app.findAll('[data-testid="card-editor"]')).length === 0, { what: 'the editor to close' });
  await waitUntil(() => deck().find((c) => c.id === id)?.prompt === 'Which airport received the airlift’s food and coal?', {
    what: 'the edit in the store',
  });
  assert.ok((await rowTexts()).includes('Which airport received the airlift’s food and coal?'));
});

test('delete a card, then Undo brings it back with its place in the deck', async () => {
  const before = deck();
  await focusList();
  await app.pressKeys([DELETE]);
  await waitUntil(() => deck().length === before.length - 1, { what: 'the card to be deleted' });
  await waitUntil(async () => (await rows()) === before.length - 1, { what: 'one row fewer' });
  const label = await (await app.waitFor('[data-testid="undo-label"]')).text();
  assert.equal(label, 'Deleted a card.');
  await saveScreenshot(app, 'browser-undo-toast');
  await (await app.find('[data-testid="undo-button"]')).click();
  await waitUntil(() => deck().length === before.length, { what: 'the card to come back' });
  assert.deepEqual(deck(), before, 'the same card, as it was');
  await waitUntil(async () => (await rows()) === before.length, { what: 'the row to come back' });
});

test('a bulk action: select two cards with Space and suspend both, then unsuspend them', async () => {
  await focusList();
  await app.pressKeys([' ']);
  await app.pressKeys(['j']);
  await app.pressKeys([' ']);
  assert.match(await (await app.find('[data-testid="browser-selection"]')).text(), /^2 cards selected/);
  await (await app.find('[data-testid="browser-suspend"]')).click();
  await waitUntil(() => deck().filter((c) => c.suspended).length === 2, { what: 'two suspended cards' });
  assert.equal(await (await app.find('[data-testid="undo-label"]')).text(), 'Suspended 2 cards.');
  await saveScreenshot(app, 'browser-bulk');
  await (await app.find('[data-testid="browser-suspend"]')).click();
  await waitUntil(() => deck().every((c) => !c.suspended), { what: 'both unsuspended' });
});

test('in the reader, rejecting a suggestion and removing a deck card can both be undone', async () => {
  await (await app.find('[data-testid="nav-library"]')).click();
  await (await app.waitFor('[data-testid="doc-item"] .row-link')).click();
  await app.waitFor('[data-testid="suggested-card"]', { timeout: 20000 });
  const statuses = () => cards('--document', String(documentId)).map((c) => c.status);
  const suggestedBefore = statuses().filter((s) => s === 'suggested').length;
  assert.equal(suggestedBefore, 1);

  await (await app.find('[data-testid="suggested-card"] [data-testid="card-reject"]')).click();
  await waitUntil(() => statuses().filter((s) => s === 'suggested').length === 0, { what: 'the rejection in the store' });
  assert.equal(await (await app.waitFor('[data-testid="undo-label"]')).text(), 'Rejected a suggestion.');
  await (await app.find('[data-testid="undo-button"]')).click();
  await waitUntil(() => statuses().filter((s) => s === 'suggested').length === 1, { what: 'the suggestion to come back' });
  await app.waitFor('[data-testid="suggested-card"]');

  const inDeck = deck().length;
  await (await app.find('[data-testid="accepted-card"] [data-testid="card-reject"]')).click();
  await waitUntil(() => deck().length === inDeck - 1, { what: 'the card to leave the deck' });
  assert.equal(await (await app.waitFor('[data-testid="undo-label"]')).text(), 'Removed a card from your deck.');
  await saveScreenshot(app, 'reader-remove-undo');
  await app.pressKeys(['Control', 'z']);
  await waitUntil(() => deck().length === inDeck, { what: 'the card to rejoin the deck' });
  await waitUntil(async () => (await app.findAll('[data-testid="accepted-card"]')).length === inDeck, { what: 'the panel to show it' });
});
