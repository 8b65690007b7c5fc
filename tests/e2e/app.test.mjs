// End-to-end: the real Clio binary (assets embedded) driven over WebDriver.
// Saves a screenshot of every screen under target/e2e/.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const SCREENS = ['library', 'review', 'quiz', 'progress', 'highlights', 'settings'];
const dir = tempDir();
const db = path.join(dir, 'e2e.sqlite3');
let driver;
let app;

before(async () => {
  // The CLI writes first; the window must show what it wrote.
  cli(APP, ['--db', db, 'add', '-', '--title', 'Why did the Soviet Union withdraw its advisers from China?',
    '--author', 'Mei Lin', '--category', 'History -> Modern and Contemporary History'], {
    input: 'In 1960 the Soviet Union withdrew its advisers and aid from China.\n\nThe split deepened afterwards.',
  });
  // Preferences and WebKit's caches go to the temporary folder, not the user's.
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  app = await launch(APP, ['--db', db]);
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('the window opens on the library with the document the CLI added', async () => {
  assert.equal(await app.title(), 'Clio');
  const screen = await app.waitFor('[data-testid="screen-library"]');
  assert.ok(await screen.displayed());
  const titles = await Promise.all((await app.findAll('[data-testid="doc-item-title"]')).map((e) => e.text()));
  assert.deepEqual(titles, ['Why did the Soviet Union withdraw its advisers from China?']);
});

test('every screen renders from the navigation, with a screenshot each', async () => {
  for (const name of SCREENS) {
    await (await app.find(`[data-testid="nav-${name}"]`)).click();
    const screen = await app.waitFor(`[data-testid="screen-${name}"]`);
    const heading = await (await app.find(`[data-testid="screen-${name}"] h1`)).text();
    assert.equal(heading.toLowerCase(), name);
    assert.equal(await (await app.find(`[data-testid="nav-${name}"]`)).attribute('aria-current'), 'page');
    assert.ok(await screen.displayed());
    await saveScreenshot(app, `screen-${name}`);
  }
});

test('keyboard shortcuts switch screens', async () => {
  await app.pressKeys(['Control', '3']);
  await app.waitFor('[data-testid="screen-quiz"]');
  await app.pressKeys(['Control', '1']);
  await app.waitFor('[data-testid="screen-library"]');
});

test('a document added in the window round-trips through SQLite to the CLI', async () => {
  await (await app.find('[data-testid="nav-library"]')).click();
  await (await app.waitFor('[data-testid="add-document"]')).click();
  await (await app.waitFor('[data-testid="doc-title"]')).type('What was the Great Leap Forward?');
  await (await app.find('[data-testid="doc-category"]')).type('History / China');
  await (await app.find('[data-testid="doc-body"]')).type('The Great Leap Forward was launched in 1958 by Mao Zedong.');
  await saveScreenshot(app, 'library-add-form');
  await (await app.find('[data-testid="doc-save"]')).click();
  await app.waitFor('[data-testid="doc-count"]', { predicate: async (e) => (await e.text()).includes('2') });
  const titles = await Promise.all((await app.findAll('[data-testid="doc-item-title"]')).map((e) => e.text()));
  assert.deepEqual(titles, ['What was the Great Leap Forward?', 'Why did the Soviet Union withdraw its advisers from China?']);
  await saveScreenshot(app, 'library-with-documents');

  const listed = JSON.parse(cli(APP, ['--db', db, 'list', '--json']));
  assert.equal(listed.length, 2);
  assert.equal(listed[0].title, 'What was the Great Leap Forward?');
  assert.deepEqual(listed[0].categoryPath, ['History', 'China']);
});

test('settings show the database in use and switch the theme', async () => {
  await (await app.find('[data-testid="nav-settings"]')).click();
  const dbPath = await app.waitFor('[data-testid="db-path"]');
  assert.equal(await dbPath.text(), db);
  const info = JSON.parse(cli(APP, ['--db', db, 'info', '--json']));
  assert.equal(await (await app.find('[data-testid="schema-version"]')).text(), String(info.schemaVersion));

  await (await app.find('[data-testid="theme-dark"]')).click();
  assert.equal(await app.execute('return document.documentElement.dataset.theme'), 'dark');
  await saveScreenshot(app, 'settings-dark');
  await (await app.find('[data-testid="nav-library"]')).click();
  await saveScreenshot(app, 'library-dark');
  await (await app.find('[data-testid="nav-settings"]')).click();
  await (await app.waitFor('[data-testid="theme-light"]')).click();
  assert.equal(await app.execute('return document.documentElement.dataset.theme'), 'light');
});

test('the content security policy blocks inline scripts', async () => {
  const ran = await app.execute(`
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    return window.__inlineRan === true;`);
  assert.equal(ran, false);
});

test('the layout fits a 900×600 window without horizontal scrolling', async () => {
  await app.setWindowRect({ width: 900, height: 600 });
  for (const name of SCREENS) {
    await (await app.find(`[data-testid="nav-${name}"]`)).click();
    await app.waitFor(`[data-testid="screen-${name}"]`);
    const overflow = await app.execute('return document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 900×600`);
  }
  await (await app.find('[data-testid="nav-library"]')).click();
  await saveScreenshot(app, 'library-900x600');
});

test('after a relaunch the documents, the theme and the study preferences are still there', async () => {
  await (await app.find('[data-testid="nav-settings"]')).click();
  await (await app.waitFor('[data-testid="theme-dark"]')).click();
  // The preference is written to settings.json in the app's data folder.
  const settings = path.join(dir, 'data', 'app.cliostudy.clio', 'settings.json');
  await waitUntil(() => existsSync(settings) && JSON.parse(readFileSync(settings, 'utf8')).theme === 'dark');
  // A study preference: out of range first (refused with the range), then kept.
  const retention = await app.waitFor('[data-testid="pref-retention"]');
  await retention.clear();
  await retention.type('100');
  await (await app.find('[data-testid="pref-save"]')).click();
  assert.match(await (await app.waitFor('[data-testid="pref-error"]')).text(), /between 0\.70 and 0\.99/);
  await retention.clear();
  await retention.type('85');
  const perDay = await app.find('[data-testid="pref-new-per-day"]');
  await perDay.clear();
  await perDay.type('7');
  await (await app.find('[data-testid="pref-save"]')).click();
  await app.waitFor('[data-testid="pref-saved"]');
  await app.delete();
  app = await launch(APP, ['--db', db]);
  const items = await app.findAll('[data-testid="doc-item"]');
  assert.equal(items.length, 2);
  assert.equal(await app.execute('return document.documentElement.dataset.theme'), 'dark');
  await (await app.find('[data-testid="nav-settings"]')).click();
  await waitUntil(async () => (await (await app.waitFor('[data-testid="pref-retention"]')).property('value')) === '85', { what: 'the retention kept' });
  assert.equal(await (await app.find('[data-testid="pref-new-per-day"]')).property('value'), '7');
});
