// Render-time benchmark (issue: sessions and recovery, "Scale"): seeds three years of data
// (60 sessions, 2,000 check-ins) and measures how long Today, Sessions and a session page take
// to render, as a ratio to the same pages with only the session the session page shows, measured
// in the same run.
// Target: <= 1.5x. Run by `make bench` against the release build.
//
// "Rendered" = the page's <h1> is in <main> and nothing in <main> says "Loading…", timed inside
// the page by a MutationObserver from navigation start (performance.now()), so Playwright's own
// polling does not count. Each figure is the median of RUNS reloads (41: single loads spread ±40%
// here, and 15 left two runs of the benchmark up to 20% apart),
// empty and seeded interleaved, after one warm-up load of each. (No fake clock: it would
// fake performance.now() too. The seeded diary ends near the machine's real date.)
import { spawn } from "node:child_process";
import path from "node:path";
import { chromium } from "playwright-core";
import { interleaved, median, spread, verdict, verdicts } from "./bench-verdict.mjs";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";

const PORT = 8094;
const RUNS = Number(process.env.RUNS ?? 41);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, "..");

const server = spawn("node", [path.join(root, ".ci/serve.mjs"), path.join(root, "dist"), String(PORT)], { stdio: "pipe" });
await new Promise((resolve) => server.stdout.once("data", resolve));

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });

async function newPage() {
  // Service workers blocked so every run loads the same way (from the local server).
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  await context.addInitScript(() => {
    const done = () => {
      const main = document.querySelector("main");
      return main && main.querySelector("h1") && !main.textContent.includes("Loading…");
    };
    new MutationObserver((_, observer) => {
      if (done()) {
        window.__renderedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  return context.newPage();
}

/** Three years of a realistic diary: a session every ~18 days, daily check-ins after each. */
function seedData() {
  const day = (offset) => new Date(Date.UTC(2023, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const sessions = [];
  const entries = [];
  for (let i = 0; i < 60; i++) {
    const start = i * 18;
    sessions.push({
      id: `s${i}`, date: day(start), time: null, status: "done",
      areas: [{ area_id: "cheeks", depth_mm: 1.5 }], device: "pen", device_model: "", passes: 3,
      products: ["Hyaluronic acid"], numbing: true, clinic: "Clinic", practitioner: "", pain: 4, notes: `Session ${i + 1}`,
    });
  }
  for (let i = 0; i < 2000; i++) {
    const session = Math.floor(i / 33.4);
    const offset = session * 18 + (i % 34) * 0.5;
    entries.push({
      id: `e${i}`, date: day(Math.floor(offset)), session_id: null, redness: Math.max(0, 4 - (i % 34)),
      swelling: Math.max(0, 2 - (i % 34)), pain: 1, itch: null, dryness: null, bleeding_or_bruising: false,
      infection_signs: [], dark_patches: false, aftercare_done: ["Sun protection"], gais: null, notes: "",
    });
  }
  const profile = { key: "profile", skin_type: null, concerns: [], goals: "", areas: [{ id: "cheeks", kind: "cheeks", name: "Cheeks" }] };
  return { sessions, entries, profile };
}

async function seed(page, data) {
  await page.goto(ORIGIN + "/");
  await page.waitForFunction(() => window.__renderedAt !== undefined);
  await page.evaluate(async (data) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("remodel");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(["sessions", "recovery_entries", "settings"], "readwrite");
    data.sessions.forEach((s) => tx.objectStore("sessions").put(s));
    data.entries.forEach((e) => tx.objectStore("recovery_entries").put(e));
    tx.objectStore("settings").put(data.profile);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data);
}

async function renderMs(page, url) {
  await page.goto(ORIGIN + url);
  return page.waitForFunction(() => window.__renderedAt).then((h) => h.jsonValue());
}

/** Empty and seeded loads alternate (A B A B …, after a warm-up of each), so drift in the
 * machine's load falls on both alike. */
const timesOf = (empty, full, url) => interleaved(RUNS, { empty: () => renderMs(empty, url), seeded: () => renderMs(full, url) });

// "Empty" is the same app with only the one session the session page shows (its profile, no
// other session, no check-in): each page is the same page on both sides, never a not-found page.
const diary = seedData();
const empty = await newPage();
const full = await newPage();
await seed(empty, { sessions: diary.sessions.filter((s) => s.id === "s59"), entries: [], profile: diary.profile });
await seed(full, diary);
// What each page must show, seeded and empty (a fast render of the wrong page proves nothing;
// the empty Sessions list has no 2023 session).
const pages = [
  ["Today", "/", "since your last session, on 28 Oct 2026", null],
  ["Sessions", "/sessions", "1 Dec 2023", null],
  ["Session page", "/sessions/s59", "Session on 28 Oct 2026", "Session on 28 Oct 2026"],
];
console.log(`render time, median of ${RUNS} loads (ms) — seeded: 60 sessions, 2,000 check-ins; empty: the one session`);
console.log("page            empty   seeded   ratio   spread (empty; seeded)");
try {
  for (const [name, url, seededShows, emptyShows] of pages) {
    const times = await timesOf(empty, full, url);
    for (const [side, page, shown] of [["seeded", full, seededShows], ["empty", empty, emptyShows]]) {
      if (shown && !(await page.locator("main").innerText()).includes(shown)) throw new Error(`the ${side} ${name} page does not show "${shown}"`);
    }
    const [base, seeded] = [median(times.empty), median(times.seeded)];
    console.log(
      `${name.padEnd(14)} ${base.toFixed(1).padStart(6)}  ${seeded.toFixed(1).padStart(7)}  ${(seeded / base).toFixed(2).padStart(6)}x   ${spread(times.empty, "ms", 1)}; ${spread(times.seeded, "ms", 1)}`,
    );
    verdict(`${name}: seeded against empty`, seeded / base, "<=", 1.5);
  }
} finally {
  await browser.close();
  server.kill();
}
verdicts();
