// The core journeys, written once and run in Chromium, WebKit and Firefox (journeys.test.mjs).
// Each gets a fresh browser (empty storage, no service worker) and a `Page` (page.mjs); controls
// are found by role and name. The Playwright suite (Chromium) goes deeper into each feature; these
// check that every engine can do what a client does.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { backupFilesOnDisk, countStored, slowEveryRead, storedSetting } from "../stored.mjs";
import { holdRestoreLock, releaseRestoreLock } from "../restore-lock.mjs";
import { countWorkers, workerCounts } from "../worker-count.mjs";
import { Key } from "./page.mjs";
import { photoWithGps } from "./gps-photo.mjs";
import { seedPhotos } from "../seed-photos.mjs";
import { seedBigPhotos } from "../synthetic-photos.mjs";
import { buildB, loaderOf, versionOf } from "../deploy-build.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, "..", "..", "tests", "fixtures", name);
const ASTRONAUT = fixture("real/astronaut.png");
const scratch = mkdtempSync(path.join(tmpdir(), "remodel-journeys-"));

// ---------------------------------------------------------------------------------------------
// What several journeys do.

async function start(page) {
  await page.goto("/");
  await page.byText("No sessions yet — add your first").waitFor();
}

async function addArea(page, key) {
  await page.goto("/profile");
  const choice = page.byLabel("Area", { exact: true });
  await choice.waitFor();
  const areas = page.byRole("list", { name: "Your areas" }).byRole("listitem");
  const before = await areas.count();
  await choice.selectOption(key);
  await page.byRole("button", { name: "Add area" }).click();
  await areas.waitForCount(before + 1);
}

async function addSession(page, { date, depth }) {
  await page.goto("/sessions/new");
  await page.byLabel("Date", { exact: true }).fill(date);
  await page.byRole("checkbox", { name: "Cheeks" }).check();
  await page.byLabel("Needle depth for Cheeks (mm)").fill(depth);
  await page.byRole("button", { name: "Save session" }).click();
  await page.until(async () => /\/sessions\/[0-9a-f-]{36}$/.test(await page.url()), "the saved session's page");
}

async function addCheckIn(page, { date, redness, swelling }) {
  await page.goto("/recovery/new");
  await page.byLabel("Date", { exact: true }).fill(date);
  await page.byRole("group", { name: "Redness" }).byRole("radio", { name: new RegExp(`^${redness} `) }).check();
  await page.byRole("group", { name: "Swelling" }).byRole("radio", { name: new RegExp(`^${swelling} `) }).check();
  await page.byRole("button", { name: "Save check-in" }).click();
  await page.until(async () => new URL(await page.url()).pathname === "/recovery", "the diary after saving");
}

async function importPhotos(page, files) {
  await page.goto("/photos/add");
  await page.byRole("heading", { level: 1, name: "Add photos" }).waitFor();
  await page.byLabel("Choose photos").setFiles(files);
  await page.until(
    async () => (await page.byRole("status").byText(new RegExp(`^${files.length} of ${files.length} added\\.$`)).count()) > 0,
    `${files.length} photos added`,
    90_000,
  );
}

/** Replaces `navigator.share` for the rest of this document: `mode` "resolve" keeps the shared
 * file for the test, "NotAllowedError" and "AbortError" reject as Safari does, "absent" removes
 * it. Like Safari, it refuses a call made outside a tap. Every engine of the suite lacks the real
 * one (../shared/TOOLCHAIN.md). */
async function stubShare(page, mode) {
  await page.evaluate((mode) => {
    const nav = Navigator.prototype;
    window.__shareCalls = 0;
    if (mode === "absent") {
      delete nav.share;
      delete nav.canShare;
      delete navigator.share;
      delete navigator.canShare;
      return;
    }
    const define = (name, value) => Object.defineProperty(navigator, name, { value, configurable: true });
    define("canShare", (data) => Array.isArray(data?.files) && data.files.length > 0);
    define("share", (data) => {
      window.__shareCalls += 1;
      // As Safari: share() only inside a tap (where the engine can tell).
      if (navigator.userActivation && !navigator.userActivation.isActive) {
        return Promise.reject(new DOMException("share() outside a tap", "NotAllowedError"));
      }
      if (mode === "resolve") {
        window.__sharedFile = data.files[0];
        return Promise.resolve();
      }
      return Promise.reject(new DOMException("refused", mode));
    });
  }, mode);
}

/** Catches the app's downloads (a click on a temporary `<a download>` of an object URL): name and
 * bytes, as base64. The blob is kept as the URL is made (a fetch of a blob: URL would break the
 * app's CSP). The click still goes on to the browser. */
async function watchDownloads(page) {
  await page.evaluate(() => {
    window.__downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = create.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (this.download && blob) {
        const entry = { name: this.download, base64: null };
        window.__downloads.push(entry);
        blob.arrayBuffer().then((buffer) => {
          let binary = "";
          const bytes = new Uint8Array(buffer);
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          entry.base64 = btoa(binary);
        });
      }
      return click.call(this);
    };
  });
}

