// The house's rules, read from the crate's files (`make lint`, so `make test`, runs it):
// - no circles between files (strongly connected groups in the graph of `use crate::…`,
//   `use super::…`, `use self::…` lines, a `mod.rs`'s re-exports counted as imports);
// - imports only go down the floors: bin → ui/<app> → ui/shared → ui/platform → storage, worker
//   → analysis → site → domain, and two rooms of one floor (the three apps; storage and worker)
//   never import each other;
// - `spawn_local` only in hooks and actions (files under `hooks/` or `actions/`, or named
//   `hooks.rs` or `actions.rs`, or a file of `#[hook]` functions with no component);
// - views never call storage: outside actions and hooks, the UI names only storage's types; and
//   only actions write (storage's save_, update_, delete_, restore_ and write_ functions).
// Usage: node .ci/imports.mjs [--print]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");

function listRust(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listRust(full);
    return name.endsWith(".rs") ? [full] : [];
  });
}

/** `src/ui/photos/mod.rs` → ["ui", "photos"]; `src/site/mod.rs` → ["site"]; bins and lib → []. */
function modulePath(file) {
  const parts = path.relative(src, file).replace(/\.rs$/, "").split(path.sep);
  if (parts.at(-1) === "mod") parts.pop();
  if (parts[0] === "bin" || (parts.length === 1 && parts[0] === "lib")) return [];
  return parts;
}

const files = listRust(src).filter((f) => !/_tests\.rs$/.test(f));
const byModule = new Map(files.map((f) => [modulePath(f).join("::"), f]));

/** The file defining the longest known module prefix of `segments`. */
function resolve(segments) {
  for (let n = segments.length; n > 0; n--) {
    const file = byModule.get(segments.slice(0, n).join("::"));
    if (file) return file;
  }
  return null;
}

/** Every path a `use` tree names: `crate::{a::b, c::{d, e}}` → [[crate,a,b],[crate,c,d],[crate,c,e]]. */
function expand(tree) {
  tree = tree.replace(/\s+/g, "");
  const brace = tree.indexOf("{");
  if (brace < 0) return [tree.split("::").filter(Boolean)];
  const prefix = tree.slice(0, brace).split("::").filter(Boolean);
  const inner = tree.slice(brace + 1, tree.lastIndexOf("}"));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "{") depth++;
    if (inner[i] === "}") depth--;
    if (inner[i] === "," && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.filter(Boolean).flatMap((part) => expand(part).map((rest) => [...prefix, ...rest]));
}

const edges = new Map(files.map((f) => [f, new Set()]));
for (const file of files) {
  // Test modules inside a file are left out: they may reach anywhere.
  const text = readFileSync(file, "utf8").split(/#\[cfg\((all\()?test/)[0];
  const here = modulePath(file);
  const isModRs = file.endsWith(`${path.sep}mod.rs`) || here.length === 0;
  for (const [, tree] of text.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/gm)) {
    // `use a::b as c`: the alias names nothing the graph needs.
    for (const segments of expand(tree.replace(/\s+as\s+\w+/g, ""))) {
      let absolute;
      if (segments[0] === "crate") absolute = segments.slice(1);
      else if (segments[0] === "self") absolute = [...here, ...segments.slice(1)];
      else if (segments[0] === "super") {
        // `super` of a file `a/b.rs` is `a`; of `a/b/mod.rs` it is also `a`.
        let base = isModRs ? here.slice(0, -1) : here.slice(0, -1);
        let rest = segments.slice(1);
        while (rest[0] === "super") {
          base = base.slice(0, -1);
          rest = rest.slice(1);
        }
        absolute = [...base, ...rest];
      } else if (byModule.has([...here, segments[0]].join("::"))) {
        absolute = [...here, ...segments]; // a child module, named without `self::`
      } else continue;
      const target = resolve(absolute);
      if (target && target !== file) edges.get(file).add(target);
    }
  }
}

// Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
const groups = [];
function connect(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)) {
    if (!info.has(w)) {
      connect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const group = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      group.push(path.relative(root, w));
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort().join(" "));
  }
}
for (const file of files) if (!info.has(file)) connect(file);

