import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import type { ApRagSummary } from '../../../src/components/rag-summary/rag-summary.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import { computeRag, parseRecord, type Action } from '../../../src/model/index.js';
import { PLAN, actionInput, freshName, priorityInput, waitUntil } from '../../helpers.js';

const TODAY = '2024-01-15';
const CPR = 'castle-point-rochford-2023-24';
const COLUMNS = ['Red', 'Amber', 'Green', 'Complete', 'Not started', 'Cancelled', 'Carried forward', 'Total'];

type Db = Record<string, unknown[]>;
let sample: Db;

async function seedSample(name: string) {
  sample ??= await (await fetch('/demo/data/db.json')).json();
  const store = await ActionPlanStore.open(name);
  for (const collection of ['plans', 'priorities', 'actions'] as const) await store.applyPulled(collection, sample[collection]);
  return store;
}

async function summary(name: string, planId: string, groupBy = 'priority') {
  const plan = await fixture<ApPlan>(html`<ap-plan name=${name} plan-id=${planId} today=${TODAY} user="J. Smith"><ap-rag-summary group-by=${groupBy}></ap-rag-summary></ap-plan>`);
  const el = plan.querySelector('ap-rag-summary')!;
  await waitUntil(() => el.shadowRoot?.querySelector('table'), 'summary rendered');
  return { plan, el };
}

const root = (el: ApRagSummary) => el.shadowRoot!;
/** The table as text: { 'row header': { column: count } }. */
function table(el: ApRagSummary): Record<string, Record<string, number>> {
  const rows: Record<string, Record<string, number>> = {};
  for (const tr of root(el).querySelectorAll('tbody tr, tfoot tr')) {
    const cells = [...tr.querySelectorAll('td')].map((td) => Number(td.textContent));
    rows[tr.querySelector('th')!.textContent!.trim()] = Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i]]));
  }
  return rows;
}
const segment = (el: ApRagSummary, label: string) => [...root(el).querySelectorAll<SVGGElement>('[part=segment]')].find((g) => g.getAttribute('aria-label') === label);

/** What computeRag says, tallied by hand the way the table should. */
function expected(actions: Action[], key: (a: Action) => string) {
  const rows: Record<string, Record<string, number>> = {};
  const names: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Complete', grey: 'Not started', cancelled: 'Cancelled', 'carried-forward': 'Carried forward' };
  for (const action of actions) {
    for (const group of [key(action), 'Total']) {
      const row = (rows[group] ??= Object.fromEntries(COLUMNS.map((c) => [c, 0])));
      row[names[computeRag(action, TODAY).state]]++;
      row.Total++;
    }
  }
  return rows;
}

