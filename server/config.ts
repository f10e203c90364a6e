// Every setting of the endpoint, read from the environment once and validated here.
import { resolve } from 'node:path';

export type AuthMode = 'none';

export interface Config {
  /** Port to listen on (0: any free one, as tests use). */
  port: number;
  /** Address to bind: loopback unless the council puts it behind its own load balancer. */
  host: string;
  /** PostgreSQL 15+ connection string; absent: the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database, kept between starts. */
  dataDir: string;
  /** Origins allowed to call the endpoint from another site (CORS); none: same origin only. */
  corsOrigins: string[];
  /** Largest request body in bytes: an action with a long history is far below 1 MB. */
  bodyLimit: number;
  /** Requests per minute per signed-in person, or per address when signed out; 0: no limit. */
  rateLimit: number;
  /** Who is asking: `none` (everyone signed out, with full rights; loopback use only). */
  auth: AuthMode;
  /** Log level for the JSON logs (`silent` in tests). */
  logLevel: string;
  /** The demo (`npm start`) puts its sample plans back on this start (AP_RESET=1). */
  resetSample: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number of 0 or more, not "${raw}".`);
  return value;
}

/** The configuration from `env`; throws ConfigError naming the setting that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const auth = env.AP_AUTH || 'none';
  if (auth !== 'none') throw new ConfigError(`AP_AUTH must be "none" in this version, not "${auth}".`);
  const port = whole(env, 'PORT', 8080);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, not ${port}.`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.AP_DATA_DIR || '.data'),
    corsOrigins: (env.AP_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    bodyLimit: whole(env, 'AP_BODY_LIMIT', 1024 * 1024),
    rateLimit: whole(env, 'AP_RATE_LIMIT', 600),
    auth,
    logLevel: env.AP_LOG_LEVEL || 'info',
    resetSample: env.AP_RESET === '1',
  };
}
