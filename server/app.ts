// Builds the endpoint's Fastify app from a config object and an open database (tests build it too).
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { signInFor } from './auth/index.js';
import { SignInRefusedError, SignInUnavailableError } from './auth/errors.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { HttpError } from './errors.js';
import { collectionRoutes } from './routes/collections.js';
import { healthRoutes } from './routes/health.js';
import { meRoutes } from './routes/me.js';
import { personOf, type Person } from './policy/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, as the permission rules need it (set for /api requests). */
    person: Person;
  }
}

export interface AppOptions {
  config: Config;
  db: Db;
  /** Folders served as they are (the demo pages, the built widgets), by URL prefix. */
  staticDirs?: Record<string, string>;
}

/** Fastify's own refusals, worded for a person. */
function worded(error: FastifyError, config: Config): HttpError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'Send the record as JSON, with Content-Type: application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, `The body is larger than this endpoint takes (${config.bodyLimit} bytes, AP_BODY_LIMIT).`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'The body is empty: send the record as JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'The body is not valid JSON.');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return new HttpError(400, `The request is not valid: ${error.message}`);
  return new HttpError(error.statusCode ?? 500, error.message);
}

/** 403 for a write whose Origin is neither this endpoint's own nor one of AP_CORS_ORIGINS. */
function refuseOtherSites(headers: IncomingHttpHeaders, corsOrigins: readonly string[]): void {
  const origin = headers.origin;
  if (origin === undefined || corsOrigins.includes(origin)) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== undefined && host === headers.host) return;
  throw new HttpError(403, `This change came from a page on ${origin.slice(0, 100)}, which is not this endpoint's site: changes are taken only from the plan's own pages (or the sites in AP_CORS_ORIGINS).`);
}

export async function buildApp({ config, db, staticDirs = {} }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON logs with request ids; the default serialisers leave bodies (personal data) out.
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Ids are case-sensitive and may contain what encodeURIComponent leaves.
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: true },
  });
  // Records are JSON: a text/plain body (Fastify reads those by default) is refused with 415.
  app.removeContentTypeParser('text/plain');
  const signIn = signInFor(config);
  const signedOut = personOf(undefined, { admins: [], open: signIn.mode === 'none' });
  app.decorateRequest('person', undefined as unknown as Person);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    request.person = signedOut;
    if (!request.url.startsWith('/api/') && request.url !== '/api') return;
    try {
      request.person = personOf(await signIn.identify(request), { admins: config.admins, open: signIn.mode === 'none' });
    } catch (error) {
      if (error instanceof SignInRefusedError) {
        if (signIn.mode === 'jwt') reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new HttpError(401, error.message);
      }
      if (error instanceof SignInUnavailableError) {
        reply.header('Retry-After', '30');
        throw new HttpError(503, error.message);
      }
      throw error;
    }
    // A cookie or a front end's session goes with any site's request: refuse a write from another site's page.
    if (signIn.ambient && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) refuseOtherSites(request.headers, config.corsOrigins);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = error instanceof HttpError ? error : worded(error, config);
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
    const message = answer.status >= 500 && !(error instanceof HttpError) ? 'The endpoint failed to answer; try again later.' : answer.message;
    if (answer.status === 405) reply.header('Allow', 'GET, POST');
    return reply.code(answer.status).send({ error: message, ...answer.extra });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` }));

  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    // A browser asks before each PUT (If-Match): let it remember the answer for ten minutes.
    maxAge: 600,
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
  });
  if (config.rateLimit > 0) {
    await app.register(rateLimit, {
      max: config.rateLimit,
      timeWindow: 60_000,
      keyGenerator: (request) => (request.person?.identity ? `person:${request.person.identity.id}` : `address:${request.ip}`),
      errorResponseBuilder: (_request, context) => new HttpError(429, `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
    });
  }

  healthRoutes(app, db);
  meRoutes(app, db, signIn);
  collectionRoutes(app, db);
  for (const [prefix, root] of Object.entries(staticDirs)) {
    await app.register(fastifyStatic, { root, prefix, decorateReply: false, index: 'index.html' });
  }
  return app;
}
