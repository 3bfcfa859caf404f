// The page's main thread, as Chromium's own trace records it: every task it ran, how long it held
// the thread (wall time), and how much of that it was running on a core (thread time).
//
// Why a trace as well as the Long Tasks API and a heartbeat: both of those see wall time only. On
// a 2-core machine running two browsers (the test suite), or one browser whose photo worker keeps
// a core busy, a task's wall time includes the time the thread waited for a core, and neither can
// tell that from a task blocking the thread. The trace can: it records each task's thread time.

const CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"];

/**
 * Runs `body` while Chromium traces the page. Returns its result, the page's main-thread tasks,
 * and `traceTime`, which turns a page time (`performance.now()`, a Long Tasks entry's
 * `startTime`) into the trace's clock.
 */
export async function traceMainThread(page, body) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: { includedCategories: CATEGORIES } });
  let result;
  let pageNow;
  try {
    // One moment seen by both clocks: console.timeStamp leaves an event in the trace.
    pageNow = await page.evaluate(() => {
      console.timeStamp("remodel-clock");
      return performance.now();
    });
    result = await body();
  } finally {
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
  }
  const stamp = events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === "remodel-clock");
  const offset = stamp.ts / 1000 - pageNow;
  return { result, tasks: mainThreadTasks(events), traceTime: (pageMs) => pageMs + offset };
}

/** The traced task that overlaps most of the span `from`..`to` (trace clock), if any overlaps:
 * a span seen by the page's clock, which is coarser than the trace's. */
export function taskDuring(tasks, from, to) {
  const overlap = (t) => Math.min(to, t.start + t.wall) - Math.max(from, t.start);
  const best = tasks.reduce((most, t) => (!most || overlap(t) > overlap(most) ? t : most), undefined);
  return best && overlap(best) > 0 ? best : undefined;
}

/** The page's renderer main thread: the CrRendererMain that ran the most script. */
function pageMainThread(events) {
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const script = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && (e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "TimerFire")) {
      script.set(key, (script.get(key) ?? 0) + 1);
    }
  }
  return [...script.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Every top-level task of the page's main thread, in order: its start and wall time (ms, trace
 * clock), its thread time, `harness` when it carried a DevTools message (Playwright's commands:
 * its locators, and choosing files, whose `change` event the app then handles inside the same
 * task), and `inside`: what took its time, `{ kind, ms }` of thread time, largest first (see
 * `describe`).
 */
function mainThreadTasks(events) {
  const main = pageMainThread(events);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X").sort((a, b) => a.ts - b.ts);
  const tasks = onMain
    .filter((e) => e.name === "ThreadControllerImpl::RunTask")
    .map((e) => ({ event: e, start: e.ts / 1000, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000, harness: false, inside: new Map() }));
  // Nested events, each given to the task it falls in (tasks don't overlap: one thread).
  let t = 0;
  for (const e of onMain) {
    while (t < tasks.length && tasks[t].event.ts + (tasks[t].event.dur ?? 0) < e.ts) t++;
    const task = tasks[t];
    if (!task || e === task.event || e.ts < task.event.ts) continue;
    if (e.args?.chrome_mojo_event_info?.mojo_interface_tag?.includes("DevTools")) task.harness = true;
    const kind = kindOf(e);
    if (kind) task.inside.set(kind, (task.inside.get(kind) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  return tasks.map(({ event, inside, ...task }) => ({
    ...task,
    source: `${event.args?.src_file ?? "?"}:${event.args?.src_func ?? "?"}`,
    inside: [...inside.entries()].map(([kind, ms]) => ({ kind, ms })).sort((a, b) => b.ms - a.ms),
  }));
}

/** What a nested trace event's time counts as (script by file, garbage collection, style,
 * layout, paint); undefined for events inside others already counted. */
function kindOf(e) {
  if (e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "v8.compile") {
    const url = e.args?.data?.url ?? "";
    return `script ${url ? url.replace(/^https?:\/\/[^/]+/, "").replace(/-[0-9a-f]{16}/, "") : "(no file: the harness)"}`;
  }
  if (e.name === "MinorGC" || e.name === "MajorGC" || e.name === "V8.GCFinalizeMC") return "garbage collection";
  if (e.name === "UpdateLayoutTree") return "style";
  if (e.name === "Layout") return "layout";
  if (e.name === "Paint" || e.name === "PrePaint" || e.name === "Layerize") return "paint";
  return undefined;
}

/** The longest tasks by wall time and by thread time, optionally leaving out the harness's. */
export function longest(tasks, { withHarness = true } = {}) {
  const counted = withHarness ? tasks : tasks.filter((t) => !t.harness);
  const none = { wall: 0, cpu: 0, inside: [] };
  return {
    byWall: counted.reduce((max, t) => (t.wall > max.wall ? t : max), none),
    byCpu: counted.reduce((max, t) => (t.cpu > max.cpu ? t : max), none),
  };
}

/** The first `count` things a task's time went on, for a log line. */
export function describe(task, count) {
  return task.inside.slice(0, count).map(({ kind, ms }) => `${kind} ${ms.toFixed(1)} ms`).join(", ");
}

/** Starts the Long Tasks API watch in the page; `longTasksOf(page)` reads what it saw. */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, wall: e.duration })))).observe({ type: "longtask" });
  });
}

/** The long tasks seen since `watchLongTasks`: `{ start, wall }`, page clock, ms. */
export const longTasksOf = (page) => page.evaluate(() => window.__longTasks);
