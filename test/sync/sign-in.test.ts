// The sync engine with sign-in: who is asked before syncing and pushing, history left to the endpoint, 403s.
import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../../src/store/index.js';
import { SyncHttpError, type PersonCheck } from '../../src/sync/index.js';
import { actionInput, freshName, waitUntil } from '../helpers.js';
import { createEndpoint, engineFor, injectFaults, serverData, serverRecord, serverRequests, settled, started, wire } from './sync-helpers.js';

describe('SyncEngine with sign-in (real HTTP)', function () {
  this.timeout(30_000);
  const open: { close(): void }[] = [];
  afterEach(() => open.splice(0).reverse().forEach((thing) => thing.close()));

  async function setUp(checkPerson?: (signal: AbortSignal) => Promise<PersonCheck>) {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1' }))] } });
    const store = await ActionPlanStore.open(freshName('sign-in-engine'));
    open.push(store);
    const engine = await started(engineFor(store, endpoint, { checkPerson }));
    open.push({ close: () => engine.stop() });
    await settled(engine, store);
    await serverRequests(endpoint);
    return { endpoint, store, engine };
  }
  const edit = async (store: ActionPlanStore, progress: number) => store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress }, { by: 'Pat' });

  it('queues no history for an endpoint that writes its own, and keeps none of ours', async () => {
    const { endpoint, store, engine } = await setUp(async () => ({ changed: false, writesHistory: true }));
    await edit(store, 40);
    await settled(engine, store);
    expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 40);
    expect((await serverData(endpoint)).history).to.deep.equal([]);
    expect(await store.query('history', { index: 'recordId', value: 'a-1' })).to.deep.equal([]);
    expect((await serverRequests(endpoint)).filter((request) => request.url.includes('/history') && request.method !== 'GET')).to.deep.equal([]);
  });

  it('pushes nothing when the person changed between pulling and pushing', async () => {
    let calls = 0;
    let person = 'pat';
    const { endpoint, store, engine } = await setUp(async () => {
      calls++;
      if (person !== 'pat') throw new SyncHttpError('auth', 'Someone else signed in.');
      return { changed: false, writesHistory: false };
    });
    const before = calls;
    person = 'priya';
    await edit(store, 70);
    await waitUntil(() => engine.state.state === 'signed-out', `not paused: ${engine.state.state}`, { timeout: 6000 });
    expect(calls).to.be.above(before);
    expect((await serverRequests(endpoint)).filter((request) => request.method !== 'GET')).to.deep.equal([]);
    expect(await store.outbox(), 'the change is kept').to.have.length(2);
    person = 'pat';
    await engine.syncNow();
    await settled(engine, store);
    expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.nested.property('[0].progress', 70);
  });

  it('a 403 on a read pauses as signed out; a 403 on a write refuses that change with the reason', async () => {
    const { endpoint, store, engine } = await setUp();
    await injectFaults(endpoint, [{ kind: 'status', status: 403, method: 'GET', path: '/plans', body: { error: 'Sign in to read this plan.' } }]);
    await engine.syncNow();
    expect([engine.state.state, engine.state.error]).to.deep.equal(['signed-out', 'Sign in to read this plan.']);
    await injectFaults(endpoint, [
      { kind: 'status', status: 403, method: 'PUT', path: '/actions/a-1', body: { error: 'Only the CSP officers can update this action' } },
      { kind: 'status', status: 403, method: 'POST', path: '/history', body: { error: 'The endpoint writes the history.' } },
    ]);
    await edit(store, 90);
    await engine.syncNow();
    await settled(engine, store);
    expect((await store.deadLetters()).map((letter) => [letter.status, letter.reason]), 'a refused history entry is dropped, not listed').to.deep.equal([[403, 'Only the CSP officers can update this action']]);
    expect(await store.outbox()).to.deep.equal([]);
    expect(engine.state.state).to.equal('idle');
  });

  it('a collection the endpoint lacks (members on json-server) does not stop the sync', async () => {
    const { engine } = await setUp();
    expect(engine.state.state).to.equal('idle');
    await engine.syncNow();
    expect(engine.state.state).to.equal('idle');
    expect(engine.state.missing ?? [], 'members only exist where there is sign-in: not news').to.deep.equal([]);
  });
});
