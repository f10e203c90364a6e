// Our endpoint for the browser sync suites (test/plugins/endpoint.mjs): each endpoint a fresh database
// on the run's throwaway PostgreSQL, its app answering through the suites' router (behind the fault
// proxy); and whole server processes, for pages on two servers over one database.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { RECORD_KINDS } from '../../src/model/schemas.js';
import { buildApp } from '../../server/app.js';
import type { Db } from '../../server/db/db.js';
import { postgresDb } from '../../server/db/postgres.js';
import { EXTRA_COLUMNS } from '../../server/db/records.js';
import { DEMO_PERSON_HEADER } from '../../server/auth/dev.js';
import { freshDatabase, spawnServer, testConfig, testPostgres, type ServerProcess } from './helpers.js';

type Data = Record<string, Record<string, unknown>[]>;

/** An endpoint; `lapsed`: with dev sign-in, the tokens whose sign-in has lapsed. */
interface OurEndpoint {
  app: FastifyInstance;
  db: Db;
  lapsed?: Set<string>;
}

const apps = new Map<string, OurEndpoint>();
const processes: ServerProcess[] = [];

/**
 * Stores `data` exactly as given, as records an older server left (invalid ones too, so the client's
 * quarantine is tested): the write routes would refuse or restamp them.
 */
async function seed(db: Db, data: Data): Promise<void> {
  for (const collection of RECORD_KINDS) {
    const rows = (data[collection] ?? []).map((record) => ({
      id: String(record.id),
      planId: String(record.planId ?? ''),
      version: Number.isInteger(record.version) ? record.version : 0,
      updatedAt: typeof record.updatedAt === 'string' && !Number.isNaN(Date.parse(record.updatedAt)) ? record.updatedAt : new Date().toISOString(),
      deleted: record.deleted === true,
      body: record,
    }));
    const extra = EXTRA_COLUMNS[collection] ?? [];
    await db.query(
      `INSERT INTO ${collection} (id, plan_id, version, updated_at, deleted, body${extra.map(([name]) => `, ${name}`).join('')})
       SELECT row->>'id', row->>'planId', (row->>'version')::integer, (row->>'updatedAt')::timestamptz, (row->>'deleted')::boolean, r${extra.map(([, value]) => `, ${value}`).join('')}
       FROM jsonb_array_elements($1::jsonb) AS row, LATERAL (SELECT row->'body' AS r) AS record`,
      [JSON.stringify(rows)],
    );
  }
}

/** Starts the run's PostgreSQL and migrates its template, ahead of the first endpoint. */
export async function warmUp(): Promise<void> {
  await testPostgres();
}

export interface OurOptions {
  /** `dev`: AP_AUTH=dev, its demo people named by the page's bearer token (see routeToOurEndpoint). */
  auth?: 'dev';
  /** The test page's origin, whose writes dev sign-in (a cookie's mode) takes as from the plan's own site. */
  origin?: string;
}

/** A new endpoint holding `data`; its id. */
export async function createOurEndpoint(id: string, data: Data = {}, { auth, origin }: OurOptions = {}): Promise<void> {
  const db = postgresDb(await freshDatabase(), 3);
  await seed(db, data);
  const app = await buildApp({ config: testConfig(auth ? { auth, host: '127.0.0.1', corsOrigins: origin ? [origin] : [] } : {}), db });
  await app.ready();
  apps.set(id, { app, db, ...(auth && { lapsed: new Set<string>() }) });
}

/**
 * Answers a request for endpoint `id` (its URL already without the /e/{id} prefix).
 * With dev sign-in, a page names its demo person by a bearer token from its tokenProvider, `{person id}~{n}`,
 * rather than by the demo's cookie: a cookie is one per browser (Firefox and WebKit run every test page in
 * one), and a test may hold two people's plans at once. The token becomes the header dev sign-in reads; a
 * lapsed token names nobody, so the endpoint itself answers 401, as for a sign-in that is no longer good.
 */
export function routeToOurEndpoint(id: string, request: IncomingMessage, response: ServerResponse): boolean {
  const endpoint = apps.get(id);
  if (!endpoint) return false;
  request.url = `/api${request.url}`;
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (endpoint.lapsed && token) {
    delete request.headers.authorization;
    request.headers[DEMO_PERSON_HEADER] = endpoint.lapsed.has(token) ? token : token.replace(/~\d+$/, '');
  }
  endpoint.app.routing(request, response);
  return true;
}

/** With dev sign-in: `token`'s sign-in lapses (`lapsed`) or is good again. */
export function lapseToken(id: string, token: string, lapsed: boolean): void {
  const tokens = apps.get(id)?.lapsed;
  if (lapsed) tokens?.add(token);
  else tokens?.delete(token);
}

/** Every record the endpoint holds, per collection, as json-server's state looks. */
export async function ourEndpointData(id: string): Promise<Data | undefined> {
  const endpoint = apps.get(id);
  if (!endpoint) return undefined;
  const data: Data = {};
  for (const collection of RECORD_KINDS) {
    const { rows } = await endpoint.db.query<{ body: Record<string, unknown> }>(`SELECT body FROM ${collection} ORDER BY id`);
    data[collection] = rows.map((row) => row.body);
  }
  return data;
}

/** `count` server processes over one new database, answering pages from `origin`; their /api URLs. */
export async function startServerProcesses(count: number, origin: string, data: Data = {}): Promise<string[]> {
  const url = await freshDatabase();
  const db = postgresDb(url, 1);
  await seed(db, data);
  await db.close();
  const started = await Promise.all(Array.from({ length: count }, () => spawnServer({ DATABASE_URL: url, AP_CORS_ORIGINS: origin })));
  processes.push(...started);
  return started.map((server) => `${server.url}/api`);
}

export async function closeOurEndpoints(): Promise<void> {
  for (const server of processes.splice(0)) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  for (const { app, db } of apps.values()) {
    await app.close();
    await db.close();
  }
  apps.clear();
}
