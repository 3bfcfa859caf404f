// Photos (release build): import with per-file results, upright whatever the EXIF orientation,
// still there after a reload, delete with Undo, bad files refused with nothing else changed,
// the camera's fallback (camera.spec.mjs has the live camera), and no long main-thread task
// during a 20-photo import; the photo worker's typed, versioned messages.
import { readFile, writeFile } from "node:fs/promises";
import { controlledByWorker, expect, mainNav, openSection, test } from "./fixtures.mjs";
import { addArea, countStored, expectNoAxeViolations } from "./records.mjs";
import { ASTRONAUT, ORIENTED, gallery, importFiles } from "./photo-helpers.mjs";

/** Every gallery image's pixels, drawn at their natural size, once loaded (a tile reads its
 * thumbnail as it comes on screen, so each is scrolled to, as a person would). */
async function thumbnails(page) {
  const images = gallery(page);
  const count = await images.count();
  for (let i = 0; i < count; i++) {
    await images.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => images.nth(i).evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  return images.evaluateAll((elements) =>
    elements.map((image) => {
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      return { alt: image.alt, width: canvas.width, height: canvas.height, data: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data) };
    }),
  );
}

const meanDifference = (a, b) => {
  let total = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) total += Math.abs(a.data[i] - b.data[i]);
  return total / ((a.data.length / 4) * 3);
};

