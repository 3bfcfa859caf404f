// Your data (release build): back up a profile with records and photos, delete everything and
// restore it byte for byte; an encrypted round trip and a wrong passphrase; bad files that leave
// the data exactly as it was; a page reloaded mid-restore leaving the old data or the new, never
// a mix; the CSV and calendar downloads; the typed confirmation; the nudge on Today.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { expect, mainNav, openSection, test } from "./fixtures.mjs";
import { addArea, countStored, entryRecord, expectNoAxeViolations, seedRecords, sessionRecord, start } from "./records.mjs";
import { ASTRONAUT, ORIENTED, importFiles } from "./photo-helpers.mjs";
import { photoRecord, seedBigPhotos, seedSyntheticPhotos } from "./synthetic-photos.mjs";
import { storedSums } from "./stored-sums.mjs";
import { backupFilesOnDisk } from "./stored.mjs";
import { holdRestoreLock, releaseRestoreLock } from "./restore-lock.mjs";
import { countWorkers, workerCounts } from "./worker-count.mjs";

/** Everything stored, as comparable JSON: records as they are, photo bytes as SHA-256 digests. The
 * device's own backup status is left out (it records the backups, not the client's data). */
function snapshot(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open("remodel");
      open.onsuccess = () => resolve(open.result);
    });
    const all = (store) =>
      new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    const digest = async (buffer) =>
      Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", buffer)), (b) => b.toString(16).padStart(2, "0")).join("");
    const bytes = [];
    // The working copy and the thumbnail live in two stores (version 3); one entry per photo.
    const thumbs = new Map((await all("photo_thumbs")).map((record) => [record.id, record.thumb]));
    for (const record of await all("photo_bytes")) {
      bytes.push({ id: record.id, working: await digest(record.working), thumb: await digest(thumbs.get(record.id)) });
    }
    const result = {
      sessions: await all("sessions"),
      recovery_entries: await all("recovery_entries"),
      photos: await all("photos"),
      photo_bytes: bytes,
      settings: (await all("settings")).filter((s) => s.key !== "backup"),
    };
    db.close();
    return result;
  });
}

/** A profile with a Cheeks area, two sessions, three check-ins and two photos. */
async function seedProfileWithPhotos(page) {
  await start(page);
  await seedRecords(page, {
    sessions: [sessionRecord("s-1", "2026-09-01"), { ...sessionRecord("s-2", "2026-10-13"), notes: "=1+1, \"quoted\"" }],
    entries: [entryRecord("e-1", "2026-09-02", 3), entryRecord("e-2", "2026-09-03", 2), entryRecord("e-3", "2026-10-14", 2)],
  });
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT, ORIENTED[6]]);
}

/** "Back up now" builds the file; "Save backup" downloads it (Chromium has no share sheet for
 * files); "I saved it" records it. Returns the file's bytes. */
async function backUp(page, path) {
  await page.goto("/data");
  const download = await saveBackup(page);
  expect(download.suggestedFilename()).toMatch(/^remodel-\d{4}-\d{2}-\d{2}\.remodel$/);
  await download.saveAs(path);
  await expect(page.getByRole("status").filter({ hasText: /^Downloaded remodel-/ })).toBeVisible();
  // Not a backup until the person says the file is somewhere safe.
  await expect(page.getByTestId("last-backup")).not.toContainText("(today)");
  await page.getByRole("button", { name: "I saved it" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Backup recorded: remodel-/ })).toBeVisible();
  return readFile(path);
}

/** Builds the backup and downloads it; resolves to Playwright's download. */
async function saveBackup(page) {
  await page.getByRole("button", { name: "Back up now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Your backup is ready: remodel-/ })).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save backup" }).click()]);
  return download;
}

async function deleteEverything(page) {
  await page.goto("/data");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Everything was deleted" })).toBeVisible();
}

async function restore(page, file, { replace = false, passphrase = "" } = {}) {
  await page.goto("/data");
  await page.getByLabel("Backup file").setInputFiles(file);
  if (passphrase) await page.getByLabel("Passphrase (encrypted backups only)").fill(passphrase);
  if (replace) await page.getByLabel("Replace everything with the backup").check();
  await page.getByRole("button", { name: "Restore backup" }).click();
}

