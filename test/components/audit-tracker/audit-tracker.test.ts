import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApAuditTracker } from '../../../src/components/audit-tracker/audit-tracker.js';
import type { Person, Role } from '../../../src/model/index.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import { freshName, waitUntil } from '../../helpers.js';

// The sample plans, as the demo serves them (the test server serves the repository).
// Generous: Firefox and WebKit commit IndexedDB writes more slowly than Chromium.
const until = (condition: () => unknown, message?: string) => waitUntil(condition, message, { timeout: 8000 });
const db = (await (await fetch('/demo/data/db.json')).json()) as Record<'priorities' | 'actions' | 'audits', unknown[]> & { recommendations: { id: string; status: string }[] };
const PLAN = 'castle-point-rochford-2023-24';
const AUDIT = 'light-touch-2023';

async function mount(options: { attrs?: string; readonly?: boolean; auditId?: string; recommendations?: unknown[]; person?: Person } = {}) {
  const store = await ActionPlanStore.open(freshName('audit'));
  for (const collection of ['priorities', 'actions', 'audits'] as const) await store.applyPulled(collection, db[collection]);
  await store.applyPulled('recommendations', options.recommendations ?? db.recommendations);
  const wrapper = await fixture<HTMLElement>(html`<div><ap-plan .store=${store} plan-id=${PLAN} today="2024-01-15" user="J. Smith" ?readonly=${options.readonly} .person=${options.person}></ap-plan></div>`);
  const plan = wrapper.querySelector('ap-plan')!;
  plan.innerHTML = `<ap-audit-tracker audit-id="${options.auditId ?? AUDIT}" ${options.attrs ?? ''}></ap-audit-tracker>`;
  const tracker = plan.querySelector('ap-audit-tracker') as ApAuditTracker;
  await until(() => tracker.shadowRoot!.querySelector('table, p'), 'tracker rendered');
  return { store, tracker };
}

const root = (tracker: ApAuditTracker) => tracker.shadowRoot!;
const refs = (tracker: ApAuditTracker) => [...root(tracker).querySelectorAll<HTMLElement>('tbody tr[data-id]')].map((tr) => tr.dataset.id!.replace('cpr-rec-', ''));
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const button = (tracker: ApAuditTracker, name: string) =>
  [...root(tracker).querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? squash(b.textContent)) === name) ?? (() => { throw new Error(`no button "${name}"`); })();
const dialog = (tracker: ApAuditTracker) => root(tracker).querySelector('dialog')!;
const summary = (tracker: ApAuditTracker) => squash(dialog(tracker).querySelector('.error-summary')?.textContent);

async function edit(tracker: ApAuditTracker, ref: string) {
  button(tracker, `Edit recommendation ${ref}`).click();
  await until(() => root(tracker).querySelector('dialog[open] form'), 'dialog open');
}
// Pastes the text, as a user might: WebKit's WebDriver drops repeated letters when it types them.
async function type(tracker: ApAuditTracker, id: string, text: string) {
  const input = dialog(tracker).querySelector<HTMLInputElement>(`#${id}`)!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}
