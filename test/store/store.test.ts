import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { ActionPlanStore, DatabaseBlockedError, ReloadNeededError, StorageUnavailableError, type StoreChange } from '../../src/store/index.js';
import { ValidationError } from '../../src/model/index.js';
import { PLAN, actionInput, caught, createV1, freshName, nextChange, priorityInput } from '../helpers.js';

const by = { by: 'J. Smith' };
const stores: ActionPlanStore[] = [];
async function open(name = freshName('store')) {
  const store = await ActionPlanStore.open(name);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe('ActionPlanStore', () => {
  it('creates, reads and queries records by index', async () => {
    const store = await open();
    await store.put('priorities', priorityInput({ id: 'p-1' }), by);
    await store.put('actions', actionInput({ id: 'a-1', status: 'blocked' }), by);
    await store.put('actions', actionInput({ id: 'a-2', priorityId: 'p-2' }), by);
    await store.put('actions', actionInput({ id: 'a-3', planId: 'other-plan' }), by);

    const saved = await store.get('actions', 'a-1');
    expect(saved).to.include({ id: 'a-1', title: 'Action a-1', status: 'blocked', progress: 0, version: 0, updatedBy: 'J. Smith', deleted: false });
    expect(Date.parse(saved!.updatedAt)).to.be.closeTo(Date.now(), 5000);
    expect((await store.query('actions', { value: PLAN })).map((a) => a.id).sort()).to.deep.equal(['a-1', 'a-2']);
    expect((await store.query('actions', { index: 'priorityId', value: 'p-2' })).map((a) => a.id)).to.deep.equal(['a-2']);
    expect((await store.query('actions', { index: 'status', value: 'blocked' })).map((a) => a.id)).to.deep.equal(['a-1']);
  });

  it('a write under way when the store is closed (a person switch, a page leaving) is kept, and its caller hears no closed-channel error', async () => {
    const outcomes: string[] = [];
    // The close lands at different points of the write's transaction: it must not matter where.
    for (const delay of [0, 1, 2, 5]) {
      const name = freshName('store-close');
      const store = await ActionPlanStore.open(name);
      const saving = store.put('actions', actionInput({ id: 'a-1' }), by);
      setTimeout(() => store.close(), delay);
      const error = await saving.then(() => undefined, (failure: Error) => failure);
      expect(error?.name ?? 'kept', `closed after ${delay} ms: ${error?.message}`).to.be.oneOf(['kept', 'DatabaseClosedError']);
      outcomes.push(error ? 'refused' : 'kept');
      const reopened = await open(name);
      expect(Boolean(await reopened.get('actions', 'a-1'))).to.equal(!error);
    }
    expect(outcomes, 'a write under way finishes').to.include('kept');
  });

  it('reads several records by id in one go, undefined where there is none, tombstones included', async () => {
    const store = await open();
    await store.put('actions', actionInput({ id: 'a-1' }), by);
    await store.put('actions', actionInput({ id: 'a-2' }), by);
    await store.remove('actions', 'a-2', by);

    const [first, missing, removed] = await store.getMany('actions', ['a-1', 'a-9', 'a-2']);
    expect(first).to.include({ id: 'a-1', title: 'Action a-1' });
    expect(missing).to.equal(undefined);
    expect(removed).to.include({ id: 'a-2', deleted: true });
    expect(await store.getMany('actions', [])).to.deep.equal([]);
  });

  it('rejects an invalid record with a ValidationError and writes nothing', async () => {
    const store = await open();
    const error = await store.put('actions', actionInput({ id: 'a-1', progress: 150 }), by).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).to.deep.equal(['progress']);
    expect(await store.get('actions', 'a-1')).to.equal(undefined);
    expect(await store.outbox()).to.have.length(0);
  });

  it('writes the record, its outbox entry and its history entry together; version is left alone', async () => {
    const store = await open();
    await store.put('actions', actionInput({ id: 'a-1' }), by);
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 40, owner: 'A. Patel' }, { by: 'A. Patel' });

    const outbox = await store.outbox();
    const actionEntries = outbox.filter((e) => e.collection === 'actions');
    expect(actionEntries.map((e) => [e.op, e.baseVersion, e.by])).to.deep.equal([
      ['create', 0, 'J. Smith'],
      ['create', 0, 'A. Patel'],
    ]);
    expect(actionEntries[1]!.record).to.include({ progress: 40, owner: 'A. Patel', version: 0 });
    const history = await store.query('history', { index: 'recordId', value: 'a-1' });
    expect(history).to.have.length(2);
    const edit = history.find((h) => h.by === 'A. Patel')!;
    expect(edit.changes).to.deep.equal([
      { field: 'progress', from: 0, to: 40 },
      { field: 'owner', from: undefined, to: 'A. Patel' },
    ]);
    // History is shared: each entry is queued for the endpoint too.
    expect(outbox.filter((e) => e.collection === 'history')).to.have.length(2);
  });

  it('saves the synced base copy on the first local edit only, and queues an update on that version', async () => {
    const store = await open();
    const pulled = { ...actionInput({ id: 'a-1', progress: 10 }), version: 3, updatedAt: '2024-01-01T10:00:00.000Z', updatedBy: 'server' };
    const result = await store.applyPulled('actions', [pulled]);
    expect(result.applied).to.have.length(1);
    expect(await store.outbox()).to.have.length(0);

    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 20 }, by);
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 30 }, by);
    expect(await store.base('actions', 'a-1')).to.include({ progress: 10, version: 3 });
    expect((await store.get('actions', 'a-1'))!.version).to.equal(3);
    const updates = (await store.outbox()).filter((e) => e.collection === 'actions');
    expect(updates.map((e) => [e.op, e.baseVersion])).to.deep.equal([
      ['update', 3],
      ['update', 3],
    ]);
  });

  it('a save that changes nothing writes nothing', async () => {
    const store = await open();
    const saved = await store.put('actions', actionInput({ id: 'a-1' }), by);
    await store.put('actions', { ...saved }, { by: 'Someone else' });
    expect(await store.outbox()).to.have.length(2);
  });

  it('soft-deletes with a tombstone that syncs', async () => {
    const store = await open();
    await store.put('actions', actionInput({ id: 'a-1' }), by);
    await store.remove('actions', 'a-1', by);
    expect(await store.query('actions', { value: PLAN })).to.have.length(0);
    const [tombstone] = await store.query('actions', { value: PLAN, includeDeleted: true });
    expect(tombstone).to.include({ id: 'a-1', deleted: true });
    expect((await store.outbox()).filter((e) => e.collection === 'actions').map((e) => e.op)).to.deep.equal(['create', 'delete']);
  });

  it('applies pulled records: valid ones written, invalid ones quarantined with the reason, pending edits left alone', async () => {
    const store = await open();
    await store.put('actions', actionInput({ id: 'a-mine', title: 'My edit' }), by);
    const result = await store.applyPulled('actions', [
      { ...actionInput({ id: 'a-good' }), version: 1 },
      { ...actionInput({ id: 'a-bad' }), version: 1, targetDate: '2024-02-30' },
      { ...actionInput({ id: 'a-mine', title: 'Server title' }), version: 2 },
      'not a record',
    ]);
    expect(result.applied.map((r) => r.id)).to.deep.equal(['a-good']);
    expect(result.pending.map((r) => r.id)).to.deep.equal(['a-mine']);
    expect((await store.get('actions', 'a-mine'))!.title).to.equal('My edit');
    const quarantined = await store.quarantined();
    expect(quarantined.map((q) => q.recordId)).to.deep.equal(['a-bad', undefined]);
    expect(quarantined[0]!.issues[0]).to.include({ code: 'invalid-date', path: 'targetDate' });
    expect(await store.get('actions', 'a-bad')).to.equal(undefined);
  });

  it('applies a pulled batch as one change, keeping fields it does not know and treating null as absent', async () => {
    const store = await open();
    const changes: StoreChange[] = [];
    store.subscribe({ collection: 'actions' }, (change) => changes.push(change));
    await store.applyPulled('actions', [
      { ...actionInput({ id: 'a-1' }), version: 1, councilRef: 'CSP-17', owner: null, progress: null },
      { ...actionInput({ id: 'a-2' }), version: 1 },
    ]);
    expect(changes.map((change) => change.ids)).to.deep.equal([['a-1', 'a-2']]);
    const stored = (await store.get('actions', 'a-1')) as Record<string, unknown>;
    expect(stored).to.include({ councilRef: 'CSP-17', owner: undefined, progress: 0 });
  });

  it('a write that fails part-way through a batch leaves none of the batch stored', async () => {
    const store = await open();
    await store.put('actions', actionInput({ id: 'a-2' }), by);
    // a-2 exists already: its add fails after a-1's, and the whole import goes with it.
    expect(await caught(store.importLocal('actions', [actionInput({ id: 'a-1' }), actionInput({ id: 'a-2' })], by))).to.have.property('name', 'ConstraintError');
    expect(await store.get('actions', 'a-1')).to.equal(undefined);
    // Only a-2's own save is queued and in the history.
    expect(await store.pendingCount()).to.equal(2);
    expect(await store.query('history', { value: PLAN })).to.have.length(1);
  });

  it('imports new local records in one transaction with outbox and history', async () => {
    const store = await open();
    const inputs = Array.from({ length: 50 }, (_, i) => actionInput({ id: `a-${i}` }));
    await store.importLocal('actions', inputs, by);
    expect(await store.query('actions', { value: PLAN })).to.have.length(50);
    expect((await store.outbox()).filter((e) => e.op === 'create')).to.have.length(50);
    expect(await store.query('history', { value: PLAN })).to.have.length(50);

    // One bad row: nothing at all is written.
    const again = [actionInput({ id: 'b-1' }), actionInput({ id: 'b-2', status: 'done' as never })];
    expect(await caught(store.importLocal('actions', again, by))).to.be.instanceOf(ValidationError);
    expect(await store.get('actions', 'b-1')).to.equal(undefined);
  });

  it('two store instances on one database (two tabs) see each other\'s changes', async () => {
    const name = freshName('tabs');
    const tabA = await open(name);
    const tabB = await open(name);
    const seen = nextChange<StoreChange>((callback) => tabB.subscribe({ collection: 'actions', planId: PLAN }, callback));
    await tabA.put('actions', actionInput({ id: 'a-1', title: 'From tab A' }), by);
    const change = await seen;
    expect(change).to.deep.include({ collection: 'actions', ids: ['a-1'], origin: 'remote' });
    expect((await tabB.get('actions', 'a-1'))!.title).to.equal('From tab A');
  });

  it('the change feed fires in this tab only for matching queries', async () => {
    const store = await open();
    const changes: StoreChange[] = [];
    store.subscribe({ collection: 'actions', planId: 'other-plan' }, (c) => changes.push(c));
    const mine = nextChange<StoreChange>((callback) => store.subscribe({ collection: 'actions', ids: ['a-1'] }, callback));
    await store.put('actions', actionInput({ id: 'a-1' }), by);
    expect((await mine).origin).to.equal('local');
    expect(changes).to.have.length(0);
  });
});

