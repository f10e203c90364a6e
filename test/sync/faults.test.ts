import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../../src/store/index.js';
import { actionInput, freshName, PLAN, waitUntil } from '../helpers.js';
import { createEndpoint, describeEndpoints, engineFor, injectFaults, serverData, serverRecord, serverRequests, settled, started, wire, type Endpoint } from './sync-helpers.js';

const by = { by: 'Officer' };

describeEndpoints('SyncEngine under faults (real HTTP through the fault proxy)', function (kind) {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);
  const open: { close(): void }[] = [];
  afterEach(() => open.splice(0).reverse().forEach((thing) => thing.close()));

  /** A store holding a-1 (synced, version 1) with an engine that has synced once. */
  async function synced(options: { plain?: boolean } & Parameters<typeof engineFor>[2] = {}) {
    const { plain, ...engineOptions } = options;
    const endpoint = await createEndpoint({ plain, data: { actions: [wire(actionInput({ id: 'a-1' }))] } });
    const store = await ActionPlanStore.open(freshName('faults'));
    open.push(store);
    const engine = await started(engineFor(store, endpoint, engineOptions));
    open.push({ close: () => engine.stop() });
    await settled(engine, store);
    await serverRequests(endpoint);
    return { endpoint, store, engine };
  }
  const edit = async (store: ActionPlanStore, progress: number) => store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress }, by);

  // Plain json-server once, in the json-server run.
  for (const plain of kind === 'json-server' ? [false, true] : [false]) {
    it(`retries a write whose answer was lost without writing twice${plain ? ' (plain json-server)' : ''}`, async () => {
      const { endpoint, store, engine } = await synced({ plain });
      await injectFaults(endpoint, [
        { kind: 'cut', method: 'PUT', path: '/actions/a-1' },
        { kind: 'cut', method: 'POST', path: '/actions' },
      ]);
      await edit(store, 60);
      await store.put('actions', actionInput({ id: 'a-2', title: 'Street pastors' }), by);
      await settled(engine, store);
      expect(await serverRecord(endpoint, 'actions', 'a-2'), 'the retried create is not duplicated').to.have.length(1);
      const [a1] = await serverRecord(endpoint, 'actions', 'a-1');
      expect(a1).to.include({ progress: 60, version: 2 });
      expect(await store.outbox()).to.have.length(0);
      expect((await store.get('actions', 'a-1'))?.version).to.equal(2);
    });
  }

  it('keeps a request delivered twice to one write', async () => {
    const { endpoint, store, engine } = await synced();
    await injectFaults(endpoint, [{ kind: 'twice', method: 'POST', path: '/actions' }]);
    await store.put('actions', actionInput({ id: 'a-2' }), by);
    await settled(engine, store);
    expect(await serverRecord(endpoint, 'actions', 'a-2')).to.have.length(1);
  });

  for (const fault of [
    { kind: 'status', status: 500 },
    { kind: 'status', status: 503 },
    { kind: 'timeout' },
    { kind: 'html' },
    { kind: 'drop' },
  ]) {
    it(`keeps the change queued through ${fault.kind} ${fault.status ?? ''} and sends it once the fault clears`, async () => {
      const { endpoint, store, engine } = await synced();
      const states: string[] = [];
      engine.subscribe((state) => states.push(state.state));
      await injectFaults(endpoint, [{ ...fault, method: 'PUT', times: 2 }]);
      await edit(store, 30);
      await waitUntil(() => states.includes('error'), 'the fault was not reported', { timeout: 6000 });
      expect(engine.state.error).to.be.a('string').and.not.equal('');
      await settled(engine, store);
      expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 30);
      const puts = (await serverRequests(endpoint)).filter((request) => request.method === 'PUT');
      expect(puts.length, 'retried').to.be.at.least(3);
      expect(puts.every((request) => request.ifMatch === '"1"')).to.equal(true);
    });
  }

  it('sends a refused (422) change to the dead letters; the next change still syncs', async () => {
    const { endpoint, store, engine } = await synced();
    await injectFaults(endpoint, [{ kind: 'status', status: 422, method: 'PUT', path: '/actions/a-1', body: { error: 'Progress must be a whole number.' } }]);
    await edit(store, 5);
    await store.put('actions', actionInput({ id: 'a-2' }), by);
    await settled(engine, store);
    expect(engine.state.deadLetters).to.have.length(1);
    expect(engine.state.deadLetters[0]).to.include({ recordId: 'a-1', status: 422, reason: 'Progress must be a whole number.' });
    expect(await serverRecord(endpoint, 'actions', 'a-2')).to.have.length(1);
    expect((await serverRecord(endpoint, 'actions', 'a-1'))[0]).not.to.have.property('progress');

    await engine.settle(engine.state.deadLetters[0]!, 'retry');
    await settled(engine, store);
    expect(engine.state.deadLetters).to.have.length(0);
    expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 5);
  });

  it('discarding a dead letter puts back the synced copy', async () => {
    const { endpoint, store, engine } = await synced();
    await injectFaults(endpoint, [{ kind: 'status', status: 400, method: 'PUT' }]);
    await edit(store, 5);
    await waitUntil(() => engine.state.deadLetters.length === 1, 'not dead-lettered', { timeout: 6000 });
    await engine.settle(engine.state.deadLetters[0]!, 'discard');
    expect((await store.get('actions', 'a-1'))?.progress).to.equal(0);
  });

  it('pauses on 401 with a sign-in state, loses nothing, and drains when the endpoint accepts again', async () => {
    const { endpoint, store, engine } = await synced();
    await injectFaults(endpoint, [{ kind: 'status', status: 401, times: 100, body: { error: 'Your session has ended.' } }]);
    await edit(store, 45);
    await waitUntil(() => engine.state.state === 'signed-out', 'not signed out', { timeout: 6000 });
    expect(engine.state.pending).to.equal(1);
    await injectFaults(endpoint, []);
    await engine.syncNow();
    await settled(engine, store);
    expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 45);
  });

  it('waits as long as Retry-After asks on 429', async () => {
    const delays: number[] = [];
    const { endpoint, store, engine } = await synced({ setTimeout: (callback: () => void, ms: number) => (delays.push(ms), setTimeout(callback, ms)) });
    await injectFaults(endpoint, [{ kind: 'status', status: 429, method: 'PUT', headers: { 'Retry-After': '1' } }]);
    const before = Date.now();
    await edit(store, 20);
    await settled(engine, store);
    expect(delays).to.include(1000);
    expect(Date.now() - before).to.be.at.least(900);
    expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 20);
  });

  for (const hours of [1, -1]) {
    it(`misses no server change with the client clock an hour ${hours > 0 ? 'fast' : 'slow'}`, async () => {
      const now = () => new Date(Date.now() + hours * 3_600_000);
      const { endpoint, store, engine } = await synced({ now });
      await store.put('actions', actionInput({ id: 'a-2' }), { by: 'Officer', now: now() });
      await settled(engine, store);
      const [server] = await serverRecord(endpoint, 'actions', 'a-1');
      await fetch(`${endpoint.url}/actions/a-1`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': `"${server!.version}"` }, body: JSON.stringify({ ...server, title: 'Changed by the police lead' }) });
      await engine.syncNow();
      expect((await store.get('actions', 'a-1'))?.title).to.equal('Changed by the police lead');
      expect(await store.query('actions', { value: PLAN })).to.have.length(2);
    });
  }

  it('a failure between storing pulled records and saving the checkpoint is harmless', async () => {
    const endpoint: Endpoint = await createEndpoint({ data: { actions: ['a-1', 'a-2', 'a-3'].map((id) => wire(actionInput({ id }))) } });
    const store = await ActionPlanStore.open(freshName('checkpoint'));
    open.push(store);
    const key = `sync:${endpoint.url}:checkpoint:actions`;
    const setMeta = store.setMeta.bind(store);
    let failures = 1;
    let checkpointAtFailure: unknown = 'unset';
    store.setMeta = async (name: string, value: unknown) => {
      if (name === key && failures-- > 0) {
        checkpointAtFailure = await store.getMeta(key);
        throw new Error('The tab was closed');
      }
      return setMeta(name, value);
    };
    const engine = await started(engineFor(store, endpoint));
    open.push({ close: () => engine.stop() });
    await settled(engine, store);
    expect(checkpointAtFailure, 'not saved ahead of the stored records').to.equal(undefined);
    expect(await store.query('actions', { value: PLAN })).to.have.length(3);
    expect(await store.getMeta(key)).to.deep.equal({ updatedAt: '2024-01-10T09:00:00.000Z', id: 'a-3' });
    expect((await serverData(endpoint)).actions).to.have.length(3);
  });
});