test("a backup brings back every record and photo byte for byte after everything is deleted", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await seedProfileWithPhotos(page);
  const before = await snapshot(page);
  expect(before.photos).toHaveLength(2);
  expect(before.photo_bytes).toHaveLength(2);
  // The photo worker summed each copy it made; the backup writes those sums without reading the
  // bytes into the app (and the restore below checks every byte against them).
  await expectEveryCopySummed(page, 4);

  const file = await backUp(page, testInfo.outputPath("backup.remodel"));
  expect(file.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
  await expect(page.getByTestId("last-backup")).toContainText("Last backup:");

  await deleteEverything(page);
  const empty = await snapshot(page);
  expect([empty.sessions, empty.recovery_entries, empty.photos, empty.photo_bytes, empty.settings].map((l) => l.length)).toEqual([0, 0, 0, 0, 0]);
  expect(await countStored(page, "photo_thumbs")).toBe(0);

  await restore(page, testInfo.outputPath("backup.remodel"), { replace: true });
  await expect(page.getByRole("status").filter({ hasText: "Restored 2 sessions, 3 check-ins and 2 photos." })).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
  await expectEveryCopySummed(page, 4);

  // The app shows them again: the gallery draws both photos from the restored bytes.
  await page.goto("/photos");
  await expect(page.getByRole("img")).toHaveCount(2);
  await expectNoAxeViolations(page, "the gallery after a restore");
  await page.goto("/data");
  await expectNoAxeViolations(page, "the data page");
});

test("an encrypted backup needs its passphrase (however its accents were typed); a wrong one changes nothing", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // "é" as one character (NFC) when backing up, as "e" and a combining accent (NFD) when
  // restoring: keyboards differ, and the same passphrase must open the file.
  const composed = "correct horse caf\u00e9";
  const decomposed = "correct horse cafe\u0301";
  expect(composed).not.toBe(decomposed);
  await seedProfileWithPhotos(page);
  const before = await snapshot(page);
  await page.goto("/data");
  await page.getByLabel("Protect the file with a passphrase").check();
  // Bad input first: too short, then two that differ, each told beside its field.
  await page.getByLabel("Passphrase", { exact: true }).fill("short");
  await page.getByLabel("Passphrase again").fill("short");
  await page.getByRole("button", { name: "Back up now" }).click();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await page.getByLabel("Passphrase", { exact: true }).fill(composed);
  await page.getByLabel("Passphrase again").fill("correct horse cafe");
  await page.getByRole("button", { name: "Back up now" }).click();
  await expect(page.getByText("The two passphrases differ.")).toBeVisible();
  await page.getByLabel("Passphrase again").fill(composed);
  const download = await saveBackup(page);
  const path = testInfo.outputPath("encrypted.remodel");
  await download.saveAs(path);
  const file = await readFile(path);
  expect(file.subarray(0, 7).toString("latin1")).toBe("RMDLENC");
  // Nothing of the zip or the records is readable in the file.
  expect(file.includes(Buffer.from("records.json"))).toBe(false);

  await restore(page, path);
  await expect(page.getByText("This backup is encrypted. Enter its passphrase")).toBeVisible();
  await restore(page, path, { passphrase: "correct horse cafes" });
  await expect(page.getByText("That passphrase does not open this backup.")).toBeVisible();
  expect(await snapshot(page)).toEqual(before);

  // Envelope version 3, sealed in chunks: a file cut short says so instead of blaming the
  // passphrase, a changed header is refused like a wrong passphrase (it is every chunk's
  // additional data), and a changed byte of the data is refused as damaged.
  expect(file[7]).toBe(3);
  const refusals = [
    ["cut-short.remodel", file.subarray(0, file.length - 100), "This backup is incomplete or damaged"],
    ["salt-changed.remodel", Buffer.from(file).fill(file[12] ^ 0xff, 12, 13), "That passphrase does not open this backup."],
    ["chunk-size-changed.remodel", Buffer.from(file).fill(file[38] ^ 0x01, 38, 39), "That passphrase does not open this backup."],
    ["data-changed.remodel", Buffer.from(file).fill(file[200] ^ 0x01, 200, 201), "This backup is"],
  ];
  // Every file gets its own random salt and nonce: two backups of the same data share neither.
  await page.getByLabel("Protect the file with a passphrase").check();
  await page.getByLabel("Passphrase", { exact: true }).fill(composed);
  await page.getByLabel("Passphrase again").fill(composed);
  const second = await readFile(await (await saveBackup(page)).path());
  expect(second.subarray(12, 28).equals(file.subarray(12, 28)), "salt").toBe(false);
  expect(second.subarray(28, 35).equals(file.subarray(28, 35)), "nonce prefix").toBe(false);

  await deleteEverything(page);
  await restore(page, path, { passphrase: decomposed });
  await expect(page.getByRole("status").filter({ hasText: "Restored 2 sessions, 3 check-ins and 2 photos." })).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
});

/** Three photos of 720 KB each: a backup of them spans several chunks. Stored as the app stored
 * photos before it kept each copy's CRC-32 beside it: a backup sums those itself. */
function seedLargePhotos(page) {
  const photos = [0, 1, 2].map((p) => photoRecord(`big-${p}`, `2026-09-0${p + 1}T10:00`, 720_000));
  return seedSyntheticPhotos(page, photos, { working: 700_000, thumb: 20_000, sums: false });
}