test("imported photos are upright, survive a reload, and a delete can be undone", async ({ page }) => {
  test.setTimeout(150_000);
  await addArea(page, "cheeks");
  await page.goto("/photos");
  await page.getByRole("link", { name: "Add photos" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add photos" })).toBeVisible();
  await importFiles(page, [...ORIENTED, ASTRONAUT]);
  await expect(page.getByRole("status").filter({ hasText: "10 of 10 added." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Import results" }).getByRole("listitem").filter({ hasText: "Added" })).toHaveCount(10);
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("value", "10");

  await page.getByRole("link", { name: "All photos" }).click();
  await expect(gallery(page)).toHaveCount(10);
  const shown = await thumbnails(page);
  const landscapes = shown.filter((t) => t.width !== t.height);
  const portraits = shown.filter((t) => t.width === t.height);
  expect(portraits.length, "the astronaut (square)").toBe(1);
  expect(landscapes.length).toBe(9);
  // Upright: every one of the nine is landscape-shaped and shows the same picture.
  for (const thumb of landscapes) {
    expect([thumb.width, thumb.height]).toEqual([256, 171]);
    const difference = meanDifference(thumb, landscapes[0]);
    expect(difference, `${thumb.alt} vs the first`).toBeLessThan(6);
  }
  // Every tile's name is its own (area, angle, date and time; photos of the same minute numbered),
  // and every tile shows the whole photo in a box of one size.
  const names = await gallery(page).evaluateAll((images) => images.map((i) => i.alt));
  expect(new Set(names).size).toBe(10);
  for (const name of names) expect(name).toMatch(/^Cheeks, Front, \d+ \w+ \d{4}, \d{2}:\d{2}( \(\d+\))?$/);
  const boxes = await gallery(page).evaluateAll((images) =>
    images.map((i) => ({ fit: getComputedStyle(i).objectFit, ratio: Math.round((i.clientWidth / i.clientHeight) * 100) })),
  );
  for (const box of boxes) expect(box).toEqual({ fit: "contain", ratio: 133 });
  // The check can fail: the same picture upside down is far from it.
  const flipped = { ...landscapes[0], data: [] };
  for (let y = landscapes[0].height - 1; y >= 0; y--) {
    for (let x = landscapes[0].width - 1; x >= 0; x--) {
      const i = (y * landscapes[0].width + x) * 4;
      flipped.data.push(...landscapes[0].data.slice(i, i + 4));
    }
  }
  expect(meanDifference(flipped, landscapes[0])).toBeGreaterThan(20);
  await expectNoAxeViolations(page, "the gallery");

  await page.reload();
  await expect(gallery(page)).toHaveCount(10);
  expect(await countStored(page, "photos")).toBe(10);
  expect(await countStored(page, "photo_bytes")).toBe(10);
  expect(await countStored(page, "photo_thumbs")).toBe(10);

  await gallery(page).first().click();
  await expect(page).toHaveURL(/\/photos\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("img", { name: /^Cheeks, Front, / })).toHaveJSProperty("complete", true);
  await expectNoAxeViolations(page, "a photo's page");
  await page.getByRole("button", { name: "Delete photo" }).click();
  await page.getByRole("button", { name: "Yes, delete photo" }).click();
  await expect(page).toHaveURL("/photos");
  await expect(page.getByRole("status").filter({ hasText: "Photo deleted." })).toBeVisible();
  await expect(gallery(page)).toHaveCount(9);
  expect(await countStored(page, "photo_bytes")).toBe(9);
  expect(await countStored(page, "photo_thumbs")).toBe(9);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(gallery(page)).toHaveCount(10);
  await page.reload();
  await expect(gallery(page)).toHaveCount(10);
  expect(await countStored(page, "photo_bytes")).toBe(10);
  expect(await countStored(page, "photo_thumbs"), "Undo puts the thumbnail back too").toBe(10);
});

test("a photo's details can be edited, and bad input is refused beside its field", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT]);
  await page.goto("/photos");
  await gallery(page).first().click();
  await page.getByLabel("Angle").selectOption("left_45");
  await page.getByLabel("Date taken").fill("2099-01-01");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("A photo can't be taken in the future.")).toBeVisible();
  await expect(page.getByLabel("Date taken")).toBeFocused();
  await page.getByLabel("Date taken").fill("2026-03-14");
  await page.getByLabel("Lighting").fill("Bathroom window, morning");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Cheeks · Left 45°" })).toBeVisible();
  await expect(page.getByLabel("Lighting")).toHaveValue("Bathroom window, morning");
  await expect(page.getByLabel("Date taken")).toHaveValue("2026-03-14");
});

test("broken files get their own message and change nothing", async ({ page }, testInfo) => {
  await addArea(page, "cheeks");
  await addArea(page, "neck");
  await page.goto("/photos/add");
  // Two areas and none chosen: nothing is imported, and the Area field says why.
  await page.getByLabel("Choose photos").setInputFiles([ASTRONAUT]);
  await expect(page.getByText("Choose the area this photo shows.")).toBeVisible();
  await expect(page.getByLabel("Area")).toBeFocused();
  expect(await countStored(page, "photos")).toBe(0);

  await page.getByLabel("Area").selectOption({ label: "Cheeks" });
  await importFiles(page, [ORIENTED[1]]);
  const before = await countStored(page, "photo_bytes");
  expect(before).toBe(1);

  const whole = await readFile(ORIENTED[0]);
  const truncated = testInfo.outputPath("cut-short.jpg");
  await writeFile(truncated, whole.subarray(0, whole.length / 2));
  const text = testInfo.outputPath("notes.jpg");
  await writeFile(text, "Dear clinic, this is a text file with a photo's name.\n");
  const heic = testInfo.outputPath("IMG_0001.HEIC");
  await writeFile(heic, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic\0\0\0\0mif1heic")]));
  await importFiles(page, [truncated, text, heic]);
  const results = page.getByRole("list", { name: "Import results" });
  await expect(results.getByRole("listitem").filter({ hasText: "cut-short.jpg" })).toContainText("This photo is incomplete");
  await expect(results.getByRole("listitem").filter({ hasText: "notes.jpg" })).toContainText("This file isn't a photo");
  await expect(results.getByRole("listitem").filter({ hasText: "IMG_0001.HEIC" })).toContainText("export this one as JPEG");
  await expect(page.getByRole("status").filter({ hasText: "0 of 3 added." })).toBeVisible();
  expect(await countStored(page, "photos")).toBe(before);
  expect(await countStored(page, "photo_bytes")).toBe(before);
  await page.goto("/photos");
  await expect(gallery(page)).toHaveCount(1);
});

test("without a camera the page says so and offers the device's camera instead", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await page.getByRole("button", { name: "Start camera" }).click();
  await expect(page.getByRole("alert")).toContainText(/camera/i);
  await expect(page.getByLabel("Take a photo with your device's camera")).toHaveAttribute("capture", "environment");
});

test("from the first visit on, photos work offline without having been opened online", async ({ page, context }) => {
  test.setTimeout(90_000);
  // The first visit: once its service worker is active and the page idle, it fetches the photos
  // app in the background (no reload, no second visit).
  await addArea(page, "cheeks");
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith("remodel-photos-"))))
    .toBe(true);
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const name = (await caches.keys()).find((k) => k.startsWith("remodel-photos-"));
        return (await (await caches.open(name)).keys()).length;
      }),
    )
    .toBe(8);
  await context.setOffline(true);
  await mainNav(page).getByRole("link", { name: "Photos" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Photos" })).toBeVisible();
  await page.getByRole("link", { name: "Add photos" }).click();
  await importFiles(page, [ASTRONAUT]);
  await expect(page.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
  await page.reload();
  await page.goto("/photos");
  await expect(gallery(page)).toHaveCount(1);
  // Compare works offline too: a second photo, then the compare view, aligned.
  await page.getByRole("link", { name: "Add photos" }).click();
  await importFiles(page, [ASTRONAUT]);
  await openSection(page, "Compare");
  await page.getByRole("link", { name: "Cheeks · Front (2 photos)" }).click();
  await expect(page.getByRole("img", { name: "after photo" })).toBeVisible();
  await page.getByRole("button", { name: "Align automatically" }).click();
  await expect(page.getByText(/^Aligned \(confidence \d+%\): the after photo was (not moved|moved \d+% \w+( and \d+% \w+)?), (not turned|turned [\d.]+° (anti)?clockwise), (same size|(enlarged|reduced) to \d+%)\.$/)).toBeVisible();
  // So do the report for the clinic and a backup.
  await page.getByRole("link", { name: "Put this pair in the report for your clinic" }).click();
  await expect(page.getByRole("img", { name: /^After photo/ })).toBeVisible();
  await page.getByRole("link", { name: "Back to your data" }).click();
  await page.getByRole("button", { name: "Back up now" }).click();
  const [backup] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save backup" }).click()]);
  expect(backup.suggestedFilename()).toMatch(/^remodel-\d{4}-\d{2}-\d{2}\.remodel$/);
});

test("offline before photos were ever fetched, the page says they need a connection once", async ({ page, context }) => {
  await page.goto("/");
  await controlledByWorker(page);
  await page.goto("/");
  // Let the background fetch finish, then remove what it kept: as if it never happened.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const name = (await caches.keys()).find((k) => k.startsWith("remodel-photos-"));
        return name ? (await (await caches.open(name)).keys()).length : 0;
      }),
    )
    .toBe(8);
  await page.evaluate(async () => {
    for (const key of await caches.keys()) if (key.startsWith("remodel-photos-")) await caches.delete(key);
  });
  await context.setOffline(true);
  await page.goto("/photos");
  await expect(page.getByRole("heading", { level: 1, name: "This page needs a connection once" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Remodel" })).toBeVisible();
});

test("the photo worker speaks its typed protocol and refuses another version's messages", async ({ page }) => {
  await page.goto("/photos/");
  const jpeg = (await readFile(ORIENTED[1])).toString("base64");
  // Talks to the worker as the page does: [postcard bytes, ...attachments] (src/worker/protocol.rs).
  const replies = await page.evaluate(async (jpeg) => {
    // The worker of this build (its files carry a hash: .ci/seal.mjs).
    const worker = new Worker(document.querySelector('meta[name="remodel-photo-worker"]').content, { type: "module" });
    const nextMessage = () => new Promise((resolve) => worker.addEventListener("message", (e) => resolve(e.data), { once: true }));
    const summary = ([head, ...attachments]) => ({
      bytes: Array.from(head),
      text: new TextDecoder().decode(head.subarray(4)),
      attachments: attachments.map((a) => (a instanceof ArrayBuffer ? Array.from(new Uint8Array(a, 0, 2)) : String(a))),
    });
    const ask = async (head, ...attachments) => {
      const reply = nextMessage();
      worker.postMessage([new Uint8Array(head), ...attachments]);
      return summary(await reply);
    };
    const ready = summary(await nextMessage());
    const photo = new Blob([Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0))], { type: "image/jpeg" });
    return {
      ready,
      ingested: await ask([2, 7, 0, 0], photo),
      notAPhoto: await ask([2, 8, 0, 1], new Blob(["plain text, not a photo"])),
      // A page of the build before (version 1) asking this worker.
      otherVersion: await ask([1, 9, 0, 0], photo),
      unreadable: await ask([]),
      unknownJob: await ask([2, 10, 9]),
    };
  }, jpeg);
  expect(replies.ready.bytes).toEqual([2, 0, 0]);
  // Version 2, job 7, Ingested, then the two JPEG copies handed over.
  expect(replies.ingested.bytes.slice(0, 3)).toEqual([2, 7, 1]);
  expect(replies.ingested.attachments).toEqual([[0xff, 0xd8], [0xff, 0xd8]]);
  // Failed { message } answers the job it belongs to, with the sentence for the client.
  expect(replies.notAPhoto.bytes.slice(0, 3)).toEqual([2, 8, 2]);
  expect(replies.notAPhoto.attachments).toEqual([]);
  expect(replies.otherVersion.bytes.slice(0, 3)).toEqual([2, 9, 2]);
  expect(replies.otherVersion.text).toBe("The photo processor is from another version of the app. Reload the page and try again.");
  expect(replies.unreadable.bytes.slice(0, 3)).toEqual([2, 0, 2]);
  expect(replies.unknownJob.bytes.slice(0, 3)).toEqual([2, 10, 2]);
  expect(replies.unknownJob.text).toBe("The photo processor and this page could not understand each other. Reload the page and try again.");
});

