// Stateless servers: two processes of our endpoint on different ports over one PostgreSQL, a plan
// syncing with each; an edit made through either server reaches both.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import { actionInput, freshName, PLAN, waitUntil } from '../helpers.js';
import { wire } from './sync-helpers.js';

describe('two servers over one PostgreSQL', function () {
  // Two server processes start (through tsx) on a busy machine: give the test room.
  this.timeout(90_000);

  it('an edit made through either server reaches the page on the other', async () => {
    const start = { count: 2, origin: location.origin, data: { actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' }))] } };
    let urls: string[] | null = null;
    while (!urls) urls = (await executeServerCommand<{ urls: string[] | null }, typeof start>('endpoint-processes', start))!.urls;
    const [first, second] = urls;
    expect(new URL(first!).port).not.to.equal(new URL(second!).port);
    const plan = (endpoint: string) => fixture<ApPlan>(html`<ap-plan name=${freshName('two-servers')} plan-id=${PLAN} user="Officer" endpoint=${endpoint} sync-interval="1"></ap-plan>`);
    const [onFirst, onSecond] = [await plan(first!), await plan(second!)];
    const title = async (page: ApPlan) => (await page.store?.get('actions', 'a-1'))?.title;
    await waitUntil(async () => (await title(onFirst)) === 'Sanctuary scheme' && (await title(onSecond)) === 'Sanctuary scheme', 'both pages pull the plan', { timeout: 20_000 });

    await onFirst.store!.put('actions', { ...(await onFirst.store!.get('actions', 'a-1'))!, title: 'Edited on the first server' }, { by: 'Officer' });
    await waitUntil(async () => (await title(onSecond)) === 'Edited on the first server', 'the edit made through the first server did not reach the second page', { timeout: 20_000 });

    await onSecond.store!.put('actions', { ...(await onSecond.store!.get('actions', 'a-1'))!, progress: 70 }, { by: 'Officer' });
    await waitUntil(async () => (await onFirst.store!.get('actions', 'a-1'))?.progress === 70, 'the edit made through the second server did not reach the first page', { timeout: 20_000 });
    expect((await onFirst.store!.get('actions', 'a-1'))?.version).to.equal(3);
  });
});
