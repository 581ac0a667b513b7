// A small W3C WebDriver client for WebKitGTK's MiniBrowser, driven through
// /usr/bin/WebKitWebDriver: the engine of Safari on iPad. Elements are found
// as a person finds them, by role and accessible name, and the name and role
// are the ones WebKit's own accessibility code computes (the driver's
// computedrole and computedlabel). Every wait is bounded and says what it
// waited for.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../e2e/free-port.mjs";

export const DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
export const BROWSER = process.env.WEBKIT_BROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** How long a step waits for the page before it fails. */
export const WAIT_MS = Number(process.env.WEBKIT_WAIT_MS ?? 30_000);
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy; fails with `what` after `timeout` ms. */
export async function waitFor(what, probe, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = undefined;
    } catch (error) {
      if (error.fatal) throw error;
      last = error;
    }
    if (Date.now() > deadline) {
      const why = last ? ` (last error: ${last.message})` : "";
      throw new Error(`Waited ${timeout / 1000} s for ${what}${why}`);
    }
    await sleep(100);
  }
}

/** A role and accessible name, as in `role("button", "Unlock")`; a RegExp name matches part of it, no name any. */
export const role = (r, name, within) => ({ role: r, name, within });
/** Any element whose accessible name is `name` (form fields, file inputs). */
export const label = (name, within) => ({ role: null, name, within });
/** Elements matching a CSS selector whose text contains `hasText`. */
export const css = (selector, hasText, within) => ({ selector, hasText, within });
/** The `index`-th (from 0) of the elements `q` matches, where several do. */
export const nth = (q, index) => ({ ...q, index });

const describe = (q) =>
  (q.index === undefined ? "" : `number ${q.index + 1} of `) +
  (q.selector
    ? `${q.selector}${q.hasText ? ` with text "${q.hasText}"` : ""}`
    : q.name === undefined
      ? `an element of role ${q.role}`
      : `${q.role ?? "element"} named ${q.name instanceof RegExp ? q.name : `"${q.name}"`}`);

// Which elements may carry a role; WebKit then confirms role and name.
const CANDIDATES = {
  button: "button, [role=button], input[type=button], input[type=submit], input[type=reset], summary",
  link: "a[href], [role=link]",
  textbox:
    "input:not([type]), input[type=text], input[type=password], input[type=search], input[type=email], input[type=tel], input[type=url], input[type=date], input[type=time], textarea, [role=textbox]",
  checkbox: "input[type=checkbox], [role=checkbox]",
  heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
  dialog: "dialog, [role=dialog], [role=alertdialog]",
  status: "output, [role=status]",
  alert: "[role=alert]",
  region: "section, [role=region]",
  combobox: "select, [role=combobox]",
  spinbutton: "input[type=number], [role=spinbutton]",
  list: "ul, ol, [role=list]",
  form: "form, [role=form]",
  radio: "input[type=radio], [role=radio]",
  figure: "figure, [role=figure]",
  searchbox: "input[type=search], [role=searchbox]",
};
const LABELLED = "input, textarea, select, button, [aria-label], [aria-labelledby]";

// The roles WebKit reports where they differ from the role asked for (WebKitGTK reports a
// drop-down <select> as the button that opens its menu).
const ROLES = {
  textbox: ["textbox", "searchbox"],
  button: ["button"],
  status: ["status"],
  dialog: ["dialog", "alertdialog"],
  combobox: ["combobox", "button"],
};

// Runs in the page: the visible elements of `selector` under `scope` whose
// texts could give them `name`; WebKit's computed label then decides.
function candidatesInPage(selector, scope, name, flags, hasText) {
  const root = scope ?? document;
  const norm = (s) => (s ?? "").replace(/\s+/g, " ").trim();
  const pattern = flags === null ? null : new RegExp(name, flags);
  const visible = (el) =>
    el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;
  const texts = (el) => {
    const out = [el.getAttribute("aria-label"), el.textContent, el.value, el.title, el.placeholder];
    for (const id of (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean)) {
      out.push(document.getElementById(id)?.textContent);
    }
    for (const l of el.labels ?? []) out.push(l.textContent);
    return out.map(norm);
  };
  return [...root.querySelectorAll(selector)].filter((el) => {
    if (!visible(el)) return false;
    if (hasText !== null) return norm(el.textContent).includes(hasText);
    if (name === null) return true;
    return texts(el).some((t) => (pattern ? pattern.test(t) : t.includes(name)));
  });
}

