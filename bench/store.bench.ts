// Rows 2 and 3: the store against raw `idb` (same object store and indexes) and Dexie.
import Dexie from 'dexie/dist/dexie.mjs';
import type { IDBPDatabase } from 'idb';
import { generatePlan, type GenAction } from '../demo/data/generate.js';
import { countRag, type Action } from '../src/model/index.js';
import { ActionPlanStore } from '../src/store/index.js';
import { compare, dropRaw, dropStore, freshName, putAll, rawDatabase, type Contender } from './harness.js';

const COUNT = 10_000;
const TODAY = '2024-01-15';
const plan = generatePlan({ actions: COUNT, seed: 8 });
const actions = plan.actions;
const priorityIds = plan.priorities.map((priority) => priority.id);
// New local actions as an import makes them: no server fields yet.
const localActions = actions.map(({ version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...action }) => action) as unknown as (Partial<Action> & { id: string })[];

class DexiePlan extends Dexie {
  actions!: Dexie.Table<GenAction, string>;
  constructor() {
    super(freshName('dexie'));
    this.version(1).stores({ actions: 'id, planId, updatedAt, priorityId, status' });
  }
}

async function dexieDatabase(records: readonly GenAction[] = []): Promise<DexiePlan> {
  const db = new DexiePlan();
  await db.open();
  if (records.length) await db.actions.bulkPut([...records]);
  return db;
}

async function openStore(): Promise<ActionPlanStore> {
  return ActionPlanStore.open(freshName('store'));
}

const rawPut: Contender<IDBPDatabase> = { name: 'raw idb put, one transaction', setup: () => rawDatabase(), run: (db) => putAll(db, 'actions', actions), teardown: dropRaw };
const dexieBulkPut: Contender<DexiePlan> = { name: 'Dexie bulkPut', setup: () => dexieDatabase(), run: (db) => db.actions.bulkPut(actions), teardown: (db) => db.delete() };

const summarise = (byPriority: readonly (readonly Action[])[]) => countRag(byPriority.flat(), TODAY);

describe('store', () => {
  it('2a applies 10,000 pulled records', async () => {
    await compare({
      row: '2a',
      name: `applyPulled ${COUNT.toLocaleString('en-GB')} actions (validated)`,
      target: 1.2,
      ours: { name: 'store.applyPulled', setup: openStore, run: (store) => store.applyPulled('actions', actions), teardown: dropStore },
      baseline: rawPut,
      reference: dexieBulkPut,
    });
  });

  it('2b imports 10,000 new local actions', async () => {
    await compare({
      row: '2b',
      name: `importLocal ${COUNT.toLocaleString('en-GB')} actions (+ outbox, history)`,
      target: 3.5,
      ours: { name: 'store.importLocal', setup: openStore, run: (store) => store.importLocal('actions', localActions, { by: 'Bench' }), teardown: dropStore },
      baseline: rawPut,
      reference: dexieBulkPut,
    });
  });

  it('3 queries 10,000 actions by priority and builds the RAG summary', async () => {
    // Read-only: each contender fills one database once and queries it every round.
    const store = openStore().then(async (store) => (await store.applyPulled('actions', actions), store));
    const raw = rawDatabase().then(async (db) => (await putAll(db, 'actions', actions), db));
    const dexie = dexieDatabase(actions);
    await compare({
      row: '3',
      name: `query ${COUNT.toLocaleString('en-GB')} actions by priority + countRag`,
      ours: {
        name: 'store.query + countRag',
        setup: () => store,
        run: async (store) => summarise(await Promise.all(priorityIds.map((value) => store.query('actions', { index: 'priorityId', value })))),
      },
      baseline: {
        name: 'raw idb getAllFromIndex + countRag',
        setup: () => raw,
        run: async (db) => summarise((await Promise.all(priorityIds.map((value) => db.getAllFromIndex('actions', 'priorityId', value)))) as Action[][]),
      },
      reference: {
        name: 'Dexie where().equals() + countRag',
        setup: () => dexie,
        run: async (db) => summarise((await Promise.all(priorityIds.map((value) => db.actions.where('priorityId').equals(value).toArray()))) as unknown as Action[][]),
      },
    });
    await Promise.all([dropStore(await store), dropRaw(await raw), (await dexie).delete()]);
  });
});
