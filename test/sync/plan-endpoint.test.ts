import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import type { SyncStateDetail } from '../../src/events.js';
import { actionInput, freshName, PLAN, waitUntil } from '../helpers.js';
import { createEndpoint, describeEndpoints, serverRecord, wire } from './sync-helpers.js';

describeEndpoints('<ap-plan endpoint>', function () {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);

  it('syncs the plan with the endpoint, reports ap-sync-state, and stops when removed', async () => {
    const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' }))] } });
    const states: SyncStateDetail[] = [];
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName('plan-endpoint')} plan-id=${PLAN} user="Officer" endpoint=${endpoint.url} @ap-sync-state=${(event: CustomEvent<SyncStateDetail>) => states.push(event.detail)}></ap-plan>`);
    await waitUntil(() => states.some((state) => state.state === 'idle' && state.lastSynced), 'no idle state reported', { timeout: 8000 });
    const store = plan.store!;
    expect((await store.get('actions', 'a-1'))?.title).to.equal('Sanctuary scheme');
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 25 }, { by: 'Officer' });
    await waitUntil(async () => (await serverRecord(endpoint, 'actions', 'a-1'))[0]?.progress === 25, 'the edit did not reach the endpoint', { timeout: 8000 });
    expect(plan.context?.sync?.state.leader).to.equal(true);
    const engine = plan.context!.sync!;
    plan.remove();
    expect(engine.state.leader, 'stopped with the element').to.equal(false);
  });

  it('without an endpoint, runs no sync', async () => {
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName('no-endpoint')} plan-id=${PLAN}></ap-plan>`);
    await waitUntil(() => plan.store, 'store not opened', { timeout: 5000 });
    await plan.updateComplete;
    expect(plan.context?.sync).to.equal(undefined);
  });
});
