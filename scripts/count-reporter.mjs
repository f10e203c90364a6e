import { writeSync } from 'node:fs';

// Ends the run with one line "N passed, N failed[, N skipped]" over every browser, for CI to read.
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countReporter() {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test has no test results: count it as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed++;
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      // At exit, so the line comes after the runner's own summary (which redraws the terminal).
      process.once('exit', () => writeSync(1, `\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`));
    },
  };
}
