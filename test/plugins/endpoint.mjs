// Sync tests' server side: real json-server endpoints (fresh in-memory data per call) behind the
// fault-injecting proxy, both on free ports of 127.0.0.1. Controlled from tests by server commands.
import http from 'node:http';
import { createEndpoint, createFaultProxy, emptyData } from '../../scripts/endpoint.mjs';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

export function endpointPlugin() {
  const endpoints = new Map();
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
        endpoints.set(id, createEndpoint({ ...emptyData(), ...payload?.data }, { plain: Boolean(payload?.plain) }));
        return { id, url: `${origin}/e/${id}` };
      }
      if (command === 'endpoint-faults') {
        proxy.setFaults(`/e/${payload.id}/`, payload.faults ?? []);
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
