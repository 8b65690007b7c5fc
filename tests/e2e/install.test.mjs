// The install test: the .deb installs /usr/bin/clio with its menu entry and
// icon; the installed app opens over WebDriver on its default database, keeps
// what it saved across a relaunch, shares the database with the CLI, and its
// data survives uninstalling. Needs root (or passwordless sudo).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const DEB_DIR = path.join(ROOT, 'target/debug/bundle/deb');
const IDENTIFIER = 'app.cliostudy.clio';

const asRoot = process.getuid() === 0 ? [] : spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : null;
const reason = asRoot === null
  ? 'THE INSTALL TEST DID NOT RUN: it installs a .deb and needs root or passwordless sudo. Run `sudo make test-install` to run it.'
  : undefined;
if (reason) console.error(`\n${'!'.repeat(100)}\n${reason}\n${'!'.repeat(100)}\n`);

function root(cmd, args) {
  const [bin, ...rest] = asRoot.length ? [...asRoot, cmd, ...args] : [cmd, ...args];
  return execFileSync(bin, rest, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const home = tempDir('clio-install-');
const env = { ...process.env, HOME: home };
for (const k of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'CLIO_DB']) delete env[k];
const defaultDb = path.join(home, '.local/share', IDENTIFIER, 'clio.sqlite3');
let driver;

before(() => {
  if (reason) return;
  const debs = readdirSync(DEB_DIR).filter((f) => f.endsWith('.deb'));
  assert.equal(debs.length, 1, `expected one .deb in ${DEB_DIR}, found ${debs}`);
  const deb = path.join(DEB_DIR, debs[0]);
  console.log(`installing ${debs[0]} (${(statSync(deb).size / 1048576).toFixed(1)} MiB)`);
  root('apt-get', ['install', '-y', '-q', '--reinstall', deb]);
});

after(async () => {
  await driver?.stop();
});

test('the package installs the binary, a menu entry and an icon', { skip: reason }, () => {
  assert.ok(existsSync('/usr/bin/clio'), '/usr/bin/clio is installed');
  const desktop = readFileSync('/usr/share/applications/Clio.desktop', 'utf8');
  assert.match(desktop, /^Name=Clio$/m);
  assert.match(desktop, /^Exec=clio$/m);
  assert.match(desktop, /^Icon=clio$/m);
  assert.match(desktop, /^Categories=Education;?$/m);
  for (const size of ['32x32', '64x64', '128x128', '256x256', '512x512']) {
    const icon = `/usr/share/icons/hicolor/${size}/apps/clio.png`;
    assert.ok(existsSync(icon), `${icon} is installed`);
  }
  assert.match(execFileSync('/usr/bin/clio', ['--version'], { encoding: 'utf8' }), /^clio \d+\.\d+\.\d+/);
});

test('the installed app opens on its default database and keeps it across a relaunch', { skip: reason }, async () => {
  driver = await startDriver(env);
  let app = await launch('/usr/bin/clio');
  // A new library gets the starter library right after the first screen.
  await waitUntil(async () => (await app.findAll('[data-testid="doc-item"]')).length >= 15, { what: 'the starter library' });
  await (await app.find('[data-testid="nav-settings"]')).click();
  assert.equal(await (await app.waitFor('[data-testid="db-path"]')).text(), defaultDb);
  await (await app.find('[data-testid="nav-library"]')).click();
  await (await app.waitFor('[data-testid="add-document"]')).click();
  await (await app.waitFor('[data-testid="doc-title"]')).type('When did the Berlin Wall fall?');
  await (await app.find('[data-testid="doc-body"]')).type('The Berlin Wall fell on 9 November 1989.');
  await (await app.find('[data-testid="doc-save"]')).click();
  await app.waitFor('[data-testid="status"]', { predicate: async (e) => (await e.text()).includes('Berlin Wall') });
  await saveScreenshot(app, 'installed-library');
  await app.delete();

  app = await launch('/usr/bin/clio');
  const titles = await Promise.all((await app.findAll('[data-testid="doc-item-title"]')).map((e) => e.text()));
  assert.ok(titles.includes('When did the Berlin Wall fall?'), `${titles}`);
  await app.delete();

  // The first run also added the starter library, once.
  const info = JSON.parse(cli('/usr/bin/clio', ['info', '--json'], { env }));
  assert.equal(info.dbPath, defaultDb);
  assert.equal(info.documentCount, titles.length);
  assert.ok(info.documentCount >= 16, `starter library plus the added text: ${info.documentCount}`);
});

test('uninstalling keeps the user’s library', { skip: reason }, () => {
  root('dpkg', ['--remove', 'clio']);
  assert.ok(!existsSync('/usr/bin/clio'), 'the binary is gone');
  assert.ok(existsSync(defaultDb), 'the database is still there');
});