test.describe("a photo worker that cannot start", () => {
  // The service worker would answer the worker's script from its cache: the test blocks it so
  // the refused script reaches the page as it would on a broken install.
  test.use({ serviceWorkers: "block" });

  test("each file says so instead of waiting forever, nothing is stored, and trying again works", async ({ page }) => {
    await addArea(page, "cheeks");
    await page.route("**/photos/photo-worker*", (route) => route.abort());
    await page.goto("/photos/add");
    await importFiles(page, [ORIENTED[1], ORIENTED[2]]);
    const results = page.getByRole("list", { name: "Import results" });
    for (const name of ["Landscape_1.jpg", "Landscape_2.jpg"]) {
      await expect(results.getByRole("listitem").filter({ hasText: name })).toContainText(
        "The photo processor could not start. Nothing was stored: try again, and if it still can't start, reload the page.",
      );
    }
    await expect(page.getByRole("status").filter({ hasText: "0 of 2 added." })).toBeVisible();
    expect(await countStored(page, "photos")).toBe(0);
    // Once the worker's files can be had again, the same page imports (a new worker starts).
    await page.unroute("**/photos/photo-worker*");
    await importFiles(page, [ORIENTED[1]]);
    await expect(page.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
    expect(await countStored(page, "photos")).toBe(1);
  });

  test("a worker that crashes mid-job says so for that photo, stores nothing half, and the next import works", async ({ page }) => {
    test.setTimeout(60_000);
    await addArea(page, "cheeks");
    // The real worker, whose message handler throws on its first job: an uncaught error in the
    // worker, as a crash mid-job reaches the page.
    let crash = true;
    await page.route("**/photos/photo-worker-*_loader.js", async (route) => {
      if (!crash) return route.continue();
      const response = await route.fetch();
      const prelude = `
        const add = self.addEventListener.bind(self);
        const crashing = () => { throw new Error("crashed mid-job"); };
        self.addEventListener = (type, listener, ...rest) => add(type, type === "message" ? crashing : listener, ...rest);
        Object.defineProperty(self, "onmessage", { set() { add("message", crashing); } });
      `;
      await route.fulfill({ response, body: prelude + (await response.text()) });
    });
    await page.goto("/photos/add");
    await importFiles(page, [ORIENTED[1]]);
    const results = page.getByRole("list", { name: "Import results" });
    await expect(results.getByRole("listitem").filter({ hasText: "Landscape_1.jpg" })).toContainText(
      "The photo processor stopped. Try this photo again, or reload the page.",
    );
    for (const store of ["photos", "photo_bytes", "photo_thumbs"]) expect(await countStored(page, store), store).toBe(0);
    crash = false;
    await importFiles(page, [ORIENTED[2]]);
    await expect(results.getByRole("listitem").filter({ hasText: "Landscape_2.jpg" })).toContainText("Added", { timeout: 30_000 });
    for (const store of ["photos", "photo_bytes", "photo_thumbs"]) expect(await countStored(page, store), store).toBe(1);
  });

  test("a worker that loads but never answers is given up on in time, and the next import works", async ({ page }) => {
    test.setTimeout(90_000);
    await addArea(page, "cheeks");
    // The worker's script loads, so no error event comes, but it never says it is ready.
    let silent = true;
    await page.route("**/photos/photo-worker-*_loader.js", (route) =>
      silent ? route.fulfill({ contentType: "text/javascript", body: "/* never answers */" }) : route.continue(),
    );
    await page.goto("/photos/add");
    const started = Date.now();
    await importFiles(page, [ORIENTED[1]]);
    const results = page.getByRole("list", { name: "Import results" });
    await expect(results.getByRole("listitem").filter({ hasText: "Landscape_1.jpg" })).toContainText(
      "The photo processor did not answer in time. Nothing was stored for this photo: try it again, or reload the page.",
      { timeout: 45_000 },
    );
    expect(Date.now() - started).toBeGreaterThan(25_000);
    expect(await countStored(page, "photos")).toBe(0);
    // The next import starts a new worker, which answers.
    silent = false;
    await importFiles(page, [ORIENTED[2]]);
    await expect(results.getByRole("listitem").filter({ hasText: "Landscape_2.jpg" })).toContainText("Added", { timeout: 30_000 });
    expect(await countStored(page, "photos")).toBe(1);
  });
});

test("an import can be cancelled: the photo under way is stored whole, the rest are left, and what was added stays", async ({ page }) => {
  test.setTimeout(120_000);
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await page.getByLabel("Choose photos").setInputFiles([...ORIENTED, ...ORIENTED, ASTRONAUT, ASTRONAUT]);
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toHaveAttribute("max", "20");
  await expect.poll(async () => Number(await progress.getAttribute("value"))).toBeGreaterThanOrEqual(2);
  await page.getByRole("button", { name: "Cancel import" }).click();
  const status = page.getByRole("status").filter({ hasText: /^Import cancelled: \d+ of 20 added\.$/ });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Cancel import" })).toHaveCount(0);
  const added = Number((await status.textContent()).match(/(\d+) of 20/)[1]);
  expect(added).toBeGreaterThanOrEqual(2);
  expect(added).toBeLessThan(20);
  const results = page.getByRole("list", { name: "Import results" }).getByRole("listitem");
  await expect(results.filter({ hasText: /: Added$/ })).toHaveCount(added);
  await expect(results.filter({ hasText: /: Not added: the import was cancelled$/ })).toHaveCount(20 - added);
  // Nothing half stored: every photo record has its working copy and its thumbnail.
  for (const store of ["photos", "photo_bytes", "photo_thumbs"]) expect(await countStored(page, store), store).toBe(added);
  // And a new import starts afresh.
  await importFiles(page, [ASTRONAUT]);
  await expect(page.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
  for (const store of ["photos", "photo_bytes", "photo_thumbs"]) expect(await countStored(page, store), store).toBe(added + 1);
  await page.goto("/photos");
  await expect(gallery(page)).toHaveCount(added + 1);
});

test("the whole Content-Security-Policy comes as a header on every response, the workers' scripts included, and the photo worker runs under it", async ({ page }) => {
  const meta = await (async () => {
    await page.goto("/");
    return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  })();
  // The worker's files are named after their hash (.ci/seal.mjs); the photos page names its loader.
  const photosPage = await (await page.request.get("/photos/")).text();
  const loader = photosPage.match(/<meta name="remodel-photo-worker" content="([^"]+)"/)[1];
  const glue = loader.replace("_loader.js", ".js");
  for (const file of ["/", "/sw.js", "/photos/", glue, loader, "/kit/"]) {
    const response = await page.request.get(file);
    expect(response.status(), file).toBe(200);
    const header = response.headers()["content-security-policy"];
    expect(header, file).toBe(`${meta}; frame-ancestors 'none'`);
  }
  // The hosts' snippets in docs/hosting/ send the same policy (they would go stale otherwise).
  for (const snippet of ["_headers", "nginx.conf"]) {
    const text = await readFile(new URL(`../docs/hosting/${snippet}`, import.meta.url), "utf8");
    expect(text, snippet).toContain(`${meta}; frame-ancestors 'none'`);
  }
  // The worker (its glue and its wasm) runs under that policy: a photo goes through it. (Any
  // policy violation fails the test: e2e/fixtures.mjs.)
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT]);
  await expect(page.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
});

