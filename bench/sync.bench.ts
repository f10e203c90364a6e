// Row 6: the first pull of a 10,000-action plan from our endpoint (server/, on the test run's
// PostgreSQL) against fetch + idb put of the same records in the largest pages the endpoint gives.
import { executeServerCommand } from '@web/test-runner-commands';
import type { IDBPDatabase } from 'idb';
import { generatePlan } from '../demo/data/generate.js';
import { COLLECTIONS } from '../src/model/index.js';
import { ActionPlanStore } from '../src/store/index.js';
import { PULL_PAGE_SIZE, RestAdapter, SyncEngine } from '../src/sync/index.js';
import { compare, dropRaw, dropStore, freshName, putAll, rawDatabase, type Contender } from './harness.js';

const COUNT = 10_000;
// Our endpoint's largest page (_limit is capped there): "one fetch of everything" as near as it allows.
const LARGEST_PAGE = 5_000;

async function fetchJson(url: string): Promise<unknown[]> {
  const response = await fetch(url);
  return response.json();
}

describe('sync', () => {
  it('6 pulls 10,000 records from our endpoint', async () => {
    const plan = generatePlan({ actions: COUNT, seed: 6 });
    const planId = plan.plans[0]!.id;
    const { url } = (await executeServerCommand('endpoint-create', { kind: 'ours', data: plan })) as { url: string };
    const pagesOf = (size: number): Contender<IDBPDatabase> => ({
      name: `fetch + idb put, ${size.toLocaleString('en-GB')}-record pages`,
      setup: rawDatabase,
      run: async (db) => {
        for (const collection of COLLECTIONS) {
          for (let start = 0; ; start += size) {
            const query = new URLSearchParams({ planId, _sort: 'updatedAt,id', _order: 'asc,asc', _start: String(start), _limit: String(size) });
            const page = await fetchJson(`${url}/${collection}?${query}`);
            await putAll(db, collection, page);
            if (page.length < size) break;
          }
        }
      },
      teardown: dropRaw,
    });

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
    await compare({
      row: '6',
      name: `first pull of ${COUNT.toLocaleString('en-GB')} actions from our endpoint (pages of ${PULL_PAGE_SIZE.toLocaleString('en-GB')})`,
      target: 1.5,
      // Each round pulls 10,000 records three times over HTTP.
      maxIterations: 3,
      ours: engine,
      baseline: pagesOf(LARGEST_PAGE),
      reference: pagesOf(PULL_PAGE_SIZE),
    });
  });
});
