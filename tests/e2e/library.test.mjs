// End-to-end: the library on a new database — the starter library, categories,
// search, the reader, deleting, pasting, and imported HTML that cannot run script.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'library.sqlite3');
let driver;
let app;

const texts = async (css) => Promise.all((await app.findAll(css)).map((e) => e.text()));
const countDocs = () => JSON.parse(cli(APP, ['--db', db, 'list', '--json'])).length;

before(async () => {
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  app = await launch(APP, ['--db', db]);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('a new library receives the starter library after the first screen', async () => {
  await app.waitFor('[data-testid="doc-item"]', { timeout: 20000 });
  const expected = countDocs();
  assert.ok(expected >= 15, `starter library has ${expected} texts`);
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length === expected, { what: 'all starter texts listed' });
  assert.match(await (await app.find('[data-testid="status"]')).text(), /starter library/i);
  await saveScreenshot(app, 'library-starter');
});

test('the category tree counts texts and filters the list', async () => {
  const tree = await app.waitFor('[data-testid="category-tree"]');
  assert.ok(await tree.displayed());
  const item = (path) => app.waitFor(`[data-testid="category-item"][data-path="${path}"]`);
  const expand = async (path) => {
    const row = await item(path);
    if ((await row.attribute('aria-expanded')) === 'false') await (await app.find(`[data-path="${path}"] .twisty`)).click();
  };
  const parent = 'History / Modern and Contemporary History';
  const target = `${parent} / Decolonisation`;
  await expand('History');
  await expand(parent);
  const expected = JSON.parse(cli(APP, ['--db', db, 'list', '--json']))
    .filter((d) => d.categoryPath.join(' / ').startsWith(target)).length;
  assert.ok(expected > 0);
  const row = await item(target);
  assert.ok((await row.text()).endsWith(String(expected)), `the row shows ${expected}: ${await row.text()}`);
  await row.click();
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length === expected, { what: 'the list filtered to the category' });
  await saveScreenshot(app, 'library-category');
  await (await item('')).click();
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length === countDocs(), { what: 'all texts again' });
});

test('search finds texts and marks the matched words', async () => {
  const input = await app.waitFor('[data-testid="search-input"]');
  await input.type('Khrushchev');
  await app.waitFor('[data-testid="search-result"]');
  const marks = await texts('[data-testid="search-result"] mark');
  assert.ok(marks.length > 0 && marks.every((m) => /^khrushchev/i.test(m)), `marks: ${marks}`);
  const titles = await texts('[data-testid="search-result"]');
  assert.ok(titles.some((t) => t.includes('Sino-Soviet')), 'the Sino-Soviet split answer mentions Khrushchev');
  await saveScreenshot(app, 'library-search');
  await input.click();
  await app.pressKeys(['Escape']);
  await app.waitFor('[data-testid="doc-item"]');
  assert.equal(await input.property('value'), '', 'Esc clears the search');
});

test('the reader shows a document’s blocks and its font size can change', async () => {
  await app.waitFor('[data-testid="doc-item"]');
  const target = (await app.findAll('[data-testid="doc-item-title"]'))[0];
  const title = await target.text();
  await target.click();
  const reader = await app.waitFor('[data-testid="reader"]');
  assert.ok(await reader.displayed());
  assert.equal(await (await app.find('[data-testid="reader-title"]')).text(), title);
  const paragraphs = await app.findAll('[data-testid="reader-body"] p');
  assert.ok(paragraphs.length >= 1);
  const size = () => app.execute(`return parseFloat(getComputedStyle(document.querySelector('[data-testid="reader-body"] p')).fontSize)`);
  const before = await size();
  await (await app.find('[data-testid="reader-font-larger"]')).click();
  await waitUntil(async () => (await size()) > before, { what: 'a larger reading font' });
  await saveScreenshot(app, 'reader');
  await (await app.find('[data-testid="reader-back"]')).click();
  await app.waitFor('[data-testid="doc-item"]');
});

test('deleting a document removes it from the library at once and offers Undo', async () => {
  const before = countDocs();
  await (await app.findAll('[data-testid="doc-item-title"]'))[0].click();
  await app.waitFor('[data-testid="reader"]');
  await (await app.find('[data-testid="delete-document"]')).click();
  await app.waitFor('[data-testid="undo-button"]');
  await app.waitFor('[data-testid="doc-item"]');
  await waitUntil(() => countDocs() === before - 1, { what: 'the CLI to see one document fewer' });
});