/** The floor and room of a file: higher floors may import lower ones, and a room itself. */
function place(file) {
  const rel = path.relative(src, file).split(path.sep);
  if (rel[0] === "bin") return { floor: 9, room: "bin" };
  if (rel[0] === "ui") {
    if (["client", "photos", "kit"].includes(rel[1])) return { floor: 8, room: `ui/${rel[1]}` };
    if (rel[1] === "shared") return { floor: 7, room: "ui/shared" };
    if (rel[1] === "platform") return { floor: 6, room: "ui/platform" };
    return { floor: 8, room: "ui" };
  }
  const floors = { storage: 5, worker: 5, analysis: 4, site: 3, domain: 2, "lib.rs": 10 };
  return { floor: floors[rel[0]] ?? 0, room: rel[0] };
}

const problems = [];
for (const [from, targets] of edges) {
  const a = place(from);
  for (const to of targets) {
    const b = place(to);
    if (a.room === b.room || a.room === "ui" || a.floor > b.floor) continue;
    const what = a.floor === b.floor ? "a neighbour on its floor" : "up";
    problems.push(`${path.relative(root, from)} imports ${what}: ${path.relative(root, to)}`);
  }
}

/** Hooks and actions may start tasks and write; views may not. */
function isEffectFile(file) {
  const rel = path.relative(src, file);
  if (/(^|\/)(hooks|actions)\//.test(rel) || /(^|\/)(hooks|actions|use_\w+)\.rs$/.test(rel)) return true;
  return false;
}
for (const file of files.filter((f) => path.relative(src, f).startsWith(`ui${path.sep}`))) {
  const text = readFileSync(file, "utf8");
  const rel = path.relative(root, file);
  // A file of hooks (no component in it) is a hook too.
  const effect = isEffectFile(file) || (/#\[hook\]/.test(text) && !/#\[component\]/.test(text));
  if (!effect && /spawn_local/.test(text)) problems.push(`${rel} calls spawn_local outside a hook or an action`);
  const writes = [...text.matchAll(/\b(save_\w+|update_\w+|delete_\w+|restore_\w+|restore|write_\w+)\b/g)]
    .map((m) => m[1])
    .filter((name) => new RegExp(`crate::storage::[^;]*\\b${name}\\b|storage::${name}\\s*\\(`).test(text));
  const reported = new Set();
  if (!isEffectFile(file) || /(^|\/)hooks(\/|\.rs$)/.test(path.relative(src, file))) {
    for (const name of new Set(writes)) {
      problems.push(`${rel} writes to storage (${name}): only actions may`);
      reported.add(name);
    }
  }
  // Storage's database handle, written to directly (`db.0.put(…)`) rather than through a named write.
  if (!isEffectFile(file) || /(^|\/)hooks(\/|\.rs$)/.test(path.relative(src, file))) {
    for (const [, name] of text.matchAll(/\.0\s*\.\s*(put|put_keyed|delete|write_batch|write_batch_with_progress)\s*[(:]/g)) {
      problems.push(`${rel} writes to storage (Db::${name}): only actions may`);
    }
  }
  if (effect) continue;
  const reads = new Set();
  // Storage's functions start lower-case; its types (records, errors, copies) upper-case.
  for (const [, tree] of text.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+crate::storage::([^;]+);/gm)) {
    for (const segments of expand(tree)) {
      const name = segments.at(-1);
      // `new_id` makes a record's key and touches no database.
      if (/^[a-z]/.test(name) && !["self", "new_id"].includes(name)) reads.add(name);
    }
  }
  for (const [, name] of text.matchAll(/\bstorage::([a-z_]+)\s*\(/g)) reads.add(name);
  // A write is already reported as one.
  for (const name of reads) {
    if (!reported.has(name)) problems.push(`${rel} calls storage (${name}): only actions and hooks may`);
  }
}

const edgeCount = [...edges.values()].reduce((n, s) => n + s.size, 0);
console.log(`imports: ${files.length} files, ${edgeCount} imports between them, ${groups.length} circle(s), ${problems.length} other problem(s)`);
let failed = groups.length > 0 || problems.length > 0;
for (const group of groups) console.log(`  circle: ${group}`);
for (const problem of problems) console.log(`  ${problem}`);
if (failed && !process.argv.includes("--print")) process.exit(1);
