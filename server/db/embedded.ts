// Db on PGlite (PostgreSQL in WebAssembly) in a folder. It has one connection, so every query and
// transaction waits its turn here; a lock file keeps a second process out of the folder.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes `dir/lock` for this process, or throws when a live process holds it; returns its release. */
function lock(dir: string): () => void {
  const file = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new DataDirInUseError(`The database in ${dir} is in use by process ${holder} (a running endpoint). Stop it first, or set DATABASE_URL to use PostgreSQL.`);
      }
      // Left by a process that has gone (killed): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not take the lock on ${dir}.`);
}

export async function embeddedDb(dir: string): Promise<Db> {
  mkdirSync(dir, { recursive: true });
  const release = lock(dir);
  const exitHook = () => release();
  process.once('exit', exitHook);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(dir, 'pgdata'));
  } catch (error) {
    release();
    throw error;
  }
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work);
    turn = result.catch(() => {});
    return result;
  };
  const raw: Queryable = { query: (sql, params) => pglite.query(sql, params) as never, exec: async (sql) => void (await pglite.exec(sql)) };
  return {
    kind: 'embedded',
    query: (sql, params) => inTurn(() => raw.query(sql, params)),
    exec: (sql) => inTurn(() => raw.exec(sql)),
    transaction: (work) =>
      inTurn(async () => {
        await pglite.query('BEGIN');
        try {
          const result = await work(raw);
          await pglite.query('COMMIT');
          return result;
        } catch (error) {
          await pglite.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    async close() {
      await inTurn(() => pglite.close());
      release();
      process.off('exit', exitHook);
    },
  };
}