/** The APP1-APP15 markers in JPEG byte strings (latin1) laid end to end, up to each image's scan. */
function appSegments(bytes) {
  const found = [];
  for (let start = bytes.indexOf("\xff\xd8"); start >= 0; start = bytes.indexOf("\xff\xd8", start + 2)) {
    let at = start + 2;
    while (at + 4 <= bytes.length && bytes.charCodeAt(at) === 0xff) {
      const marker = bytes.charCodeAt(at + 1);
      if (marker === 0xda) break; // start of scan: only image data follows
      if (marker >= 0xe1 && marker <= 0xef) found.push(marker.toString(16));
      at += 2 + ((bytes.charCodeAt(at + 2) << 8) | bytes.charCodeAt(at + 3));
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The journeys.

/** First open: the app's shell, the way in for a new client and for one moving phones, and
 * Settings' storage status shown at once (never waiting on a persistence prompt). */
export async function firstOpen(page) {
  await page.goto("/settings");
  await page.byRole("heading", { level: 1, name: "Settings" }).waitFor();
  const storage = page.byRole("region", { name: "Storage on this device" });
  await storage.waitFor();
  const hasStorageManager = await page.evaluate(() => "storage" in navigator);
  if (hasStorageManager) {
    // The estimate shows without waiting for any answer about persistence (Firefox leaves
    // persist() pending behind a prompt).
    await storage.byText(/ used( of |$)/).waitFor();
    const ask = storage.byRole("button", { name: "Keep my data on this device" });
    await ask.click();
    // Firefox asks the person and leaves the answer pending; Chromium answers at once.
    const answer = page.engine === "firefox" ? /^Waiting for the browser's answer/ : /^Persistent storage is (on|not granted)/;
    await storage.byRole("status").byText(answer).waitFor();
  } else {
    await storage.byText(/^This browser may not keep Remodel's data/).waitFor();
  }
  assert.equal(await storage.byText("Checking this device's storage…").count(), 0);
  await page.byRole("region", { name: "Backups" }).byText("No backup has been made on this device yet.").waitFor();

  await start(page);
  await page.byRole("heading", { level: 1, name: "Today" }).waitFor();
  await page.byRole("navigation", { name: "Main" }).byRole("link", { name: "Sessions" }).waitFor();
  const restore = page.byRole("link", { name: "Moving from another phone? Restore a backup" });
  assert.equal(new URL(await restore.property("href")).pathname, "/data");
  // Safari's 7-day rule: the Home Screen guide in WebKit browser tabs only, until dismissed.
  const guide = page.byRole("region", { name: "Add Remodel to your Home Screen" });
  if (page.engine === "webkit") {
    await guide.byText(/Add to Home Screen/).waitFor();
    await guide.byRole("button", { name: "Dismiss" }).click();
    await guide.waitGone();
    await page.until(async () => (await storedSetting(page, "app"))?.home_screen_guide_dismissed === true, "the dismissal stored");
    await page.reload();
    await page.byText("No sessions yet — add your first").waitFor();
  }
  // The guide would show once the settings are read, just after the records: give it the time.
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await guide.count(), 0, "no Home Screen guide");
}

/** A session and a check-in, still there after a reload; and a save after the engine closed the
 * database connection under the page (WebKit does so to pages in the background). */
export async function diary(page) {
  await start(page);
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await addCheckIn(page, { date: "2026-11-21", redness: 2, swelling: 1 });
  await page.reload();
  await page.byRole("heading", { level: 1, name: "Recovery" }).waitFor();
  await page.byText(/Day 1/).waitFor();
  await page.goto("/sessions");
  await page.byRole("link", { name: /20 Nov 2026/ }).waitFor();

  // The next transaction finds its connection closed, as after WebKit closed it; and the browser
  // has no crypto.randomUUID (Safari before 15.4), so ids come from getRandomValues.
  await page.evaluate(() => {
    delete Crypto.prototype.randomUUID;
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...args) {
      IDBDatabase.prototype.transaction = transaction;
      this.close();
      return transaction.apply(this, args);
    };
  });
  await page.byRole("navigation", { name: "Main" }).byRole("link", { name: "Recovery" }).click();
  await page.byRole("link", { name: "Add a check-in" }).click();
  await page.byLabel("Date", { exact: true }).fill("2026-11-22");
  await page.byRole("group", { name: "Redness" }).byRole("radio", { name: /^1 / }).check();
  await page.byRole("group", { name: "Swelling" }).byRole("radio", { name: /^0 / }).check();
  await page.byRole("button", { name: "Save check-in" }).click();
  await page.until(async () => new URL(await page.url()).pathname === "/recovery", "the diary after saving");
  assert.equal(await countStored(page, "recovery_entries"), 2);
  assert.equal(await page.byRole("alert").count(), 0, "no storage error shown");
  const ids = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("remodel");
        open.onsuccess = () => {
          const keys = open.result.transaction("recovery_entries").objectStore("recovery_entries").getAllKeys();
          keys.onsuccess = () => resolve(keys.result);
        };
      }),
  );
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
}

