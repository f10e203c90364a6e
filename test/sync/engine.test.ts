import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../../src/store/index.js';
import { RestAdapter, type PullQuery } from '../../src/sync/index.js';
import type { Collection } from '../../src/model/index.js';
import { actionInput, freshName, PLAN } from '../helpers.js';
import { createEndpoint, describeEndpoints, engineFor, serverData, serverRecord, settled, started, wire, type Endpoint } from './sync-helpers.js';

const by = { by: 'Officer' };

describeEndpoints('SyncEngine', function (kind) {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(thing: T) => (open.push(thing), thing);
  const run = async (store: ActionPlanStore, endpoint: Endpoint, options: Parameters<typeof engineFor>[2] = {}) => {
    const engine = await started(engineFor(store, endpoint, options));
    open.push({ close: () => engine.stop() });
    await settled(engine, store);
    return engine;
  };
  afterEach(() => open.splice(0).reverse().forEach((thing) => thing.close()));
  // Plain json-server's own behaviour: tested once, in the json-server run.
  const plainIt = kind === 'json-server' ? it : () => undefined;

  it('pulls the plan, pushes a create and an update with If-Match, and empties the outbox', async () => {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' }))] } });
    const store = track(await ActionPlanStore.open(freshName('sync')));
    const engine = await run(store, endpoint);
    expect((await store.get('actions', 'a-1'))?.title).to.equal('Sanctuary scheme');

    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 40 }, by);
    await store.put('actions', actionInput({ id: 'a-2', title: 'Taxi marshals' }), by);
    await settled(engine, store);
    const data = await serverData(endpoint);
    expect(data.actions!.find((a) => a.id === 'a-1')).to.include({ progress: 40, version: 2 });
    expect(data.actions!.find((a) => a.id === 'a-2')).to.include({ title: 'Taxi marshals', version: 1 });
    expect(data.history, 'the audit trail reaches the server').to.have.length(2);
    expect(await store.outbox()).to.have.length(0);
    expect((await store.get('actions', 'a-1'))?.version).to.equal(2);
    expect(engine.state.lastSynced).to.be.a('string');
  });

  it('an endpoint without a history collection: says so, and the other collections keep syncing', async () => {
    const endpoint = await createEndpoint({ plain: true, data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' }))] }, without: ['history'] });
    const store = track(await ActionPlanStore.open(freshName('missing')));
    const engine = await started(engineFor(store, endpoint));
    open.push({ close: () => engine.stop() });
    await engine.syncNow();
    expect((await store.get('actions', 'a-1'))?.title, 'pulled all the same').to.equal('Sanctuary scheme');
    expect(engine.state).to.include({ state: 'idle', error: undefined });
    expect(engine.state.missing).to.deep.equal(['history']);

    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 40 }, by);
    await engine.syncNow();
    const data = await serverData(endpoint);
    expect(data.actions!.find((a) => a.id === 'a-1'), 'the edit reached the server').to.include({ progress: 40 });
    expect(data).not.to.have.property('history');
    // The history entry waits on this device for the collection to be added; the action's change is not pending.
    expect((await store.outbox()).map((entry) => entry.collection)).to.deep.equal(['history']);
    expect(engine.state.pending).to.equal(0);
  });

  it('keeps an offline edit through a closed tab and sends it exactly once when back online', async () => {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1' }))] } });
    const name = freshName('offline');
    let store = await ActionPlanStore.open(name);
    await store.applyPulled('actions', [wire(actionInput({ id: 'a-1' }))]);
    const offline = await started(engineFor(store, endpoint, { isOnline: () => false }));
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, status: 'blocked' }, by);
    await store.put('actions', actionInput({ id: 'a-2', title: 'Best Bar None' }), by);
    await offline.syncNow();
    expect(offline.state).to.include({ state: 'offline', pending: 2 });
    offline.stop();
    store.close();

    store = track(await ActionPlanStore.open(name));
    await run(store, endpoint);
    const data = await serverData(endpoint);
    expect(data.actions!.filter((a) => a.id === 'a-1')).to.have.length(1).and.to.have.nested.property('[0].status', 'blocked');
    expect(data.actions!.filter((a) => a.id === 'a-2')).to.have.length(1);
    expect(data.history).to.have.length(2);
    expect(await store.outbox()).to.have.length(0);
  });

  it('a sync asked for while an offline sync is still finishing runs once back online (the online event, Retry)', async () => {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' }))] } });
    const store = track(await ActionPlanStore.open(freshName('online-again')));
    let online = false;
    const engine = await started(engineFor(store, endpoint, { isOnline: () => online }));
    open.push({ close: () => engine.stop() });
    const offline = engine.syncNow();
    // Back online before that sync has finished (it still reads the outbox): this one must not be dropped.
    online = true;
    await engine.syncNow();
    await offline;
    expect(engine.state.state).to.equal('idle');
    expect((await store.get('actions', 'a-1'))?.title).to.equal('Sanctuary scheme');
  });

  plainIt('works against plain json-server: pull, create, update and tombstone delete', async () => {
    const endpoint = await createEndpoint({ plain: true, data: { actions: [wire(actionInput({ id: 'a-1' })), wire(actionInput({ id: 'a-2' }))] } });
    const store = track(await ActionPlanStore.open(freshName('plain')));
    const engine = await run(store, endpoint);
    expect(await store.query('actions', { value: PLAN })).to.have.length(2);
    await store.put('actions', actionInput({ id: 'a-3', title: 'Hate crime reporting centres' }), by);
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 75 }, by);
    await store.remove('actions', 'a-2', by);
    await settled(engine, store);
    const actions = (await serverData(endpoint)).actions!;
    expect(actions.find((a) => a.id === 'a-1')).to.include({ progress: 75, version: 2 });
    expect(actions.find((a) => a.id === 'a-2')).to.include({ deleted: true, version: 2 });
    expect(actions.find((a) => a.id === 'a-3')).to.include({ version: 1 });
  });

  plainIt('notices a hard delete on plain json-server at the full pull; a pending edit to it becomes a conflict', async () => {
    const endpoint = await createEndpoint({ plain: true, data: { actions: [wire(actionInput({ id: 'a-1' })), wire(actionInput({ id: 'a-2' }))] } });
    const store = track(await ActionPlanStore.open(freshName('hard')));
    const engine = await run(store, endpoint, { fullPullEvery: 1 });
    engine.stop();
    for (const id of ['a-1', 'a-2']) await fetch(`${endpoint.url}/actions/${id}`, { method: 'DELETE' });
    await store.put('actions', { ...(await store.get('actions', 'a-2'))!, progress: 10 }, by);
    const again = await started(engineFor(store, endpoint, { fullPullEvery: 1 }));
    open.push({ close: () => again.stop() });
    await again.syncNow();
    expect(await store.get('actions', 'a-1'), 'gone from this browser').to.equal(undefined);
    expect(again.state.conflicts.map((c) => [c.recordId, c.kind])).to.deep.equal([['a-2', 'deleted']]);
    expect(await serverRecord(endpoint, 'actions', 'a-2'), 'not silently re-created').to.have.length(0);
  });

  it('quarantines a malformed record with its reason and applies the rest of the page', async () => {
    const bad = wire({ id: 'a-bad', priorityId: 'p-1', title: 'Progress 150', progress: 150 });
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1' })), bad, wire(actionInput({ id: 'a-2' }))] } });
    const store = track(await ActionPlanStore.open(freshName('quarantine')));
    await run(store, endpoint);
    expect((await store.query('actions', { value: PLAN })).map((a) => a.id).sort()).to.deep.equal(['a-1', 'a-2']);
    const [entry] = await store.quarantined();
    expect(entry).to.include({ recordId: 'a-bad', collection: 'actions' });
    expect(entry!.issues[0]).to.include({ code: 'out-of-range' });
  });

  it('pages through records sharing one updatedAt while a server write lands, each arriving once, and stops', async () => {
    const same = '2024-01-10T09:00:00.000Z';
    const seed = ['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7'].map((id) => wire(actionInput({ id }), 1, same));
    const endpoint = await createEndpoint({ data: { actions: seed } });
    const store = track(await ActionPlanStore.open(freshName('paging')));
    const pulls: PullQuery[] = [];
    class WriteDuringPaging extends RestAdapter {
      override async pull(collection: Collection, query: PullQuery, signal?: AbortSignal) {
        const page = await super.pull(collection, query, signal);
        if (collection === 'actions') pulls.push(query);
        // Once paging by offsets has begun, move a record already read: the offsets shift under us.
        if (collection === 'actions' && pulls.length === 2) {
          await fetch(`${endpoint.url}/actions/a-1`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: JSON.stringify({ ...seed[0], title: 'Moved on' }) });
        }
        return page;
      }
    }
    const seen: string[] = [];
    store.subscribe({ collection: 'actions' }, (change) => seen.push(...change.ids));
    await run(store, endpoint, { adapter: new WriteDuringPaging(endpoint.url), pageSize: 3 });
    const actions = await store.query('actions', { value: PLAN });
    expect(actions.map((a) => a.id).sort()).to.deep.equal(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7']);
    expect(actions.find((a) => a.id === 'a-1')?.title).to.equal('Moved on');
    expect(seen.filter((id) => id !== 'a-1').sort(), 'the others applied once each').to.deep.equal(['a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7']);
    expect(pulls.length).to.be.below(12);
  });
});
