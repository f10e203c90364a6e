// `npm run endpoint`: migrates, then serves the protocol until SIGTERM. With --demo (`npm start`)
// it also serves the demo pages and seeds the sample plans on first start (AP_RESET=1 restores them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import type { Db } from './db/db.js';
import { clearRecords, isEmpty, loadRecords } from './db/load.js';
import { migrate } from './db/migrate.js';
import { openDb } from './db/open.js';
import { packageRoot } from './root.js';

const demo = process.argv.includes('--demo');

let app: FastifyInstance | undefined;
let db: Db | undefined;

// Finish the requests in flight, then close the database (a signal during start-up just stops).
async function stop(signal: string): Promise<void> {
  app?.log.info({ signal }, 'shutting down');
  await app?.close();
  await db?.close();
  process.exit(0);
}

async function main(): Promise<void> {
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The demo signs in its demo people ("Viewing as") unless told otherwise.
  const config = loadConfig(demo ? { AP_AUTH: 'dev', ...process.env } : process.env);
  db = await openDb(config);
  const applied = await migrate(db);
  const root = packageRoot();
  if (demo && (config.resetSample || (await isEmpty(db)))) {
    await clearRecords(db);
    await loadRecords(db, JSON.parse(readFileSync(join(root, 'demo/data/db.json'), 'utf8')), 'Sample');
    // The demo people's memberships of the sample plans (server/auth/dev.ts).
    await loadRecords(db, JSON.parse(readFileSync(join(root, 'demo/data/members.json'), 'utf8')), 'Sample');
  }
  const staticDirs: Record<string, string> = demo ? { '/dist/': join(root, 'dist'), '/': join(root, 'demo') } : {};
  app = await buildApp({ config, db, staticDirs });
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
  await app.listen({ port: config.port, host: config.host });
  if (demo) {
    const origin = `http://${config.host}:${(app.server.address() as { port: number }).port}`;
    console.log(`Demo intranet page: ${origin}/\nJSON endpoint:      ${origin}/api (${db.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