function choose(tracker: ApAuditTracker, id: string, value: string) {
  const select = dialog(tracker).querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
async function save(tracker: ApAuditTracker) {
  dialog(tracker).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await tracker.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('<ap-audit-tracker>', function () {
  // Three engines share the machine in a full run; the first test also loads axe.
  this.timeout(30000);

  it('passes axe', async () => {
    const { tracker } = await mount();
    await expect(tracker).to.be.accessible();
  });

  it('summarises "x of y implemented" and overdue by rating as DOMAIN.md counts them', async () => {
    const { tracker } = await mount();
    // Counted here from the data itself: Verified counts as implemented, Superseded is left out.
    const counted = db.recommendations.filter((r) => r.status !== 'superseded');
    const implemented = counted.filter((r) => r.status === 'implemented' || r.status === 'verified').length;
    expect(squash(root(tracker).querySelector('.headline')!.textContent)).to.equal(`${implemented} of ${counted.length} implemented – 1 overdue (Medium); targets revised 3 times in all`);
    expect([...root(tracker).querySelectorAll('.summary li')].map((li) => squash(li.textContent))).to.deep.equal([
      'High: 1 of 2 implemented',
      'Medium: 1 of 3 implemented',
      'Low: 1 of 2 implemented',
    ]);
  });

  it('shows original and revised targets, revision count, status, evidence and linked actions', async () => {
    const { tracker } = await mount();
    const row = root(tracker).querySelector('tr[data-id="cpr-rec-1"]')!;
    expect(row.querySelector('s')!.textContent).to.contain('31 December 2023');
    expect(squash(row.textContent)).to.contain('31 January 2024').and.contain('revised once').and.contain('In progress').and.contain('Medium');
    expect(squash(root(tracker).querySelector('tr[data-id="cpr-rec-5"]')!.textContent)).to.contain('Overdue');
    const links = [...root(tracker).querySelectorAll<HTMLAnchorElement>('tr[data-id="cpr-rec-3"] a')];
    expect(links.length).to.equal(2);
    expect(links.every((a) => a.href.startsWith('https:'))).to.equal(true);
    row.querySelector<HTMLElement>('details summary')!.click();
    expect(row.querySelector('details')!.open).to.equal(true);
    row.querySelector<HTMLButtonElement>('td:last-child button')!.click();
    await until(() => root(tracker).querySelector('dialog[open] ap-action-card[action-id="cpr-a-csp-review"]'), 'linked action opened');
  });

  it('sorts by any column, with aria-sort', async () => {
    const { tracker } = await mount();
    expect(refs(tracker)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    root(tracker).querySelector<HTMLButtonElement>('[data-sort=rating]')!.click();
    await tracker.updateComplete;
    expect(refs(tracker)).to.deep.equal(['2', '4', '1', '3', '5', '6', '7']);
    expect(root(tracker).querySelector('[data-sort=rating]')!.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    root(tracker).querySelector<HTMLButtonElement>('[data-sort=rating]')!.click();
    await tracker.updateComplete;
    expect(refs(tracker).slice(0, 2)).to.deep.equal(['6', '7']);
    root(tracker).querySelector<HTMLButtonElement>('[data-sort=target]')!.click();
    await tracker.updateComplete;
    expect(refs(tracker)).to.deep.equal(['6', '3', '4', '5', '1', '7', '2']);
  });

  it('filters by status, rating and overdue', async () => {
    const { tracker } = await mount();
    const set = async (id: string, value: string | boolean) => {
      const control = root(tracker).querySelector<HTMLInputElement & HTMLSelectElement>(`#${id}`)!;
      if (typeof value === 'boolean') control.checked = value;
      else control.value = value;
      control.dispatchEvent(new Event('change'));
      await tracker.updateComplete;
    };
    await set('filter-status', 'verified');
    expect(refs(tracker)).to.deep.equal(['3', '6']);
    await set('filter-status', '');
    await set('filter-rating', 'low');
    expect(refs(tracker)).to.deep.equal(['6', '7']);
    await set('filter-rating', '');
    await set('filter-overdue', true);
    expect(refs(tracker)).to.deep.equal(['5']);
  });

  it('words ratings by a label map', async () => {
    const { tracker } = await mount({ attrs: 'rating-labels="fundamental"' });
    await expect(tracker).to.be.accessible();
    expect(squash(root(tracker).querySelector('tr[data-id="cpr-rec-2"] [part=rating-tag]')!.textContent)).to.equal('Fundamental');
    tracker.ratingLabels = { high: 'Priority A' };
    await tracker.updateComplete;
    expect(squash(root(tracker).querySelector('tr[data-id="cpr-rec-2"] [part=rating-tag]')!.textContent)).to.equal('Priority A');
  });

  it('offers only the next workflow steps', async () => {
    const { tracker } = await mount();
    await edit(tracker, '7');
    const options = [...dialog(tracker).querySelectorAll<HTMLOptionElement>('#d-status option')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Open', 'In progress', 'Not accepted', 'Superseded']);
  });

  it('Verified needs evidence: refused without, accepted with', async () => {
    const { tracker, store } = await mount();
    await edit(tracker, '4');
    dialog(tracker).querySelector<HTMLButtonElement>('.evidence button')!.click();
    await tracker.updateComplete;
    choose(tracker, 'd-status', 'verified');
    await save(tracker);
    expect(summary(tracker)).to.contain('Verified needs at least one evidence link');
    expect((await store.get('recommendations', 'cpr-rec-4'))!.status).to.equal('implemented');
    await expect(tracker).to.be.accessible();
    await type(tracker, 'd-evidenceLabel', 'JSG minutes');
    await type(tracker, 'd-evidenceUrl', 'https://example.gov.uk/jsg-minutes.pdf');
    button(tracker, 'Add evidence link').click();
    await tracker.updateComplete;
    await save(tracker);
    await until(async () => (await store.get('recommendations', 'cpr-rec-4'))!.status === 'verified', 'verified saved');
    expect((await store.get('recommendations', 'cpr-rec-4'))!.evidence.map((e) => e.label)).to.deep.equal(['JSG minutes']);
  });

  it('refuses a javascript: evidence link with a message, and keeps what was typed elsewhere', async () => {
    const { tracker, store } = await mount();
    await edit(tracker, '1');
    await type(tracker, 'd-evidenceLabel', 'Click me');
    await type(tracker, 'd-evidenceUrl', 'javascript:alert(1)');
    button(tracker, 'Add evidence link').click();
    await until(() => summary(tracker), 'refused');
    expect(summary(tracker)).to.contain('Evidence links must be web addresses starting http:// or https://.');
    expect(dialog(tracker).querySelectorAll('.evidence li').length).to.equal(0);
    expect((await store.get('recommendations', 'cpr-rec-1'))!.evidence).to.deep.equal([]);
  });

  it('Not accepted needs a reason', async () => {
    const { tracker, store } = await mount();
    await edit(tracker, '7');
    choose(tracker, 'd-status', 'not-accepted');
    await save(tracker);
    expect(summary(tracker)).to.contain('Not accepted needs a reason: say which risk is accepted.');
    await type(tracker, 'd-reason', 'Risk accepted by the Joint Steering Group.');
    await save(tracker);
    await until(async () => (await store.get('recommendations', 'cpr-rec-7'))!.status === 'not-accepted', 'saved');
    await until(() => squash(root(tracker).querySelector('tr[data-id="cpr-rec-7"]')!.textContent).includes('Risk accepted by the Joint Steering Group.'), 'reason shown');
  });

  it('Superseded needs the replacing recommendation, and then leaves the count', async () => {
    const { tracker, store } = await mount();
    await edit(tracker, '5');
    choose(tracker, 'd-status', 'superseded');
    await save(tracker);
    expect(summary(tracker)).to.contain('Superseded needs the recommendation that replaces it.');
    choose(tracker, 'd-supersededBy', 'cpr-rec-7');
    await save(tracker);
    await until(async () => (await store.get('recommendations', 'cpr-rec-5'))!.supersededBy === 'cpr-rec-7', 'saved');
    await until(() => squash(root(tracker).querySelector('.headline')!.textContent).startsWith('3 of 6 implemented – none overdue'), 'summary updated');
  });

  it('revising a target needs a reason and keeps the history', async () => {
    const { tracker, store } = await mount();
    await edit(tracker, '7');
    const newTarget = dialog(tracker).querySelector<HTMLInputElement>('#d-newTarget')!;
    newTarget.value = '2024-06-30';
    await save(tracker);
    expect(summary(tracker)).to.contain('Revising a target date needs a reason.');
    await type(tracker, 'd-revisionReason', 'Website rebuild moved to the summer.');
    await save(tracker);
    await until(async () => (await store.get('recommendations', 'cpr-rec-7'))!.revisions.length === 2, 'revision kept');
    const saved = (await store.get('recommendations', 'cpr-rec-7'))!;
    expect([saved.targetDate, saved.revisedTargetDate, saved.revisions[1]!.previousDate]).to.deep.equal(['2023-11-30', '2024-06-30', '2024-02-29']);
    await until(() => squash(root(tracker).querySelector('tr[data-id="cpr-rec-7"]')!.textContent).includes('revised 2 times'), 'count shown');
  });

  it('adds a recommendation with a new linked action; text renders as text', async () => {
    const { tracker, store } = await mount();
    button(tracker, 'Add recommendation').click();
    await until(() => root(tracker).querySelector('dialog[open] form'), 'open');
    await save(tracker);
    expect(summary(tracker)).to.contain('Recommendation is required.');
    await type(tracker, 'd-ref', '8');
    await type(tracker, 'd-recommendation', '<img src=x onerror="window.hacked=1">Publish minutes');
    choose(tracker, 'd-newActionPriority', 'cpr-p-asb');
    await save(tracker);
    await until(() => refs(tracker).length === 8, 'row added');
    const rec = (await store.query('recommendations', { index: 'auditId', value: AUDIT })).find((r) => r.ref === '8')!;
    const action = (await store.get('actions', rec.linkedActionIds[0]!))!;
    expect(action.priorityId).to.equal('cpr-p-asb');
    expect(root(tracker).querySelector('tbody img')).to.equal(null);
    expect(squash(root(tracker).querySelector(`tr[data-id="${rec.id}"]`)!.textContent)).to.contain('<img src=x');
  });

  it('creates the audit when there is none, then edits it', async () => {
    const { tracker, store } = await mount({ auditId: 'annual-2024' });
    expect(squash(root(tracker).textContent)).to.contain('There is no audit “annual-2024” in this plan yet.');
    await expect(tracker).to.be.accessible();
    button(tracker, 'Create audit').click();
    await until(() => root(tracker).querySelector('dialog[open] form'), 'open');
    await type(tracker, 'd-title', 'Annual audit 2024');
    await type(tracker, 'd-auditor', 'Internal Audit');
    await save(tracker);
    await until(() => root(tracker).querySelector('h2')?.textContent === 'Annual audit 2024', 'created');
    expect((await store.get('audits', 'annual-2024'))!.auditor).to.equal('Internal Audit');
    button(tracker, 'Edit audit details').click();
    await until(() => root(tracker).querySelector('dialog[open] form'), 'open');
    await type(tracker, 'd-assurance', 'Reasonable');
    await save(tracker);
    await until(async () => (await store.get('audits', 'annual-2024'))!.assurance === 'Reasonable', 'edited');
  });

  it('says on each recommendation a partner may not update who can, and on none of their own', async () => {
    const owners: Record<string, string | undefined> = { 'cpr-rec-1': 'Essex Police', 'cpr-rec-2': 'Castle Point Borough Council', 'cpr-rec-3': undefined };
    const recommendations = db.recommendations.filter((rec) => rec.id in owners).map((rec) => ({ ...rec, ownerAgency: owners[rec.id] }));
    const as = (role: Role): Person => ({ id: `tid:${role}`, name: role, writesHistory: true, plans: { [PLAN]: { role, agencies: ['Essex Police'] } } });
    const { tracker } = await mount({ recommendations, person: as('partner') });
    await until(() => refs(tracker).length === 3, 'three rows');
    const row = (id: string) => root(tracker).querySelector<HTMLElement>(`tr[data-id="${id}"]`)!;
    const whoCan = (id: string) => squash(row(id).querySelector('[part="who-can"]')?.textContent);
    expect([whoCan('cpr-rec-1'), whoCan('cpr-rec-2'), whoCan('cpr-rec-3')]).to.deep.equal([
      '',
      'Only Castle Point Borough Council and the CSP officers can update this recommendation.',
      'Only the CSP officers can update this recommendation.',
    ]);
    expect([...row('cpr-rec-1').querySelectorAll('button')].map((b) => squash(b.textContent))).to.include('Edit');
    expect([...row('cpr-rec-2').querySelectorAll('button')].map((b) => squash(b.textContent))).not.to.include('Edit');
    await expect(tracker).to.be.accessible();

    // A viewer reads: one line for the page, none per row.
    const viewer = (await mount({ recommendations, person: as('viewer') })).tracker;
    await until(() => refs(viewer).length === 3, 'three rows for the viewer');
    expect([...root(viewer).querySelectorAll('[part="who-can"]')].map((line) => squash(line.textContent))).to.deep.equal(['You can read this plan but not change it.']);
  });

  it('readonly: no editing controls, still accessible', async () => {
    const { tracker } = await mount({ readonly: true });
    expect([...root(tracker).querySelectorAll('button')].filter((b) => /Edit|Add/.test(b.textContent!))).to.deep.equal([]);
    await expect(tracker).to.be.accessible();
  });
});
