// Shared by the photo specs: the fixtures (copied into tests/fixtures from ../shared) and import.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "./fixtures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, "..", "tests", "fixtures", name);
export const ORIENTED = Array.from({ length: 9 }, (_, n) => fixture(`exif-orientation/Landscape_${n}.jpg`));
export const ASTRONAUT = fixture("real/astronaut.png");

export const gallery = (page) => page.getByRole("region", { name: "Cheeks · Front" }).getByRole("img");

/** Chooses `files` on the Add photos page and waits until every one has a result. */
export async function importFiles(page, files) {
  await page.getByLabel("Choose photos").setInputFiles(files);
  await expect(page.getByRole("status").filter({ hasText: / of \d+ added\.$/ })).toBeVisible({ timeout: 90_000 });
}

