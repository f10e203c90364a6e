// `npm run bench`: bundle sizes (node), then the bench pages in bench/ in headless Chromium (the
// tests' browser), each figure a ratio against a baseline run in the same page, then the endpoint's
// rows in Node (bench/endpoint.ts, on a throwaway PostgreSQL). Prints a table and
// writes bench/results.json. Options: --iterations N (default 5), --trace 2a,2b (Chromium traces
// of those rows, summarised, in bench/traces/), --only store (bench file name filter), --grep text (row
// name filter), --no-size.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startTestRunner, summaryReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';
import { chromeLauncher } from '@web/test-runner-chrome';
import testConfig from '../web-test-runner.config.mjs';
import { findChromium } from './browsers.mjs';
import { measureDropin, measureEntries } from './bundle-size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { iterations: { type: 'string', default: '5' }, trace: { type: 'string', default: '' }, only: { type: 'string', default: '' }, grep: { type: 'string', default: '' }, 'no-size': { type: 'boolean', default: false } },
});
const benchConfig = { iterations: Number(options.iterations), trace: options.trace.split(',').filter(Boolean) };
const rows = [];
const traces = new Map();
const started = Date.now();

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const x = (spread) => `${spread.median.toFixed(2)}x (${spread.min.toFixed(2)}-${spread.max.toFixed(2)})`;