/** Clinical safety: a side effect ticked in the check-in shows its advice at once; a "yes" on the
 * before-a-session checklist is kept and reminds on the session form, which still saves. */
export async function clinicalSafety(page) {
  await start(page);
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await page.goto("/recovery/new");
  const advice = page.byRole("region", { name: "What to do" });
  assert.equal(await advice.byRole("listitem").count(), 0, "no advice before a tick");
  await page.byRole("checkbox", { name: "Cold sores or blisters" }).check();
  await advice.byText(/cold-sore virus \(HSV\) flaring up\. Call your clinic today\./).waitFor();
  await page.byText("Not medical advice; ask your clinic.").waitFor();

  await page.goto("/profile/screening");
  await page.byRole("checkbox", { name: "Pregnant" }).check();
  await page.byRole("button", { name: "Save answers" }).click();
  await page.byRole("region", { name: "Your answers" }).byText(/Talk to your clinic before your next session about: pregnant\./).waitFor();
  assert.deepEqual((await storedSetting(page, "profile")).screening.yes, ["pregnancy"]);
  await page.goto("/sessions/new");
  await page.byRole("region", { name: "Before a session" }).byText(/about: pregnant/).waitFor();
  await addSession(page, { date: "2026-11-21", depth: "1.0" });
  assert.equal(await countStored(page, "sessions"), 2);
}

/** A write still in flight when a link loads another app's page is not lost: the link waits. */
export async function writeBeforeLeaving(page) {
  await start(page);
  const card = page.byRole("region", { name: "Getting started" });
  await card.byText("0 of 5 done.").waitFor();
  // Skipping a step reads the settings and then writes them; slowed, the link is taken between.
  await slowEveryRead(page);
  await card.byRole("button", { name: "Skip for now: Answer what clinics ask before a session" }).click();
  await card.byRole("link", { name: "Add photos" }).click();
  await page.until(async () => new URL(await page.url()).pathname === "/photos/add", "the photos app");
  await page.byRole("heading", { level: 1, name: "Add photos" }).waitFor();
  assert.deepEqual((await storedSetting(page, "app"))?.setup_skipped, ["screening"]);
}

/** A photo with EXIF orientation 6 and a GPS position: stored upright, with no metadata left. */
export async function importPhoto(page) {
  await start(page);
  await addArea(page, "cheeks");
  const photo = path.join(scratch, `gps-${page.engine}.jpg`);
  writeFileSync(photo, photoWithGps(fixture("exif-orientation/Landscape_6.jpg")));
  // Beside it, the same picture stored upright with no orientation at all.
  await importPhotos(page, [photo, fixture("exif-orientation/Landscape_0.jpg")]);
  await page.goto("/photos");
  const tiles = page.byRole("region", { name: "Cheeks · Front" }).byRole("img");
  await tiles.waitForCount(2);
  const shapes = await page.until(
    () =>
      page.evaluate(() => {
        const images = [...document.querySelectorAll("img")].filter((i) => i.complete && i.naturalWidth > 0);
        return images.length >= 2 && images.map((i) => [i.naturalWidth, i.naturalHeight]);
      }),
    "both thumbnails",
  );
  assert.deepEqual(shapes, [[256, 171], [256, 171]], "upright: both landscape");
  // The same picture, the right way up: close to each other, far from one turned half a circle.
  const { same, turned } = await page.evaluate(() => {
    const [a, b] = [...document.querySelectorAll("img")].filter((i) => i.complete && i.naturalWidth > 0).map((image) => {
      const canvas = Object.assign(document.createElement("canvas"), { width: image.naturalWidth, height: image.naturalHeight });
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, canvas.width, canvas.height).data;
    });
    const pixels = a.length / 4;
    let same = 0;
    let turned = 0;
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < 3; c++) {
        same += Math.abs(a[p * 4 + c] - b[p * 4 + c]);
        turned += Math.abs(a[p * 4 + c] - b[(pixels - 1 - p) * 4 + c]);
      }
    }
    return { same: same / (pixels * 3), turned: turned / (pixels * 3) };
  });
  assert.ok(same < 8, `the EXIF-6 photo matches the upright one (mean difference ${same.toFixed(1)})`);
  assert.ok(turned > 3 * same, `and not the one turned around (${turned.toFixed(1)})`);
  const stored = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("remodel");
        open.onsuccess = () => {
          // Both copies: working copies in photo_bytes, thumbnails in photo_thumbs.
          const stores = open.result.transaction(["photo_bytes", "photo_thumbs"]);
          const working = stores.objectStore("photo_bytes").getAll();
          const thumbs = stores.objectStore("photo_thumbs").getAll();
          thumbs.onsuccess = () => {
            const text = (buffer) => Array.from(new Uint8Array(buffer), (b) => String.fromCharCode(b)).join("");
            resolve([...working.result.map((r) => text(r.working)), ...thumbs.result.map((r) => text(r.thumb))]);
            open.result.close();
          };
        };
      }),
  );
  assert.equal(stored.length, 4, "two working copies and two thumbnails");
  // The file had them (the check can fail) ...
  const original = readFileSync(photo).toString("latin1");
  for (const secret of ["SecretCam", "Model X9", "Exif\0\0"]) assert.ok(original.includes(secret), `the fixture has ${secret}`);
  // ... and nothing of them is stored: no APPn segment (EXIF, and in it the GPS block) at all.
  for (const bytes of stored) {
    for (const secret of ["SecretCam", "Model X9", "Exif\0\0"]) assert.ok(!bytes.includes(secret), `no ${secret} in the stored bytes`);
    assert.deepEqual(appSegments(bytes), [], "no APPn segment in the stored JPEGs");
  }
}

