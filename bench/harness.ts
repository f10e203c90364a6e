// Runs contenders side by side in one page, interleaved, and reports each figure as a ratio to the
// baseline (median, min, max over the iterations) to the runner in scripts/bench.mjs.
import { executeServerCommand } from '@web/test-runner-commands';
import { openDB, type IDBPDatabase } from 'idb';
import { ActionPlanStore } from '../src/store/index.js';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Contender<Context> {
  name: string;
  /** Untimed: a fresh database, elements, records... */
  setup: () => Promise<Context>;
  /** Timed; it may move the start of the timing on by returning `{ timedFrom: performance.now() }`. */
  run: (context: Context) => Promise<unknown>;
  /** Untimed. */
  teardown?: (context: Context) => Promise<unknown>;
}

export interface Comparison<Ours, Baseline, Reference> {
  row: string;
  name: string;
  /** Target for ours / baseline (at most). */
  target?: number;
  ours: Contender<Ours>;
  baseline: Contender<Baseline>;
  /** Shown for scale, not a target (e.g. Dexie). */
  reference?: Contender<Reference>;
  /** At most this many rounds, for a row whose rounds take long. */
  maxIterations?: number;
}

export interface BenchRow {
  row: string;
  name: string;
  unit: 'ms' | 'ratio' | 'frames';
  ours: Spread;
  baseline?: { name: string } & Spread;
  reference?: { name: string } & Spread;
  ratio?: Spread;
  referenceRatio?: Spread;
  target?: number;
  met?: boolean;
  note?: string;
}

export interface BenchConfig {
  iterations: number;
  /** Rows to record a Chromium trace of (one extra run of ours), e.g. ['2a']. */
  trace: string[];
}

export const config = (await executeServerCommand('bench-config')) as BenchConfig;

// Chromium's "ResizeObserver loop completed" (the virtualiser resizing) is harmless; Mocha would fail the row on it.
before(() => {
  const mochaOnError = window.onerror;
  window.onerror = (message, ...rest) => String(message).includes('ResizeObserver loop') || mochaOnError?.call(window, message, ...rest);
});

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export async function timed<Context>(contender: Contender<Context>): Promise<number> {
  const context = await contender.setup();
  gc();
  const start = performance.now();
  const result = await contender.run(context);
  const elapsed = performance.now() - ((result as { timedFrom?: number } | undefined)?.timedFrom ?? start);
  await contender.teardown?.(context);
  return elapsed;
}

export async function report(row: BenchRow): Promise<BenchRow> {
  await executeServerCommand('bench-row', row);
  return row;
}

/** One warm-up round, then `config.iterations` rounds (or `maxIterations`), each running every contender in a rotating order. */
export async function compare<Ours, Baseline, Reference>(comparison: Comparison<Ours, Baseline, Reference>): Promise<BenchRow> {
  const contenders = [comparison.ours, comparison.baseline, ...(comparison.reference ? [comparison.reference] : [])] as unknown as Contender<unknown>[];
  const times = contenders.map(() => [] as number[]);
  const iterations = Math.min(config.iterations, comparison.maxIterations ?? Infinity);
  for (let round = -1; round < iterations; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const index = (turn + Math.max(round, 0)) % contenders.length;
      const elapsed = await timed(contenders[index]!);
      if (round >= 0) times[index]!.push(elapsed);
    }
  }
  const [ours, baseline, reference] = times;
  const ratio = spread(ours!.map((time, i) => time / baseline![i]!));
  const row = await report({
    row: comparison.row,
    name: comparison.name,
    unit: 'ratio',
    ours: spread(ours!),
    baseline: { name: comparison.baseline.name, ...spread(baseline!) },
    ...(reference ? { reference: { name: comparison.reference!.name, ...spread(reference) }, referenceRatio: spread(reference.map((time, i) => time / baseline![i]!)) } : {}),
    ratio,
    ...(comparison.target === undefined ? {} : { target: comparison.target, met: ratio.median <= comparison.target }),
  });
  if (config.trace.includes(comparison.row)) {
    await executeServerCommand('bench-trace', { row: comparison.row, start: true });
    await timed(comparison.ours);
    await executeServerCommand('bench-trace', { row: comparison.row, start: false });
  }
  return row;
}

let counter = 0;
/** A database name no other run uses. */
export const freshName = (label: string) => `ap-bench-${label}-${Date.now()}-${++counter}`;

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** A fresh database with our schema, opened with plain idb (what "raw IndexedDB" means here). */
export async function rawDatabase(): Promise<IDBPDatabase> {
  const name = freshName('idb');
  (await ActionPlanStore.open(name)).close();
  return openDB(name);
}

export async function putAll(db: IDBPDatabase, collection: string, records: readonly unknown[]): Promise<void> {
  const tx = db.transaction(collection, 'readwrite');
  for (const record of records) void tx.store.put(record);
  await tx.done;
}

export async function dropRaw(db: IDBPDatabase): Promise<void> {
  db.close();
  await deleteDatabase(db.name);
}

export async function dropStore(store: ActionPlanStore): Promise<void> {
  store.close();
  await deleteDatabase(store.name);
}
