// Sync tests' server side: real endpoints, fresh per call, behind the fault-injecting proxy, all on free
// ports of 127.0.0.1. An endpoint is our server on a fresh PostgreSQL database (`kind: 'ours'`; `auth: 'dev'`
// signs in its demo people, see test/server/browser-endpoints.ts) or json-server 0.17.4 (in memory; `plain`
// leaves out our middleware). Controlled by server commands.
import http from 'node:http';
import { tsImport } from 'tsx/esm/api';
import { createEndpoint, createFaultProxy, emptyData } from '../../scripts/endpoint.mjs';

/**
 * Sign-in on json-server, for the widgets' tests: a bearer token names a person (`people`: token to
 * `/me` answer); `/me` answers them, any request without a known token is 401, and lists leave out
 * restricted actions for people outside their lead agency (as our endpoint filters reads).
 */
function signIn(people) {
  const personOf = (req) => people[/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''];
  const sees = (person, record) =>
    record?.visibility !== 'restricted' || Object.values(person.plans).some((m) => m.role === 'officer' || m.agencies.includes(record.leadAgency));
  return {
    before(req, res, next) {
      const person = personOf(req);
      if (!person) return res.status(401).json({ error: 'Your sign-in has expired.' });
      if (req.path === '/me') return res.json(person);
      next();
    },
    filter(req, data) {
      const person = personOf(req);
      return Array.isArray(data) && person ? data.filter((record) => sees(person, record)) : data;
    },
  };
}

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

export function endpointPlugin() {
  const jsonServers = new Map();
  const peopleOf = new Map();
  let count = 0;
  let proxy;
  let origin;
  // Our server's TypeScript and its PostgreSQL, started while the browsers start (a test's command
  // waits at most 20 s, less than a cold start on a busy machine).
  let ours;
  let processes;
  const loadOurs = () => (ours ??= tsImport('../server/browser-endpoints.ts', import.meta.url).then(async (module) => (await module.warmUp(), module)));
  return {
    name: 'ap-endpoint',
    async serverStart() {
      // One server routes /e/{n}/... to endpoint n, so each test gets fresh data cheaply.
      const real = http.createServer(async (req, res) => {
        const match = /^\/e\/(\d+)(\/.*)?$/.exec(req.url.split('?')[0]);
        if (!match) return res.writeHead(404).end();
        req.url = req.url.replace(`/e/${match[1]}`, '') || '/';
        const app = jsonServers.get(match[1]);
        if (app) return app(req, res);
        if (!(await loadOurs()).routeToOurEndpoint(match[1], req, res)) res.writeHead(404).end();
      });
      loadOurs().catch(() => {}); // a failure is reported by the first test that needs it
      const realPort = await listen(real);
      proxy = createFaultProxy(`http://127.0.0.1:${realPort}`);
      origin = `http://127.0.0.1:${await listen(proxy.server)}`;
    },
    async serverStop() {
      proxy?.server.closeAllConnections?.();
      proxy?.server.close();
      await (await ours?.catch(() => undefined))?.closeOurEndpoints();
    },
    async executeCommand({ command, payload }) {
      if (command === 'endpoint-create') {
        const id = String(++count);
        if (payload?.kind === 'ours') await (await loadOurs()).createOurEndpoint(id, payload.data, { auth: payload.auth, origin: payload.origin });
        else {
          // `without`: collections the db.json leaves out, as a council's first json-server set-up might.
          const data = Object.fromEntries(Object.entries({ ...emptyData(), ...payload?.data }).filter(([name]) => !payload?.without?.includes(name)));
          const people = payload?.people && { ...payload.people };
          if (people) peopleOf.set(id, people);
          jsonServers.set(id, createEndpoint(data, { plain: Boolean(payload?.plain), ...(people ? signIn(people) : {}) }));
        }
        return { id, url: `${origin}/e/${id}` };
      }
      if (command === 'endpoint-faults') {
        proxy.setFaults(`/e/${payload.id}/`, payload.faults ?? []);
        return true;
      }
      if (command === 'endpoint-people') {
        // Tokens that expire and people whose rights change: replaced in place, the server reads them per request.
        const people = peopleOf.get(payload.id);
        for (const token of Object.keys(people)) delete people[token];
        Object.assign(people, payload.people);
        return true;
      }
      if (command === 'endpoint-lapse') {
        (await loadOurs()).lapseToken(payload.id, payload.token, payload.lapsed);
        return true;
      }
      if (command === 'endpoint-data') return jsonServers.get(payload.id)?.db.getState() ?? (await (await loadOurs()).ourEndpointData(payload.id));
      if (command === 'endpoint-requests') {
        const all = proxy.requests.splice(0);
        const mine = (request) => request.url.startsWith(`/e/${payload.id}/`);
        proxy.requests.push(...all.filter((request) => !mine(request)));
        return all.filter(mine);
      }
      // Server processes over one database, for pages on different servers: { urls } of their /api,
      // urls null while they are still starting (a command must answer within 20 s: the test asks again).
      if (command === 'endpoint-processes') {
        processes ??= loadOurs().then((module) => module.startServerProcesses(payload.count, payload.origin, payload.data));
        const urls = await Promise.race([processes, new Promise((resolve) => setTimeout(() => resolve(null), 15_000))]);
        if (urls) processes = undefined;
        return { urls };
      }
      return undefined;
    },
  };
}
