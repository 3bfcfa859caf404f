// A small page object over a W3C WebDriver session, so one journey runs unchanged in Chromium,
// WebKit and Firefox. Controls are found as a person finds them, by role and accessible name (or
// label, or text), with Testing Library's queries run inside the page: the same accessible-name
// rules in every engine, whatever each driver's own locators support.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Key } from "selenium-webdriver";

const require = createRequire(import.meta.url);
// The UMD build finds its global with `Function("return this")`, which the app's CSP (no
// 'unsafe-eval') would refuse in some engines; `globalThis` is the same object.
const TESTING_LIBRARY = readFileSync(
  require.resolve("@testing-library/dom/dist/@testing-library/dom.umd.min.js"),
  "utf8",
).replaceAll('Function("return this")()', "globalThis");

export { Key };

const POLL_MS = 100;
export const TIMEOUT_MS = 15_000;

/** Regular expressions cross into the page as `{ regex, flags }`. */
const serialise = (value) => (value instanceof RegExp ? { regex: value.source, flags: value.flags } : value);

export class Page {
  constructor(driver, engine, baseUrl) {
    this.driver = driver;
    this.engine = engine;
    this.baseUrl = baseUrl;
  }

  async goto(path) {
    await this.driver.get(new URL(path, this.baseUrl).href);
  }

  /** A reload the service worker answers (Firefox's WebDriver refresh bypasses it). */
  async reload() {
    const marker = await this.evaluate(() => (window.__remodelBeforeReload = Math.random()));
    await this.evaluate(() => setTimeout(() => location.reload(), 0));
    await this.until(
      async () =>
        (await this.evaluate(() => window.__remodelBeforeReload ?? null).catch((error) => {
          if (error.fatal) throw error;
          return marker;
        })) !== marker,
      "the page to reload",
    );
  }

  url() {
    return this.driver.getCurrentUrl();
  }

  /** Runs `fn(...args)` in the page and returns its (awaited) result. */
  async evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (error) => done({ error: error && error.name ? \`\${error.name}: \${error.message}\n\${error.stack}\` : String(error) }));`;
    const result = await this.driver.executeAsyncScript(script, ...args);
    if (result?.error) throw new Error(`in the page: ${result.error}`);
    return result?.value;
  }

  byRole(role, options = {}) {
    return new Locator(this, "role", role, options);
  }

  byLabel(label, options = {}) {
    return new Locator(this, "label", label, options);
  }

  byText(text, options = {}) {
    return new Locator(this, "text", text, options);
  }

  /** Polls `check` until it returns something truthy; fails with `what` after the timeout. */
  async until(check, what, timeout = TIMEOUT_MS) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        const value = await check();
        if (value) return value;
      } catch (error) {
        if (error.fatal) throw error;
        last = error;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const text = await this.evaluate(() => document.body?.innerText.slice(0, 600) ?? "").catch(() => "?");
    throw new Error(
      `${this.engine}: timed out after ${timeout} ms waiting for ${what} at ${await this.url().catch(() => "?")}` +
        `${last ? ` (last error: ${last.message})` : ""}\npage text: ${text}`,
    );
  }

  /** The elements a chain of queries matches now (each step inside the matches of the one before),
   * resolved inside the page in one call; none while the page is loading. */
  async query(chain) {
    const steps = chain.map(({ kind, value, options }) => [
      kind,
      serialise(value),
      Object.fromEntries(Object.entries(options).map(([k, v]) => [k, serialise(v)])),
    ]);
    const found = await this.driver.executeScript(QUERY, steps);
    if (found !== null) return found;
    // A new document: give it the queries once, then ask again.
    // (Firefox runs these scripts in a sandbox whose `globalThis` is not the page's `window`.)
    await this.driver.executeScript(
      `${TESTING_LIBRARY}\nwindow.TestingLibraryDom = globalThis.TestingLibraryDom; window.__queriesRegExp = RegExp;`,
    );
    return (await this.driver.executeScript(QUERY, steps)) ?? [];
  }
}

const QUERY = `
  const T = window.TestingLibraryDom;
  if (!T || !document.body) return null;
  // Patterns are made with the library's own RegExp: Firefox runs each script in a new sandbox,
  // and the library's \`instanceof RegExp\` fails for one made in another.
  const revive = (v) => (v && typeof v === "object" && "regex" in v ? new window.__queriesRegExp(v.regex, v.flags) : v);
  let roots = [document.body];
  for (const [kind, value, options] of arguments[0]) {
    const opts = {};
    for (const [k, v] of Object.entries(options)) opts[k] = revive(v);
    const found = [];
    for (const root of roots) {
      if (kind === "role") found.push(...T.queryAllByRole(root, revive(value), opts));
      else if (kind === "label") found.push(...T.queryAllByLabelText(root, revive(value), opts));
      else found.push(...T.queryAllByText(root, revive(value), opts));
    }
    roots = [...new Set(found)];
    if (roots.length === 0) break;
  }
  return roots;`;

