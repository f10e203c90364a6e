import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface DropinSize {
  file: string;
  gzip: number;
  budget: number;
  ceiling: number;
  modules: { name: string; gzip: number }[];
}

// Deterministic, so a test: the bench reports the same figures with the per-entry split.
describe('drop-in size budget', function () {
  // A real Vite + Terser build of the whole library: tens of seconds on a busy 2-core machine.
  this.timeout(180_000);
  const measure = async () => {
    const size = (await executeServerCommand('bundle-size')) as DropinSize;
    const largest = size.modules.slice(0, 5).map((module) => `${module.name} ${(module.gzip / 1000).toFixed(1)} KB`).join(', ');
    return { size, message: `${size.file} is ${(size.gzip / 1000).toFixed(1)} KB gzipped (largest parts: ${largest})` };
  };

  it('does not grow past its ceiling while it is over budget', async () => {
    const { size, message } = await measure();
    expect(size.gzip, message).to.be.within(1, size.ceiling);
  });

  // Skipped while the library is over budget (80.1 KB on 23 Nov 2026, see README "Performance"): remove .skip once it fits.
  it.skip('keeps the whole drop-in file within its gzipped budget', async () => {
    const { size, message } = await measure();
    expect(size.gzip, message).to.be.within(1, size.budget);
  });
});
