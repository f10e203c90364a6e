// Applies server/db/migrations/NNN-name.sql in order, each once, in its own transaction under a
// transaction-level advisory lock, so instances starting together migrate once (and PgBouncer is fine).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

// Next to this module: server/db/migrations in the sources, build/server/migrations in the build.
const MIGRATIONS = fileURLToPath(new URL('migrations/', import.meta.url));
// Any constant both databases agree on: "ap-migrations" as a number.
const LOCK_KEY = 7_041_650_001;

/** Names of the migrations applied by this call (empty when the database was up to date). */
export async function migrate(db: Db, dir = MIGRATIONS): Promise<string[]> {
  const files = readdirSync(dir).filter((name) => /^\d{3}-[\w-]+\.sql$/.test(name)).sort();
  const applied: string[] = [];
  for (const name of files) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await tx.query('CREATE TABLE IF NOT EXISTS migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await tx.query('SELECT 1 FROM migrations WHERE name = $1', [name]);
      if (rows.length > 0) return false;
      await tx.exec(readFileSync(join(dir, name), 'utf8'));
      await tx.query('INSERT INTO migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