/** A library stored by version 2 (thumbnail and working copy in one record) opens in this
 * version: the upgrade moves the thumbnail into its own store, byte for byte, and the gallery
 * shows it. Seeded from the clinic kit's page, which never opens the database. */
export async function upgradeKeepsPhotos(page) {
  await page.goto("/kit/");
  await page.byRole("heading", { level: 1 }).waitFor();
  const seeded = await page.evaluate(async () => {
    const jpeg = async (width, height, hue) => {
      const canvas = Object.assign(document.createElement("canvas"), { width, height });
      const context = canvas.getContext("2d");
      context.fillStyle = `hsl(${hue} 60% 50%)`;
      context.fillRect(0, 0, width, height);
      context.fillStyle = "#fff";
      context.fillRect(width / 4, height / 4, width / 2, height / 2);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
      return blob.arrayBuffer();
    };
    const [working, thumb] = [await jpeg(1024, 768, 20), await jpeg(256, 192, 20)];
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("remodel", 2);
      open.onupgradeneeded = () => {
        const d = open.result;
        d.createObjectStore("sessions", { keyPath: "id" }).createIndex("by_date", "date");
        const entries = d.createObjectStore("recovery_entries", { keyPath: "id" });
        entries.createIndex("by_session", "session_id");
        entries.createIndex("by_date", "date");
        const photos = d.createObjectStore("photos", { keyPath: "id" });
        photos.createIndex("by_taken_at", "taken_at");
        photos.createIndex("by_area", "area_id");
        d.createObjectStore("photo_bytes", { keyPath: "id" });
        d.createObjectStore("settings", { keyPath: "key" });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(["photos", "photo_bytes", "settings"], "readwrite");
    tx.objectStore("settings").put({
      key: "profile", skin_type: null, concerns: [], goals: "", areas: [{ id: "cheeks", kind: "cheeks", name: "Cheeks" }],
    });
    tx.objectStore("photos").put({
      id: "old-photo", area_id: "cheeks", angle: "front", taken_at: "2026-11-01T10:00", taken_at_source: "exif",
      session_id: null, lighting: "", colour_card: false, width: 1024, height: 768, thumb_width: 256, thumb_height: 192,
      stored_bytes: working.byteLength + thumb.byteLength,
    });
    tx.objectStore("photo_bytes").put({ id: "old-photo", working, thumb });
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
    return { working: Array.from(new Uint8Array(working)), thumb: Array.from(new Uint8Array(thumb)) };
  });

  await page.goto("/photos");
  const tile = page.byRole("region", { name: "Cheeks · Front" }).byRole("img");
  await tile.waitFor();
  await page.until(
    () => page.evaluate(() => [...document.querySelectorAll("img")].some((i) => i.complete && i.naturalWidth === 256)),
    "the moved thumbnail shown",
  );
  const stored = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("remodel");
        open.onsuccess = () => {
          const tx = open.result.transaction(["photo_bytes", "photo_thumbs"]);
          const working = tx.objectStore("photo_bytes").get("old-photo");
          const thumb = tx.objectStore("photo_thumbs").get("old-photo");
          tx.oncomplete = () => {
            resolve({
              version: open.result.version,
              working: Array.from(new Uint8Array(working.result.working)),
              leftInPlace: working.result.thumb !== undefined,
              thumb: Array.from(new Uint8Array(thumb.result.thumb)),
            });
            open.result.close();
          };
        };
      }),
  );
  assert.equal(stored.version, 3);
  assert.equal(stored.leftInPlace, false, "the working copy's record no longer holds the thumbnail");
  assert.deepEqual(stored.thumb, seeded.thumb, "the thumbnail moved byte for byte");
  assert.deepEqual(stored.working, seeded.working, "the working copy is untouched");
}

/** A gallery of 150 photos draws only the tiles near the screen, keeps its height while
 * scrolled to the end, and shows the oldest photo there (windowing, the grid measured and the
 * spaces set through the CSSOM, in every engine). */
