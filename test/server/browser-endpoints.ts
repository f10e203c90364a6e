// Our endpoint for the browser sync suites (test/plugins/endpoint.mjs): each endpoint a fresh database
// on the run's throwaway PostgreSQL, its app answering through the suites' router (behind the fault
// proxy); and whole server processes, for pages on two servers over one database.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { COLLECTIONS } from '../../src/model/schemas.js';
import { buildApp } from '../../server/app.js';
import type { Db } from '../../server/db/db.js';
import { postgresDb } from '../../server/db/postgres.js';
import { freshDatabase, spawnServer, testConfig, testPostgres, type ServerProcess } from './helpers.js';

type Data = Record<string, Record<string, unknown>[]>;

const apps = new Map<string, { app: FastifyInstance; db: Db }>();
const processes: ServerProcess[] = [];

/**
 * Stores `data` exactly as given, as records an older server left (invalid ones too, so the client's
 * quarantine is tested): the write routes would refuse or restamp them.
 */
async function seed(db: Db, data: Data): Promise<void> {
  for (const collection of COLLECTIONS) {
    const rows = (data[collection] ?? []).map((record) => ({
      id: String(record.id),
      planId: String(record.planId ?? ''),
      version: Number.isInteger(record.version) ? record.version : 0,
      updatedAt: typeof record.updatedAt === 'string' && !Number.isNaN(Date.parse(record.updatedAt)) ? record.updatedAt : new Date().toISOString(),
      deleted: record.deleted === true,
      body: record,
    }));
    const action = collection === 'actions' ? [', lead_agency, priority_id', ", row->'body'->>'leadAgency', row->'body'->>'priorityId'"] : ['', ''];
    await db.query(
      `INSERT INTO ${collection} (id, plan_id, version, updated_at, deleted, body${action[0]})
       SELECT row->>'id', row->>'planId', (row->>'version')::integer, (row->>'updatedAt')::timestamptz, (row->>'deleted')::boolean, row->'body'${action[1]}
       FROM jsonb_array_elements($1::jsonb) AS row`,
      [JSON.stringify(rows)],
    );
  }
}

/** Starts the run's PostgreSQL and migrates its template, ahead of the first endpoint. */
export async function warmUp(): Promise<void> {
  await testPostgres();
}

/** A new endpoint holding `data`; its id. */
export async function createOurEndpoint(id: string, data: Data = {}): Promise<void> {
  const db = postgresDb(await freshDatabase(), 3);
  await seed(db, data);
  const app = await buildApp({ config: testConfig(), db });
  await app.ready();
  apps.set(id, { app, db });
}

/** Answers a request for endpoint `id` (its URL already without the /e/{id} prefix). */
export function routeToOurEndpoint(id: string, request: IncomingMessage, response: ServerResponse): boolean {
  const endpoint = apps.get(id);
  if (!endpoint) return false;
  request.url = `/api${request.url}`;
  endpoint.app.routing(request, response);
  return true;
}

/** Every record the endpoint holds, per collection, as json-server's state looks. */
export async function ourEndpointData(id: string): Promise<Data | undefined> {
  const endpoint = apps.get(id);
  if (!endpoint) return undefined;
  const data: Data = {};
  for (const collection of COLLECTIONS) {
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
