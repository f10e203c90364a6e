// The demo endpoint: json-server 0.17.4 (as a library) plus our concurrency middleware, and a
// fault-injecting proxy for the sync tests. Shared by scripts/serve.mjs and test/plugins/endpoint.mjs.
import http from 'node:http';
import jsonServer from 'json-server';

export const COLLECTIONS = ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'];

const sendJson = (res, status, body) => res.status(status).json(body);

/**
 * "An endpoint that does concurrency right": updatedAt from the server clock, the server owns
 * `version`, a stale If-Match answers 412 with the current record, DELETE becomes a tombstone.
 */
export function concurrency(router) {
  return (req, res, next) => {
    const [, collection, id] = req.path.split('/');
    if (!COLLECTIONS.includes(collection) || req.method === 'GET') return next();
    const table = router.db.get(collection);
    const current = id ? table.getById(decodeURIComponent(id)).value() : undefined;
    const now = new Date().toISOString();
    if (req.method === 'POST') {
      if (req.body?.id !== undefined && table.getById(String(req.body.id)).value()) {
        return sendJson(res, 409, { error: `A record with id ${req.body.id} already exists.`, current: table.getById(String(req.body.id)).value() });
      }
      req.body = { ...req.body, version: 1, updatedAt: now };
      return next();
    }
    if (!current) return sendJson(res, 404, { error: `There is no record ${id} in ${collection}.` });
    const ifMatch = req.get('If-Match')?.replace(/^W\//, '').replace(/"/g, '');
    if (ifMatch !== undefined && ifMatch !== '*' && Number(ifMatch) !== (current.version ?? 0)) {
      return sendJson(res, 412, { error: `The record changed on the server (version ${current.version ?? 0}).`, current });
    }
    const stamped = { version: (current.version ?? 0) + 1, updatedAt: now };
    if (req.method === 'DELETE') {
      const tombstone = table.updateById(current.id, { deleted: true, ...stamped }).value();
      router.db.write?.();
      return sendJson(res, 200, tombstone);
    }
    // Check and write in one synchronous step: passed on to json-server's router, concurrent PUTs of
    // one version could all pass the check before the first write (measured: 11 of 20 answered 200).
    const saved = table.replaceById(current.id, { ...req.body, id: current.id, ...stamped }).value();
    router.db.write?.();
    return sendJson(res, 200, saved);
  };
}

/** JSON errors instead of json-server's HTML stack traces. */
export function jsonErrors(error, req, res, next) {
  if (res.headersSent) return next(error);
  const status = error.status ?? (/duplicate id/.test(error.message) ? 409 : 500);
  sendJson(res, status, { error: error.message });
}

/**
 * An express app serving `data` (a file path or an in-memory object); `plain` leaves out our middleware;
 * `before` runs first (the tests' sign-in), `filter(req, data)` changes what a read answers.
 */
export function createEndpoint(data, { plain = false, before, filter } = {}) {
  const app = jsonServer.create();
  const router = jsonServer.router(data);
  if (filter) router.render = (req, res) => res.jsonp(filter(req, res.locals.data));
  if (before) app.use(before);
  app.use(jsonServer.bodyParser);
  if (!plain) app.use(concurrency(router));
  app.use(router);
  if (!plain) app.use(jsonErrors);
  app.db = router.db;
  return app;
}

/** An empty database with every collection, for json-server's routes. */
export const emptyData = () => Object.fromEntries(COLLECTIONS.map((name) => [name, []]));

function cors(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Location, X-Total-Count');
  res.setHeader('Vary', 'Origin');
}

function forward(target, req, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url, target);
    const headers = { ...req.headers, host: url.host };
    const upstream = http.request(url, { method: req.method, headers }, (answer) => {
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode, headers: answer.headers, body: Buffer.concat(chunks) }));
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/**
 * A proxy in front of `target` that answers CORS on everything (injected answers too) and applies
 * faults: { kind: drop | delay | status | timeout | cut | twice | html | page, path?, method?, status?,
 * headers?, body?, raw?, ms?, times?, count?, record? }, per URL prefix (`scope`), so endpoints tested side by side keep
 * their own. A fault matches a request under its scope whose URL contains `path`.
 */
export function createFaultProxy(target) {
  const faultsByScope = new Map();
  const requests = [];
  const server = http.createServer(async (req, res) => {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      return res.writeHead(204).end();
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    requests.push({ method: req.method, url: req.url, ifMatch: req.headers['if-match'], authorization: req.headers.authorization });
    const faults = [...faultsByScope].filter(([scope]) => req.url.startsWith(scope)).flatMap(([, list]) => list);
    const fault = faults.find((f) => (!f.method || f.method === req.method) && (!f.path || req.url.includes(f.path)) && f.times !== 0);
    if (fault) fault.times = (fault.times ?? 1) - 1;
    const kind = fault?.kind;
    if (kind === 'drop') return req.socket.destroy();
    if (kind === 'timeout') return; // never answers: the client's timeout must fire
    if (kind === 'status') return res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers }).end(fault.raw ?? JSON.stringify(fault.body ?? { error: 'Injected fault' }));
    // A page of `count` copies of `record` (ids numbered), made here: too big to send from a test page.
    if (kind === 'page') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(Array.from({ length: fault.count }, (_, i) => ({ ...fault.record, id: `${fault.record.id}-${i}` }))));
    if (kind === 'html') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Sign in to the Wi-Fi</title><p>Please sign in.</p>');
    if (kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 500));
    try {
      if (kind === 'twice') await forward(target, req, body);
      const answer = await forward(target, req, body);
      if (kind === 'cut') return req.socket.destroy();
      const headers = { ...answer.headers };
      for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      res.writeHead(answer.status, headers).end(answer.body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  });
  return {
    server,
    requests,
    setFaults(scope, list) {
      faultsByScope.set(scope, list.map((fault) => ({ ...fault })));
    },
  };
}
