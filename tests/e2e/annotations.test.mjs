// End-to-end: highlight a passage with a note, quit and relaunch Clio and find
// it in place; re-import an edited version and see the highlight follow its
// text, and a highlight whose text was deleted listed as not placed.

import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, ROOT, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'notes.sqlite3');
const file = path.join(dir, 'berlin-airlift.md');
let driver;
let app;

/** Selects the first occurrence of `words` in the reader's text, as a drag would. */
async function select(words) {
  await app.execute(
    `const words = arguments[0];
     const walker = document.createTreeWalker(document.querySelector('[data-testid="reader-body"]'), NodeFilter.SHOW_TEXT);
     let node;
     while ((node = walker.nextNode()) && !node.textContent.includes(words));
     const at = node.textContent.indexOf(words);
     const range = document.createRange();
     range.setStart(node, at);
     range.setEnd(node, at + words.length);
     getSelection().removeAllRanges();
     getSelection().addRange(range);`,
    [words],
  );
}

/** Opens the text afresh from the library list (closing the reader if it is open). */
async function openText() {
  await (await app.waitFor('[data-testid="nav-library"]')).click();
  for (const back of await app.findAll('[data-testid="reader-back"]')) await back.click();
  await (await app.waitFor('[data-testid="doc-item"] .row-link')).click();
  await app.waitFor('[data-testid="reader-body"]');
}

const marks = async () => Promise.all((await app.findAll('[data-testid="annotation-mark"]')).map((m) => m.text()));

before(async () => {
  copyFileSync(path.join(ROOT, 'tests/e2e/fixtures/berlin-airlift.md'), file);
  cli(APP, ['--db', db, 'import', file]);
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  app = await launch(APP, ['--db', db]);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('a highlight with a note survives quitting and relaunching Clio', async () => {
  await openText();
  await select('Tempelhof Airport');
  await (await app.waitFor('[data-testid="selection-add-note"]')).click();
  const note = await app.waitFor('[data-testid="annotation-note-input"]');
  await note.type('Built up as the airlift’s main airfield.');
  await (await app.find('[data-testid="annotation-save"]')).click();
  await app.waitFor('[data-testid="annotation-note"]');

  await select('Over 270,000 flights had reached the city by then');
  await (await app.waitFor('[data-testid="highlight-color-green"]')).click();
  await waitUntil(async () => (await marks()).length === 2, { what: 'two highlights in the text' });
  await saveScreenshot(app, 'reader-highlights');

  await app.delete();
  app = await launch(APP, ['--db', db]);
  await openText();
  await waitUntil(async () => (await marks()).length === 2, { what: 'the highlights after relaunching' });
  assert.deepEqual(await marks(), ['Tempelhof Airport', 'Over 270,000 flights had reached the city by then']);
  await (await app.find('[data-testid="notes-tab"]')).click();
  assert.equal(await (await app.waitFor('[data-testid="annotation-note"]')).text(), 'Built up as the airlift’s main airfield.');
});

test('re-importing an edited version moves the highlight with its text and lists a deleted one apart', async () => {
  const edited = readFileSync(file, 'utf8')
    .replace('The Soviet Union blocked', 'In a dispute over a new currency, the Soviet Union blocked')
    .replace(' Over 270,000 flights had reached the city by then.', '');
  writeFileSync(file, edited);
  const report = cli(APP, ['--db', db, 'import', file]);
  assert.match(report, /1 updated/);

  await openText();
  await waitUntil(async () => (await marks()).length === 1, { what: 'one highlight placed in the new text' });
  assert.deepEqual(await marks(), ['Tempelhof Airport']);
  await (await app.find('[data-testid="notes-tab"]')).click();
  const orphan = await app.waitFor('[data-testid="annotation-orphan"]');
  assert.match(await orphan.text(), /Over 270,000 flights/);
  await saveScreenshot(app, 'reader-orphaned-highlight');
});
