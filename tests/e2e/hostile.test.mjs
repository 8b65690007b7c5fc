// End-to-end: hostile pages pasted into the real app. The window is the same
// process as the importer, so a page that crashed the importer would close
// the app; each must end in a report (imported, or the reason it was not)
// with the window still there and working.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launch, saveScreenshot, startDriver, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'library.sqlite3');
let driver;
let app;

const countDocs = () => JSON.parse(cli(APP, ['--db', db, 'list', '--json'])).length;

before(async () => {
  driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  app = await launch(APP, ['--db', db]);
  await app.waitFor('[data-testid="doc-item"]', { timeout: 20000 });
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

/** Pastes `text` as one input event (typing megabytes key by key would take hours) and imports it. */
async function paste(text) {
  await (await app.waitFor('[data-testid="import-menu"]')).click();
  await (await app.waitFor('[data-testid="import-paste"]')).click();
  await app.waitFor('[data-testid="paste-input"]');
  await app.execute(
    `const field = document.querySelector('[data-testid="paste-input"]');
     field.value = arguments[0];
     field.dispatchEvent(new Event('input', { bubbles: true }));`,
    [text],
  );
  await (await app.find('[data-testid="paste-import"]')).click();
  return (await app.waitFor('[data-testid="import-report"]', { timeout: 60000 })).text();
}

async function closeDialog() {
  await app.pressKeys(['Escape']);
  await waitUntil(async () => (await app.findAll('dialog[open]')).length === 0, { what: 'the paste dialog to close' });
}

/** The window still answers and still lists the library. */
async function stillThere() {
  assert.equal(await app.execute('return 1 + 1'), 2);
  assert.ok(await (await app.find('[data-testid="import-menu"]')).displayed());
  assert.ok((await app.findAll('[data-testid="doc-item"]')).length > 0);
}

test('a page nested 200,000 elements deep is imported and the window stays', async () => {
  const before = countDocs();
  const page = '<title>Why did the Frankfurt Parliament fail?</title>' + '<div><span><b><i>'.repeat(50000)
    + 'The Frankfurt Parliament offered the crown to Frederick William IV in April 1849, and he refused it.';
  const report = await paste(page);
  assert.match(report, /Frankfurt Parliament/);
  await closeDialog();
  await stillThere();
  await waitUntil(() => countDocs() === before + 1, { what: 'the CLI to see the deep page' });
});

test('a Markdown alias bomb is refused with a warning and its text kept', async () => {
  let yaml = '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    yaml += `${names[i]}: &${names[i]} [${Array(9).fill('*' + names[i - 1]).join(',')}]\n`;
  }
  const report = await paste(yaml + 'title: Laughs\n---\n# Laughs\n\nThe text under the bomb was written in 1848.\n');
  assert.match(report, /alias/);
  await closeDialog();
  await stillThere();
});

test('a paste over the size limit is refused with the reason, and the window stays', async () => {
  const before = countDocs();
  const line = 'The treaty was signed in 1848 and the war ended soon after that.\n';
  const report = await paste(line.repeat(Math.ceil((11 * 1024 * 1024) / line.length)));
  assert.match(report, /too large/);
  assert.match(report, /10 MB/);
  await saveScreenshot(app, 'hostile-paste-refused');
  await closeDialog();
  await stillThere();
  assert.equal(countDocs(), before);
});
