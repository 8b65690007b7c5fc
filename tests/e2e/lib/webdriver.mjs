// A small W3C WebDriver client over fetch, enough to drive Clio through
// tauri-driver: sessions, elements, keys, scripts, window size.
// (WebdriverIO's Tauri support wants network installs and a browserName that
// WebKitGTK's driver rejects; the protocol itself is a handful of HTTP calls.)

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const value = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async delete() {
    await this.cmd('DELETE', '');
  }

  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, value[ELEMENT]);
  }

  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((v) => new Element(this, v[ELEMENT]));
  }

  /** Waits until `css` matches an element (and `predicate(element)` holds). */
  async waitFor(css, { timeout = 15000, predicate } = {}) {
    const deadline = Date.now() + timeout;
    let lastError;
    while (Date.now() < deadline) {
      try {
        const el = await this.find(css);
        if (!predicate || (await predicate(el))) return el;
      } catch (e) {
        lastError = e;
      }
      await sleep(100);
    }
    throw new WebDriverError(`timed out after ${timeout} ms waiting for ${css}${lastError ? `: ${lastError.message}` : ''}`);
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  title() {
    return this.cmd('GET', '/title');
  }

  setWindowRect(rect) {
    return this.cmd('POST', '/window/rect', rect);
  }

  /** Presses a chord such as ['Control', '3'] with the Actions API. */
  async pressKeys(keys) {
    const codes = keys.map((k) => KEYS[k] ?? k);
    const actions = [
      ...codes.map((value) => ({ type: 'keyDown', value })),
      ...codes.reverse().map((value) => ({ type: 'keyUp', value })),
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd('POST', '/click', {});
  }
  text() {
    return this.cmd('GET', '/text');
  }
  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }
  displayed() {
    return this.cmd('GET', '/displayed');
  }
  async type(text) {
    await this.cmd('POST', '/value', { text });
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
}

export const KEYS = { Control: '\uE009', Shift: '\uE008', Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C' };

/** No single WebDriver command may take longer: a hang fails the test, naming the command. */
const COMMAND_TIMEOUT_MS = 60000;

async function call(base, method, path, body) {
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    });
  } catch (e) {
    throw new WebDriverError(`${method} ${path}${body ? ` ${JSON.stringify(body).slice(0, 200)}` : ''}: ${e.message}`);
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok || json.value?.error) {
    const v = json.value ?? {};
    throw new WebDriverError(`${method} ${path}: ${v.error ?? response.status} ${v.message ?? ''}`.trim());
  }
  return json.value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
