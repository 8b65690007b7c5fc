// End-to-end: back up from Settings, change the library, restore the backup
// (the library as it was is kept as a backup of its own); and a damaged library
// at start offers its newest good backup, which one click restores.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  await (await app.find('[data-testid="fatal-restore"]')).click();

  await app.waitFor('[data-testid="screen-library"]', { timeout: 20000 });
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length >= 1, { what: 'the restored library listed' });
  const aside = readdirSync(folder).filter((f) => /^clio\.sqlite3\.damaged-\d{8}-\d{6}$/.test(f));
  assert.equal(aside.length, 1, `the damaged file is kept: ${readdirSync(folder)}`);
  assert.ok(titles(db).some((t) => /Airlift/i.test(t)), 'the text is back');
});