/** A lazy description of a control, resolved each time it is used (like Playwright's). */
export class Locator {
  constructor(page, kind, value, options, parent = null) {
    Object.assign(this, { page, kind, value, options, parent });
  }

  describe() {
    const own = `${this.kind} ${this.value}${this.options.name ? ` "${this.options.name}"` : ""}`;
    return this.parent ? `${this.parent.describe()} › ${own}` : own;
  }

  byRole(role, options = {}) {
    return new Locator(this.page, "role", role, options, this);
  }

  byText(text, options = {}) {
    return new Locator(this.page, "text", text, options, this);
  }

  async all() {
    const chain = [];
    for (let step = this; step; step = step.parent) chain.unshift(step);
    return this.page.query(chain);
  }

  /** The first element it matches, waiting until there is one. */
  async element() {
    return this.page.until(async () => (await this.all())[0], this.describe());
  }

  async count() {
    return (await this.all()).length;
  }

  async waitFor(timeout) {
    await this.page.until(async () => (await this.all()).length > 0, this.describe(), timeout);
  }

  async waitForCount(count) {
    await this.page.until(async () => (await this.all()).length === count, `${count} × ${this.describe()}`);
  }

  async waitGone() {
    await this.page.until(async () => (await this.all()).length === 0, `no ${this.describe()}`);
  }

  async text() {
    return this.page.driver.executeScript("return arguments[0].textContent", await this.element());
  }

  async waitForText(pattern) {
    await this.page.until(async () => {
      const element = (await this.all())[0];
      if (!element) return false;
      const text = await this.page.driver.executeScript("return arguments[0].textContent", element);
      return pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern);
    }, `${this.describe()} to say ${pattern}`);
  }

  async property(name) {
    return this.page.driver.executeScript("return arguments[0][arguments[1]]", await this.element(), name);
  }

  async attribute(name) {
    return (await this.element()).getAttribute(name);
  }

  async waitForAttribute(name, expected) {
    await this.page.until(
      async () => (await (await this.element()).getAttribute(name)) === expected,
      `${this.describe()} [${name}=${expected}]`,
    );
  }

  async scrolled() {
    const element = await this.element();
    // Clear of the fixed bottom navigation (geckodriver would report the click intercepted).
    await this.page.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
    return element;
  }

  /** Clicks once the control is enabled and nothing covers it, as Playwright's click waits (a
   * layout that is still settling, such as a camera preview starting, can leave it under the fixed
   * navigation for a moment). */
  async click() {
    await this.page.until(async () => {
      try {
        const element = await this.scrolled();
        // A disabled control takes no click (Playwright's click waits for it to be enabled too).
        if (!(await element.isEnabled())) return false;
        await element.click();
        return true;
      } catch (error) {
        if (error.name === "ElementClickInterceptedError" || error.name === "StaleElementReferenceError") throw error;
        throw Object.assign(error, { fatal: true });
      }
    }, `${this.describe()} to take a click`);
  }

  async focus() {
    await this.page.driver.executeScript("arguments[0].focus()", await this.scrolled());
  }

  async press(...keys) {
    await (await this.scrolled()).sendKeys(...keys);
  }

  /** Types `text` into a text field; date, time and range inputs get their value set and the
   * same input and change events, since each engine's picker takes typed keys differently. */
  async fill(text) {
    const element = await this.scrolled();
    const type = await element.getAttribute("type");
    if (["date", "time", "datetime-local", "range", "color"].includes(type)) {
      await this.page.driver.executeScript(
        `const [el, value] = arguments;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        setter.call(el, value);
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));`,
        element,
        text,
      );
      return;
    }
    await element.clear();
    // Some engines' clear() fires no input event: select all and type over it.
    await element.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
    if (text) await element.sendKeys(text);
  }

  /** Ticks a checkbox and fails at once if the click did not tick it, as Playwright's check does
   * (a click that lands beside a box that moved would otherwise surface later, far from here). */
  async check() {
    const element = await this.scrolled();
    if (await element.isSelected()) return;
    await element.click();
    if (!(await element.isSelected())) throw new Error(`${this.page.engine}: clicking ${this.describe()} did not tick it`);
  }

  /** Chooses the option with `value` in a <select>, with the change event a choice fires. */
  async selectOption(value) {
    const element = await this.scrolled();
    await this.page.driver.executeScript(
      `const [el, value] = arguments;
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));`,
      element,
      value,
    );
  }

  /** Chooses files on a file input, as the file dialog would. */
  async setFiles(paths) {
    const element = await this.element();
    await element.sendKeys(paths.join("\n"));
  }
}
