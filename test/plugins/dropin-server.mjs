// A second real HTTP server for the drop-in's load tests: it serves the built dist/ (what a council
// copies to its site) and a json-server endpoint seeded with the sample plan, and records every
// JavaScript file a page fetches from it, so the budget test measures what a page really loads.
// Commands: `dropin-server` with { action: 'start' } (answers the origin), 'requests' (the files
// fetched, each gzipped at level 9, and the page budget), 'hold' with { part } (the chunks of that
// part are answered only on 'release': a slow network), 'release' and 'stop' (the server is gone:
// the page is offline). Each test page has a server of its own, so test files may run side by side.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createEndpoint, emptyData } from '../../scripts/endpoint.mjs';
import { PAGE_BUDGET_BYTES } from '../../scripts/bundle-size.mjs';

export function dropinServerPlugin(root) {
  const pages = new Map();
  return {
    name: 'ap-dropin-server',
    async executeCommand({ command, payload, session }) {
      if (command !== 'dropin-server') return undefined;
      const page = pages.get(session.id) ?? pages.set(session.id, { requested: [] }).get(session.id);
      const { server } = page;
      if (payload.action === 'start') {
        const snapshot = JSON.parse(await readFile(join(root, 'demo/data/plan-2023-24.json'), 'utf8'));
        const api = createEndpoint({ ...emptyData(), plans: [snapshot.plan], priorities: snapshot.priorities, actions: snapshot.actions, audits: snapshot.audits, recommendations: snapshot.recommendations });
        page.requested = [];
        const server = (page.server = http.createServer(async (req, res) => {
          // The test page (another origin) loads the entry as a module and syncs with /api.
          res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
          res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
          res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
          if (req.method === 'OPTIONS') return res.writeHead(204).end();
          const path = req.url.split('?')[0];
          if (path.startsWith('/api/') || path === '/api') {
            req.url = req.url.slice(4) || '/';
            return api(req, res);
          }
          if (!/^\/dist\/[\w.-]+\.js$/.test(path)) return res.writeHead(404).end();
          try {
            const code = await readFile(join(root, normalize(path)));
            page.requested.push({ path, gzip: gzipSync(code, { level: 9 }).length });
            if (page.held && path.includes(`-${page.held.part}-`)) await page.held.released;
            res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code);
          } catch {
            res.writeHead(404).end();
          }
        }));
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${server.address().port}`;
      }
      if (payload.action === 'requests') return { budget: PAGE_BUDGET_BYTES, files: page.requested };
      if (payload.action === 'hold') {
        let release;
        const released = new Promise((resolve) => (release = resolve));
        page.held = { part: payload.part, released, release };
        return true;
      }
      if (payload.action === 'release') {
        page.held?.release();
        page.held = undefined;
        return true;
      }
      if (payload.action === 'stop') {
        pages.delete(session.id);
        if (!server?.listening) return true;
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        return true;
      }
      return undefined;
    },
  };
}
