// The import graph between the crate's files, from their `use crate::…`, `use super::…` and
// `use self::…` lines, and its circles (strongly connected groups of files). `make test` runs it:
// it fails on any circle not in the list of known ones below, and on a known one that is gone
// (so the list only shrinks). Usage: node .ci/imports.mjs [--print]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");

/** Circles there today, each as its files: the redesign removes them. */
const KNOWN = new Set(
  [
    [
      "src/ui/components/area_editor.rs",
      "src/ui/components/check_in_card.rs",
      "src/ui/components/clinic_form.rs",
      "src/ui/components/entry_list.rs",
      "src/ui/components/main_nav.rs",
      "src/ui/components/mod.rs",
      "src/ui/components/storage_status.rs",
      "src/ui/components/undo_bar.rs",
      "src/ui/components/update_banner.rs",
      "src/ui/hooks/links.rs",
      "src/ui/hooks/mod.rs",
      "src/ui/pages/clinic.rs",
      "src/ui/pages/clinic_kit.rs",
      "src/ui/pages/evidence.rs",
      "src/ui/pages/mod.rs",
      "src/ui/pages/profile.rs",
      "src/ui/pages/recovery.rs",
      "src/ui/pages/recovery_form.rs",
      "src/ui/pages/section.rs",
      "src/ui/pages/session_detail.rs",
      "src/ui/pages/session_form.rs",
      "src/ui/pages/sessions.rs",
      "src/ui/pages/settings.rs",
      "src/ui/pages/timeline.rs",
      "src/ui/pages/today.rs",
      "src/ui/routes.rs",
    ],
  ].map((files) => [...files].sort().join(" ")),
);

function listRust(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listRust(full);
    return name.endsWith(".rs") ? [full] : [];
  });
}

/** `src/ui/photos/mod.rs` → ["ui", "photos"]; `src/site.rs` → ["site"]; bins and lib → []. */
function modulePath(file) {
  const parts = path.relative(src, file).replace(/\.rs$/, "").split(path.sep);
  if (parts.at(-1) === "mod") parts.pop();
  if (parts.length === 1 && ["lib", "main", "kit_main", "photos_main", "photo_worker"].includes(parts[0])) return [];
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

const edgeCount = [...edges.values()].reduce((n, s) => n + s.size, 0);
console.log(`imports: ${files.length} files, ${edgeCount} imports between them, ${groups.length} circle(s)`);
let failed = false;
for (const group of groups) {
  const known = KNOWN.has(group);
  console.log(`  ${known ? "known" : "NEW  "} circle: ${group}`);
  if (!known) failed = true;
}
for (const group of KNOWN) {
  if (!groups.includes(group)) {
    console.log(`  gone (take it off the known list in .ci/imports.mjs): ${group}`);
    failed = true;
  }
}
if (failed && !process.argv.includes("--print")) process.exit(1);
