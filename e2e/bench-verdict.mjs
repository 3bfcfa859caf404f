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
