// Loaded before every test file (web-test-runner.config.mjs, testRunnerHtml). A failed assertion whose
// expected or actual value cannot be structured-cloned (an element, a function, the store) made the
// runner's report of the file throw in the page: the run then waited 5 minutes for a file that had
// finished and said only "Browser tests did not finish" (modernweb-dev/web#2967, still so in the
// test runner 0.20 we use). Such a value goes in the report as chai's description of it.
// Chai itself, not @open-wc/testing: that registers its fixtures' clean-up only where mocha is
// already set up, and this runs before it is.
import { use } from '@esm-bundle/chai';

use(({ Assertion, AssertionError }, { inspect }) => {
  const assert = Assertion.prototype.assert;
  Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
    try {
      return assert.apply(this, args);
    } catch (error) {
      if (error instanceof AssertionError) {
        const failure = error as Error & { expected?: unknown; actual?: unknown };
        for (const key of ['expected', 'actual'] as const) {
          try {
            structuredClone(failure[key]);
          } catch {
            failure[key] = inspect(failure[key]);
          }
        }
      }
      throw error;
    }
  };
});
