// Every setting of the endpoint, read from the environment once and validated here.
import { resolve } from 'node:path';

export const AUTH_MODES = ['jwt', 'proxy', 'dev', 'none'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

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
  /** Who is asking (README "Sign-in and permissions"): `jwt`, `proxy`, `dev` (demo, loopback only) or `none` (no sign-in, full rights, loopback only). */
  auth: AuthMode;
  /** `jwt`: the token issuer and audience; the keys from `jwksUrl`, else the issuer's discovery document. */
  oidc: { issuer: string; audience: string; jwksUrl: string | undefined };
  /** `proxy`: the front end is trusted by this shared secret or by its addresses; the user header for IIS, Apache, nginx. */
  proxy: { secret: string | undefined; trustedProxies: string[]; userHeader: string | undefined };
  /** User keys or emails of officers of every plan: the way in for the first officer. */
  admins: string[];
  /** NODE_ENV: `production` refuses `dev` sign-in. */
  nodeEnv: string | undefined;
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

const list = (raw: string | undefined) => (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** The configuration from `env`; throws ConfigError naming the setting that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const auth = (env.AP_AUTH || 'none') as AuthMode;
  if (!AUTH_MODES.includes(auth)) throw new ConfigError(`AP_AUTH must be one of ${AUTH_MODES.join(', ')}, not "${auth}".`);
  const port = whole(env, 'PORT', 8080);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, not ${port}.`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.AP_DATA_DIR || '.data'),
    corsOrigins: list(env.AP_CORS_ORIGINS),
    bodyLimit: whole(env, 'AP_BODY_LIMIT', 1024 * 1024),
    rateLimit: whole(env, 'AP_RATE_LIMIT', 600),
    auth,
    oidc: { issuer: env.AP_OIDC_ISSUER ?? '', audience: env.AP_OIDC_AUDIENCE ?? '', jwksUrl: env.AP_OIDC_JWKS_URL || undefined },
    proxy: { secret: env.AP_PROXY_SECRET || undefined, trustedProxies: list(env.AP_TRUSTED_PROXIES), userHeader: env.AP_PROXY_USER_HEADER || undefined },
    admins: list(env.AP_ADMINS),
    nodeEnv: env.NODE_ENV,
    logLevel: env.AP_LOG_LEVEL || 'info',
    resetSample: env.AP_RESET === '1',
  };
}
