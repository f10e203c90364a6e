// Headings that fit the page: under an <h1>, or in an <h2> section, the widgets' headings continue
// the page's outline (heading-level on <ap-plan>, or on one widget), and axe's best practices agree.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import type { SyncEngine } from '../../../src/sync/index.js';
import { AXE_OPTIONS, actionInput, freshName, outline, priorityInput } from '../../helpers.js';
import { loadAxe, type PageWindow } from '../../dropin/page.js';
import { createEndpoint, engineFor, injectFaults, wire } from '../../sync/sync-helpers.js';

const until = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 10000 });

async function axe(context: Element) {
  const page = window as PageWindow;
  if (!page.axe) await loadAxe(page);
  const { violations, passes } = await page.axe!.run(context, AXE_OPTIONS);
  // The best practices ran: heading-order looked at the headings and found them in order.
  expect(passes.map((rule) => rule.id)).to.include('heading-order');
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

const DATA = {
  priorities: [wire(priorityInput({ id: 'p-1', title: 'Domestic abuse' }))],
  actions: [wire(actionInput({ id: 'a-1', title: 'Sanctuary scheme' })), wire(actionInput({ id: 'a-2', title: 'Taxi marshals' }))],
  audits: [wire({ id: 'audit-1', title: 'Light-touch audit' })],
  recommendations: [wire({ id: 'rec-1', auditId: 'audit-1', ref: '1', recommendation: 'Review the terms of reference.', rating: 'medium', status: 'open' })],
};

const everyday = (attrs: { card?: string; audit?: string } = {}) => html`<ap-rag-summary></ap-rag-summary>
  <ap-priority-board></ap-priority-board>
  ${attrs.card ? html`<h2>Highlighted action</h2>` : ''}
  <ap-action-card action-id="a-1" heading-level=${attrs.card ?? ''}></ap-action-card>
  <ap-audit-tracker audit-id="audit-1" heading-level=${attrs.audit ?? ''}></ap-audit-tracker>
  <ap-sync-status></ap-sync-status>`;

describe('headings that fit the page', function () {
  // A board, a card, an audit, a sync and axe over them all, in three engines on a busy machine.
  this.timeout(60_000);
  let store: ActionPlanStore | undefined;
  let engine: SyncEngine | undefined;
  afterEach(() => {
    engine?.stop();
    store?.close();
    engine = store = undefined;
  });

  /**
   * A page: `before`, then a synced plan (`heading-level` as given) with the everyday widgets, one
   * change the endpoint refused listed by the sync status under its heading.
   */
  async function page(before: unknown, planLevel: string, widgets = everyday()) {
    const endpoint = await createEndpoint({ data: DATA });
    store = await ActionPlanStore.open(freshName('headings'));
    engine = engineFor(store, endpoint);
    const wrapper = await fixture<HTMLElement>(html`<main>
      ${before}
      <ap-plan .store=${store} .sync=${engine} plan-id="plan-1" today="2024-01-15" user="Officer" heading-level=${planLevel}>${widgets}</ap-plan>
    </main>`);
    await until(() => engine!.state.leader && engine!.state.lastSynced, 'the plan did not sync');
    await injectFaults(endpoint, [{ kind: 'status', status: 422, method: 'PUT', body: { error: 'Progress is not allowed to go down.' } }]);
    await store.put('actions', { ...(await store.get('actions', 'a-2'))!, progress: 10 }, { by: 'Officer' });
    const shadow = (tag: string) => wrapper.querySelector(tag)!.shadowRoot!;
    await until(
      () =>
        shadow('ap-priority-board').querySelectorAll('ap-action-card').length === 2 &&
        shadow('ap-audit-tracker').querySelector('table') &&
        shadow('ap-action-card').querySelector('[part~=title]') &&
        shadow('ap-sync-status').textContent!.includes('Progress is not allowed'),
      'widgets rendered, the refused change listed',
    );
    return { wrapper, plan: wrapper.querySelector<ApPlan>('ap-plan')! };
  }

  it('<h1>, then <ap-plan heading-level="2"> with the everyday widgets: one outline, and axe with its best practices passes', async () => {
    const { wrapper } = await page(html`<h1>Community Safety Partnership</h1>`, '2');
    expect(outline(wrapper)).to.deep.equal([
      'h1 Community Safety Partnership',
      'h2 Domestic abuse',
      'h3 Sanctuary scheme',
      'h3 Taxi marshals',
      'h2 Sanctuary scheme',
      'h3 Latest update',
      'h2 Light-touch audit',
      'h2 Changes the server refused (1)',
    ]);
    expect(await axe(wrapper)).to.deep.equal([]);
  });

  it('a widget with its own heading-level overrides the plan\'s; one outside 2 to 6 ("9", "x") is ignored', async () => {
    const { wrapper } = await page(html`<h1>Community Safety Partnership</h1>`, 'x', everyday({ card: '3', audit: '9' }));
    expect(outline(wrapper)).to.deep.equal([
      'h1 Community Safety Partnership',
      'h2 Domestic abuse',
      'h3 Sanctuary scheme',
      'h3 Taxi marshals',
      'h2 Highlighted action',
      'h3 Sanctuary scheme',
      'h4 Latest update',
      'h2 Light-touch audit',
      'h2 Changes the server refused (1)',
    ]);
    expect(await axe(wrapper)).to.deep.equal([]);
  });

  it('in a page section headed <h2>, heading-level="3" puts every widget one level down, and follows a change', async () => {
    const { wrapper, plan } = await page(html`<h1>Community Safety Partnership</h1><h2>Action plan 2023/24</h2>`, '3');
    expect(outline(wrapper)).to.deep.equal([
      'h1 Community Safety Partnership',
      'h2 Action plan 2023/24',
      'h3 Domestic abuse',
      'h4 Sanctuary scheme',
      'h4 Taxi marshals',
      'h3 Sanctuary scheme',
      'h4 Latest update',
      'h3 Light-touch audit',
      'h3 Changes the server refused (1)',
    ]);
    expect(await axe(wrapper)).to.deep.equal([]);

    // Deeper than 6 stays at 6: a screen reader has no h7.
    plan.setAttribute('heading-level', '6');
    await until(() => outline(wrapper).includes('h6 Latest update'), outline(wrapper).join('; '));
    expect(outline(wrapper).slice(2)).to.deep.equal(['h6 Domestic abuse', 'h6 Sanctuary scheme', 'h6 Taxi marshals', 'h6 Sanctuary scheme', 'h6 Latest update', 'h6 Light-touch audit', 'h6 Changes the server refused (1)']);
  });
});