/** Every stored copy carries the CRC-32 of its bytes (what a backup writes for it unsummed). */
async function expectEveryCopySummed(page, copies) {
  const sums = await storedSums(page);
  expect(sums).toHaveLength(copies);
  for (const sum of sums) expect(sum, `${sum.store} ${sum.id}`).toEqual({ ...sum, stored: sum.actual });
}

test("an encrypted backup of several chunks restores byte for byte, and one cut at a chunk's end says it is incomplete", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await start(page);
  await addArea(page, "cheeks");
  await seedLargePhotos(page);
  const before = await snapshot(page);
  expect(before.photo_bytes).toHaveLength(3);
  expect((await storedSums(page)).map((sum) => sum.stored)).toEqual(Array(6).fill(null));
  await page.goto("/data");
  await page.getByLabel("Protect the file with a passphrase").check();
  await page.getByLabel("Passphrase", { exact: true }).fill("several chunks please");
  await page.getByLabel("Passphrase again").fill("several chunks please");
  const path_ = testInfo.outputPath("chunks.remodel");
  await (await saveBackup(page)).saveAs(path_);
  const file = await readFile(path_);
  // Header (39 bytes), key check (16), then chunks of 1 MiB and their 16-byte tags: three.
  const chunk = 1048576 + 16;
  expect(file.length).toBeGreaterThan(55 + 2 * chunk);
  // Cut right after the first chunk: every byte left is a whole, valid chunk, and still the
  // file says it is cut short (the chunk was not sealed as the last).
  const cut = testInfo.outputPath("cut-at-chunk.remodel");
  await writeFile(cut, file.subarray(0, 55 + chunk));
  await restore(page, cut, { passphrase: "several chunks please" });
  await expect(page.getByText("This backup is incomplete or damaged")).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
  // A changed byte in the middle chunk: damaged, nothing changed.
  const changed = testInfo.outputPath("middle-changed.remodel");
  await writeFile(changed, Buffer.from(file).fill(file[55 + chunk + 500] ^ 1, 55 + chunk + 500, 55 + chunk + 501));
  await restore(page, changed, { passphrase: "several chunks please" });
  await expect(page.getByText("This backup is damaged (part of the encrypted data was changed)")).toBeVisible();
  expect(await snapshot(page)).toEqual(before);

  await deleteEverything(page);
  await restore(page, path_, { passphrase: "several chunks please" });
  await expect(page.getByRole("status").filter({ hasText: "and 3 photos." })).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
  // Stored without sums, summed by the backup; restored with the sums the file was checked against.
  await expectEveryCopySummed(page, 6);
});

for (const [fixture, version, passphrase] of [
  ["encrypted-envelope-v1.remodel", 1, "an older passphrase"],
  ["encrypted-envelope-v2.remodel", 2, "a second passphrase"],
  ["plain-zip-crate.remodel", undefined, ""],
]) {
  test(`a backup written by an older build still restores: ${fixture}`, async ({ page }) => {
    test.setTimeout(120_000);
    // Written with e2e/write-backup-fixture.mjs by the build before each change of format:
    // envelope 1 before the sealed length, envelope 2 and the zip crate's layout before chunks
    // and the streaming writer.
    const older = path.join(import.meta.dirname, "..", "tests", "fixtures", "backups", fixture);
    const bytes = await readFile(older);
    if (version) expect(bytes[7]).toBe(version);
    else expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
    await start(page);
    await restore(page, older, passphrase ? { passphrase } : {});
    await expect(page.getByRole("status").filter({ hasText: "Restored 2 sessions, 3 check-ins and 0 photos." })).toBeVisible();
    await page.goto("/sessions");
    await expect(page.getByText("13 Oct 2026")).toBeVisible();
  });
}

/** The backup with its manifest's format version raised, checksums kept right: a newer app's file. */
function fromTheFuture(file) {
  const copy = Buffer.from(file);
  const name = Buffer.from("manifest.json");
  const local = copy.indexOf(Buffer.concat([Buffer.from("PK\x03\x04", "latin1")]), 0);
  let at = local;
  while (at >= 0) {
    const nameLength = copy.readUInt16LE(at + 26);
    const extraLength = copy.readUInt16LE(at + 28);
    if (copy.subarray(at + 30, at + 30 + nameLength).equals(name)) {
      const start = at + 30 + nameLength + extraLength;
      const size = copy.readUInt32LE(at + 18);
      const text = copy.subarray(start, start + size).toString("utf8").replace('"format_version": 1', '"format_version": 7');
      Buffer.from(text).copy(copy, start);
      const crc = zlib.crc32(copy.subarray(start, start + size));
      copy.writeUInt32LE(crc, at + 14);
      const central = copy.indexOf(Buffer.concat([Buffer.from("PK\x01\x02", "latin1")]));
      for (let c = central; c >= 0; c = copy.indexOf(Buffer.from("PK\x01\x02", "latin1"), c + 4)) {
        const n = copy.readUInt16LE(c + 28);
        if (copy.subarray(c + 46, c + 46 + n).equals(name)) copy.writeUInt32LE(crc, c + 16);
      }
      return copy;
    }
    at = copy.indexOf(Buffer.from("PK\x03\x04", "latin1"), at + 4);
  }
  throw new Error("no manifest");
}