test("a page closed while a photo is being stored keeps it whole or not at all", async ({ page }) => {
  test.setTimeout(120_000);
  await addArea(page, "cheeks");
  // The page notes in sessionStorage (which survives the reload) when a photo's save starts (a
  // read-write transaction over the record, working-copy and thumbnail stores) and whether it
  // ended. Once armed, it holds that save open (its commit waits, and reads keep the transaction
  // alive) and closes itself `delay` ms later: the page dies between the photo's writes and
  // their commit, as a killed tab or a flat battery would do it. Saved in two transactions,
  // the record's would be committed already and the test would fail.
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
      const tx = transaction.call(this, names, mode, ...rest);
      const stores = [].concat(names);
      const delay = sessionStorage.getItem("closeAfter");
      if (mode === "readwrite" && stores.includes("photo_bytes") && stores.includes("photo_thumbs") && delay !== null) {
        sessionStorage.removeItem("closeAfter");
        sessionStorage.setItem("photoTx", "started");
        tx.addEventListener("complete", () => sessionStorage.setItem("photoTx", "complete"));
        tx.addEventListener("abort", () => sessionStorage.setItem("photoTx", "aborted"));
        tx.commit = () => {};
        const keepOpen = () => (tx.objectStore("photos").count().onsuccess = keepOpen);
        keepOpen();
        setTimeout(() => location.reload(), Number(delay));
      }
      return tx;
    };
  });
  const outcomes = [];
  let interrupted = 0;
  for (const delay of [0, 50, 300]) {
    await page.goto("/photos/add");
    await page.evaluate((delay) => {
      sessionStorage.setItem("closeAfter", String(delay));
      sessionStorage.removeItem("photoTx");
    }, delay);
    const reloaded = page.waitForEvent("load", { timeout: 60_000 });
    await page.getByLabel("Choose photos").setInputFiles([ASTRONAUT]);
    await reloaded;
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const saved = await page.evaluate(() => sessionStorage.getItem("photoTx"));
    const counts = {};
    for (const store of ["photos", "photo_bytes", "photo_thumbs"]) counts[store] = await countStored(page, store);
    outcomes.push(`${delay} ms: ${saved}, ${JSON.stringify(counts)}`);
    // Whole or not at all: every record has both copies, and no copy is without its record.
    expect(counts.photo_bytes, outcomes.at(-1)).toBe(counts.photos);
    expect(counts.photo_thumbs, outcomes.at(-1)).toBe(counts.photos);
    if (saved === "started") interrupted += 1;
  }
  // And with nothing holding it, the same photo is stored whole.
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT]);
  for (const store of ["photos", "photo_bytes", "photo_thumbs"]) expect(await countStored(page, store), store).toBe(1);
  test.info().annotations.push({ type: "outcomes", description: outcomes.join("; ") });
  // The test proves something only if a reload really cut a save off.
  expect(interrupted, outcomes.join("; ")).toBeGreaterThan(0);
});

