// The database the config names: PostgreSQL at DATABASE_URL, else the embedded one in AP_DATA_DIR.
import type { Config } from '../config.js';
import type { Db } from './db.js';
import { embeddedDb } from './embedded.js';
import { postgresDb } from './postgres.js';

export const openDb = (config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> =>
  config.databaseUrl ? Promise.resolve(postgresDb(config.databaseUrl)) : embeddedDb(config.dataDir);
