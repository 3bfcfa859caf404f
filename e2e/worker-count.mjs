// Counts, in the page, the workers it starts (`window.__workersStarted`) and the messages they
// send it (`window.__workerAnswers`): a large backup's writer is a worker, answering each write.
// Run in the page before the app starts a worker (Playwright's addInitScript, or a WebDriver
// script): the app looks `Worker` up when it starts one.
export function countWorkers() {
  const PageWorker = window.Worker;
  window.__workersStarted = 0;
  window.__workerAnswers = 0;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      window.__workersStarted += 1;
      this.addEventListener("message", () => (window.__workerAnswers += 1));
    }
  };
}

/** What `countWorkers` counted so far: `[workers started, messages they sent]`. */
export const workerCounts = (page) => page.evaluate(() => [window.__workersStarted, window.__workerAnswers]);
