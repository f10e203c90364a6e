// `npm run endpoint:import -- FILE`: migrates the database, then loads a json-server db.json or our
// JSON export. Reports each quarantined record; exits 0 unless the file or the database cannot be used.
import { readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { loadRecords } from './db/load.js';
import { migrate } from './db/migrate.js';
import { openDb } from './db/open.js';

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('Name the file to import: npm run endpoint:import -- db.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const db = await openDb(loadConfig());
  try {
    await migrate(db);
    const report = await loadRecords(db, data);
    for (const { collection, id, problem } of report.quarantined) console.log(`Quarantined ${collection} ${id}: ${problem}`);
    console.log(`Imported ${report.loaded} records; skipped ${report.skipped} already there; quarantined ${report.quarantined.length}.`);
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
