// The CRC-32 the app keeps beside each photo's stored bytes (`crc32` in `photo_bytes` and
// `photo_thumbs` records), summed again in the page to check it: the same sum a backup's zip
// entry carries, so a backup of those bytes never has to read them to sum them.

/** Defines `__crc32(ArrayBuffer)` in the page, until it navigates (a function of the page's own,
 * not code evaluated from text, which the app's Content-Security-Policy would refuse). */
export function defineCrc32(page) {
  return page.evaluate(() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    globalThis.__crc32 = (buffer) => {
      const bytes = new Uint8Array(buffer);
      let c = 0xffffffff;
      for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
  });
}

/** Every stored copy of every photo: `{ store, id, stored, actual }`, its CRC-32 as stored beside
 * it (`null` when none was) and as its bytes sum. */
export async function storedSums(page) {
  await defineCrc32(page);
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("remodel");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const sums = [];
    for (const [store, field] of [["photo_bytes", "working"], ["photo_thumbs", "thumb"]]) {
      const records = await new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
      for (const record of records) {
        sums.push({ store, id: record.id, stored: record.crc32 ?? null, actual: globalThis.__crc32(record[field]) });
      }
    }
    db.close();
    return sums;
  });
}
