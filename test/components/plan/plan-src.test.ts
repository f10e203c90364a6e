import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import { freshName, waitUntil } from '../../helpers.js';

const PUBLISHED = '/demo/data/plan-2023-24.json';
const PLAN_ID = 'castle-point-rochford-2023-24';

async function actionIds(plan: ApPlan) {
  return (await plan.store!.query('actions', { value: PLAN_ID })).map((action) => action.id).sort();
}

describe('<ap-plan src> (published snapshot)', () => {
  it('passes axe', async () => {
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName()} src=${PUBLISHED} readonly><p>Plan</p></ap-plan>`);
    await expect(plan).to.be.accessible();
  });

  it('loads the snapshot into the store, takes its plan id, and queues nothing to sync', async () => {
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName()} src=${PUBLISHED} readonly></ap-plan>`);
    await waitUntil(() => plan.planId === PLAN_ID, 'plan id from the snapshot', { timeout: 5000 });
    expect(await actionIds(plan)).to.have.length(20);
    expect(await plan.store!.pendingCount()).to.equal(0);
  });

  it('replaces the older copy: an action the newer file leaves out is gone', async () => {
    const name = freshName();
    const snapshot = await (await fetch(PUBLISHED)).json();
    const plan = await fixture<ApPlan>(html`<ap-plan name=${name} src=${PUBLISHED} readonly></ap-plan>`);
    await waitUntil(async () => (await plan.store?.query('actions', { value: PLAN_ID }))?.length === 20, 'first file loaded', { timeout: 5000 });
    const dropped = snapshot.actions.shift().id;
    plan.src = `data:application/json,${encodeURIComponent(JSON.stringify(snapshot))}`;
    await waitUntil(async () => (await actionIds(plan)).length === 19, 'newer file loaded', { timeout: 5000 });
    expect(await actionIds(plan)).not.to.include(dropped);
  });

  it('says what is wrong when the file cannot be loaded', async () => {
    const plan = document.createElement('ap-plan');
    plan.name = freshName();
    plan.src = '/demo/data/no-such-file.json';
    const error = oneEvent(plan, 'ap-error');
    document.body.append(plan);
    expect((await error).detail.message).to.equal(`The published plan ${location.origin}/demo/data/no-such-file.json could not be loaded (HTTP 404): check the src address.`);
    await plan.updateComplete;
    expect(plan.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('could not be loaded (HTTP 404)');
    plan.remove();
  });
});
