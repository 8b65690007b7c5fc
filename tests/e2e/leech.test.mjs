// End-to-end: the leech rule on the real app. A card already forgotten 7 times
// is forgotten once more in Review: with "suspend leeches" chosen in Settings,
// Review says it is a leech, and the card is tagged `leech` and suspended in
// the library file.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, launch, launchWithDeck, saveScreenshot, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'leech.sqlite3');
let driver;
let app;

/** Runs SQL on the library file from outside the app (as another process would). */
function sql(statement, ...params) {
  const script = 'import json, sqlite3, sys\n' +
    'c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA busy_timeout = 5000")\n' +
    'rows = c.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall(); c.commit()\n' +
    'print(json.dumps(rows))';
  return JSON.parse(execFileSync('python3', ['-c', script, db, statement, JSON.stringify(params)], { encoding: 'utf8' }));
}

before(async () => {
  ({ driver, app } = await launchWithDeck('berlin-airlift.md', dir, db));
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('a card forgotten for the eighth time is tagged leech and, by preference, suspended', async () => {
  // Settings → Reviews and cards: suspend leeches (the threshold stays Anki's 8).
  await (await app.find('[data-testid="nav-settings"]')).click();
  assert.equal(await (await app.waitFor('[data-testid="pref-leech-threshold"]')).property('value'), '8');
  await (await app.find('[data-testid="pref-leech-suspend"]')).click();
  await (await app.find('[data-testid="pref-save"]')).click();
  await app.waitFor('[data-testid="pref-saved"]');

  // One card in review, due now, forgotten 7 times; the others out of the way.
  const [[card]] = sql('SELECT card_id FROM card_schedule ORDER BY card_id LIMIT 1');
  const now = Date.now();
  const day = 86_400_000;
  sql('UPDATE card_schedule SET suspended = 1 WHERE card_id != ?', card);
  sql(
    `UPDATE card_schedule SET state = 'review', due = ?, stability = 3.0, difficulty = 8.0, step = 0,
            reps = 20, lapses = 7, last_review_at = ? WHERE card_id = ?`,
    now - day,
    now - 4 * day,
    card,
  );
  // A fresh window, so today's session is built from the file as it is now.
  await app.delete();
  app = await launch(APP, ['--db', db]);
  await app.waitFor('[data-testid="doc-item"]');

  await app.pressKeys(['Control', '2']);
  await app.waitFor('[data-testid="review-prompt"]');
  await app.pressKeys([' ']);
  await app.waitFor('[data-testid="review-answer"]');
  await app.pressKeys(['1']);
  const note = await app.waitFor('[data-testid="review-leech"]');
  assert.match(await note.text(), /forgotten 8 times: it is tagged leech and suspended/);
  // Suspended: nothing left to review today.
  await app.waitFor('[data-testid="review-done"]');
  await saveScreenshot(app, 'review-leech');
  await waitUntil(async () => sql('SELECT suspended FROM card_schedule WHERE card_id = ?', card)[0][0] === 1, {
    what: 'the leech suspended in the file',
  });
  const [[tags, lapses]] = sql(
    'SELECT c.tags, s.lapses FROM cards c JOIN card_schedule s ON s.card_id = c.id WHERE c.id = ?',
    card,
  );
  assert.deepEqual(tags.split(' '), ['leech']);
  assert.equal(lapses, 8);

  // Undo takes the lapse back, and the tag and the suspension with it.
  await (await app.find('[data-testid="review-undo"]')).click();
  await app.waitFor('[data-testid="review-prompt"]');
  assert.deepEqual(sql('SELECT c.tags, s.suspended, s.lapses FROM cards c JOIN card_schedule s ON s.card_id = c.id WHERE c.id = ?', card), [['', 0, 7]]);
});
