// End-to-end: back up from Settings, change the library, restore the backup
// (the library as it was is kept as a backup of its own); and a damaged library
// at start offers its newest good backup, which one click restores, also when
// the library is large and the check that finds the damage runs after launch.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';

import { APP, ROOT, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const FIXTURE = path.join(ROOT, 'tests/e2e/fixtures/berlin-airlift.md');
const dir = tempDir();
let driver;
let app;

const titles = (db) => JSON.parse(cli(APP, ['--db', db, 'list', '--json'])).map((d) => d.title);

before(async () => {
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
});

// One window at a time: each test closes its own, passed or not.
afterEach(async () => {
  await app?.delete().catch(() => {});
  app = undefined;
});

after(async () => {
  await driver?.stop();
});

test('a backup made in Settings is restored there, and the library as it was is kept', async () => {
  const db = path.join(dir, 'settings', 'clio.sqlite3');
  cli(APP, ['--db', db, 'import', FIXTURE]);
  app = await launch(APP, ['--db', db]);
  await app.waitFor('[data-testid="doc-item"]', { timeout: 20000 });
  const before = titles(db);

  await app.pressKeys(['Control', '6']);
  await app.waitFor('[data-testid="backup-empty"]');
  await (await app.find('[data-testid="backup-now"]')).click();
  await waitUntil(async () => (await app.findAll('[data-testid="backup-row"]')).length === 1, { what: 'the backup listed' });

  // Work done after the backup (the CLI shares the library with the window).
  cli(APP, ['--db', db, 'add', '--title', 'Written after the backup', '-'], { input: 'The Marshall Plan was announced in June 1947.' });
  assert.ok(titles(db).includes('Written after the backup'));

  await (await app.find('[data-testid="backup-restore"]')).click();
  await (await app.waitFor('[data-testid="backup-restore-confirm"]')).click();
  await waitUntil(async () => /^Restored/.test(await (await app.find('[data-testid="backup-status"]')).text()), {
    timeout: 20000,
    what: 'the restore reported',
  });
  assert.match(await (await app.find('[data-testid="backup-status"]')).text(), /Restored the backup from .*kept as the backup from/);
  await waitUntil(async () => (await app.findAll('[data-testid="backup-row"]')).length === 2, { what: 'the safety backup listed' });
  await saveScreenshot(app, 'settings-backups-restored');

  assert.deepEqual(titles(db), before, 'the library is the backup’s');
  await app.pressKeys(['Control', '1']);
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length === before.length, { what: 'the library list reloaded' });
  const shown = await app.execute(`return [...document.querySelectorAll('[data-testid="doc-item-title"]')].map((e) => e.textContent.trim())`);
  assert.ok(!shown.includes('Written after the backup'), JSON.stringify(shown));

  // The safety backup holds the work done after the first backup.
  const backups = JSON.parse(cli(APP, ['--db', db, 'backup', '--list', '--json']));
  assert.equal(backups.length, 2);
  assert.ok(backups.every((b) => b.good));
});

test('a damaged library at start offers its newest good backup, and restoring it opens the library', async () => {
  const folder = path.join(dir, 'damaged');
  const db = path.join(folder, 'clio.sqlite3');
  cli(APP, ['--db', db, 'import', FIXTURE]);
  cli(APP, ['--db', db, 'backup']);
  const bytes = readFileSync(db);
  writeFileSync(db, bytes.subarray(0, Math.floor(bytes.length / 2)));

  app = await launch(APP, ['--db', db]);
  const offer = await app.waitFor('[data-testid="fatal-backup-offer"]');
  assert.match(await offer.text(), /kept\s+beside the library/);
  assert.match(await (await app.find('h1')).text(), /damaged/);
  await saveScreenshot(app, 'damaged-library-offer');
  await restoreFromTheOffer(app, folder, db);
});

// Grows the library past the size the window checks in full before opening it
// (16 MiB) with a table of padding, closes it cleanly, and prints the padding's
// b-tree root page and the page size.
const GROW = `
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE padding (b BLOB)")
c.execute("INSERT INTO padding VALUES (zeroblob(17 * 1024 * 1024))")
c.commit()
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'padding'").fetchone()[0]
size = c.execute("PRAGMA page_size").fetchone()[0]
c.close()
print(root, size)
`;

test('a large library damaged where the first screen does not read is checked after launch, and its newest good backup offered', async () => {
  const folder = path.join(dir, 'large');
  const db = path.join(folder, 'clio.sqlite3');
  cli(APP, ['--db', db, 'import', FIXTURE]);
  cli(APP, ['--db', db, 'backup']);
  const [root, pageSize] = execFileSync('python3', ['-c', GROW, db], { encoding: 'utf8' }).trim().split(' ').map(Number);
  assert.ok(statSync(db).size > 16 * 1024 * 1024);
  assert.ok(!existsSync(`${db}-wal`) || statSync(`${db}-wal`).size === 0, 'closed cleanly: no WAL left');
  // Scrambles the padding's root page: the header, the schema and everything
  // the first screen reads are intact; only the full check reads that page.
  const bytes = readFileSync(db);
  for (let i = (root - 1) * pageSize; i < root * pageSize; i++) bytes[i] = (i * 131) % 251;
  writeFileSync(db, bytes);

  app = await launch(APP, ['--db', db]);
  const offer = await app.waitFor('[data-testid="fatal-backup-offer"]', { timeout: 30000 });
  assert.match(await offer.text(), /kept\s+beside the library/);
  assert.match(await (await app.find('[data-testid="fatal-message"]')).text(), /is damaged: SQLite/);
  assert.ok(readFileSync(db).equals(bytes), 'the damaged file was not written to');
  await saveScreenshot(app, 'damaged-large-library-offer');
  await restoreFromTheOffer(app, folder, db);
});

// Restores the newest good backup from the damaged-library screen: the
// library comes back with its text, and the damaged file is kept beside it.
async function restoreFromTheOffer(app, folder, db) {
  await (await app.find('[data-testid="fatal-restore"]')).click();
  await app.waitFor('[data-testid="screen-library"]', { timeout: 20000 });
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length >= 1, { what: 'the restored library listed' });
  const aside = readdirSync(folder).filter((f) => /^clio\.sqlite3\.damaged-\d{8}-\d{6}$/.test(f));
  assert.equal(aside.length, 1, `the damaged file is kept: ${readdirSync(folder)}`);
  assert.ok(titles(db).some((t) => /Airlift/i.test(t)), 'the text is back');
}