export async function galleryAtScale(page) {
  await page.goto("/photos");
  await page.byRole("heading", { level: 1 }).waitFor();
  await seedPhotos(page, { count: 150 });
  await page.goto("/photos");
  await page.byRole("region", { name: "Neck · Front" }).waitFor();
  const state = () =>
    page.evaluate(() => ({
      tiles: document.querySelectorAll(".photo-tile").length,
      height: document.documentElement.scrollHeight,
    }));
  const start = await page.until(async () => {
    const now = await state();
    return now.height > 5_000 && now;
  }, "the gallery at its full height");
  assert.ok(start.tiles < 60, `${start.tiles} tiles drawn for 150 photos`);
  const end = await page.until(
    () =>
      page.evaluate(async () => {
        scrollBy(0, innerHeight);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const oldest = [...document.querySelectorAll(".photo-tile img")].find((i) => i.alt === "Neck, Front, 4 Dec 2023, 10:02");
        const box = oldest?.getBoundingClientRect();
        return box && box.top >= 0 && box.bottom <= innerHeight && oldest.complete && oldest.naturalWidth > 0
          ? { tiles: document.querySelectorAll(".photo-tile").length, height: document.documentElement.scrollHeight }
          : false;
      }),
    "the oldest photo on screen at the end",
  );
  assert.equal(end.height, start.height, "the page kept its height all the way down");
  assert.ok(end.tiles < 60, `${end.tiles} tiles drawn at the end`);
}

/** Two photos compared: the slider moved by keyboard, the difference map, and the redness map
 * (drawn by the a* map's four-pixel SIMD kernel, which only a browser runs). */
