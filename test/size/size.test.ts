import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface DropinSize {
  gzip: number;
  ceiling: number;
  files: { part: string; gzip: number }[];
}

// Deterministic, so a test: the bench reports the same figures. What a page fetches is measured by load.test.ts.
describe('drop-in size ceiling', function () {
  // A real Vite + Terser build of the whole library: tens of seconds on a busy 2-core machine.
  this.timeout(180_000);

  it('keeps every file of the drop-in build together under its ceiling', async () => {
    let measured: DropinSize | false = false;
    await waitUntil(async () => (measured = (await executeServerCommand('bundle-size')) as DropinSize | false), 'the drop-in built and measured', { timeout: 170_000, interval: 2000 });
    const size = measured as unknown as DropinSize;
    const split = size.files.map((file) => `${file.part} ${(file.gzip / 1000).toFixed(1)} KB`).join(', ');
    expect(size.gzip, `the drop-in's files are ${(size.gzip / 1000).toFixed(1)} KB gzipped together: ${split}`).to.be.within(1, size.ceiling);
  });
});