describe('<ap-rag-summary>', () => {
  it('passes axe, with the table hidden and shown', async function () {
    this.timeout(30000); // axe twice over the whole sample plan: slow in WebKit
    const { el } = await summary(freshName(), CPR).then(async (r) => (await seedSample(r.plan.name), r));
    await waitUntil(() => root(el).querySelector('[part=segment]'), 'counts shown');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part=toggle]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('counts equal computeRag over the sample plan, by priority and by lead agency', async () => {
    const name = freshName();
    const store = await seedSample(name);
    const actions = sample.actions.map((a) => parseRecord('actions', a)).filter((a) => a.planId === CPR);
    const titles = new Map(sample.priorities.map((p) => parseRecord('priorities', p)).map((p) => [p.id, p.title]));

    const byPriority = await summary(name, CPR);
    await waitUntil(() => table(byPriority.el).Total?.Total === actions.length, 'all actions counted');
    expect(table(byPriority.el)).to.deep.equal(expected(actions, (a) => titles.get(a.priorityId)!));

    const byLead = await summary(name, CPR, 'lead');
    await waitUntil(() => table(byLead.el).Total?.Total === actions.length, 'all actions counted');
    expect(table(byLead.el)).to.deep.equal(expected(actions, (a) => a.leadAgency ?? 'No lead agency'));
    expect(root(byLead.el).querySelector('thead th')!.textContent).to.equal('Lead agency');
    store.close();
  });

  it('every segment has its count as text, and the table stays in the page when hidden', async () => {
    const name = freshName();
    const store = await ActionPlanStore.open(name);
    await store.applyPulled('priorities', [priorityInput({ id: 'p-1', title: 'Domestic abuse' })]);
    await store.applyPulled('actions', [actionInput({ id: 'a-1', status: 'blocked' }), actionInput({ id: 'a-2', status: 'blocked' }), actionInput({ id: 'a-3', status: 'cancelled' })]);
    const { el } = await summary(name, PLAN);
    await waitUntil(() => segment(el, '2 Red, All actions: show these actions'), 'segment');
    const red = segment(el, '2 Red, All actions: show these actions')!;
    expect(red.querySelector('text')!.textContent).to.equal('2 Red');
    expect(red.classList.contains('narrow')).to.equal(false);
    expect(table(el).Total).to.include({ Red: 2, Cancelled: 1, Total: 3 });
    const wrapper = root(el).querySelector('table')!.parentElement!;
    expect(wrapper.classList.contains('ap-visually-hidden')).to.equal(true);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part=toggle]')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(wrapper.classList.contains('ap-visually-hidden')).to.equal(false);
    expect(toggle.textContent!.trim()).to.equal('Hide table');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    store.close();
  });

  it('where a narrow segment has no room for its name, the row says the names in words', async () => {
    const name = freshName();
    const store = await ActionPlanStore.open(name);
    await store.applyPulled('actions', [
      ...Array.from({ length: 30 }, (_, i) => actionInput({ id: `red-${i}`, status: 'blocked' })),
      actionInput({ id: 'done', status: 'complete' }),
    ]);
    const { plan, el } = await summary(name, PLAN);
    const legend = () => root(el).querySelector<HTMLElement>('.row .legend')!;
    await waitUntil(() => segment(el, '1 Complete, All actions: show these actions'), 'segment');
    plan.style.setProperty('width', '300px');
    await waitUntil(() => getComputedStyle(legend()).display !== 'none', 'the legend did not appear at 300 px', { timeout: 5000 });
    expect(legend().textContent).to.equal('30 Red, 1 Complete');
    plan.style.setProperty('width', '1000px');
    await waitUntil(() => getComputedStyle(legend()).display === 'none', 'the legend stayed when every name fits', { timeout: 5000 });
    store.close();
  });

  it('Enter or a click on a segment sets the plan filter and says so', async () => {
    const name = freshName();
    const store = await ActionPlanStore.open(name);
    await store.applyPulled('priorities', [priorityInput({ id: 'p-1', title: 'Domestic abuse' })]);
    await store.applyPulled('actions', [actionInput({ id: 'a-1', status: 'blocked' }), actionInput({ id: 'a-2', status: 'complete' })]);
    const { plan, el } = await summary(name, PLAN);
    const filters: unknown[] = [];
    plan.addEventListener('ap-filter-change', (e) => filters.push(e.detail));
    await waitUntil(() => segment(el, '1 Red, Domestic abuse: show these actions'), 'segment');
    segment(el, '1 Red, Domestic abuse: show these actions')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(filters).to.deep.equal([{ rag: 'red', priorityId: 'p-1' }]);
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Showing Red actions: Domestic abuse', 'announced');
    await waitUntil(() => segment(el, '1 Red, Domestic abuse: show these actions')!.getAttribute('aria-pressed') === 'true', 'pressed');

    segment(el, '1 Complete, All actions: show these actions')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(filters.at(-1)).to.deep.equal({ rag: 'blue' });
    store.close();
  });

  it('an edit on a card updates the summary in this tab and in another tab', async function () {
    this.timeout(30000); // two tabs' IndexedDB commits: slow in WebKit on a loaded machine
    const name = freshName();
    const store = await ActionPlanStore.open(name);
    await store.applyPulled('priorities', [priorityInput({ id: 'p-1' })]);
    await store.applyPulled('actions', [actionInput({ id: 'a-1', status: 'in-progress', targetDate: '2024-06-30' })]);
    const plan = await fixture<ApPlan>(html`<ap-plan name=${name} plan-id=${PLAN} today=${TODAY} user="J. Smith">
      <ap-rag-summary></ap-rag-summary><ap-action-card action-id="a-1"></ap-action-card>
    </ap-plan>`);
    const el = plan.querySelector('ap-rag-summary')!;
    const otherTab = await fixture<ApPlan>(html`<ap-plan name=${name} plan-id=${PLAN} today=${TODAY}><ap-rag-summary></ap-rag-summary></ap-plan>`);
    const other = otherTab.querySelector('ap-rag-summary')!;
    await waitUntil(() => table(el).Total?.Green === 1 && table(other).Total?.Green === 1, 'green at first', { timeout: 8000 });
    await waitUntil(() => otherTab.store && plan.store && otherTab.store !== plan.store, 'two store instances', { timeout: 8000 });

    const card = plan.querySelector('ap-action-card')!;
    await waitUntil(() => card.shadowRoot!.querySelector('#edit'), 'card', { timeout: 8000 });
    card.shadowRoot!.querySelector<HTMLButtonElement>('#edit')!.click();
    // The editor's code comes on first use.
    await waitUntil(() => card.shadowRoot!.querySelector('#status-input'), 'editor open', { timeout: 8000 });
    // Blocked picked from the list, not by a WebDriver key press: a press that does not take (WebKit, full run)
    // left the draft unchanged, Save then wrote and announced nothing, and the wait below failed 8 s later as
    // "this tab updated". This test is about the summaries; the card's keyboard editing has its own tests.
    const status = card.shadowRoot!.querySelector<HTMLSelectElement>('#status-input')!;
    status.value = 'blocked';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    card.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(async () => (await store.get('actions', 'a-1'))?.status === 'blocked', 'saved', { timeout: 8000 });
    await waitUntil(() => table(el).Total?.Red === 1 && table(el).Total?.Green === 0, 'this tab updated', { timeout: 8000 });
    await waitUntil(() => table(other).Total?.Red === 1, 'other tab updated', { timeout: 8000 });
    store.close();
  });

  it('an empty plan says so and still passes axe', async () => {
    const { el } = await summary(freshName(), PLAN);
    await waitUntil(() => root(el).textContent!.includes('There are no actions in this plan yet.'), 'empty message');
    expect(table(el).Total.Total).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
