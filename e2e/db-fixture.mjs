// IndexedDB fixtures: a database as an older build wrote it, kept as JSON (browsers have no
// portable database file). `dumpDatabase` reads one out of a page, schema and all;
// `loadDatabase` writes it back into a page's origin at its own version, so the current build
// opens (and upgrades) exactly what the older one left. Bytes (photos) are {"$bytes": base64}.
// Plain `page.evaluate`: used by the fixture writer (e2e/write-db-fixture.mjs) and by tests.

/** The page origin's database `name`, with its version, stores, indexes and every record. */
export function dumpDatabase(page, name = "remodel") {
  return page.evaluate(async (name) => {
    const encode = (value) => {
      if (value instanceof ArrayBuffer) {
        let binary = "";
        for (const byte of new Uint8Array(value)) binary += String.fromCharCode(byte);
        return { $bytes: btoa(binary) };
      }
      if (Array.isArray(value)) return value.map(encode);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
      return value;
    };
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = [];
    for (const storeName of [...db.objectStoreNames].sort()) {
      const store = db.transaction(storeName).objectStore(storeName);
      const indexes = [...store.indexNames].sort().map((index) => {
        const i = store.index(index);
        return { name: i.name, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry };
      });
      const records = await new Promise((resolve) => (store.getAll().onsuccess = (e) => resolve(e.target.result)));
      stores.push({ name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records: records.map(encode) });
    }
    const dump = { name, version: db.version, stores };
    db.close();
    return dump;
  }, name);
}

/** Writes `fixture` (from `dumpDatabase`) into the page's origin, replacing any database of its name. */
export function loadDatabase(page, fixture) {
  return page.evaluate(async (fixture) => {
    const decode = (value) => {
      if (value && typeof value === "object" && !Array.isArray(value) && typeof value.$bytes === "string") {
        const binary = atob(value.$bytes);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        return bytes.buffer;
      }
      if (Array.isArray(value)) return value.map(decode);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
      return value;
    };
    await new Promise((resolve) => (indexedDB.deleteDatabase(fixture.name).onsuccess = resolve));
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(fixture.name, fixture.version);
      open.onupgradeneeded = () => {
        for (const store of fixture.stores) {
          const created = open.result.createObjectStore(store.name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
          for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = fixture.stores.map((s) => s.name);
    if (names.length) {
      const tx = db.transaction(names, "readwrite");
      for (const store of fixture.stores) for (const record of store.records) tx.objectStore(store.name).put(decode(record));
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    }
    db.close();
  }, fixture);
}

/** The small profile both fixture writers store: a Cheeks area, two sessions and three
 * check-ins, written raw as every schema version so far stores them. */
export function seedSmallProfile(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open("remodel");
      open.onsuccess = () => resolve(open.result);
    });
    const session = (id, date, notes) => ({
      id, date, time: null, status: "done", areas: [{ area_id: "cheeks", depth_mm: 1.5 }], device: "pen", device_model: "",
      passes: null, products: [], numbing: false, clinic: "", practitioner: "", pain: null, notes,
    });
    const entry = (id, date, redness) => ({
      id, date, session_id: null, redness, swelling: 0, pain: null, itch: null, dryness: null, bleeding_or_bruising: false,
      infection_signs: [], dark_patches: false, aftercare_done: [], gais: null, notes: "",
    });
    const tx = db.transaction(["sessions", "recovery_entries", "settings"], "readwrite");
    tx.objectStore("sessions").put(session("s-1", "2026-09-01", ""));
    tx.objectStore("sessions").put(session("s-2", "2026-10-13", "written by an older build"));
    for (const [id, date, redness] of [["e-1", "2026-09-02", 3], ["e-2", "2026-09-03", 2], ["e-3", "2026-10-14", 2]]) {
      tx.objectStore("recovery_entries").put(entry(id, date, redness));
    }
    tx.objectStore("settings").put({
      key: "profile", skin_type: null, concerns: [], goals: "", areas: [{ id: "cheeks", kind: "cheeks", name: "Cheeks" }],
    });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
}
