// The three engines of `make test`, each through its own W3C WebDriver server (Playwright cannot
// drive these system builds and must never download its own; ../shared/TOOLCHAIN.md, "Other
// engines"). Each entry says how to start the driver and what session to ask it for; a session's
// profile and downloads live in a folder of its own, removed when it ends (a large backup leaves
// its ~600 MB file in the profile: 160 profiles had filled 17 GB of /tmp).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Capabilities, WebDriver } from "selenium-webdriver";
import { Executor, HttpClient } from "selenium-webdriver/http/index.js";
import { CHROMIUM_ARGS as PLAYWRIGHT_CHROMIUM_ARGS } from "../playwright.config.mjs";

/** Chromium's flags that behave on a closed network (as the Playwright suite's), headless, and a
 * fake camera that needs no permission prompt (the camera journey). */
const CHROMIUM_ARGS = [
  "--headless",
  ...PLAYWRIGHT_CHROMIUM_ARGS,
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];

export const ENGINES = [
  {
    name: "chromium",
    port: 4470,
    command: ["/usr/bin/chromedriver", ["--port=4470"]],
    capabilities: (scratch) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: "/usr/bin/chromium",
        args: [...CHROMIUM_ARGS, `--user-data-dir=${path.join(scratch, "profile")}`],
      },
    }),
  },
  {
    // WebKitGTK has no headless mode: MiniBrowser runs in a virtual X display.
    name: "webkit",
    port: 4471,
    command: ["xvfb-run", ["-a", "-s", "-screen 0 1280x1024x24", "WebKitWebDriver", "--port=4471"]],
    capabilities: () => ({
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    }),
  },
  {
    name: "firefox",
    port: 4472,
    command: ["geckodriver", ["--port", "4472"]],
    capabilities: (scratch) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: "/usr/bin/firefox-esr",
        args: ["-headless"],
        prefs: {
          // A fake camera without a permission prompt (the camera journey).
          "media.navigator.streams.fake": true,
          "media.navigator.permission.disabled": true,
          // Downloads go to a folder without asking.
          "browser.download.folderList": 2,
          "browser.download.dir": scratch,
          "browser.helperApps.neverAsk.saveToDisk": "application/octet-stream,text/csv,text/calendar",
        },
      },
    }),
  },
];

/** Starts `engine`'s WebDriver server and resolves once it answers /status. */
export async function startDriver(engine) {
  const [command, args] = engine.command;
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const url = `http://127.0.0.1:${engine.port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`${command} exited: ${output}`);
    const ready = await fetch(`${url}/status`)
      .then((r) => r.json())
      .then((s) => s.value?.ready !== false)
      .catch(() => false);
    if (ready) return { url, stop: () => stopGroup(child), output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  stopGroup(child);
  throw new Error(`${command} did not answer on ${url} within 30 s: ${output}`);
}

/** Ends the driver and whatever it started (xvfb-run's X server, the browser). */
function stopGroup(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** How long a driver may take over one command. The session's own limits (script and page load,
 * 60 s) end every command that works sooner; this one ends a driver that stopped answering,
 * which would otherwise hold the journey until the test runner's limit, saying nothing of where
 * (CI saw WebKit's once, in the deploy journey, never here in a dozen runs). */
const COMMAND_LIMIT_MS = 90_000;

/** A driver that did not answer one command in time. `fatal`: polling must not go on. */
export class DriverHang extends Error {
  constructor(engine, command) {
    super(`${engine}'s driver did not answer ${command} within ${COMMAND_LIMIT_MS / 1000} s`);
    this.fatal = true;
  }
}

/** The session's executor, with each command bounded and the last ones kept (`trace`) so that a
 * failing journey says what it was doing. */
function boundedExecutor(engine, driverUrl) {
  const executor = new Executor(new HttpClient(driverUrl));
  const execute = executor.execute.bind(executor);
  const trace = [];
  const started = Date.now();
  executor.trace = trace;
  executor.execute = (command) => {
    const params = command.getParameters?.() ?? {};
    const detail = params.script ? ` ${String(params.script).replace(/\s+/g, " ").slice(0, 90)}` : params.url ? ` ${params.url}` : "";
    const entry = `${((Date.now() - started) / 1000).toFixed(1)} s ${command.getName()}${detail}`;
    trace.push(entry);
    if (trace.length > 12) trace.shift();
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new DriverHang(engine.name, entry)), COMMAND_LIMIT_MS);
    });
    return Promise.race([execute(command), limit]).finally(() => clearTimeout(timer));
  };
  return executor;
}

/** A new browser session (a fresh profile: empty storage, no service worker). Its `trace()`
 * lists the last commands sent; `end()` quits it (bounded: a driver that stopped answering may
 * not answer that either) and removes its folder. */
export async function newSession(engine, driverUrl) {
  const executor = boundedExecutor(engine, driverUrl);
  const scratch = mkdtempSync(path.join(tmpdir(), `remodel-${engine.name}-`));
  // A browser still letting go of its files must not fail the journey: retried, then left.
  const remove = () => {
    try {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    } catch {}
  };
  let driver;
  try {
    driver = await WebDriver.createSession(executor, new Capabilities(engine.capabilities(scratch)));
  } catch (error) {
    remove();
    throw error;
  }
  driver.end = async () => {
    await Promise.race([driver.quit(), new Promise((r) => setTimeout(r, 10_000))]).catch(() => {});
    remove();
  };
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  // A phone-shaped window (WebKitGTK and Firefox honour it; headless Chromium too).
  await driver.manage().window().setRect({ width: 390, height: 844 });
  driver.trace = () => executor.trace.join("\n");
  return driver;
}
