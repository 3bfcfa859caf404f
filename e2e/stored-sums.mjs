// The CRC-32 the app keeps beside each photo's stored bytes (`crc32` in `photo_bytes` and
// `photo_thumbs` records), summed again in the page to check it: the same sum a backup's zip
// entry carries, so a backup of those bytes never has to read them to sum them.

/** The CRC-32 table, made here and passed into the page with the bytes' loop: a function defined
 * by one script is not there for the next in every engine (Firefox's WebDriver runs each apart),
 * and text evaluated in the page would be refused by the app's Content-Security-Policy. */
export const CRC32_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Every stored copy of every photo: `{ store, id, stored, actual }`, its CRC-32 as stored beside
 * it (`null` when none was) and as its bytes sum. */
export function storedSums(page) {
  return page.evaluate(async (table) => {
    const crc32 = (buffer) => {
      const bytes = new Uint8Array(buffer);
      let c = 0xffffffff;
      for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
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
        sums.push({ store, id: record.id, stored: record.crc32 ?? null, actual: crc32(record[field]) });
      }
    }
    db.close();
    return sums;
  }, CRC32_TABLE);
}
