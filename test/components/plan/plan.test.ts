import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import { PlanController } from '../../../src/controllers/plan.js';
import { apEvent } from '../../../src/events.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import { PLAN, actionInput, createV1, freshName, waitUntil } from '../../helpers.js';

// A minimal consumer, standing in for the real widgets: shows what the plan provides.
class PlanProbe extends LitElement {
  plan = new PlanController(this, { collections: ['actions'] });
  protected override render() {
    const plan = this.plan.plan;
    return litHtml`<p>${plan ? `${plan.planId} ${plan.today} ${plan.user} ${plan.locale} ${plan.readonly} ${JSON.stringify(plan.filter)} rev ${this.plan.revision}` : 'no plan'}</p>`;
  }
}
customElements.define('test-plan-probe', PlanProbe);
declare global {
  interface HTMLElementTagNameMap {
    'test-plan-probe': PlanProbe;
  }
}

const text = (probe: Element) => probe.shadowRoot!.textContent!.trim();

/** Until the plan's next update a child has the context from before its store opened: wait for the child's. */
const storeProvided = (probe: PlanProbe) => waitUntil(() => probe.plan.plan?.store, 'store provided to the child');

describe('<ap-plan>', () => {
  it('passes axe', async () => {
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName()} plan-id=${PLAN}><p>Content</p></ap-plan>`);
    await expect(plan).to.be.accessible();
  });

  it('provides store, plan id, today, user, readonly and language to a child', async () => {
    const plan = await fixture<ApPlan>(html`<div lang="cy">
      <ap-plan name=${freshName()} plan-id=${PLAN} today="2024-01-15" user="J. Smith" readonly><test-plan-probe></test-plan-probe></ap-plan>
    </div>`).then((div) => div.querySelector('ap-plan')!);
    const probe = plan.querySelector('test-plan-probe')!;
    await storeProvided(probe);
    await probe.updateComplete;
    expect(text(probe)).to.equal(`${PLAN} 2024-01-15 J. Smith cy true {} rev 0`);
    expect(probe.plan.plan!.store).to.equal(plan.store);
  });

  it('a person the page sets (no endpoint, a preview) decides the rights it provides; without one everyone may do everything', async () => {
    const viewer = { id: 'u-1', name: 'Cllr Jones', writesHistory: false, plans: { [PLAN]: { role: 'viewer' as const, agencies: [] } } };
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName()} plan-id=${PLAN} .person=${viewer}></ap-plan>`);
    await waitUntil(() => plan.store, 'store opened');
    await plan.updateComplete;
    expect([plan.context!.rights.role, plan.context!.rights.officer, plan.context!.user]).to.deep.equal(['viewer', false, 'Cllr Jones']);
    plan.person = undefined;
    await plan.updateComplete;
    expect([plan.context!.rights.role, plan.context!.rights.officer]).to.deep.equal(['everyone', true]);
  });

  it('re-renders a child on a store change and keeps the filter a child sets', async () => {
    const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName()} plan-id=${PLAN} today="2024-01-15"><test-plan-probe></test-plan-probe></ap-plan>`);
    const probe = plan.querySelector('test-plan-probe')!;
    await storeProvided(probe);
    await plan.store!.put('actions', actionInput({ id: 'a-1' }), { by: 'test' });
    await waitUntil(() => text(probe).endsWith('rev 1'), 'child saw the change');

    probe.dispatchEvent(apEvent('ap-filter-change', { rag: 'red', priorityId: 'p-1' }));
    await plan.updateComplete;
    await probe.updateComplete;
    expect(text(probe)).to.contain('{"rag":"red","priorityId":"p-1"}');
  });

  it('a widget outside any <ap-plan> warns and shows nothing, without throwing', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const probe = await fixture<PlanProbe>(html`<test-plan-probe></test-plan-probe>`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(text(probe)).to.equal('no plan');
      expect(warnings.join()).to.contain('<test-plan-probe> shows nothing until it is placed inside an <ap-plan>');
    } finally {
      console.warn = warn;
    }
  });

  it('a today that is not a date warns and falls back to the real date', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName()} today="not-a-date"></ap-plan>`);
      expect(plan.effectiveToday).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(warnings.join()).to.contain('today="not-a-date"');
    } finally {
      console.warn = warn;
    }
  });

  it('shows a visible message and fires ap-error when another tab blocks the upgrade', async () => {
    const name = freshName('blocked-plan');
    const old = await createV1(name); // an old release in another tab that never lets go
    const errors: string[] = [];
    document.addEventListener('ap-error', (e) => errors.push(e.detail.error.name), { once: true });
    // Blocked opens give up after 3 s by default; the test waits a little longer.
    const plan = await fixture<ApPlan>(html`<ap-plan name=${name}></ap-plan>`);
    const message = plan.shadowRoot!.querySelector('[part=message]')!;
    await waitUntil(() => !message.hasAttribute('hidden'), 'message shown', { timeout: 5000 });
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('Close the other tabs');
    expect(errors).to.deep.equal(['DatabaseBlockedError']);
    await expect(plan).to.be.accessible();
    old.close();
  });

  it('uses a store set as a property instead of opening its own', async () => {
    const store = await ActionPlanStore.open(freshName());
    const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${PLAN}></ap-plan>`);
    expect(plan.store).to.equal(store);
    store.close();
  });
});