describe('ActionPlanStore migrations and faults', () => {
  it('upgrades a v1 database with data', async () => {
    const name = freshName('v1');
    (await createV1(name)).close();
    const store = await open(name);
    const old = await store.get('actions', 'old-1');
    expect(old).to.include({ title: 'Kept from v1', version: 0, deleted: false, updatedAt: '' });
    expect((await store.query('actions', { index: 'status', value: 'in-progress' })).map((a) => a.id)).to.deep.equal(['old-1']);
    await store.put('actions', { ...old!, progress: 50 }, by);
    expect(await store.query('history', { index: 'recordId', value: 'old-1' })).to.have.length(1);
  });

  it('rejects a blocked upgrade with DatabaseBlockedError instead of hanging', async () => {
    const name = freshName('blocked');
    const oldTab = await createV1(name); // an old tab that never lets go
    const started = performance.now();
    const error = await ActionPlanStore.open(name, { blockedTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DatabaseBlockedError);
    expect((error as Error).message).to.contain('Close the other tabs');
    expect(performance.now() - started).to.be.below(2000);
    oldTab.close();
  });

  it('closes on versionchange and reports that a reload is needed', async () => {
    const name = freshName('versionchange');
    const store = await open(name);
    const fault = new Promise<Error>((resolve) => store.addEventListener('fault', (e) => resolve((e as CustomEvent<Error>).detail), { once: true }));
    const newer = await openDB(name, 99); // a newer release opened in another tab
    expect(await fault).to.be.instanceOf(ReloadNeededError);
    expect(await caught(store.get('actions', 'a-1'))).to.be.instanceOf(ReloadNeededError);
    newer.close();
  });

  it('says clearly when the browser has no IndexedDB', async () => {
    const real = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      expect(await caught(ActionPlanStore.open(freshName()))).to.be.instanceOf(StorageUnavailableError);
    } finally {
      if (real) Object.defineProperty(window, 'indexedDB', real);
      else delete (window as { indexedDB?: IDBFactory }).indexedDB;
    }
  });
});
