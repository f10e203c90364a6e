// Row 6: the first pull of a 10,000-action plan from the demo endpoint (json-server with our
// middleware, started by the test config) against fetch + idb doing the same requests.
import { executeServerCommand } from '@web/test-runner-commands';
import type { IDBPDatabase } from 'idb';
import { generatePlan } from '../demo/data/generate.js';
import { COLLECTIONS } from '../src/model/index.js';
import { ActionPlanStore } from '../src/store/index.js';
import { RestAdapter, SyncEngine } from '../src/sync/index.js';
import { compare, dropRaw, dropStore, freshName, putAll, rawDatabase, type Contender } from './harness.js';

const COUNT = 10_000;
// The engine's default page size, so both sides make the same requests.
const PAGE = 100;

async function fetchJson(url: string): Promise<unknown[]> {
  const response = await fetch(url);
  return response.json();
}

describe('sync', () => {
  it('6 pulls 10,000 records from the demo endpoint', async () => {
    const plan = generatePlan({ actions: COUNT, seed: 6 });
    const planId = plan.plans[0]!.id;
    const { url } = (await executeServerCommand('endpoint-create', { data: plan })) as { url: string };
    const pageUrl = (collection: string, start: number) =>
      `${url}/${collection}?${new URLSearchParams({ planId, _sort: 'updatedAt,id', _order: 'asc,asc', _start: String(start), _limit: String(PAGE) })}`;

    const engine: Contender<ActionPlanStore> = {
      name: 'SyncEngine first pull',
      setup: () => ActionPlanStore.open(freshName('pull')),
      run: async (store) => {
        const sync = new SyncEngine({ store, adapter: new RestAdapter(url), planId, intervalMs: 3_600_000 });
        await new Promise<void>((resolve) => {
          sync.subscribe((state) => state.lastSynced && state.state === 'idle' && resolve());
          sync.start();
        });
        sync.stop();
      },
      teardown: dropStore,
    };
    const rawPaged: Contender<IDBPDatabase> = {
      name: `fetch + idb put, same ${PAGE}-record pages`,
      setup: rawDatabase,
      run: async (db) => {
        for (const collection of COLLECTIONS) {
          for (let start = 0; ; start += PAGE) {
            const page = await fetchJson(pageUrl(collection, start));
            await putAll(db, collection, page);
            if (page.length < PAGE) break;
          }
        }
      },
      teardown: dropRaw,
    };
    await compare({
      row: '6',
      name: `first pull of ${COUNT.toLocaleString('en-GB')} actions from the demo endpoint`,
      target: 1.5,
      // Each round pulls 10,000 records three times over HTTP.
      maxIterations: 3,
      ours: engine,
      baseline: rawPaged,
      reference: {
        name: 'fetch + idb put, one request per collection',
        setup: rawDatabase,
        run: async (db) => {
          for (const collection of COLLECTIONS) await putAll(db, collection, await fetchJson(`${url}/${collection}?planId=${planId}`));
        },
        teardown: dropRaw,
      },
    });
  });
});
