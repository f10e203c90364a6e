// Rows 9 and 10, run in Node by scripts/bench.mjs: our endpoint on PostgreSQL under load against
// json-server + our middleware (what `npm start` served before) on the same 30,000 actions, and a pull of
// 10,000 records through the endpoint against a plain `pg` SELECT of the same rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { generatePlan } from '../demo/data/generate.js';
import { startPostgres } from '../scripts/postgres.mjs';
import { createEndpoint } from '../scripts/endpoint.mjs';
import { loadRecords } from '../server/db/load.js';
import { migrate } from '../server/db/migrate.js';
import { postgresDb } from '../server/db/postgres.js';
import { spawnServer, type ServerProcess } from '../test/server/helpers.js';

type Data = Record<string, Record<string, unknown>[]>;
interface Spread {
  median: number;
  min: number;
  max: number;
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/** 300 plans of 100 actions (and their priorities, audits...), as one db.json. */
function thirtyThousand(): Data {
  const data: Data = {};
  for (let seed = 1; seed <= 300; seed++) {
    for (const [collection, records] of Object.entries(generatePlan({ actions: 100, seed }))) (data[collection] ??= []).push(...(records as Record<string, unknown>[]));
  }
  return data;
}

/** 50 connections for `seconds`: three pulls of a plan since a checkpoint to one edit (PUT with If-Match). */
async function load(url: string, prefix: string, data: Data, seconds: number) {
  const actions = data.actions!;
  const versions = new Map<string, number>();
  const times: number[] = [];
  let next = 0;
  const instance = autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [
      ...Array.from({ length: 3 }, () => ({
        setupRequest: (request: Record<string, unknown>) => {
          const planId = `generated-${1 + Math.floor(Math.random() * 300)}`;
          return { ...request, method: 'GET', path: `${prefix}/actions?planId=${planId}&updatedAt_gte=2024-01-01T00:00:00.000Z&_sort=updatedAt,id&_order=asc,asc&_start=0&_limit=1000` };
        },
      })),
      {
        setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
          const action = actions[next++ % actions.length]!;
          context.id = action.id;
          const version = versions.get(action.id as string) ?? (action.version as number);
          return { ...request, method: 'PUT', path: `${prefix}/actions/${action.id}`, headers: { 'content-type': 'application/json', 'if-match': `"${version}"` }, body: JSON.stringify({ ...action, progress: Math.floor(Math.random() * 100) }) };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          if (status === 200) versions.set(context.id as string, JSON.parse(body).version);
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  return { perSecond: result.requests.average, p95: percentile(times, 95), non2xx: result.non2xx, errors: result.errors + result.timeouts, total: result.requests.total };
}

export async function endpointRows({ seconds = 30, iterations = 5 } = {}): Promise<Record<string, unknown>[]> {
  const postgres = await startPostgres();
  const servers: ServerProcess[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'ap-bench-'));
  const data = thirtyThousand();
  const rows: Record<string, unknown>[] = [];
  try {
    const db = postgresDb(postgres.url, 20);
    await migrate(db);
    // Imported, versions kept; the middleware's json-server gets the same file.
    await loadRecords(db, data);
    const file = join(folder, 'db.json');
    writeFileSync(file, JSON.stringify(data));
    // Each server in its own process, as in production, so the load generator does not share its CPU.
    servers.push(await spawnServer({ DATABASE_URL: postgres.url, AP_LOG_LEVEL: 'warn' }));
    servers.push(await spawnServer({}, ['--input-type=module', '-e', `import { createEndpoint } from './scripts/endpoint.mjs'; createEndpoint(${JSON.stringify(file)}).listen(Number(process.env.PORT), '127.0.0.1');`]));
    const [ours, theirs] = servers.map((server) => server.url) as [string, string];

    // Row 7: side by side in turns, the same load on each.
    const mine = await load(ours, '/api', data, seconds);
    const baseline = await load(theirs, '', data, seconds);
    const perRequest = (rate: number) => 1000 / rate;
    rows.push({
      row: '9',
      name: `endpoint under load: 50 connections, 3 pulls to 1 edit, ${seconds} s, 30,000 actions in 300 plans (time per request = 1 / throughput)`,
      unit: 'ratio',
      ours: spread([perRequest(mine.perSecond)]),
      baseline: { name: 'json-server + middleware', ...spread([perRequest(baseline.perSecond)]) },
      ratio: spread([baseline.perSecond / mine.perSecond]),
      target: 0.1,
      met: mine.perSecond >= 10 * baseline.perSecond,
      note: `ours ${mine.perSecond.toFixed(0)} requests/s, p95 ${mine.p95} ms, ${mine.non2xx} not 2xx, ${mine.errors} errors; json-server + middleware ${baseline.perSecond.toFixed(0)} requests/s, p95 ${baseline.p95} ms, ${baseline.non2xx} not 2xx, ${baseline.errors} errors`,
    });

    // Row 8: pull of 10,000 records (two pages of 5,000) against the same rows by a plain SELECT.
    const big = generatePlan({ actions: 10_000, seed: 8, planId: 'pull-10000' });
    await loadRecords(db, { actions: big.actions as unknown as Record<string, unknown>[] });
    const client = new pg.Client(postgres.url);
    await client.connect();
    const throughEndpoint: number[] = [];
    const plainSelect: number[] = [];
    for (let i = 0; i < iterations; i++) {
      let started = performance.now();
      let count = 0;
      for (let start = 0; start < 10_000; start += 5_000) {
        const page = (await (await fetch(`${ours}/api/actions?planId=pull-10000&_sort=updatedAt,id&_order=asc,asc&_start=${start}&_limit=5000`)).json()) as unknown[];
        count += page.length;
      }
      throughEndpoint.push(performance.now() - started);
      if (count !== 10_000) throw new Error(`the endpoint pulled ${count} records, not 10,000`);
      started = performance.now();
      const { rows: selected } = await client.query("SELECT body FROM actions WHERE plan_id = 'pull-10000' ORDER BY updated_at, id");
      plainSelect.push(performance.now() - started);
      if (selected.length !== 10_000) throw new Error('the SELECT did not read 10,000 rows');
    }
    await client.end();
    const ratios = throughEndpoint.map((time, i) => time / plainSelect[i]!);
    rows.push({
      row: '10',
      name: 'pull of 10,000 records through our endpoint (HTTP, 2 pages of 5,000, parsed)',
      unit: 'ratio',
      ours: spread(throughEndpoint),
      baseline: { name: 'plain pg SELECT of the same rows', ...spread(plainSelect) },
      ratio: spread(ratios),
      target: 1.5,
      met: spread(ratios).median <= 1.5,
    });
    await db.close();
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    postgres.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
