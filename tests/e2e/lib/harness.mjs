// Starts tauri-driver and Clio for end-to-end tests, and runs the CLI.

import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Session, sleep } from './webdriver.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const APP = path.join(ROOT, 'target/debug/clio');
export const SCREENSHOTS = path.join(ROOT, 'target/e2e');

const PORT = 4444;

export function tempDir(prefix = 'clio-e2e-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs the `clio` CLI and returns its standard output. */
export function cli(binary, args, { env = process.env, input } = {}) {
  return execFileSync(binary, args, { env, input, encoding: 'utf8' });
}

/** tauri-driver on port 4444, with `env` passed down to WebKitWebDriver and the app. */
export async function startDriver(env = process.env) {
  // Its own process group, so that stop() ends WebKitWebDriver and any window a
  // failed session left open with it: such a window, orphaned, keeps the test
  // runner's output pipe open and the runner waits for ever (seen once in CI).
  const driver = spawn('tauri-driver', ['--port', String(PORT)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  let exited = null;
  driver.on('exit', (code) => (exited = code));
  const deadline = Date.now() + 20000;
  while (!(await portOpen(PORT))) {
    if (exited !== null) throw new Error(`tauri-driver exited with ${exited}; is it installed (make test-deps)?`);
    if (Date.now() > deadline) throw new Error('tauri-driver did not listen on port 4444 within 20 s');
    await sleep(100);
  }
  return {
    async stop() {
      const group = (signal) => {
        try {
          process.kill(-driver.pid, signal);
        } catch {
          // The group has no process left.
        }
      };
      const gone = exited === null ? new Promise((r) => driver.once('exit', r)) : Promise.resolve();
      group('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      group('SIGKILL');
    },
  };
}

/** Launches `application` with `args` and waits until the UI says it is ready. */
export async function launch(application, args = []) {
  const session = await Session.create(`http://127.0.0.1:${PORT}`, {
    'tauri:options': { application, args },
  });
  await session.waitFor('html[data-ready="true"]', { timeout: 30000 });
  return session;
}

/** Polls `condition` until it holds. */
export async function waitUntil(condition, { timeout = 10000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Saves a PNG of the window as the X server shows it, once running CSS
 * transitions have finished. (WebDriver's own screenshot uses WebKit's snapshot
 * API, which hangs when the DMA-BUF renderer is off, as Clio runs it.)
 */
export async function saveScreenshot(session, name) {
  await waitUntil(
    async () => (await session.execute("return document.getAnimations().filter((a) => a.playState === 'running').length")) === 0,
    { what: 'animations to finish' },
  );
  // Let the compositor put the last frame on screen.
  await session.execute('return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const { x, y, width, height } = await session.cmd('GET', '/window/rect');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  execFileSync('import', ['-window', 'root', '-crop', `${width}x${height}+${x}+${y}`, '+repage', file]);
  return file;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Clio on a new library holding one text, with every suggested card of it in
 * the deck, as a learner gets there: the CLI imports `fixture` (a file under
 * tests/e2e/fixtures/), the window opens the text and "Accept all" is clicked.
 * Returns the driver, the session and the deck as a map prompt → answer.
 */
export async function launchWithDeck(fixture, dir, db) {
  cli(APP, ['--db', db, 'import', path.join(ROOT, 'tests/e2e/fixtures', fixture)]);
  // Every suggestion joins the deck, those held back below the quality bar
  // too (the reader's "Accept all" takes only the shown ones: cards.test.mjs):
  // these tests need a deck of some size.
  const documentId = JSON.parse(cli(APP, ['--db', db, 'list', '--json']))[0].id;
  cli(APP, ['--db', db, 'cards', 'accept', '--document', String(documentId), '--all']);
  const driver = await startDriver({ ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') });
  const app = await launch(APP, ['--db', db]);
  await (await app.waitFor('[data-testid="doc-item"] .row-link')).click();
  await app.waitFor('[data-testid="accepted-card"]', { timeout: 20000 });
  const pairs = await app.execute(`return [...document.querySelectorAll('[data-testid="accepted-card"]')].map((c) =>
    [c.querySelector('.prompt').textContent.trim(), c.querySelector('.answer').lastChild.textContent.trim()])`);
  return { driver, app, deck: new Map(pairs) };
}
