import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const ctx = await b.newContext({ serviceWorkers: "block" });
const p = await ctx.newPage();
p.on("console", (m) => { if (m.text().includes("PERF")) console.log(m.text()); });
await p.goto("http://127.0.0.1:8096/");
await p.waitForTimeout(1500);
await p.evaluate(async () => {
  const db = await new Promise((r) => { const o = indexedDB.open("remodel"); o.onsuccess = () => r(o.result); });
  const tx = db.transaction(["sessions", "recovery_entries"], "readwrite");
  const day = (o) => new Date(Date.UTC(2023, 11, 1) + o * 86400000).toISOString().slice(0, 10);
  for (let i = 0; i < 60; i++) tx.objectStore("sessions").put({ id: `s${i}`, date: day(i * 18), time: null, status: "done", areas: [{ area_id: "cheeks", depth_mm: 1.5 }], device: "pen", device_model: "", passes: 3, products: ["Hyaluronic acid"], numbing: true, clinic: "Clinic", practitioner: "", pain: 4, notes: `S${i}` });
  for (let i = 0; i < 2000; i++) tx.objectStore("recovery_entries").put({ id: `e${i}`, date: day(Math.floor(Math.floor(i / 33.4) * 18 + (i % 34) * 0.5)), session_id: null, redness: Math.max(0, 4 - (i % 34)), swelling: 0, pain: 1, itch: null, dryness: null, bleeding_or_bruising: false, infection_signs: [], dark_patches: false, aftercare_done: ["Sun protection"], gais: null, notes: "" });
  await new Promise((r) => (tx.oncomplete = r));
  db.close();
});
for (let i = 0; i < 4; i++) { await p.reload(); await p.waitForTimeout(1200); }
await b.close();