test("a photo still being stored survives a link to another app: the link waits for it", async ({ page }) => {
  test.setTimeout(60_000);
  await addArea(page, "cheeks");
  // Once armed, the page holds a photo's save open for a second (its commit waits while reads
  // keep the transaction alive), and says when it has started.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("slowPhotoSave")) return;
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
      const tx = transaction.call(this, names, mode, ...rest);
      const stores = [].concat(names);
      if (mode === "readwrite" && stores.includes("photo_bytes") && stores.includes("photo_thumbs")) {
        window.__photoSaveStarted = true;
        const until = Date.now() + 1000;
        tx.commit = () => {};
        const keepOpen = () => {
          if (Date.now() < until) tx.objectStore("photos").count().onsuccess = keepOpen;
        };
        keepOpen();
      }
      return tx;
    };
  });
  await page.goto("/photos/add");
  await page.evaluate(() => sessionStorage.setItem("slowPhotoSave", "1"));
  await page.reload();
  await page.getByLabel("Choose photos").setInputFiles([ORIENTED[1]]);
  await page.waitForFunction(() => window.__photoSaveStarted === true);
  // At once: Today is the client app, a page load. Without the wait it ended the save.
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  for (const store of ["photos", "photo_bytes", "photo_thumbs"]) expect(await countStored(page, store), store).toBe(1);
});
