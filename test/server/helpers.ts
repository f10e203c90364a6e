// Server test fixtures: one throwaway PostgreSQL per test file (scripts/postgres.mjs), a migrated
// template database, a fresh database per app, and apps on both databases listening on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The file's PostgreSQL, with a migrated template database made once. */
function postgres() {
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
  const { url } = await postgres();
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

/** `server/main.ts` in its own process (through tsx), as `npm run endpoint` runs it; resolves once it listens. */
export async function spawnServer(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: packageRoot(),
    env: { ...process.env, PORT: '0', AP_RATE_LIMIT: '0', AP_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (listening) resolve(listening[1]!);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${errors}`)));
  });
  return { url, child, lines, exited };
}
