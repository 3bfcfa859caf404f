// A photo library written straight into IndexedDB as schema version 3 stores it (records in
// `photos`, working copies in `photo_bytes`, thumbnails in `photo_thumbs`), for the gallery's
// scale test and benchmark. Photo n is `p-0000n`, of area cheeks, forehead or neck in turn, a
// week after photo n - 3. With `distinct`, each photo is its own colour (hue = n · 37 mod 360)
// so a test can tell which photo a page shows; otherwise all share one picture (quicker).
// Plain `page.evaluate`: no Playwright Test import, so benchmarks can use it.

import { appDatabaseCreated } from "./stored.mjs";

export const AREAS = ["cheeks", "forehead", "neck"];
export const photoId = (n) => `p-${String(n).padStart(5, "0")}`;
export const photoHue = (n) => (n * 37) % 360;

/** Seeds `count` photos on the page's origin (once the app has created its database); returns
 * the thumbnail's size in bytes (of photo 0). */
export async function seedPhotos(page, { count, distinct = false }) {
  await appDatabaseCreated(page, ["photos", "photo_bytes", "photo_thumbs", "settings"]);
  return page.evaluate(
    async ({ count, distinct, areas }) => {
      const jpeg = async (width, height, hue) => {
        const canvas = Object.assign(document.createElement("canvas"), { width, height });
        const context = canvas.getContext("2d");
        context.fillStyle = `hsl(${hue} 70% 50%)`;
        context.fillRect(0, 0, width, height);
        // A texture, so the JPEGs are photo-sized rather than a few hundred bytes.
        for (let y = 0; y < height; y += 4) {
          context.fillStyle = `hsl(${hue} 70% ${40 + ((y * 7) % 20)}%)`;
          context.fillRect((y * 13) % width, y, width / 3, 2);
        }
        return (await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85))).arrayBuffer();
      };
      const shared = distinct ? null : [await jpeg(1024, 768, 20), await jpeg(256, 192, 20)];
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open("remodel");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const pictures = [];
      for (let n = 0; n < count; n++) {
        const hue = (n * 37) % 360;
        pictures.push(shared ?? [await jpeg(320, 240, hue), await jpeg(256, 192, hue)]);
      }
      const tx = db.transaction(["photos", "photo_bytes", "photo_thumbs", "settings"], "readwrite");
      tx.objectStore("settings").put({
        key: "profile", skin_type: null, concerns: [], goals: "",
        areas: [{ id: "cheeks", kind: "cheeks", name: "Cheeks" }, { id: "forehead", kind: "forehead", name: "Forehead" }, { id: "neck", kind: "neck", name: "Neck" }],
      });
      const start = Date.UTC(2023, 11, 4);
      for (let n = 0; n < count; n++) {
        const id = `p-${String(n).padStart(5, "0")}`;
        const day = new Date(start + Math.floor(n / 3) * 7 * 86_400_000).toISOString().slice(0, 10);
        const [working, thumb] = pictures[n];
        tx.objectStore("photos").put({
          id, area_id: areas[n % 3], angle: "front", taken_at: `${day}T10:${String(n % 60).padStart(2, "0")}`,
          taken_at_source: "exif", session_id: null, lighting: "", colour_card: false,
          width: distinct ? 320 : 1024, height: distinct ? 240 : 768, thumb_width: 256, thumb_height: 192,
          stored_bytes: working.byteLength + thumb.byteLength,
        });
        tx.objectStore("photo_bytes").put({ id, working });
        tx.objectStore("photo_thumbs").put({ id, thumb });
      }
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      db.close();
      return pictures[0][1].byteLength;
    },
    { count, distinct, areas: AREAS },
  );
}
