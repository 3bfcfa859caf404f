// Photos put straight into IndexedDB for the tests and benchmarks that need many or large ones:
// each photo's record, and bytes that are a real JPEG's start followed by random bytes up to the
// size asked (nothing in backup or restore decodes a photo, and random bytes neither compress
// nor repeat, like JPEG data). The app must have created its stores first.
import { CRC32_TABLE } from "./stored-sums.mjs";

/** Stores `photos` (photo records) with a working copy of `working` bytes and a thumbnail of
 * `thumb` bytes each, 20 photos per transaction so the page never holds more than those. With
 * `sums` (the default) each copy's CRC-32 is stored beside it, as the app stores what it imports;
 * without, the records are as the app stored them before it kept sums. */
export function seedSyntheticPhotos(page, photos, { working, thumb, sums = true }) {
  return page.evaluate(async ({ photos, working, thumb, sums, table }) => {
    const crc32 = (buffer) => {
      const bytes = new Uint8Array(buffer);
      let c = 0xffffffff;
      for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const canvas = new OffscreenCanvas(64, 48);
    canvas.getContext("2d").fillRect(0, 0, 64, 48);
    const head = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg" })).arrayBuffer()).subarray(0, 600);
    const jpeg = (size) => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
      bytes.set(head);
      return bytes.buffer;
    };
    const db = await new Promise((resolve) => {
      const open = indexedDB.open("remodel");
      open.onsuccess = () => resolve(open.result);
    });
    for (let from = 0; from < photos.length; from += 20) {
      const batch = db.transaction(["photos", "photo_bytes", "photo_thumbs"], "readwrite");
      for (const photo of photos.slice(from, from + 20)) {
        batch.objectStore("photos").put(photo);
        const [workingBytes, thumbBytes] = [jpeg(working), jpeg(thumb)];
        const sum = (bytes) => (sums ? { crc32: crc32(bytes) } : {});
        batch.objectStore("photo_bytes").put({ id: photo.id, working: workingBytes, ...sum(workingBytes) });
        batch.objectStore("photo_thumbs").put({ id: photo.id, thumb: thumbBytes, ...sum(thumbBytes) });
      }
      await new Promise((resolve, reject) => ((batch.oncomplete = resolve), (batch.onerror = () => reject(batch.error))));
    }
    db.close();
  }, { photos, working, thumb, sums, table: CRC32_TABLE });
}

/** A photo record of the Cheeks area, front, as the app stores it. */
export const photoRecord = (id, takenAt, storedBytes) => ({
  id, area_id: "cheeks", angle: "front", taken_at: takenAt, taken_at_source: "exif",
  session_id: null, lighting: "", colour_card: false, width: 2048, height: 1536, thumb_width: 256, thumb_height: 192,
  stored_bytes: storedBytes,
});

/** The ISO date `n` days after 1 January 2024. */
export const day = (n) => new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10);

/** `count` photos of about 2 MB each (a 2,000,000-byte working copy and a 25,000-byte
 * thumbnail), one a day from 1 January 2024: a library large enough for a backup on disk.
 * Seeded `batch` photos per script (a WebDriver session limits each script's time). */
export async function seedBigPhotos(page, count, { batch = count } = {}) {
  const photos = Array.from({ length: count }, (_, p) => photoRecord(`big-${p}`, `${day(p)}T10:00`, 2_025_000));
  for (let from = 0; from < count; from += batch) {
    await seedSyntheticPhotos(page, photos.slice(from, from + batch), { working: 2_000_000, thumb: 25_000 });
  }
}
