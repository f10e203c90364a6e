// Storage faults made real where the engine allows (Chromium's DevTools protocol, through the
// test runner commands of test/plugins/storage.mjs): a full disk during a pull, and the browser
// clearing the site's data as Safari's eviction does. Blocked upgrades, versionchange and no
// IndexedDB are covered in test/store/store.test.ts; a full disk during a write in test/store/quota.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import { actionInput, freshName, PLAN, priorityInput } from '../helpers.js';
import { createEndpoint, engineFor, injectFaults, serverRecord, settled, started, wire } from '../sync/sync-helpers.js';
import { ActionPlanStore } from '../../src/store/index.js';
import { deepText, until } from './dom.js';

const by = { by: 'Officer' };

describe('storage faults', function () {
  this.timeout(60000);

  it('a full disk during a pull: the sync says so, stores nothing half-way, and catches up once there is space', async function () {
    // First in the file: Chromium applies a quota override reliably only before the page writes to IndexedDB.
    await executeServerCommand('clear-site-data');
    const { supported } = (await executeServerCommand('set-storage-quota', { bytes: 300_000 })) as { supported: boolean };
    // Only Chromium's DevTools protocol can set a real quota; Firefox and WebKit have no such hook here.
    if (!supported) this.skip();
    try {
      // Random text: Chromium compresses stored values, so repeated characters would fit.
      const noise = () => Array.from({ length: 2_000 }, () => crypto.randomUUID()).join('');
      const big = Array.from({ length: 10 }, (_, i) => wire({ ...actionInput({ id: `a-big-${i}` }), description: noise() }));
      const endpoint = await createEndpoint({ data: { actions: [wire(actionInput({ id: 'a-small' })), ...big] } });
      const store = await ActionPlanStore.open(freshName('full-pull'));
      const engine = engineFor(store, endpoint);
      const errors: string[] = [];
      engine.subscribe((state) => state.error && errors.push(state.error));
      await started(engine);
      await until(() => errors.some((e) => /storage space/.test(e)), 'the sync says the disk is full');
      // The page went in one transaction or not at all, and its checkpoint did not move past it.
      expect(await store.query('actions', { value: PLAN })).to.have.length(0);
      await executeServerCommand('set-storage-quota', {});
      await settled(engine, store, 20000);
      expect(await store.query('actions', { value: PLAN })).to.have.length(11);
      engine.stop();
      store.close();
    } finally {
      await executeServerCommand('set-storage-quota', {});
    }
  });

  it('regression: the browser clears the site data: the widgets say so, with the unsynced changes lost, and rebuild from the endpoint', async function () {
    const endpoint = await createEndpoint({ data: { priorities: [wire(priorityInput({ id: 'p-1', title: 'Domestic Abuse' }))], actions: [wire(actionInput({ id: 'a-server', title: 'Sanctuary scheme' }))] } });
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName('evicted')} plan-id=${PLAN} endpoint=${endpoint.url} user="Officer" today="2024-01-15">
      <ap-priority-board></ap-priority-board><ap-sync-status></ap-sync-status>
    </ap-plan>`);
    await until(() => deepText(plan).includes('Sanctuary scheme'), 'first sync', 15000);
    const store = plan.store!;
    await store.put('actions', actionInput({ id: 'a-confirmed', title: 'Street pastors' }), by);
    await until(async () => (await serverRecord(endpoint, 'actions', 'a-confirmed')).length === 1 && (await store.pendingCount()) === 0, 'the server confirmed it', 15000);
    // One change the server never gets: its create keeps failing.
    await injectFaults(endpoint, [{ kind: 'status', status: 503, method: 'POST', times: 1000 }]);
    await store.put('actions', actionInput({ id: 'a-unsynced', title: 'Taxi marshals' }), by);
    await until(() => deepText(plan).includes('Taxi marshals'), 'the unsynced change shows');
    await until(() => plan.querySelector('ap-sync-status')!.shadowRoot!.textContent!.match(/1 change/), 'one change waiting');

    const { supported } = (await executeServerCommand('clear-site-data')) as { supported: boolean };
    // Only Chromium's DevTools protocol can clear an origin's IndexedDB from outside the page; Firefox and WebKit have no such hook here.
    if (!supported) this.skip();
    await injectFaults(endpoint, []);
    window.dispatchEvent(new Event('focus'));
    const message = () => plan.shadowRoot!.querySelector('[role=alert]:not([hidden])')?.textContent ?? '';
    await until(() => /cleared|removed|deleted/i.test(message()), 'the plan says the stored data went', 15000);
    expect(message()).to.match(/1 change/);
    await until(async () => (await plan.store!.get('actions', 'a-confirmed'))?.title === 'Street pastors' && (await plan.store!.get('actions', 'a-server')), 'every write the server confirmed is back', 20000);
    expect(await plan.store!.get('actions', 'a-unsynced')).to.equal(undefined);
    await until(() => !deepText(plan).includes('Taxi marshals') && deepText(plan).includes('Street pastors'), 'the board shows the rebuilt plan');
  });
});
