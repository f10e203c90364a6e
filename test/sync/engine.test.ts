import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../../src/store/index.js';
import { actionInput, freshName } from '../helpers.js';
import { createEndpoint, engineFor, injectFaults, serverData, serverRecord, settled, started, wire } from './sync-helpers.js';

const by = { by: 'Officer' };

describe('SyncEngine against the demo endpoint', () => {
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(thing: T) => (open.push(thing), thing);
  afterEach(() => open.splice(0).forEach((thing) => thing.close()));

  it('pulls the plan, pushes a create and an update, and empties the outbox', async () => {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' }))] } });
    const store = track(await ActionPlanStore.open(freshName('sync')));
    const engine = await started(engineFor(store, endpoint));
    open.push({ close: () => engine.stop() });
    await settled(engine);
    expect((await store.get('actions', 'a-1'))?.title).to.equal('Sanctuary scheme');

    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 40 }, by);
    await store.put('actions', actionInput({ id: 'a-2', title: 'Taxi marshals' }), by);
    await settled(engine);
    const data = await serverData(endpoint);
    expect(data.actions!.find((a) => a.id === 'a-1')).to.include({ progress: 40, version: 2 });
    expect(data.actions!.find((a) => a.id === 'a-2')).to.include({ title: 'Taxi marshals', version: 1 });
    expect(data.history!.length).to.equal(2);
    expect(await store.outbox()).to.have.length(0);
    expect((await store.get('actions', 'a-1'))?.version).to.equal(2);
  });
});