export async function compare(page) {
  await start(page);
  await addArea(page, "cheeks");
  await importPhotos(page, [ASTRONAUT, ASTRONAUT]);
  await page.goto("/photos/compare");
  await page.byRole("link", { name: "Cheeks · Front (2 photos)" }).click();
  await page.byRole("heading", { level: 1, name: "Compare Cheeks · Front" }).waitFor();
  const mode = (name) => page.byRole("group", { name: "View" }).byRole("radio", { name, exact: true });
  await mode("Slider").check();
  const slider = page.byRole("slider", { name: /^Slider/ });
  await slider.focus();
  for (let i = 0; i < 5; i++) await slider.press(Key.ARROW_RIGHT);
  await slider.waitForAttribute("aria-valuetext", "55% before, 45% after");
  await mode("Difference").check();
  await page.byRole("img", { name: /^Difference map/ }).waitFor(30_000);
  await page.byRole("group", { name: "Difference legend" }).byText(/2\.3 — just visible/).waitFor();

  await mode("Redness").check();
  await page.byRole("checkbox", { name: "Show the redness map" }).check();
  await page.byRole("img", { name: /^Redness map of the after photo \(uncalibrated\)/ }).waitFor(30_000);
  // The portrait's face, suit and background span the ramp: many colours, and every pixel drawn
  // (the ramp's alpha is 200 to 255; a pixel without an a* would be transparent).
  const drawn = () =>
    page.evaluate(() => {
      const canvas = document.querySelector('canvas[aria-label^="Redness map of the after photo"]');
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set();
      let opaque = 0;
      for (let i = 0; i < data.length; i += 4 * 97) {
        if (data[i + 3] >= 200) opaque++;
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { colours: colours.size, opaque, sampled: Math.ceil(data.length / (4 * 97)) };
    });
  await page.until(async () => (await drawn()).colours > 30, "a redness map with many colours");
  const map = await drawn();
  assert.equal(map.opaque, map.sampled, "every pixel of the opaque photo has an a* and is drawn");
}

/** Back up (handed over through the share sheet), delete everything, restore (waiting first for
 * the restore lock held elsewhere): all back. */
export async function backupRoundTrip(page) {
  await start(page);
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await addCheckIn(page, { date: "2026-11-21", redness: 2, swelling: 1 });
  await importPhotos(page, [ASTRONAUT]);

  await page.goto("/data");
  await stubShare(page, "resolve");
  await page.byRole("button", { name: "Back up now" }).click();
  await page.byRole("button", { name: "Save backup" }).click();
  await page.byRole("status").byText(/^Shared remodel-\d{4}-\d{2}-\d{2}\.remodel\./).waitFor();
  await page.byText(/^Last backup: .*\(today\)\.$/).waitFor();
  assert.equal(await page.evaluate(() => window.__shareCalls), 1);
  const base64 = await page.evaluate(async () => {
    const bytes = new Uint8Array(await window.__sharedFile.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  const file = path.join(scratch, `backup-${page.engine}.remodel`);
  writeFileSync(file, Buffer.from(base64, "base64"));

  await page.byLabel("Type DELETE to confirm").fill("DELETE");
  await page.byRole("button", { name: "Delete everything" }).click();
  await page.byRole("status").byText("Everything was deleted from this device.").waitFor();
  for (const store of ["sessions", "recovery_entries", "photos", "photo_bytes", "photo_thumbs"]) assert.equal(await countStored(page, store), 0);

  // The restore lock is held elsewhere (a WebDriver session has one window, so the page itself
  // holds it under the app's lock name, as a restore in another tab would): the restore says it
  // waits, touches nothing, and runs once the lock is released.
  await holdRestoreLock(page);
  await page.byLabel("Backup file").setFiles([file]);
  await page.byRole("button", { name: "Restore backup" }).click();
  await page.byRole("status").byText(/Waiting for a restore in another tab or window to finish/).waitFor();
  for (const store of ["sessions", "photos", "photo_bytes"]) assert.equal(await countStored(page, store), 0);
  await releaseRestoreLock(page);
  await page.byRole("status").byText("Restored 1 session, 1 check-in and 1 photo.").waitFor(60_000);
  await page.goto("/sessions");
  await page.byRole("link", { name: /20 Nov 2026/ }).waitFor();
  await page.goto("/photos");
  await page.byRole("region", { name: "Cheeks · Front" }).byRole("img").waitFor();
  assert.equal(await countStored(page, "photo_bytes"), 1);
  assert.equal(await countStored(page, "photo_thumbs"), 1);

  // Encrypted (envelope 3: sealed in chunks through this engine's WebCrypto), then opened again.
  await page.goto("/data");
  await stubShare(page, "resolve");
  await page.byRole("checkbox", { name: "Protect the file with a passphrase" }).check();
  await page.byLabel("Passphrase", { exact: true }).fill("an engine's passphrase");
  await page.byLabel("Passphrase again").fill("an engine's passphrase");
  await page.byRole("button", { name: "Back up now" }).click();
  await page.byRole("button", { name: "Save backup" }).click();
  await page.byRole("status").byText(/^Shared remodel-/).waitFor();
  const sealed = await page.evaluate(async () => {
    const bytes = new Uint8Array(await window.__sharedFile.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  const sealedFile = path.join(scratch, `backup-sealed-${page.engine}.remodel`);
  writeFileSync(sealedFile, Buffer.from(sealed, "base64"));
  assert.equal(readFileSync(sealedFile).subarray(0, 8).toString("latin1"), "RMDLENC\x03");
  await page.byLabel("Type DELETE to confirm").fill("DELETE");
  await page.byRole("button", { name: "Delete everything" }).click();
  await page.byRole("status").byText("Everything was deleted from this device.").waitFor();
  await page.byLabel("Backup file").setFiles([sealedFile]);
  await page.byLabel("Passphrase (encrypted backups only)").fill("an engine's passphrase");
  await page.byRole("button", { name: "Restore backup" }).click();
  await page.byRole("status").byText("Restored 1 session, 1 check-in and 1 photo.").waitFor(60_000);
  assert.equal(await countStored(page, "photo_bytes"), 1);
}

/** A backup past 400 MB, the size from which it is written to a file on disk where the browser
 * can (by a worker; Chromium cannot read a blob built from parts that large): built and
 * handed over whole, its zip's end record read from the handed-over file in the page. */
export async function largeBackup(page) {
  await start(page);
  await addArea(page, "cheeks");
  // In batches: each script must end within the session's 60 s script limit.
  await seedBigPhotos(page, 220, { batch: 40 });
  await page.goto("/data");
  await stubShare(page, "resolve");
  // Workers the page starts from now, and their answers, counted: a large backup's writer is one,
  // and answers each write (its start, one open, a write per photo and one for the directory, and
  // one close).
  await page.evaluate(countWorkers);
  await page.byRole("button", { name: "Back up now" }).click();
  await page.byRole("button", { name: "Save backup" }).waitFor(180_000);
  await page.byRole("button", { name: "Save backup" }).click();
  await page.byRole("status").byText(/^Shared remodel-\d{4}-\d{2}-\d{2}\.remodel\./).waitFor();
  const end = await page.evaluate(async () => {
    const file = window.__sharedFile;
    const tail = new DataView(await file.slice(file.size - 22).arrayBuffer());
    return { size: file.size, signature: tail.getUint32(0, true), entries: tail.getUint16(10, true) };
  });
  assert.ok(end.size > 440_000_000, `${end.size} bytes`);
  assert.deepEqual([end.signature, end.entries], [0x06054b50, 442]);
  // Where it was written: a file in the origin-private file system, by a worker of its own, in
  // the engines that have that file system; as blobs in WebKit's automation session here, which
  // has no `navigator.storage.getDirectory` (Safari itself has it: the worker's path is then
  // taken, as in Chromium and Firefox).
  const written = { files: await backupFilesOnDisk(page, "size"), workers: await workerCounts(page) };
  const expected = page.engine === "webkit" ? { files: null, workers: [0, 0] } : { files: [end.size], workers: [1, 224] };
  assert.deepEqual(written, expected);
}

/** Every way the hand-over can go: cancelled (not a backup), no share sheet at all (a download,
 * recorded once the person says it is saved), and refused (a download instead). */
export async function backupHandOver(page) {
  await start(page);
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await page.goto("/data");
  const backups = page.byRole("region", { name: "Back up" });
  const save = backups.byRole("button", { name: "Save backup" });
  const notYet = backups.byText("No backup has been made on this device yet.");

  // Cancelled: the sheet was closed, so nothing is recorded and the file is still offered.
  await stubShare(page, "AbortError");
  await backups.byRole("button", { name: "Back up now" }).click();
  await save.click();
  await backups.byRole("status").byText("Not shared: nothing left this device.").waitFor();
  await notYet.waitFor();
  assert.equal(await page.evaluate(() => window.__shareCalls), 1);
  await save.waitFor();

  // No share sheet (desktop browsers): a download, and a backup only once the person says so.
  await stubShare(page, "absent");
  await watchDownloads(page);
  await save.click();
  await page.until(() => page.evaluate(() => window.__downloads.length === 1 && window.__downloads[0].base64 != null), "the download");
  assert.match(await page.evaluate(() => window.__downloads[0].name), /^remodel-\d{4}-\d{2}-\d{2}\.remodel$/);
  assert.ok((await page.evaluate(() => window.__downloads[0].base64.length)) > 100, "the whole file");
  await backups.byRole("status").byText(/^Downloaded remodel-/).waitFor();
  await notYet.waitFor();
  await backups.byRole("button", { name: "I saved it" }).click();
  await backups.byText(/^Last backup: .*\(today\)\.$/).waitFor();

  // Refused (Safari outside a tap, or a policy): the share was tried, then a download instead.
  await page.reload();
  await stubShare(page, "NotAllowedError");
  await watchDownloads(page);
  await backups.byRole("button", { name: "Back up now" }).click();
  await save.click();
  await page.until(() => page.evaluate(() => window.__downloads.length === 1), "the download");
  assert.equal(await page.evaluate(() => window.__shareCalls), 1, "the share sheet was tried first");
  await backups.byRole("status").byText(/^This browser would not share the file, so it was downloaded instead\./).waitFor();
  await backups.byRole("button", { name: "I saved it" }).waitFor();
  // And a download is always one tap away where sharing is offered.
  await backups.byRole("button", { name: "Download instead" }).waitFor();
}

/** A clinic link made in the kit, opened, confirmed and applied. */
export async function clinicLink(page) {
  await page.goto("/kit/");
  await page.byLabel("Clinic name", { exact: true }).fill("Skin Studio");
  await page.byLabel("Phone (optional)", { exact: true }).fill("+44 20 7946 0958");
  await page.byLabel("Number of sessions", { exact: true }).fill("3");
  await page.byLabel("Weeks between sessions", { exact: true }).fill("6");
  const field = page.byLabel("Link for your clients");
  await page.until(async () => /#clinic=1\.[A-Za-z0-9_-]+$/.test(await field.property("value")), "the link");
  const link = await field.property("value");

  await start(page);
  await page.goto(link);
  const offer = page.byRole("region", { name: "Use settings from Skin Studio?" });
  await offer.byText(/\+44 20 7946 0958/).waitFor();
  await offer.byRole("button", { name: "Use Skin Studio's settings" }).click();
  await page.byRole("status").byText(/Skin Studio's details are in use/).waitFor();
  await page.goto("/");
  const card = page.byRole("region", { name: "Skin Studio" });
  assert.equal(await card.byRole("link", { name: "Call +44 20 7946 0958" }).attribute("href"), "tel:+442079460958");
}

/** Offline after one visit: the app reloads from the service worker and keeps saving. */
export async function offline(page, { server }) {
  await start(page);
  await addArea(page, "cheeks");
  await page.goto("/");
  await page.until(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), "an active service worker");
  if (!(await page.evaluate(() => navigator.serviceWorker.controller != null))) await page.reload();
  await page.until(() => page.evaluate(() => navigator.serviceWorker.controller != null), "the page under the worker's control");
  server.setOffline(true);
  try {
    await page.reload();
    await page.byRole("heading", { level: 1, name: "Today" }).waitFor();
    await addCheckInInApp(page);
    assert.equal(await countStored(page, "recovery_entries"), 1);
  } finally {
    server.setOffline(false);
  }
}

/**
 * A deploy (e2e/deploy.spec.mjs goes further, with two pages open): build A is open, the host
 * switches to build B (e2e/deploy-build.mjs); while B waits, the photos app of A imports through
 * A's own worker; Reload gives B, which works offline at once (its photos app and worker were
 * precached before it took over), and A's caches go once no page of A is open.
 */
export async function deploy(page, { server }) {
  const distA = server.root;
  const distB = await buildB(distA);
  const [loaderA, loaderB, versionB] = [await loaderOf(distA), await loaderOf(distB), await versionOf(distB)];
  try {
    await start(page);
    await addArea(page, "cheeks");
    await page.goto("/");
    await page.until(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), "an active service worker");
    await page.until(() => page.evaluate((url) => caches.match(url).then(Boolean), loaderA), "the photos app kept", 60_000);

    server.setRoot(distB);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().then(() => true));
    await page.byRole("status").byText(/A new version is ready/).waitFor(60_000);
    await importPhotos(page, [fixture("exif-orientation/Landscape_1.jpg")]);
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="remodel-photo-worker"]').content), loaderA);

    await page.goto("/");
    const prompt = page.byRole("status").byText(/A new version is ready/);
    await prompt.waitFor(30_000);
    await page.byRole("button", { name: "Reload" }).click();
    await page.until(async () => (await page.evaluate(() => caches.keys())).every((key) => key.endsWith(versionB)), "only B's caches", 30_000);

    server.setOffline(true);
    await importPhotos(page, [fixture("exif-orientation/Landscape_2.jpg")]);
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="remodel-photo-worker"]').content), loaderB);
    assert.equal(await countStored(page, "photos"), 2);
  } finally {
    server.setOffline(false);
    server.setRoot(distA);
    await rm(distB, { recursive: true, force: true });
  }
}

/**
 * A page left while it reads (a person opens the app and taps Photos before its first reads end)
 * never holds up the next page's writes. WebKit keeps a page it may go back to with its
 * transactions as they were, so a read under way never ended and the photo was never stored
 * (`Db::release`). The page's reads are kept busy here, so it is surely left mid-read.
 */
export async function leaveMidRead(page) {
  await start(page);
  await addArea(page, "cheeks");
  await page.goto("/");
  await page.byRole("heading", { level: 1, name: "Today" }).waitFor();
  await page.evaluate(() => {
    window.__readsStarted = 0;
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
      const started = transaction.call(this, stores, mode, ...rest);
      if (mode !== "readwrite") {
        window.__readsStarted += 1;
        const store = started.objectStore(started.objectStoreNames[0]);
        const until = Date.now() + 5000;
        const keepBusy = () => {
          if (Date.now() < until) store.count().onsuccess = keepBusy;
        };
        keepBusy();
      }
      return started;
    };
    // As another tab does after a save: this page reads its records again.
    new BroadcastChannel("remodel-changes").postMessage("changed");
    return true;
  });
  await page.until(() => page.evaluate(() => window.__readsStarted > 0), "a read under way");
  await importPhotos(page, [fixture("exif-orientation/Landscape_1.jpg")]);
  assert.equal(await countStored(page, "photos"), 1);
}

/** A check-in reached through the app's own navigation (no page load: the network is off). */
async function addCheckInInApp(page) {
  await page.byRole("navigation", { name: "Main" }).byRole("link", { name: "Recovery" }).click();
  await page.byRole("link", { name: "Add a check-in" }).click();
  await page.byRole("group", { name: "Redness" }).byRole("radio", { name: /^1 / }).check();
  await page.byRole("group", { name: "Swelling" }).byRole("radio", { name: /^0 / }).check();
  await page.byRole("button", { name: "Save check-in" }).click();
  await page.until(async () => new URL(await page.url()).pathname === "/recovery", "the diary after saving");
}

/** The camera starts only from a tap and never stays on unseen: leaving the page or hiding it
 * stops every track. Where the engine has no camera (WebKitGTK here), the page says so and
 * offers the device's own camera instead. */
export async function camera(page) {
  await start(page);
  await addArea(page, "cheeks");
  // Every stream the page is given, so the test can see whether any track is still live. Set up on
  // the gallery, before the camera's page mounts (reached in the app, without a page load).
  await page.goto("/photos");
  await page.byRole("heading", { level: 1, name: "Photos" }).waitFor();
  await page.evaluate(() => {
    window.__streams = [];
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) return;
    const open = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => open(constraints).then((stream) => (window.__streams.push(stream), stream));
  });
  await page.byRole("link", { name: "Add photos" }).click();
  await page.byRole("heading", { level: 1, name: "Add photos" }).waitFor();
  const liveTracks = () =>
    page.evaluate(() => window.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === "live").length);
  assert.equal(await page.evaluate(() => window.__streams.length), 0, "no camera before a tap");

  await page.byRole("button", { name: "Start camera" }).click();
  const outcome = await page.until(async () => {
    if ((await page.byRole("button", { name: "Take photo" }).count()) > 0) return "live";
    if ((await page.byRole("alert").count()) > 0) return "refused";
    return null;
  }, "the camera or its message");
  if (outcome === "refused") {
    // MiniBrowser (WebKitGTK) has no camera here, so the track checks can't run in WebKit; the
    // other two have fake cameras and must go live.
    assert.equal(page.engine, "webkit", "only WebKit here has no camera");
    // No camera in this engine: the reason, and the device's own camera as a file input.
    await page.byRole("alert").waitForText(/camera/i);
    await page.byLabel("Take a photo with your device's camera").waitFor();
    return;
  }
  assert.ok((await liveTracks()) > 0, "the preview is live");

  // Hidden (another tab, the home screen, a locked phone): the camera stops.
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.until(async () => (await liveTracks()) === 0, "every track stopped once hidden");
  await page.byRole("button", { name: "Start camera" }).waitFor();
  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
  });

  // Left for another page of the app (no page load): the camera stops too.
  await page.byRole("button", { name: "Start camera" }).click();
  await page.byRole("button", { name: "Take photo" }).waitFor();
  assert.ok((await liveTracks()) > 0);
  await page.byRole("link", { name: "All photos" }).click();
  await page.byRole("heading", { level: 1, name: "Photos" }).waitFor();
  await page.until(async () => (await liveTracks()) === 0, "every track stopped once the page was left");
}
