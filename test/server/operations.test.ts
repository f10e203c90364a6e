// Running the endpoint: settings, health, JSON logs, rate limit, CORS, graceful stop, and the import command.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { buildApp } from '../../server/app.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { postgresDb } from '../../server/db/postgres.js';
import { packageRoot } from '../../server/root.js';
import { action, embeddedFolder, freshDatabase, request, sleep, spawnServer, startServer, testConfig } from './helpers.js';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ap-operations-'));
  folders.push(dir);
  return dir;
};
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('settings', () => {
  test('defaults: loopback, port 8080, the embedded database in .data, 1 MB bodies', () => {
    const config = loadConfig({});
    assert.deepEqual([config.host, config.port, config.databaseUrl, config.dataDir.endsWith('.data'), config.bodyLimit, config.corsOrigins], ['127.0.0.1', 8080, undefined, true, 1_048_576, []]);
  });

  test('a wrong setting is named', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: Error) => error instanceof ConfigError && /PORT must be a whole number/.test(error.message));
    assert.throws(() => loadConfig({ AP_RATE_LIMIT: '-1' }), /AP_RATE_LIMIT/);
    assert.throws(() => loadConfig({ AP_AUTH: 'magic' }), /AP_AUTH/);
  });
});

describe('operations', () => {
  test('over AP_RATE_LIMIT a minute: 429 with Retry-After, as JSON', async () => {
    const server = await startServer('postgres', { rateLimit: 3 });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await request(server.url, 'GET', '/api/plans')).status, 200);
      const refused = await request(server.url, 'GET', '/api/plans');
      assert.equal(refused.status, 429);
      assert.match(refused.body.error, /at most 3 a minute/);
      assert.ok(Number(refused.headers.get('retry-after')) > 0, 'Retry-After in seconds');
    } finally {
      await server.close();
    }
  });

  test('GET /health is 503 when the database cannot be reached', async () => {
    const db = postgresDb('postgres://postgres@127.0.0.1:1/nowhere');
    const app = await buildApp({ config: testConfig(), db });
    const answer = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(answer.statusCode, 503);
    assert.match(answer.json().error, /cannot be reached/);
    await app.close();
    await db.close();
  });

  test('CORS: only the origins in AP_CORS_ORIGINS, PUT with If-Match allowed, Retry-After exposed', async () => {
    const server = await startServer('postgres', { corsOrigins: ['https://intranet.example.gov.uk'] });
    try {
      const allowed = await request(server.url, 'GET', '/api/plans', undefined, { Origin: 'https://intranet.example.gov.uk' });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://intranet.example.gov.uk');
      assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      const preflight = await request(server.url, 'OPTIONS', '/api/actions/a-1', undefined, { Origin: 'https://intranet.example.gov.uk', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type, if-match' });
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/, 'a PUT from the intranet page is allowed');
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /if-match/);
      const other = await request(server.url, 'GET', '/api/plans', undefined, { Origin: 'https://elsewhere.example' });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });

  test('logs are JSON lines with request ids and no record bodies', async () => {
    const server = await spawnServer({ DATABASE_URL: await freshDatabase() });
    const created = await request(server.url, 'POST', '/api/actions', action('log-1', 'plan-log', { title: 'Sanctuary scheme for Mrs Example' }), { 'X-Request-Id': 'req-from-balancer-1' });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('x-request-id'), 'req-from-balancer-1');
    await request(server.url, 'GET', '/api/actions/log-1');
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    const entries = server.lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string; req?: { url: string } });
    assert.ok(entries.filter((entry) => entry.reqId === 'req-from-balancer-1').length >= 2, 'the request and its answer carry its id');
    assert.equal(new Set(entries.filter((entry) => entry.req?.url.startsWith('/api/')).map((entry) => entry.reqId)).size, 2, 'each request its own id');
    assert.ok(!server.lines.some((line) => line.includes('Mrs Example')), 'no record body in the logs');
  });

  test('SIGTERM finishes the requests in flight, then exits 0', async () => {
    const url = await freshDatabase();
    const server = await spawnServer({ DATABASE_URL: url });
    const { port } = new URL(server.url);
    const body = JSON.stringify(action('slow-1', 'plan-stop'));
    // A request whose body arrives slowly: in flight when the signal comes.
    const answer = new Promise<number>((resolve, reject) => {
      const slow = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/actions', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      });
      slow.on('error', reject);
      slow.write(body.slice(0, 10));
      setTimeout(() => slow.end(body.slice(10)), 700);
    });
    await sleep(200);
    server.child.kill('SIGTERM');
    assert.equal(await answer, 201);
    assert.equal(await server.exited, 0);
    const client = new pg.Client(url);
    await client.connect();
    const { rows } = await client.query("SELECT version FROM actions WHERE id = 'slow-1'");
    await client.end();
    assert.deepEqual(rows, [{ version: 1 }]);
  });
});

/** `npm run endpoint:import -- file` as a process (through tsx); its exit code and output. */
function runImport(file: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/import.ts', file], { cwd: packageRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('endpoint:import', () => {
  test('loads a db.json, reports each quarantined record, exits 0; a second run skips what is there', async () => {
    const env = { DATABASE_URL: await freshDatabase() };
    const file = join(folder(), 'db.json');
    writeFileSync(file, JSON.stringify({ plans: [{ id: 'p-imp', planId: 'p-imp', name: 'Imported plan' }], actions: [action('i-1', 'p-imp'), action('i-2', 'p-imp', { progress: 150 })] }));
    const first = await runImport(file, env);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /Quarantined actions i-2: .*Progress/);
    assert.match(first.output, /Imported 2 records; skipped 0 already there; quarantined 1\./);
    const second = await runImport(file, env);
    assert.equal(second.code, 0);
    assert.match(second.output, /Imported 0 records; skipped 2 already there; quarantined 1\./);
  });

  test('loads our JSON export of a plan', async () => {
    const env = { DATABASE_URL: await freshDatabase() };
    const file = join(folder(), 'export.json');
    writeFileSync(file, JSON.stringify({ format: 'action-plan-snapshot', formatVersion: 1, plan: { id: 'p-exp', planId: 'p-exp', name: 'Exported' }, priorities: [{ id: 'pr-1', planId: 'p-exp', title: 'Priority' }], actions: [action('e-1', 'p-exp')] }));
    const run = await runImport(file, env);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /Imported 3 records/);
  });

  test('a file that cannot be read exits 1 and says why', async () => {
    const env = { DATABASE_URL: await freshDatabase() };
    const missing = await runImport(join(folder(), 'missing.json'), env);
    assert.equal(missing.code, 1);
    assert.match(missing.output, /Cannot read .*missing\.json/);
    const notJson = join(folder(), 'notes.json');
    writeFileSync(notJson, 'plans: none');
    assert.equal((await runImport(notJson, env)).code, 1);
  });

  test('refuses an embedded database that a running server holds', async () => {
    const dir = await embeddedFolder();
    folders.push(dir);
    const server = await spawnServer({ AP_DATA_DIR: dir });
    const file = join(folder(), 'db.json');
    writeFileSync(file, JSON.stringify({ actions: [] }));
    const run = await runImport(file, { AP_DATA_DIR: dir });
    server.child.kill('SIGTERM');
    await server.exited;
    assert.equal(run.code, 1);
    assert.match(run.output, new RegExp(`in use by process ${server.child.pid}`));
  });
});