test("bad files are refused beside the action and leave the data exactly as it was", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await seedProfileWithPhotos(page);
  const good = await backUp(page, testInfo.outputPath("good.remodel"));
  const before = await snapshot(page);
  const tampered = Buffer.from(good);
  tampered[Math.floor(good.length / 3)] ^= 0xff;
  const cases = [
    ["truncated.remodel", good.subarray(0, Math.floor(good.length * 0.6)), "incomplete or damaged"],
    ["photo.remodel", await readFile(ORIENTED[1]), "not a Remodel backup"],
    ["empty.remodel", Buffer.alloc(0), "not a Remodel backup"],
    ["random.remodel", Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) >>> 24)), "what is inside is not a backup, whatever its name"],
    ["tampered.remodel", tampered, "damaged"],
    ["future.remodel", fromTheFuture(good), "made by a newer version of Remodel"],
  ];
  for (const [name, bytes, message] of cases) {
    const path = testInfo.outputPath(name);
    await writeFile(path, bytes);
    await restore(page, path, { replace: true });
    const alert = page.getByRole("alert").filter({ hasText: message });
    await expect(alert, name).toBeVisible();
    await expect(alert).toContainText("Nothing on this device was changed.");
    // Plain words only: never the zip reader's ("invalid Zip archive: Could not find EOCD"), and
    // never a file name rule the chosen file already met.
    await expect(alert).not.toContainText(/zip|EOCD|archive|ending in \.remodel/i);
    expect(await snapshot(page), name).toEqual(before);
  }
});

