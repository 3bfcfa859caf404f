// Every benchmark's verdicts in one shape: a ratio against its target, printed as "met" or
// "NOT MET", and at the end a list of what was missed with a non-zero exit code, so `make bench`
// fails (and says which) when a target is missed, instead of printing it and passing.

const missed = [];

/** Prints `name`: `ratio` against `target` (`<=` or `>=`), and records a miss. */
export function verdict(name, ratio, op, target, detail = "") {
  const met = op === "<=" ? ratio <= target : ratio >= target;
  const figure = Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : String(ratio);
  console.log(`  ${name}: ${figure}${detail ? ` (${detail})` : ""} (target ${op} ${target}x): ${met ? "met" : "NOT MET"}`);
  if (!met) missed.push(`${name}: ${figure} (target ${op} ${target}x)`);
  return met;
}

/** Ends the benchmark: lists the misses and sets a failing exit code when there are any. */
export function verdicts() {
  if (missed.length === 0) return;
  console.log(`MISSED (${missed.length}):`);
  for (const line of missed) console.log(`  - ${line}`);
  process.exitCode = 1;
}

/** The middle of `values` (the upper middle of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** How far the runs of one figure spread: their range, and its half-width against the median
 * ("412–470 ms, ±7%"), so a reader sees whether two runs of `make bench` can agree within 10%. */
export function spread(values, unit = "ms", digits = 0) {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const half = ((high - low) / 2 / median(values)) * 100;
  return `${low.toFixed(digits)}–${high.toFixed(digits)} ${unit}, ±${half.toFixed(half < 10 ? 1 : 0)}%`;
}

/** Runs `each` (name → async function returning one sample) once each as a warm-up, then `runs`
 * rounds in turn (A B A B …), so drift in the machine's speed falls on every side alike; returns
 * name → samples. */
export async function interleaved(runs, each) {
  for (const run of Object.values(each)) await run();
  const samples = Object.fromEntries(Object.keys(each).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(each)) samples[name].push(await run());
  return samples;
}
