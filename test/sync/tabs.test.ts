import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../../src/store/index.js';
import { actionInput, freshName, waitUntil } from '../helpers.js';
import { createEndpoint, describeEndpoints, engineFor, injectFaults, serverData, serverRecord, serverRequests, settled, started, wire } from './sync-helpers.js';

const by = { by: 'Officer' };

describeEndpoints('SyncEngine in two tabs on one database', function () {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);
  const open: { close(): void }[] = [];
  afterEach(() => open.splice(0).reverse().forEach((thing) => thing.close()));

  async function twoTabs() {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1' })), wire(actionInput({ id: 'a-2' }))] } });
    const name = freshName('tabs');
    const [storeA, storeB] = [await ActionPlanStore.open(name), await ActionPlanStore.open(name)];
    const engineA = await started(engineFor(storeA, endpoint));
    const engineB = engineFor(storeB, endpoint);
    engineB.start();
    open.push(storeA, storeB, { close: () => engineA.stop() }, { close: () => engineB.stop() });
    await settled(engineA, storeA);
    return { endpoint, storeA, storeB, engineA, engineB };
  }

  it('one tab pushes; each tab\'s edit reaches the server once and the other tab sees it', async () => {
    const { endpoint, storeA, storeB, engineA, engineB } = await twoTabs();
    expect([engineA.state.leader, engineB.state.leader]).to.deep.equal([true, false]);
    const seenByA: string[] = [];
    storeA.subscribe({ collection: 'actions' }, (change) => seenByA.push(...change.ids));
    await storeA.put('actions', { ...(await storeA.get('actions', 'a-1'))!, progress: 10 }, by);
    await storeB.put('actions', { ...(await storeB.get('actions', 'a-2'))!, progress: 20 }, by);
    await waitUntil(() => seenByA.includes('a-2'), 'tab A did not hear of tab B\'s edit', { timeout: 6000 });
    await settled(engineA, storeA);
    const puts = (await serverRequests(endpoint)).filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.url.split('/').pop()).sort()).to.deep.equal(['a-1', 'a-2']);
    const data = await serverData(endpoint);
    expect(data.actions!.map((a) => [a.id, a.progress, a.version])).to.deep.equal([['a-1', 10, 2], ['a-2', 20, 2]]);
    await waitUntil(async () => (await storeB.get('actions', 'a-1'))?.version === 2, 'tab B does not show the synced version', { timeout: 6000 });
    expect(engineB.state.leader).to.equal(false);
  });

  it('the other tab takes over when the pushing tab closes mid-push, with no loss or duplicate', async () => {
    const { endpoint, storeA, storeB, engineA, engineB } = await twoTabs();
    await injectFaults(endpoint, [{ kind: 'delay', ms: 400, method: 'PUT' }]);
    await storeA.put('actions', { ...(await storeA.get('actions', 'a-1'))!, progress: 33 }, by);
    await storeA.put('actions', actionInput({ id: 'a-3' }), by);
    await waitUntil(async () => (await serverRequests(endpoint)).some((request) => request.method === 'PUT'), 'no push began', { timeout: 6000 });
    engineA.stop();
    storeA.close();
    await waitUntil(() => engineB.state.leader, 'tab B did not take over', { timeout: 6000 });
    await settled(engineB, storeB);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await serverRecord(endpoint, 'actions', 'a-1'))[0]).to.include({ progress: 33, version: 2 });
    expect(await serverRecord(endpoint, 'actions', 'a-3')).to.have.length(1);
    expect((await serverData(endpoint)).history).to.have.length(2);
    expect(await storeB.outbox()).to.have.length(0);
  });
});
