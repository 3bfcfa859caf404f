// Every past schema version, as that version's own build left it (tests/fixtures/databases/,
// written by e2e/write-db-fixture.mjs), opens in this build: upgraded to the current schema with
// every record and every photo byte intact, and shown by the app.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures.mjs";
import { dumpDatabase, loadDatabase } from "./db-fixture.mjs";

const dir = path.join(import.meta.dirname, "..", "tests", "fixtures", "databases");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, ...JSON.parse(readFileSync(path.join(dir, f), "utf8")) }))
  .sort((a, b) => a.version - b.version);
/** The newest fixture is written by the current schema: its stores and indexes are the target. */
const current = fixtures.at(-1);
const schema = (dump) => dump.stores.map(({ name, keyPath, autoIncrement, indexes }) => ({ name, keyPath, autoIncrement, indexes }));
const store = (dump, name) => dump.stores.find((s) => s.name === name)?.records ?? [];
const byId = (records) => Object.fromEntries(records.map((r) => [r.id, r]));

test("the fixtures cover every schema version up to the current one", () => {
  expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: current.version }, (_, i) => i + 1));
});

for (const fixture of fixtures) {
  test(`a database left by schema version ${fixture.version} (${fixture.file}) upgrades with every record and byte intact`, async ({ page }) => {
    // The clinic kit never opens the database: the fixture goes in before the app sees it.
    await page.goto("/kit/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await loadDatabase(page, fixture);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    await expect.poll(async () => (await dumpDatabase(page)).version).toBe(current.version);
    const after = await dumpDatabase(page);

    expect(schema(after)).toEqual(schema(current));
    for (const name of ["sessions", "recovery_entries", "photos"]) {
      expect(byId(store(after, name)), name).toEqual(byId(store(fixture, name)));
    }
    const settings = byId(store(after, "settings").map((s) => ({ ...s, id: s.key })));
    for (const setting of store(fixture, "settings")) expect(settings[setting.key], setting.key).toMatchObject(setting);
    // Each photo's two copies, wherever this version keeps them (thumbnails moved out in v3).
    const bytes = (dump, id) => {
      const record = byId(store(dump, "photo_bytes"))[id];
      const thumb = byId(store(dump, "photo_thumbs"))[id]?.thumb ?? record?.thumb;
      return { working: record?.working, thumb };
    };
    for (const photo of store(fixture, "photos")) {
      const before = bytes(fixture, photo.id);
      expect(before.working?.$bytes?.length, "the fixture has the bytes").toBeGreaterThan(1000);
      expect(bytes(after, photo.id), photo.id).toEqual(before);
    }

    // And the app shows them.
    await page.goto("/sessions");
    await expect(page.getByRole("link", { name: "13 Oct 2026" })).toBeVisible();
    await page.goto("/photos");
    await expect(page.getByRole("link", { name: /^Cheeks, / })).toHaveCount(2);
  });
}
