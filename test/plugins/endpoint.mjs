// Sync tests' server side: real json-server endpoints (fresh in-memory data per call) behind the
// fault-injecting proxy, both on free ports of 127.0.0.1. Controlled from tests by server commands.
import http from 'node:http';
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
  const endpoints = new Map();
  const peopleOf = new Map();
  let proxy;
  let origin;
  return {
    name: 'ap-endpoint',
    async serverStart() {
      // One server routes /e/{n}/... to endpoint n, so each test gets fresh data cheaply.
      const real = http.createServer((req, res) => {
        const match = /^\/e\/(\d+)(\/.*)?$/.exec(req.url.split('?')[0]);
        const app = match && endpoints.get(match[1]);
        if (!app) return res.writeHead(404).end();
        req.url = req.url.replace(`/e/${match[1]}`, '') || '/';
        app(req, res);
      });
      const realPort = await listen(real);
      proxy = createFaultProxy(`http://127.0.0.1:${realPort}`);
      origin = `http://127.0.0.1:${await listen(proxy.server)}`;
    },
    async serverStop() {
      proxy?.server.closeAllConnections?.();
      proxy?.server.close();
    },
    async executeCommand({ command, payload }) {
      if (command === 'endpoint-create') {
        const id = String(endpoints.size + 1);
        const people = payload?.people && { ...payload.people };
        if (people) peopleOf.set(id, people);
        endpoints.set(id, createEndpoint({ ...emptyData(), ...payload?.data }, { plain: Boolean(payload?.plain), ...(people ? signIn(people) : {}) }));
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
      if (command === 'endpoint-data') return endpoints.get(payload.id)?.db.getState();
      if (command === 'endpoint-requests') {
        const all = proxy.requests.splice(0);
        const mine = (request) => request.url.startsWith(`/e/${payload.id}/`);
        proxy.requests.push(...all.filter((request) => !mine(request)));
        return all.filter(mine);
      }
      return undefined;
    },
  };
}