test('pasted text is imported with a report', async () => {
  await (await app.waitFor('[data-testid="import-menu"]')).click();
  await (await app.waitFor('[data-testid="import-paste"]')).click();
  const field = await app.waitFor('[data-testid="paste-input"]');
  await field.type('When did the Helsinki Accords get signed?\n\nThe Helsinki Final Act was signed on 1 August 1975 by 35 states.');
  await (await app.find('[data-testid="paste-import"]')).click();
  const report = await app.waitFor('[data-testid="import-report"]');
  assert.match(await report.text(), /Helsinki/);
  const listed = JSON.parse(cli(APP, ['--db', db, 'search', 'Helsinki', '1975', '--json']));
  assert.ok(listed.length >= 1);
  await saveScreenshot(app, 'import-report');
  await app.pressKeys(['Escape']);
  await waitUntil(async () => (await app.findAll('dialog[open]')).length === 0, { what: 'the paste dialog to close' });
});

test('a web page pasted into the import dialog is found by search and reads clean', async () => {
  const page = readFileSync(new URL('./fixtures/askhistory-page.html', import.meta.url), 'utf8');
  await (await app.waitFor('[data-testid="import-menu"]')).click();
  await (await app.waitFor('[data-testid="import-paste"]')).click();
  await app.waitFor('[data-testid="paste-input"]');
  // The page as one input event: typing 5 KB key by key takes over a minute on a busy machine.
  await app.execute(
    `const field = document.querySelector('[data-testid="paste-input"]');
     field.value = arguments[0];
     field.dispatchEvent(new Event('input', { bubbles: true }));`,
    [page],
  );
  await (await app.find('[data-testid="paste-import"]')).click();
  assert.match(await (await app.waitFor('[data-testid="import-report"]')).text(), /What was the Truman Doctrine\?/);
  await app.pressKeys(['Escape']);
  await waitUntil(async () => (await app.findAll('dialog[open]')).length === 0, { what: 'the paste dialog to close' });

  const input = await app.waitFor('[data-testid="search-input"]');
  await input.click();
  await input.type('truman containment');
  const hit = await app.waitFor('[data-testid="search-result"]');
  assert.match(await hit.text(), /What was the Truman Doctrine\?/);
  await hit.click();

  assert.equal(await (await app.waitFor('[data-testid="reader-title"]')).text(), 'What was the Truman Doctrine?');
  const reader = await (await app.find('[data-testid="reader"]')).text();
  assert.match(reader, /Odile Marchetti/);
  assert.match(reader, /History › Cold War/);
  const body = await (await app.find('[data-testid="reader-body"]')).text();
  assert.match(body, /12 March 1947/);
  for (const noise of ['Loading', 'Comments', 'Share', 'Related questions', 'Great answer', 'Privacy', 'Hope this helps', 'great question', 'author-img']) {
    assert.ok(!body.includes(noise), `page noise "${noise}" is not in the text`);
  }
  assert.equal(await app.execute('return window.__pwned === undefined'), true);
  await saveScreenshot(app, 'reader-imported-page');
  await (await app.find('[data-testid="reader-back"]')).click();
});

test('an imported web page cannot run script in the reader', async () => {
  const page = path.join(dir, 'hostile.html');
  writeFileSync(page, `<!doctype html><html><head><title>Who built the Berlin Wall?</title>
    <script>window.__pwned = 1</script></head><body>
    <article><h1>Who built the Berlin Wall?</h1>
    <p onclick="window.__pwned = 2">East Germany began building the Berlin Wall on 13 August 1961.</p>
    <p><img src="x" onerror="window.__pwned = 3">It stood until <a href="javascript:window.__pwned=4">November 1989</a>.</p>
    <p>&lt;script&gt;window.__pwned = 5&lt;/script&gt; was printed in a guidebook as a joke.</p>
    </article></body></html>`);
  const report = JSON.parse(cli(APP, ['--db', db, 'import', page, '--json']));
  const id = report.added[0].id;
  // Reopen so the window lists the document the CLI imported.
  await app.delete();
  app = await launch(APP, ['--db', db]);
  const items = await app.findAll('[data-testid="doc-item-title"]');
  let opened = false;
  for (const item of items) {
    if ((await item.text()) === 'Who built the Berlin Wall?') {
      await item.click();
      opened = true;
      break;
    }
  }
  assert.ok(opened, `document ${id} is listed`);
  const body = await app.waitFor('[data-testid="reader-body"]');
  const text = await body.text();
  assert.match(text, /13 August 1961/);
  assert.match(text, /<script>window.__pwned = 5<\/script>/, 'markup in the text shows as text');
  for (const p of await app.findAll('[data-testid="reader-body"] p')) await p.click();
  assert.equal(await app.execute('return window.__pwned === undefined'), true);
  assert.equal(await app.execute(`return document.querySelectorAll('[data-testid="reader-body"] script, [data-testid="reader-body"] img, [data-testid="reader-body"] [onclick]').length`), 0);
});
