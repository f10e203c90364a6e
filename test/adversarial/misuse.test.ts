// Wrong use by a web editor: bad attribute values, a missing or doubled <ap-plan>, the bundle loaded
// twice. Each gets a dev-mode warning or a visible message, a sensible default, and no uncaught error.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ApPlan } from '../../src/components/plan/plan.js';
import { ActionPlanStore } from '../../src/store/index.js';
import { freshName } from '../helpers.js';
import { COLLECTIONS, SAMPLE_PLAN, deepText, sample, until } from './dom.js';

let warnings: string[] = [];
let uncaught: string[] = [];
const realWarn = console.warn;
const onError = (event: ErrorEvent | PromiseRejectionEvent) => uncaught.push(String('reason' in event ? event.reason : event.message));
beforeEach(() => {
  warnings = [];
  uncaught = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
});
afterEach(() => {
  console.warn = realWarn;
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onError);
});

async function seeded(name = freshName('misuse')) {
  const store = await ActionPlanStore.open(name);
  for (const collection of COLLECTIONS) await store.applyPulled(collection, sample[collection]);
  return store;
}

/** A seeded plan around `markup`, once `ready` text shows (or after a pause, when none is given). */
async function page(markup: string, ready: string, planAttrs = `plan-id="${SAMPLE_PLAN}" today="2024-01-15"`) {
  const name = freshName('misuse');
  (await seeded(name)).close();
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<ap-plan name="${name}" user="J. Smith" ${planAttrs}>${markup}</ap-plan>`;
  const plan = wrapper.querySelector('ap-plan') as ApPlan;
  await until(() => deepText(wrapper).includes(ready), `"${ready}" shown`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { plan, text: deepText(wrapper).replace(/\s+/g, ' ') };
}

const CREW = 'Crucial Crew: online sessions on exploitation by county lines gangs';

describe('wrong use by a web editor', function () {
  this.timeout(30000);

  it('<ap-plan today="not-a-date">: warns and works out RAG for the real today', async () => {
    const { plan } = await page('<ap-rag-summary></ap-rag-summary>', 'Violence including knife crime', `plan-id="${SAMPLE_PLAN}" today="not-a-date"`);
    expect(warnings.join()).to.contain('today="not-a-date"');
    expect(plan.effectiveToday).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(uncaught).to.deep.equal([]);
  });

  it('<ap-plan today="2024-02-30">: an impossible date is refused like any bad date', async () => {
    await page('<ap-rag-summary></ap-rag-summary>', 'Violence including knife crime', `plan-id="${SAMPLE_PLAN}" today="2024-02-30"`);
    expect(warnings.join()).to.contain('today="2024-02-30"');
    expect(uncaught).to.deep.equal([]);
  });

  it('<ap-priority-board group-by="nonsense">: warns and groups by priority', async () => {
    const { text } = await page('<ap-priority-board group-by="nonsense"></ap-priority-board>', CREW);
    expect(warnings.join()).to.contain('group-by="nonsense"');
    expect(text).to.contain('Violence including knife crime');
    expect(uncaught).to.deep.equal([]);
  });

  it('regression: <ap-rag-summary group-by="nonsense">: warns and groups by priority', async () => {
    const { text } = await page('<ap-rag-summary group-by="nonsense"></ap-rag-summary>', 'Violence including knife crime');
    expect(warnings.join()).to.contain('group-by="nonsense"');
    expect(text).to.contain('Violence including knife crime');
    expect(uncaught).to.deep.equal([]);
  });

  it('<ap-priority-board> with nonsense filters: says so or ignores them, and still shows the plan', async () => {
    const { text } = await page('<ap-priority-board filter-rag="purple" due-within="soon" quarter="Q5"></ap-priority-board>', 'Violence including knife crime');
    expect(warnings.join() + text).to.match(/purple|Q5/);
    expect(uncaught).to.deep.equal([]);
  });

  it('<ap-action-card action-id="no-such-action">: warns, and the rest of the page works', async () => {
    const { text } = await page('<ap-action-card action-id="no-such-action"></ap-action-card><ap-rag-summary></ap-rag-summary>', 'Violence including knife crime');
    await until(() => warnings.join().includes('no-such-action'), 'warned');
    expect(text).to.contain('Violence including knife crime');
    expect(uncaught).to.deep.equal([]);
  });

  it('<ap-audit-tracker audit-id="no-such-audit" rating-labels="nonsense">: offers to create it, no error', async () => {
    const { text } = await page('<ap-audit-tracker audit-id="no-such-audit" rating-labels="nonsense"></ap-audit-tracker>', 'audit');
    expect(text).to.match(/no-such-audit|no audit/i);
    expect(uncaught).to.deep.equal([]);
  });

  it('<ap-report quarter="nonsense">: a visible message, no error', async () => {
    const { text } = await page('<ap-report quarter="nonsense"></ap-report>', 'nonsense');
    expect(text).to.match(/quarter/i);
    expect(uncaught).to.deep.equal([]);
  });

  it('regression: <ap-plan-admin view="nonsense">: warns and shows the plans tab, selected and focusable', async () => {
    const { plan } = await page('<ap-plan-admin view="nonsense"></ap-plan-admin>', 'Plans');
    expect(warnings.join()).to.contain('view="nonsense"');
    const selected = plan.querySelector('ap-plan-admin')!.shadowRoot!.querySelector('[role=tab][aria-selected=true]');
    expect(selected?.id, 'a tab stays selected and reachable by Tab').to.equal('tab-plans');
    expect(uncaught).to.deep.equal([]);
  });

  it('regression: no plan-id on <ap-plan>: a warning, no error', async () => {
    await page('<ap-rag-summary></ap-rag-summary>', '', 'today="2024-01-15"');
    await until(() => warnings.join().includes('plan-id'), 'warned about plan-id');
    expect(uncaught).to.deep.equal([]);
  });

  it('a widget outside any <ap-plan>: warns that it shows nothing until placed inside one', async () => {
    await fixture(html`<ap-rag-summary></ap-rag-summary>`);
    await until(() => warnings.join().includes('inside an <ap-plan>'), 'warned');
    expect(uncaught).to.deep.equal([]);
  });

  it('two <ap-plan> with one name on a page: both work, and an edit in one shows in the other', async () => {
    const name = freshName('twin');
    (await seeded(name)).close();
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const twin = `<ap-plan name="${name}" plan-id="${SAMPLE_PLAN}" today="2024-01-15" user="J. Smith"><ap-action-card action-id="cpr-a-crucial-crew"></ap-action-card></ap-plan>`;
    wrapper.innerHTML = twin + twin;
    const [first, second] = [...wrapper.querySelectorAll('ap-plan')] as ApPlan[];
    await until(() => first.store && second.store && deepText(second).includes(CREW), 'both open');
    const action = (await first.store!.get('actions', 'cpr-a-crucial-crew'))!;
    await first.store!.put('actions', { ...action, title: 'Crucial Crew (renamed)' }, { by: 'J. Smith' });
    await until(() => deepText(second).includes('Crucial Crew (renamed)'), 'the other plan sees the edit');
    expect(uncaught).to.deep.equal([]);
  });

  it('the bundle loaded twice: the second load registers nothing and throws nothing', async () => {
    const before = customElements.get('ap-plan');
    // The drop-in file, as a page that pastes the script tag twice loads it (the source define ran first).
    const bundle = '/dist/action-plan-widgets.js';
    await import(/* @vite-ignore */ `${bundle}?first`);
    await import(/* @vite-ignore */ `${bundle}?second`);
    expect(customElements.get('ap-plan')).to.equal(before);
    expect(uncaught).to.deep.equal([]);
  });
});