class WebDriverError extends Error {}

/** One MiniBrowser, driven through its own WebKitWebDriver, with its own profile and downloads folder. */
export class Browser {
  /** Starts a browser; on a busy machine MiniBrowser sometimes never answers its first session, so once more. */
  static async start() {
    try {
      return await Browser.#launch();
    } catch (error) {
      return Browser.#launch().catch((again) => {
        throw new Error(`MiniBrowser did not start twice: ${error.message}; then ${again.message}`);
      });
    }
  }

  static async #launch() {
    const home = mkdtempSync(join(tmpdir(), "sessionpad-webkit-"));
    const downloads = join(home, "downloads");
    const config = join(home, "config");
    mkdirSync(downloads);
    mkdirSync(config);
    // GLib takes the downloads folder from here; MiniBrowser saves every download into it.
    writeFileSync(join(config, "user-dirs.dirs"), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
    const port = freePort();
    // In a process group of its own, so closing ends MiniBrowser and WebKit's helpers with it.
    const driver = spawn(DRIVER, [`--port=${port}`, "--host=127.0.0.1"], {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: config,
        XDG_DATA_HOME: join(home, "data"),
        XDG_CACHE_HOME: join(home, "cache"),
      },
    });
    let stderr = "";
    driver.stderr.on("data", (d) => (stderr += d));
    const browser = new Browser(`http://127.0.0.1:${port}`, driver, home, downloads);
    try {
      await waitFor(`WebKitWebDriver to answer on port ${port}`, async () => {
        if (driver.exitCode !== null) throw Object.assign(new Error(`WebKitWebDriver exited: ${stderr}`), { fatal: true });
        return (await browser.http("GET", "/status", undefined, 1000)).ready;
      }, 10_000);
      const created = await browser.http("POST", "/session", {
        capabilities: {
          alwaysMatch: {
            browserName: "MiniBrowser",
            "webkitgtk:browserOptions": { binary: BROWSER, args: ["--automation"] },
            timeouts: { script: WAIT_MS, pageLoad: 60_000, implicit: 0 },
          },
        },
      }, 60_000);
      browser.session = `/session/${created.sessionId}`;
      browser.version = created.capabilities.browserVersion;
      await browser.command("POST", "/window/rect", { width: 768, height: 1024 });
    } catch (error) {
      await browser.close();
      throw error;
    }
    return browser;
  }

  constructor(base, driver, home, downloads) {
    this.base = base;
    this.driver = driver;
    this.home = home;
    this.downloadsDir = downloads;
  }

  async http(method, path, body, timeout = 60_000) {
    let response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      throw new WebDriverError(`WebDriver ${method} ${path}: ${error.message}`);
    }
    const json = await response.json();
    if (json.value?.error) {
      throw Object.assign(new WebDriverError(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`), {
        code: json.value.error,
      });
    }
    return json.value;
  }

  command(method, path, body) {
    return this.http(method, this.session + path, body);
  }

  async close() {
    if (this.session) await this.http("DELETE", this.session, undefined, 15_000).catch(() => {});
    this.session = undefined;
    if (this.driver.exitCode === null && this.driver.signalCode === null) {
      const exited = new Promise((r) => this.driver.once("exit", r));
      this.driver.kill();
      await Promise.race([exited, sleep(5_000)]);
    }
    try {
      process.kill(-this.driver.pid, "SIGKILL");
    } catch {}
    // WebKit's helper processes may still be writing their caches for a moment.
    try {
      rmSync(this.home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {}
  }

  // Navigation.
  /** Opens a new tab of this browser (same origin storage, same profile) and returns its handle. */
  async newTab() {
    return (await this.command("POST", "/window/new", { type: "tab" })).handle;
  }

  /** The handle of the tab commands go to now. */
  tab() {
    return this.command("GET", "/window");
  }

  /** Sends the following commands to the tab `handle`. */
  toTab(handle) {
    return this.command("POST", "/window", { handle });
  }

  goto(url) {
    return this.command("POST", "/url", { url });
  }
  reload() {
    return this.command("POST", "/refresh", {});
  }
  url() {
    return this.command("GET", "/url");
  }
  source() {
    return this.command("GET", "/source");
  }
  title() {
    return this.command("GET", "/title");
  }

  /** Runs `fn(...args)` in the page and returns its (awaited) result. */
  run(fn, ...args) {
    return this.command("POST", "/execute/async", {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then(done, (e) => done({ __error: String(e) }));`,
      args,
    }).then((value) => {
      if (value && value.__error) throw new Error(`in the page: ${value.__error}`);
      return value;
    });
  }

  // Finding elements.
  async #scope(q) {
    return q.within ? this.find(q.within) : null;
  }

  /** The matching elements now (none if none), as WebDriver references. */
  async all(q) {
    const scope = await this.#scope(q);
    const selector = q.selector ?? (q.role ? CANDIDATES[q.role] : LABELLED);
    if (!selector) throw Object.assign(new Error(`no candidates known for role ${q.role}`), { fatal: true });
    const name = q.name instanceof RegExp ? q.name.source : (q.name ?? null);
    const flags = q.name instanceof RegExp ? q.name.flags.replace("g", "") : null;
    const found = await this.command("POST", "/execute/sync", {
      script: `return (${candidatesInPage}).apply(null, arguments);`,
      args: [selector, scope, name, flags, q.hasText ?? null],
    });
    if (q.selector) return found;
    const matching = [];
    for (const el of found) {
      const id = el[ELEMENT];
      if (q.name !== undefined && !(await this.#named(id, q.name))) continue;
      if (q.role) {
        const actual = await this.command("GET", `/element/${id}/computedrole`);
        if (!(ROLES[q.role] ?? [q.role]).includes(actual)) continue;
      }
      matching.push(el);
    }
    return matching;
  }

  async #named(id, name) {
    const accessible = (await this.command("GET", `/element/${id}/computedlabel`)).replace(/\s+/g, " ").trim();
    if (name instanceof RegExp) return name.test(accessible);
    if (accessible === name) return true;
    // WebKit names a form field by its label followed by what the field shows
    // (its value or placeholder, a date's "month / day / year"), as VoiceOver
    // reads it; the label is what a person looks for.
    if (!accessible.startsWith(`${name} `)) return false;
    return ["input", "textarea", "select"].includes(await this.command("GET", `/element/${id}/name`));
  }

  /** Waits for exactly one element matching `q` and returns its reference. */
  find(q, timeout) {
    return waitFor(describe(q), async () => {
      const found = await this.all(q);
      if (q.index !== undefined) return found[q.index];
      if (found.length > 1) {
        throw Object.assign(new Error(`${found.length} elements match ${describe(q)}; expected one`), { fatal: true });
      }
      return found[0];
    }, timeout).catch(async (error) => {
      throw new Error(`${error.message}${await this.#seen(q)}`);
    });
  }

  /** What the page offers instead of `q`: elements of its role and their names, for a failure message. */
  async #seen(q) {
    if (q.selector || !q.role) return "";
    try {
      const others = await this.all({ role: q.role, within: q.within });
      const names = [];
      for (const el of others.slice(0, 12)) {
        names.push(JSON.stringify(await this.command("GET", `/element/${el[ELEMENT]}/computedlabel`)));
      }
      return `; the page shows ${others.length} of role ${q.role}${names.length ? `: ${names.join(", ")}` : ""}`;
    } catch {
      return "";
    }
  }

  /** Waits until nothing matches `q`. */
  gone(q, timeout) {
    return waitFor(`${describe(q)} to go`, async () => (await this.all(q)).length === 0, timeout);
  }

  // Acting as a person does.
  async click(q) {
    // A click landing on something drawn over the element is retried until the page settles.
    await waitFor(`a click on ${describe(q)}`, async () => {
      const el = await this.find(q);
      // Brought to the middle of the screen first, as a person scrolls to it: from some scrolled
      // positions WebKitWebDriver takes an element a screen below for visible, leaves it there
      // and answers "element not interactable".
      await this.command("POST", "/execute/sync", {
        script: "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });",
        args: [el],
      });
      await this.command("POST", `/element/${el[ELEMENT]}/click`, {});
      return true;
    });
  }

  /** Chooses the option reading `text` in the select `q`, as a tap on it in the menu does. */
  async choose(q, text) {
    const select = await this.find(q);
    // An option is never visible while its menu is closed, so it is found through its select.
    const option = await this.command("POST", "/execute/sync", {
      script: "return [...arguments[0].options].find((o) => o.textContent.trim() === arguments[1]) ?? null;",
      args: [select, text],
    });
    if (!option) throw new Error(`${describe(q)} offers no option "${text}"`);
    await this.command("POST", `/element/${option[ELEMENT]}/click`, {});
    await waitFor(`${describe(q)} to show "${text}"`, async () => {
      const el = await this.find(q);
      return this.command("POST", "/execute/sync", {
        script: "return arguments[0].selectedOptions[0]?.textContent.trim() === arguments[1];",
        args: [el, text],
      });
    });
  }

  /** Types `text` into the field after what it holds. */
  async type(q, text) {
    const el = await this.find(q);
    await this.command("POST", `/element/${el[ELEMENT]}/value`, { text });
  }

  /** Empties the field, then types `text`. */
  async fill(q, text) {
    const el = await this.find(q);
    await this.command("POST", `/element/${el[ELEMENT]}/clear`, {});
    await this.command("POST", `/element/${el[ELEMENT]}/value`, { text });
  }

  /** Chooses the file at `path` in a file input, as the file picker would. */
  async chooseFile(q, path) {
    const el = await this.find(q);
    await this.command("POST", `/element/${el[ELEMENT]}/value`, { text: path });
  }

  /** What WebDriver's `GET /element/{id}/{what}` says of the one element `q` matches. */
  async #read(q, what) {
    const el = await this.find(q);
    return this.command("GET", `/element/${el[ELEMENT]}/${what}`);
  }

  text(q) {
    return this.#read(q, "text");
  }

  value(q) {
    return this.#read(q, "property/value");
  }

  /** Whether the field takes input (not disabled). */
  enabled(q) {
    return this.#read(q, "enabled");
  }

  /** Whether the checkbox or radio button is chosen. */
  checked(q) {
    return this.#read(q, "property/checked");
  }

  /** The values of every field matching `q` now, in page order. */
  async values(q) {
    const fields = await this.all(q);
    return Promise.all(fields.map((el) => this.command("GET", `/element/${el[ELEMENT]}/property/value`)));
  }

  /** Waits until the element's visible text satisfies `test` (a RegExp or a string it contains). */
  async expectText(q, test, timeout) {
    const ok = (t) => (test instanceof RegExp ? test.test(t) : t.includes(test));
    let seen = "";
    await waitFor(`${describe(q)} to show ${test instanceof RegExp ? test : `"${test}"`}`, async () => {
      seen = await this.text(q);
      return ok(seen);
    }, timeout).catch((e) => {
      throw new Error(`${e.message}; it showed "${seen}"`);
    });
  }

  /** Waits until the field's value is `expected` (or matches it, a RegExp). */
  async expectValue(q, expected, timeout) {
    let seen = "";
    await waitFor(`${describe(q)} to hold ${JSON.stringify(String(expected))}`, async () => {
      seen = await this.value(q);
      return expected instanceof RegExp ? expected.test(seen) : seen === expected;
    }, timeout).catch((e) => {
      throw new Error(`${e.message}; it held ${JSON.stringify(seen)}`);
    });
  }

  // Downloads: MiniBrowser saves them into this browser's own downloads folder.
  downloaded() {
    return readdirSync(this.downloadsDir);
  }

  /** Waits for a complete download whose name matches `pattern`; returns its name and text. */
  async download(pattern, isComplete = () => true, timeout) {
    let result;
    await waitFor(`a download named like ${pattern} in ${this.downloadsDir}`, async () => {
      const name = this.downloaded().find((n) => pattern.test(n));
      if (!name) return false;
      const path = join(this.downloadsDir, name);
      if (!existsSync(path)) return false;
      const text = readFileSync(path, "utf8");
      if (!isComplete(text)) return false;
      result = { name, path, text };
      return true;
    }, timeout);
    return result;
  }
}
