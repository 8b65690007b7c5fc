// End-to-end: after a few reviews in the real app, the Progress dashboard
// shows them — today's count, the streak, the heatmap cell, the forecast.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { APP, cli, launchWithDeck, saveScreenshot, tempDir, waitUntil } from './lib/harness.mjs';

const dir = tempDir();
const db = path.join(dir, 'progress.sqlite3');
let driver;
let app;

/** The learner's date (the day starts at 4 am local time), as the heatmap names it. */
function learnerDate() {
  const d = new Date(Date.now() - 4 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

before(async () => {
  ({ driver, app } = await launchWithDeck('two-germanys.md', dir, db));
});

after(async () => {
  await app?.delete().catch(() => {});
  await driver?.stop();
});

test('three reviews show on the dashboard: today, the streak, the heatmap and the forecast', async () => {
  // Before any review the dashboard says so.
  await app.pressKeys(['Control', '4']);
  await app.waitFor('[data-testid="progress-today-reviewed"]');
  assert.equal(await (await app.find('[data-testid="progress-today-reviewed"]')).text(), '0');

  await app.pressKeys(['Control', '2']);
  for (let i = 0; i < 3; i++) {
    const prompt = await (await app.waitFor('[data-testid="review-prompt"]')).text();
    await app.pressKeys([' ']);
    await app.waitFor('[data-testid="review-answer"]');
    await app.pressKeys(['4']); // Easy: each card graduates and falls due in the coming days
    await waitUntil(async () => (await (await app.find('[data-testid="review-prompt"]')).text().catch(() => '')) !== prompt, { what: `answer ${i + 1} saved` });
  }

  await app.pressKeys(['Control', '4']);
  await waitUntil(async () => (await (await app.find('[data-testid="progress-today-reviewed"]')).text()) === '3', { what: 'three reviewed today' });
  assert.match(await (await app.find('[data-testid="progress-streak"]')).text(), /^1 day/);
  const cell = await app.waitFor(`[data-testid="heatmap-cell"][data-date="${learnerDate()}"]`);
  assert.equal(await cell.attribute('data-count'), '3');
  const bars = await app.execute(
    `return [...document.querySelectorAll('[data-testid="forecast-bar"]')].map((b) => [Number(b.dataset.day), Number(b.dataset.count)])`,
  );
  assert.equal(bars.length, 30);
  const ahead = bars.filter(([day]) => day >= 1).reduce((n, [, count]) => n + count, 0);
  assert.equal(ahead, 3, `the three graduated cards are due in the coming days: ${JSON.stringify(bars)}`);
  await saveScreenshot(app, 'progress-after-reviews');

  const stats = JSON.parse(cli(APP, ['--db', db, 'stats', '--json']));
  assert.equal(stats.today.reviewed, 3, 'the CLI reads the same figures');
});
