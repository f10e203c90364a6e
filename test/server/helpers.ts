// Server test fixtures: one throwaway PostgreSQL per test file (scripts/postgres.mjs), a migrated
// template database, a fresh database per app, and apps on both databases listening on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { startPostgres } from '../../scripts/postgres.mjs';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Db } from '../../server/db/db.js';
import { embeddedDb } from '../../server/db/embedded.js';
import { migrate } from '../../server/db/migrate.js';
import { postgresDb } from '../../server/db/postgres.js';
import { packageRoot } from '../../server/root.js';

export type Kind = 'postgres' | 'embedded';

let cluster: Promise<{ url: string; stop: () => void }> | undefined;
let databases = 0;

/** The process's throwaway PostgreSQL, with a migrated template database made once. */
export function testPostgres() {
  cluster ??= (async () => {
    const started = await startPostgres({ settings: { fsync: 'off' } });
    const admin = new pg.Client(started.url);
    await admin.connect();
    await admin.query('CREATE DATABASE ap_template');
    await admin.end();
    const template = postgresDb(databaseUrl(started.url, 'ap_template'));
    await migrate(template);
    await template.close();
    return started;
  })();
  return cluster;
}

const databaseUrl = (url: string, name: string) => url.replace(/\/[^/]*$/, `/${name}`);

/** A new, migrated, empty database on the file's PostgreSQL; its URL. */
export async function freshDatabase(): Promise<string> {
  const { url } = await testPostgres();
  const name = `ap_test_${++databases}`;
  const admin = new pg.Client(url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ap_template`);
  await admin.end();
  return databaseUrl(url, name);
}

/**
 * A new folder for the embedded database, already initialised: PGlite's first start (initdb in
 * WebAssembly) takes seconds, so it is done once per PGlite version and copied.
 */
export async function embeddedFolder(): Promise<string> {
  const root = packageRoot();
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  const template = join(root, 'node_modules/.cache/action-plan-widgets', `pglite-${version}`);
  if (!existsSync(template)) {
    mkdirSync(join(template, '..'), { recursive: true });
    const making = `${template}.${process.pid}`;
    await (await PGlite.create(making)).close();
    try {
      renameSync(making, template);
    } catch {
      rmSync(making, { recursive: true, force: true }); // another test file made it first
    }
  }
  const folder = mkdtempSync(join(tmpdir(), 'ap-embedded-'));
  cpSync(template, join(folder, 'pgdata'), { recursive: true });
  return folder;
}

/** A database of `kind`: on PostgreSQL a fresh one, embedded in a new temp folder; migrated. */
export async function openTestDb(kind: Kind): Promise<{ db: Db; url?: string; dataDir?: string; remove: () => Promise<void> }> {
  if (kind === 'postgres') {
    const url = await freshDatabase();
    const db = postgresDb(url);
    return { db, url, remove: () => db.close() };
  }
  const dataDir = await embeddedFolder();
  const db = await embeddedDb(dataDir);
  await migrate(db);
  return {
    db,
    dataDir,
    remove: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({ ...loadConfig({}), port: 0, logLevel: 'silent', rateLimit: 0, ...overrides });

export interface TestServer {
  url: string;
  db: Db;
  close: () => Promise<void>;
}

/** Our endpoint on a database of `kind`, listening on a free port of 127.0.0.1. */
export async function startServer(kind: Kind, overrides: Partial<Config> = {}): Promise<TestServer> {
  const { db, remove } = await openTestDb(kind);
  const app = await buildApp({ config: testConfig(overrides), db });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    db,
    close: async () => {
      await app.close();
      await remove();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One HTTP request; a JSON body is sent with Content-Type: application/json unless `headers` say otherwise. */
export async function request(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test sees the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const action = (id: string, planId: string, fields: Record<string, unknown> = {}) => ({ id, planId, priorityId: 'p-1', title: `Action ${id}`, ...fields });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote to stdout (its JSON logs). */
  lines: string[];
  exited: Promise<number | null>;
}

/** A free port of 127.0.0.1 (for a process that must be told its port). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * A process running `args` (default: `server/main.ts` through tsx, as `npm run endpoint` runs it) on a
 * free port; resolves once it answers HTTP (GET /health).
 */
export async function spawnServer(env: Record<string, string>, args = ['--import', 'tsx', 'server/main.ts']): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: packageRoot(),
    env: { ...process.env, PORT: String(port), AP_RATE_LIMIT: '0', AP_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exitCode = code))));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before it answered: ${errors}`);
    const health = await fetch(`${url}/health`).catch(() => undefined);
    if (health) break;
    await sleep(100);
  }
  return { url, child, lines, exited };
}
