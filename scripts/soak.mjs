// npm run soak: the model-based sync fuzz (test/adversarial/sync-fuzz.test.ts) at length, in
// Chromium, against the real demo endpoint and fault proxy. SOAK_RUNS (default 1000), SOAK_SEED
// (default: the clock) and SOAK_SHARDS (runs side by side in the page, default 6) tune it.
// Ends with the line `soak: N runs, seed S, T s`; a counterexample prints its seed and commands.
import { startTestRunner, defaultReporter } from '@web/test-runner';

process.argv.push('--group'); // the config then builds one group per engine, so Chromium can be picked out
const { default: config } = await import('../web-test-runner.config.mjs');
const chromium = config.groups.find((group) => group.name === 'chromium');
if (!chromium) {
  console.error('soak: Chromium was not found (run node scripts/browsers.mjs).');
  process.exit(1);
}
const runs = Number(process.env.SOAK_RUNS ?? 1000);
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
const shards = Number(process.env.SOAK_SHARDS ?? 6);
let report;
const soakPlugin = {
  name: 'ap-soak',
  executeCommand({ command, payload }) {
    if (command === 'fuzz-settings') return { runs, seed, shards };
    if (command === 'fuzz-report') return Boolean((report = payload));
    return undefined;
  },
};
const runner = await startTestRunner({
  config: {
    ...config,
    files: ['test/adversarial/sync-fuzz.test.ts'],
    browsers: chromium.browsers,
    groups: [],
    reporters: [defaultReporter()],
    plugins: [...config.plugins, soakPlugin],
    testFramework: { config: { timeout: 30 * 60 * 1000 } },
    testsFinishTimeout: 30 * 60 * 1000,
  },
  readFileConfig: false,
  readCliArgs: false,
  autoExitProcess: false,
});
const passed = await new Promise((resolve) => runner.on('finished', resolve));
await runner.stop();
if (report?.failed) console.log(`soak: counterexample after ${report.runs} runs: ${report.failed}`);
if (report?.faults) console.log(`soak: faults injected ${JSON.stringify(report.faults)}`);
console.log(`soak: ${report?.runs ?? 0} runs, seed ${seed}, ${report?.seconds ?? '?'} s`);
process.exit(passed && report && !report.failed ? 0 : 1);