test("a page closed mid-restore keeps the old data or the new, never a mix", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await seedProfileWithPhotos(page);
  // 1,500 more check-ins: writing them takes long enough to close the page in the middle.
  const many = Array.from({ length: 1500 }, (_, i) => entryRecord(`bulk-${i}`, `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, i % 5));
  await seedRecords(page, { sessions: [], entries: many });
  const path = testInfo.outputPath("new.remodel");
  await backUp(page, path);
  const restored = await snapshot(page);
  const oldData = async () => {
    await deleteEverything(page);
    await seedRecords(page, { sessions: [sessionRecord("old-1", "2025-01-01")], entries: [entryRecord("old-e", "2025-01-02", 1)] });
    return snapshot(page);
  };
  let old = await oldData();
  // Whether the page went away while the restore's switch-over was open: the page notes in
  // sessionStorage (which survives the reload) when a read-write transaction over the record
  // stores starts, and when it completes or aborts. "started" after the reload is an
  // interrupted write. (The photos' bytes are staged before it, each in its own transaction.)
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
      const tx = transaction.call(this, names, mode, ...rest);
      const all = ["sessions", "recovery_entries", "photos"].every((n) => [].concat(names).includes(n));
      if (mode === "readwrite" && all && sessionStorage.getItem("restoreTx") === "armed") {
        sessionStorage.setItem("restoreTx", "started");
        tx.addEventListener("complete", () => sessionStorage.setItem("restoreTx", "complete"));
        tx.addEventListener("abort", () => sessionStorage.setItem("restoreTx", "aborted"));
      }
      return tx;
    };
  });
  const outcomes = [];
  let interrupted = 0;
  let stagedLeft = 0;
  const moments = [
    ["Checking and copying photos · ", 0],
    ...[0, 20, 150, 600, 1500, 4000].map((delay) => ["Writing · ", delay]),
  ];
  for (const [moment, delay] of moments) {
    await page.goto("/data");
    await page.getByLabel("Backup file").setInputFiles(path);
    await page.getByLabel("Replace everything with the backup").check();
    // Once the restore reaches `moment` (staging the photos' bytes, or writing the records), the
    // page reloads itself after `delay`: from inside the page, because the write is over sooner
    // than a test can react.
    await page.evaluate(([moment, delay]) => {
      const watch = new MutationObserver(() => {
        if (!document.body.textContent.includes(moment)) return;
        watch.disconnect();
        setTimeout(() => location.reload(), delay);
      });
      watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, [moment, delay]);
    const reloaded = page.waitForEvent("load", { timeout: 60_000 });
    await page.evaluate(() => sessionStorage.setItem("restoreTx", "armed"));
    await page.getByRole("button", { name: "Restore backup" }).click();
    await reloaded;
    const transaction = await page.evaluate(() => sessionStorage.getItem("restoreTx"));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Records only: the app's own settings (such as having asked for persistent storage) may be
    // written by the reload itself. Bytes staged for a photo that has no record are nothing the
    // app can show (it finds bytes through their photo), and the next restore sweeps them.
    const records = ({ sessions, recovery_entries, photos, photo_bytes }) =>
      JSON.stringify({ sessions, recovery_entries, photos, photo_bytes: photo_bytes.filter((b) => photos.some((p) => p.id === b.id)) });
    const stored = await snapshot(page);
    const staged = stored.photo_bytes.filter((b) => !stored.photos.some((p) => p.id === b.id)).length;
    stagedLeft += staged;
    const now = records(stored);
    const outcome = now === records(old) ? "old" : now === records(restored) ? "new" : "mixed";
    outcomes.push(`${moment}+${delay} ms: ${outcome} (transaction ${transaction}, ${staged} staged left)`);
    expect(outcome, `reloaded ${delay} ms after Restore`).not.toBe("mixed");
    if (transaction === "started") {
      // The write was cut off mid-way: the old data, whole.
      interrupted += 1;
      expect(outcome, `interrupted ${delay} ms after Restore`).toBe("old");
    }
    if (outcome === "new") old = await oldData();
  }
  testInfo.annotations.push({ type: "outcomes", description: outcomes.join(", ") });
  // The test proves something only if at least one reload really cut the switch-over off, and
  // one cut the staging off (bytes staged, no record yet).
  expect(interrupted, outcomes.join(", ")).toBeGreaterThan(0);
  expect(stagedLeft, outcomes.join(", ")).toBeGreaterThan(0);
  // The next restore sweeps what a stopped one staged: afterwards every stored byte has its photo.
  await page.goto("/data");
  await page.getByLabel("Backup file").setInputFiles(path);
  await page.getByLabel("Replace everything with the backup").check();
  await page.getByRole("button", { name: "Restore backup" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored" })).toBeVisible({ timeout: 60_000 });
  const swept = await snapshot(page);
  expect(swept.photo_bytes.map((b) => b.id).sort()).toEqual(swept.photos.map((p) => p.id).sort());
});

test("sessions and the diary download as CSV, planned sessions as a calendar", async ({ page }, testInfo) => {
  await start(page);
  await seedRecords(page, {
    sessions: [
      { ...sessionRecord("s-1", "2026-09-01"), notes: "=HYPERLINK(\"x\"), then fine" },
      { ...sessionRecord("s-2", "2099-03-10", "planned"), time: "10:30", clinic: "Skin Studio, Leeds" },
    ],
    entries: [{ ...entryRecord("e-1", "2026-09-02", 3), session_id: "s-1", notes: "-5 outside" }],
  });
  await page.goto("/data");
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
  };
  const sessions = await download("Sessions (CSV)");
  expect(sessions.name).toMatch(/^remodel-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = sessions.text.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe("Date,Time,Status,Areas and depth,Device,Device model,Passes,Products,Numbing,Clinic,Practitioner,Pain (0-10),Notes");
  expect(lines[1]).toContain(`"'=HYPERLINK(""x""), then fine"`);
  expect(lines[2]).toContain("2099-03-10,10:30,planned,Cheeks 1.5 mm");

  const diary = await download("Recovery diary (CSV)");
  expect(diary.text).toContain("2026-09-02,2026-09-01,1,3,Moderate");
  expect(diary.text).toContain("'-5 outside");

  await page.getByLabel(/Add a daily check-in reminder/).check();
  await page.getByLabel("Reminder time").fill("21:15");
  const calendar = await download("Planned sessions (calendar)");
  expect(calendar.name).toMatch(/\.ics$/);
  expect(calendar.text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  expect(calendar.text).toContain("DTSTART:20990310T103000\r\n");
  expect(calendar.text).toContain("LOCATION:Skin Studio\\, Leeds\r\n");
  expect(calendar.text).toContain("DTSTART:20990311T211500\r\n");
  expect(calendar.text).toContain("RRULE:FREQ=DAILY;COUNT=7\r\n");
  expect(calendar.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
});

test("a calendar export with no planned session says there is nothing to add, and saves nothing", async ({ page }) => {
  await start(page);
  await seedRecords(page, { sessions: [sessionRecord("s-1", "2026-09-01")], entries: [] });
  await page.goto("/data");
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("button", { name: "Planned sessions (calendar)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "There is nothing to add to your calendar yet" })).toContainText("Nothing was saved.");
  await expect(page.getByText(/^Saved .* to your downloads/)).toHaveCount(0);
  expect(downloads).toBe(0);
});

test("deleting needs the typed word; anything else deletes nothing", async ({ page }) => {
  await start(page);
  await seedRecords(page, { sessions: [sessionRecord("s-1", "2026-09-01")], entries: [] });
  const before = await snapshot(page);
  await page.goto("/data");
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText("Type DELETE in capitals to confirm. Nothing was deleted.")).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
});

test("Today suggests a backup before Safari's seventh day, and stops once one is made", async ({ page }, testInfo) => {
  await start(page);
  // Six days of records: the nudge comes before day 7, when Safari would clear a tab's data.
  const old = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  await seedRecords(page, { sessions: [sessionRecord("s-1", old)], entries: [] });
  await page.reload();
  const card = page.getByRole("region", { name: "Time for a backup" });
  await expect(card).toContainText("There is no backup of your records yet.");
  await card.getByRole("link", { name: "Back up now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await backUp(page, testInfo.outputPath("nudged.remodel"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Time for a backup" })).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByTestId("settings-last-backup")).toContainText("Last backup:");
  await expect(page.getByTestId("settings-last-backup")).toContainText("(today)");
});

test("a backup shows in Settings at once, reached in the app without a reload", async ({ page }, testInfo) => {
  await start(page);
  await seedRecords(page, { sessions: [sessionRecord("s-1", "2026-09-01")], entries: [] });
  await page.goto("/settings");
  await expect(page.getByTestId("settings-last-backup")).toHaveText("No backup has been made on this device yet.");
  await backUp(page, testInfo.outputPath("in-app.remodel"));
  await expect(page.getByTestId("last-backup")).toContainText("(today)");
  // Settings and the data page are one app: the link changes the route, not the document.
  await page.evaluate(() => (window.__sameDocument = true));
  await openSection(page, "Settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("settings-last-backup")).toContainText("Last backup:");
  await expect(page.getByTestId("settings-last-backup")).toContainText("(today)");
  expect(await page.evaluate(() => window.__sameDocument), "Settings was reached without a page load").toBe(true);
});

test("after 'delete everything', Undo of an earlier deletion can't bring anything back", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await importFiles(page, [ORIENTED[1], ORIENTED[2]]);
  await page.goto("/photos");
  await page.getByRole("link", { name: /^Cheeks, / }).first().click();
  await page.getByRole("button", { name: "Delete photo" }).click();
  await page.getByRole("button", { name: "Yes, delete photo" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  // In the same document (the data page is the photos app), with the Undo still offered.
  await page.evaluate(() => (window.__sameDocument = true));
  await openSection(page, "Settings");
  await page.getByRole("link", { name: "Back up, restore or export" }).click();
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Everything was deleted" })).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument), "no page load in between").toBe(true);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await openSection(page, "Photos");
  await expect(page.getByRole("link", { name: /^Cheeks, / })).toHaveCount(0);
  expect(await countStored(page, "photos")).toBe(0);
  expect(await countStored(page, "photo_bytes")).toBe(0);
});

test("a device out of space refuses a restore with the out-of-space message, and nothing is partly written", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await seedProfileWithPhotos(page);
  const file = await backUp(page, testInfo.outputPath("before-full.remodel"));
  const path_ = testInfo.outputPath("to-restore.remodel");
  await writeFile(path_, file);
  // The disk fills up at either write of a restore, refused the way a full disk refuses them (a
  // QuotaExceededError): staging a photo's bytes (after the first photo was staged), or the
  // switch-over (after its stores were cleared). A restore that did not undo its earlier writes
  // would leave the stores empty, or bytes behind with no photo.
  await page.addInitScript(() => {
    const full = sessionStorage.getItem("diskFull");
    if (!full) return;
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === full && (full !== "photo_bytes" || ++puts > 1)) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return put.apply(this, args);
    };
  });
  // Staging: the photos must be new here, so the device holds other records without them.
  await deleteEverything(page);
  await seedRecords(page, { sessions: [sessionRecord("old-1", "2025-01-01")], entries: [] });
  for (const store of ["photo_bytes", "photos"]) {
    const before = await snapshot(page);
    await page.evaluate((store) => sessionStorage.setItem("diskFull", store), store);
    await restore(page, path_, { replace: true });
    await expect(page.getByText("This device has run out of space for Remodel. Nothing was changed."), store).toBeVisible();
    await page.evaluate(() => sessionStorage.removeItem("diskFull"));
    await page.reload();
    expect(await snapshot(page), store).toEqual(before);
  }
});

test("a merge restore keeps the newer version of a record changed on both sides, and never a second copy", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await seedProfileWithPhotos(page);
  const before = testInfo.outputPath("before-edit.remodel");
  await backUp(page, before);
  // The session is edited on this phone after that backup (its save is stamped with the time).
  await page.goto("/sessions/s-1/edit");
  await page.getByLabel("Notes").fill("Edited after the first backup");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page).toHaveURL("/sessions/s-1");
  const after = testInfo.outputPath("after-edit.remodel");
  await page.goto("/data");
  await (await saveBackup(page)).saveAs(after);
  const edited = await snapshot(page);

  // The older file merged in: this phone's edit is the newer, so it stays; nothing is doubled.
  await restore(page, before);
  await expect(page.getByRole("status").filter({
    hasText: "Restored 0 sessions, 0 check-ins and 0 photos. 6 already here were skipped. 1 changed both here and in the file: the newer version of it was kept (0 from the file).",
  })).toBeVisible();
  expect(await snapshot(page)).toEqual(edited);

  // The other way round: the older data here, the newer file merged in over it.
  await restore(page, before, { replace: true });
  await expect(page.getByRole("status").filter({ hasText: "Restored 2 sessions" })).toBeVisible();
  await restore(page, after);
  await expect(page.getByRole("status").filter({
    hasText: "Restored 1 session, 0 check-ins and 0 photos. 6 already here were skipped. 1 changed both here and in the file: the newer version of it was kept (1 from the file).",
  })).toBeVisible();
  expect(await snapshot(page)).toEqual(edited);
  expect(await countStored(page, "photos")).toBe(2);
  expect(await countStored(page, "photo_bytes")).toBe(2);
});

test("a restore waits while another tab restores, says so, and the two run one after the other with every byte kept", async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await seedProfileWithPhotos(page);
  const before = await snapshot(page);
  const file = testInfo.outputPath("backup.remodel");
  await backUp(page, file);

  // Another tab holds the restore lock, as a restore running there does (the app's lock name).
  const holder = await context.newPage();
  await holder.goto("/data");
  await holdRestoreLock(holder);
  const other = await context.newPage();
  for (const tab of [page, other]) {
    await restore(tab, file, { replace: true });
    await expect(tab.getByRole("status").filter({ hasText: "Waiting for a restore in another tab or window to finish" })).toBeVisible();
  }
  // Both wait in the browser's queue, and nothing was touched meanwhile.
  const pending = await page.evaluate(async () => (await navigator.locks.query()).pending.filter((l) => l.name === "remodel-restore").length);
  expect(pending).toBe(2);
  expect(await snapshot(page)).toEqual(before);

  await releaseRestoreLock(holder);
  for (const tab of [page, other]) {
    await expect(tab.getByRole("status").filter({ hasText: "Restored 2 sessions, 3 check-ins and 2 photos." })).toBeVisible({ timeout: 60_000 });
  }
  // One after the other: neither's sweep took the other's staged bytes.
  expect(await snapshot(page)).toEqual(before);
  expect(await countStored(page, "photo_thumbs")).toBe(2);
});

/** A backup of `photos` seeded big photos (2 MB each), read whole: over 2 MB a photo, and its zip
 * end record lists every entry (two per photo, the records and the manifest). Its bytes. */
async function expectWholeLargeBackup(file, { photos = 300 } = {}) {
  const bytes = await readFile(file);
  expect(bytes.length).toBeGreaterThan(photos * 2_000_000);
  const end = bytes.subarray(bytes.length - 22);
  expect(end.readUInt32LE(0)).toBe(0x06054b50);
  expect(end.readUInt16LE(10)).toBe(photos * 2 + 2);
  return bytes;
}

test("a second backup on the same page while one is being made is refused next to its button, and the next one after it works", async ({ page }) => {
  // Leaving "Your data" for another page of the photos app does not stop a backup being made
  // (the same document); coming back shows a new button, and a second backup at once would
  // write over the first's file.
  test.setTimeout(180_000);
  await start(page);
  await addArea(page, "cheeks");
  await seedBigPhotos(page, 200);
  await page.goto("/data");
  await page.evaluate(() => (window.__sameDocument = true));
  const backUp = page.getByRole("button", { name: "Back up now" });
  await backUp.click();
  await openSection(page, "Settings");
  await page.getByRole("link", { name: "Back up, restore or export" }).click();
  await backUp.click();
  const backups = page.getByRole("region", { name: "Back up" });
  await expect(backups.getByText("A backup is already being made on this page. Wait for it to finish.")).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  expect(await backups.getByRole("button", { name: "Save backup" }).count()).toBe(0);
  // Once the first is made, the next is (refused until then, so asked again).
  const ready = backups.getByRole("status").filter({ hasText: /^Your backup is ready: remodel-/ });
  await expect(async () => {
    if (!(await ready.isVisible())) await backUp.click();
    await expect(ready).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 120_000 });
});

test.describe("a backup too large for a blob", () => {
  // The service worker would answer the photo worker's script from its cache: blocked, so that the
  // script refused below reaches the page.
  test.use({ serviceWorkers: "block" });

  test("a disk that fills during a large backup says so next to its button, changes nothing, leaves no bytes on disk, and the next backup works", async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await start(page);
    await addArea(page, "cheeks");
    await seedBigPhotos(page, 200);
    // The real worker, whose file refuses a write as a full disk does: the 100th (photos on their
    // way), then the 801st, the last (the zip's directory, after the 200 photos' four parts each).
    let failAt = 0;
    await page.route("**/photos/photo-worker-*_loader.js", async (route) => {
      if (!failAt) return route.continue();
      const response = await route.fetch();
      const prelude = `
        const write = FileSystemSyncAccessHandle.prototype.write;
        let writes = 0;
        FileSystemSyncAccessHandle.prototype.write = function (...args) {
          if (++writes >= ${failAt}) throw new DOMException("The disk is full.", "QuotaExceededError");
          return write.apply(this, args);
        };
      `;
      await route.fulfill({ response, body: prelude + (await response.text()) });
    });
    const sizesOnDisk = () => backupFilesOnDisk(page, "size");
    for (const at of [100, 801]) {
      failAt = at;
      await page.goto("/data");
      const backups = page.getByRole("region", { name: "Back up" });
      await backups.getByRole("button", { name: "Back up now" }).click();
      await expect(backups.getByText("The backup file could not be written: this device may be out of space for this app. Free some space and try again. Nothing was changed.")).toBeVisible({ timeout: 60_000 });
      await expect(backups.getByRole("button", { name: "Save backup" })).toHaveCount(0);
      expect(await countStored(page, "photo_bytes")).toBe(200);
      // Its file was emptied and let go (a file still open could not be read, nor written again).
      await expect.poll(sizesOnDisk).toEqual([0]);
    }

    failAt = 0;
    await page.goto("/data");
    const file = testInfo.outputPath("after-full.remodel");
    await (await saveBackup(page)).saveAs(file);
    const bytes = await expectWholeLargeBackup(file, { photos: 200 });
    expect(await sizesOnDisk()).toEqual([bytes.length]);
  });

  test("a backup of 600 MB is written to a file on disk, downloads whole and restores, and its copy goes once its page is gone", async ({ page }, testInfo) => {
    // Chromium cannot read a Blob built from parts past about 500 MB (such a download is cancelled):
    // the backup is written to the origin-private file system instead, by a photo worker of its own.
    test.setTimeout(300_000);
    await start(page);
    await addArea(page, "cheeks");
    await seedBigPhotos(page, 300);
    // Workers the page starts, and their answers, counted: the backup's writer is one, and answers
    // each write (its start, one open, a write per photo and one for the directory, and one close).
    await page.addInitScript(countWorkers);
    await page.goto("/data");
    const file = testInfo.outputPath("large.remodel");
    await (await saveBackup(page)).saveAs(file);
    await expectWholeLargeBackup(file);
    expect(await workerCounts(page)).toEqual([1, 304]);
    const onDisk = [expect.stringMatching(/^[0-9a-f]{16}\/remodel-\d{4}-\d{2}-\d{2}\.remodel$/)];
    expect(await backupFilesOnDisk(page, "path")).toEqual(onDisk);

    // "Delete everything" on the page that made it: its copy goes with the rest.
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete everything" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Everything was deleted" })).toBeVisible();
    await expect.poll(() => backupFilesOnDisk(page, "path")).toEqual([]);
    await restore(page, file, { replace: true });
    await expect(page.getByRole("status").filter({ hasText: "and 300 photos." })).toBeVisible({ timeout: 180_000 });
    expect(await countStored(page, "photo_bytes")).toBe(300);

    // Another backup's copy stays while its page lives, and goes once a new page opens after it.
    // This one's worker cannot start: the page writes the file itself, through its own stream.
    await page.route("**/photos/photo-worker*", (route) => route.abort());
    await page.goto("/data");
    const again = testInfo.outputPath("again.remodel");
    await (await saveBackup(page)).saveAs(again);
    await expectWholeLargeBackup(again);
    expect(await backupFilesOnDisk(page, "path")).toEqual(onDisk);
    // Its worker was started, and never answered.
    expect(await workerCounts(page)).toEqual([1, 0]);
    await page.unroute("**/photos/photo-worker*");
    // A new page of the app (not the gallery: these photos' random bytes are no image, and
    // Chromium reported their blob URLs refused by connect-src when 300 of them were shown).
    await page.goto("/settings");
    await expect.poll(() => backupFilesOnDisk(page, "path")).toEqual([]);
  });
});