/** Self time by function and the heaviest trace events, from a Chromium trace's CPU profile. */
function summariseTrace(path) {
  const { traceEvents } = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map();
  const selfTime = new Map();
  const eventTime = new Map();
  for (const event of traceEvents) {
    if (event.ph === 'X' && event.dur) eventTime.set(event.name, (eventTime.get(event.name) ?? 0) + event.dur / 1000);
    const profile = event.name === 'ProfileChunk' ? event.args?.data : undefined;
    for (const node of profile?.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
    (profile?.cpuProfile?.samples ?? []).forEach((id, i) => {
      const frame = nodes.get(id);
      const key = frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^.*\/(?=[^/]+\/[^/]+$)/, '')}:${(frame.lineNumber ?? 0) + 1}` : `node ${id}`;
      selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
    });
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, time]) => ({ name, ms: Math.round(time * 10) / 10 }));
  return { selfTime: top(selfTime, 15), events: top(eventTime, 10) };
}

// Server side of bench/harness.ts.
const benchPlugin = {
  name: 'ap-bench',
  async executeCommand({ command, payload, session }) {
    if (command === 'bench-config') return benchConfig;
    if (command === 'bench-row') {
      rows.push(payload);
      return true;
    }
    if (command !== 'bench-trace') return undefined;
    const page = session.browser.getPage(session.id);
    const path = join(root, 'bench/traces', `${payload.row}.json`);
    if (payload.start) {
      mkdirSync(dirname(path), { recursive: true });
      await page.tracing.start({ path });
    } else {
      await page.tracing.stop();
      traces.set(payload.row, summariseTrace(path));
    }
    return true;
  },
};

const bundle = options['no-size'] ? undefined : { dropin: await measureDropin(), entries: await measureEntries() };

// `--only endpoint` runs no browser page.
const browserBenches = readdirSync(join(root, 'bench')).filter((name) => name.endsWith('.bench.ts') && name.includes(options.only));
const runner = browserBenches.length === 0 ? undefined : await startTestRunner({
  readCliArgs: false,
  readFileConfig: false,
  autoExitProcess: false,
  config: {
    ...testConfig,
    rootDir: root,
    port: Number(process.env.BENCH_PORT ?? 8765),
    files: [`bench/**/*${options.only}*.bench.ts`],
    // Lit's production build, as in the drop-in file: no dev-mode checks in the timings.
    nodeResolve: { exportConditions: ['production'] },
    reporters: [summaryReporter({ flatten: true })],
    testFramework: { config: { timeout: 0, ...(options.grep ? { grep: options.grep } : {}) } },
    testsFinishTimeout: 9 * 60 * 1000,
    plugins: [...testConfig.plugins, benchPlugin],
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: findChromium(),
          headless: true,
          // gc: the harness collects garbage before each timed run, so one run's garbage is not the next one's cost.
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--js-flags=--expose-gc'],
        },
      }),
    ],
  },
});

const passed = runner ? await new Promise((resolve) => runner.on('stopped', resolve)) : true;
// Rows 9 and 10 (the endpoint under load, a pull against plain SQL) run in Node, after the browser rows.
if ('endpoint'.includes(options.only) && !options.grep) {
  const { endpointRows } = await tsImport('../bench/endpoint.ts', import.meta.url);
  rows.push(...(await endpointRows({ iterations: benchConfig.iterations })));
}
const byRow = (a, b) => a.row.localeCompare(b.row, 'en', { numeric: true });
const measured = rows.sort(byRow);
const resultsPath = join(root, 'bench/results.json');
// A partial run (--only, --grep, --no-size) keeps the rows it did not measure from the last results.
const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : { rows: [] };
const rowsKept = [...previous.rows.filter((row) => !measured.some((fresh) => fresh.row === row.row)), ...measured].sort(byRow);

const lines = [];
const sizes = bundle ?? previous.bundle;
if (sizes) {
  const { dropin, entries } = sizes;
  lines.push(`| 1 | drop-in: the everyday page (entry + sync), min + gzip | ${kb(dropin.page)} | budget ${kb(dropin.budget)} | ${(dropin.page / dropin.budget).toFixed(2)}x | at most 1.00x | ${dropin.page <= dropin.budget ? 'yes' : 'NO'} |`);
  lines.push(`| 1 | drop-in: every file together, min + gzip | ${kb(dropin.gzip)} | ceiling ${kb(dropin.ceiling)} | | | ${dropin.gzip <= dropin.ceiling ? 'yes' : 'NO'} |`);
  for (const entry of entries) lines.push(`| 1 | entry \`${entry.name}\` with its dependencies | ${kb(entry.gzip)} | | | | |`);
}
for (const row of rowsKept) {
  const ours = row.unit === 'ratio' ? `${ms(row.ours.median)} ms` : `${ms(row.ours.median)} ${row.unit} (${ms(row.ours.min)}-${ms(row.ours.max)})`;
  const baseline = row.baseline ? `${row.baseline.name}: ${ms(row.baseline.median)} ms` : '';
  const reference = row.reference ? `; ${row.reference.name}: ${x(row.referenceRatio)}` : '';
  const target = row.target === undefined ? '' : `at most ${row.target}${row.unit === 'ratio' ? 'x' : ` ${row.unit}`}`;
  const met = row.met === undefined ? '' : row.met ? 'yes' : 'NO';
  lines.push(`| ${row.row} | ${row.name} | ${ours} | ${baseline}${reference} | ${row.ratio ? x(row.ratio) : ''} | ${target} | ${met} |`);
}
const table = ['| row | measure | ours (median) | baseline (median); reference ratio | ours / baseline: median (min-max) | target | met |', '|---|---|---|---|---|---|---|', ...lines].join('\n');

console.log(`\n${table}\n`);
for (const row of rowsKept.filter((row) => row.note)) console.log(`Row ${row.row}: ${row.note}`);
if (sizes) {
  console.log(`Drop-in files (each gzipped):\n${sizes.dropin.files.map((file) => `  ${file.part.padEnd(28)} ${kb(file.gzip)}`).join('\n')}\n`);
  console.log(`Drop-in entry by part (each minified + gzipped on its own):\n${sizes.dropin.modules.map((part) => `  ${part.name.padEnd(28)} ${kb(part.gzip)}`).join('\n')}\n`);
}
for (const [row, trace] of traces) console.log(`Trace of row ${row} (bench/traces/${row}.json), self time:\n${trace.selfTime.map((entry) => `  ${String(entry.ms).padStart(8)} ms  ${entry.name}`).join('\n')}\n`);

const seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(
  resultsPath,
  `${JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, iterations: benchConfig.iterations, seconds, bundle: sizes, rows: rowsKept, traces: { ...previous.traces, ...Object.fromEntries(traces) }, table }, null, 2)}\n`,
);
console.log(`bench/results.json written (${seconds} s, ${benchConfig.iterations} iterations, ${cpus().length} cores).`);
process.exit(passed ? 0 : 1);
