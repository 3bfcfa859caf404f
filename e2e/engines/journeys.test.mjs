// Runs the core journeys (journeys.mjs) in Chromium, WebKit and Firefox through WebDriver, against
// the release build in dist/, with one server for the whole run (node's test runner).
//   node --test e2e/engines/journeys.test.mjs
//   ENGINES=webkit JOURNEYS=diary node --test e2e/engines/journeys.test.mjs   (a subset)
// A journey an engine cannot run is skipped with the reason (README, "Engines").
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { serve } from "../../.ci/serve.mjs";
import { DriverHang, ENGINES, newSession, startDriver } from "./drivers.mjs";
import * as journeys from "./journeys.mjs";
import { Page } from "./page.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PORT = 8093;
const BASE = `http://127.0.0.1:${PORT}`;

/** Journeys an engine cannot run, with why. Empty today: every journey runs everywhere. */
const SKIPS = {};

const only = (variable) => process.env[variable]?.split(",").filter(Boolean);
const engines = ENGINES.filter((e) => !only("ENGINES") || only("ENGINES").includes(e.name));
const names = Object.keys(journeys).filter((j) => !only("JOURNEYS") || only("JOURNEYS").includes(j));

let server;

/** One run of a journey in a new session; a failure says the last commands sent to the driver. */
async function run(engine, driverServer, name) {
  const driver = await newSession(engine, driverServer.url);
  try {
    await journeys[name](new Page(driver, engine.name, BASE), { server });
  } catch (error) {
    error.message += `\nlast commands sent to ${engine.name}'s driver:\n${driver.trace()}`;
    throw error;
  } finally {
    await driver.end();
  }
}
before(async () => {
  server = await serve({ root: path.join(root, "dist"), port: PORT });
});
after(() => server?.stop());

for (const engine of engines) {
  describe(engine.name, { concurrency: false }, () => {
    let driverServer;
    before(async () => {
      driverServer = await startDriver(engine);
    });
    after(() => driverServer?.stop());

    for (const name of names) {
      const skip = SKIPS[engine.name]?.[name] ?? false;
      test(name, { skip, timeout: 240_000 }, async (t) => {
        try {
          await run(engine, driverServer, name);
        } catch (error) {
          if (!(error instanceof DriverHang)) throw error;
          // A driver that stops answering is the driver's fault, not the app's (a page the app
          // hung would fail its own waits first): said here, and run once more in a new session.
          // Twice in a row fails the test.
          t.diagnostic(`retried in a new session: ${error.message}`);
          await run(engine, driverServer, name);
        }
      });
    }
  });
}
