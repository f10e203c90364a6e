import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { ApActionCard } from '../../../src/components/action-card/action-card.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import type { Action, Person, Role } from '../../../src/model/index.js';
import { PLAN, actionInput, freshName, priorityInput, waitUntil } from '../../helpers.js';

const TODAY = '2024-01-15';
const XSS = '<img src=x onerror=alert(1)>';

async function seed(actions: Partial<Action>[], name = freshName('card')) {
  const store = await ActionPlanStore.open(name);
  await store.applyPulled('priorities', [{ ...priorityInput({ id: 'p-1', title: 'Domestic abuse' }), version: 1 }]);
  await store.applyPulled('actions', actions.map((a) => ({ version: 1, ...a })));
  return store;
}

async function card(name: string, id: string, attrs: { readonly?: boolean; compact?: boolean; person?: Person } = {}) {
  const plan = await fixture(html`<ap-plan name=${name} plan-id=${PLAN} today=${TODAY} user="J. Smith" ?readonly=${attrs.readonly} .person=${attrs.person}>
    <ap-action-card action-id=${id} ?compact=${attrs.compact}></ap-action-card>
  </ap-plan>`);
  const el = plan.querySelector('ap-action-card')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=title]'), 'card rendered');
  return el;
}

const root = (el: ApActionCard) => el.shadowRoot!;
const text = (el: ApActionCard) => root(el).textContent!.replace(/\s+/g, ' ');
const tag = (el: ApActionCard) => root(el).querySelector('[part=rag-tag]')!.textContent!.trim();
const input = (el: ApActionCard, id: string) => root(el).querySelector<HTMLInputElement>(`#${id}`)!;
const button = (el: ApActionCard, label: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

/** Types into a control the way a keyboard user does: focus it, select what is there, type. */
async function type(el: ApActionCard, id: string, value: string) {
  const control = input(el, id);
  control.focus();
  if (control.type === 'date') {
    // A date field takes the browser locale's order; WebKit moves to the next segment only on a separator.
    const digits = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' } as const;
    await sendKeys({ type: new Intl.DateTimeFormat(navigator.language, digits).format(new Date(value)) });
  } else {
    control.select(); // what Ctrl+A does, which sendKeys cannot press in every engine
    await sendKeys(value ? { type: value } : { press: 'Backspace' });
  }
}

async function press(el: ApActionCard, label: string) {
  button(el, label).focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

async function openEditor(el: ApActionCard) {
  await press(el, 'Edit');
  await waitUntil(() => root(el).querySelector('form'), 'editor open');
}

const errorSummary = (el: ApActionCard) => root(el).querySelector('[part=error-summary]');

describe('<ap-action-card>', () => {
  it('passes axe (read view)', async function () {
    this.timeout(30000); // the file's first test: loads axe too, over 10 s in WebKit on a loaded machine
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', owner: 'P. Jones', startDate: '2023-10-01', targetDate: '2024-03-31', status: 'in-progress', progress: 40 })], name);
    const el = await card(name, 'a-1');
    await expect(el).to.be.accessible();
    store.close();
  });

  it('shows a partner who may see the action as text, not as a control; only officers change it', async function () {
    // Two cards and axe: room for WebKit on a busy machine.
    this.timeout(30000);
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', priorityId: 'p-1', leadAgency: 'Essex Police', public: true, visibility: 'restricted' })], name);
    const as = (role: Role): Person => ({ id: `tid:${role}`, name: role, writesHistory: true, plans: { [PLAN]: { role, agencies: ['Essex Police'] } } });
    const exposure = 'On the public page. Seen only by the CSP officers and the lead agency (restricted). Only the CSP officers can change this.';
    for (const role of ['partner', 'officer'] as const) {
      const el = await card(name, 'a-1', { person: as(role) });
      await openEditor(el);
      const form = root(el).querySelector('form')!;
      expect(form.querySelector('[name=public], [id^=public], [id^=visibility]'), 'no control for it').to.equal(null);
      expect(form.textContent!.replace(/\s+/g, ' ').includes(exposure), role).to.equal(role === 'partner');
      if (role === 'partner') await expect(el).to.be.accessible();
    }
    store.close();
  });

  it('passes axe when compact, readonly, editing, with errors and with an override', async function () {
    this.timeout(30000); // axe four times: slow in WebKit
    const name = freshName();
    const override = { rag: 'amber', reason: 'Awaiting partner data', by: 'J. Smith', at: '2024-01-10T10:00:00Z' } as const;
    const store = await seed([actionInput({ id: 'a-1', ragOverride: override, milestones: [{ id: 'm', title: 'Plan agreed', dueDate: '2024-01-10' }] })], name);
    await expect(await card(name, 'a-1', { compact: true })).to.be.accessible();
    await expect(await card(name, 'a-1', { readonly: true })).to.be.accessible();
    const el = await card(name, 'a-1');
    expect(text(el)).to.contain('Overridden to Amber by J. Smith on 10 January 2024: Awaiting partner data');
    await openEditor(el);
    await expect(el).to.be.accessible();
    await type(el, 'title-input', '');
    await press(el, 'Save');
    await waitUntil(() => errorSummary(el), 'errors shown');
    await expect(el).to.be.accessible();
    store.close();
  });

  it('compact: takes an .action with no store read, and Enter opens the full card in a dialog', async () => {
    const action = { ...actionInput({ id: 'a-9', owner: 'P. Jones', targetDate: '2024-01-20', progress: 30, status: 'in-progress' }), version: 0, updatedAt: '', updatedBy: '', deleted: false, revisions: [], milestones: [], updates: [], public: false } as Action;
    const plan = await fixture(html`<ap-plan name=${freshName()} plan-id=${PLAN} today=${TODAY}><ap-action-card compact .action=${action}></ap-action-card></ap-plan>`);
    const el = plan.querySelector('ap-action-card')!;
    await waitUntil(() => root(el).querySelector('[part~=title]'), 'compact rendered');
    expect(text(el)).to.contain('Action a-9').and.contain('P. Jones').and.contain('20 January 2024 (due in 5 days)').and.contain('30%');
    expect(tag(el)).to.match(/^Amber/);
    const opened: string[] = [];
    plan.addEventListener('ap-open-action', (e) => opened.push((e as CustomEvent<{ actionId: string }>).detail.actionId));
    // The dialog joins the page only when the card is opened: a board never opens most of its cards.
    expect(root(el).querySelector('dialog')).to.equal(null);
    root(el).querySelector<HTMLButtonElement>('[part~=title]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal(['a-9']);
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    await waitUntil(() => dialog.querySelector('ap-action-card')?.shadowRoot?.querySelector('#edit'), 'full card in dialog');
  });

  it('compact: a listener that calls preventDefault() opens the action its own way', async () => {
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1' })], name);
    const el = await card(name, 'a-1', { compact: true });
    el.parentElement!.addEventListener('ap-open-action', (e) => e.preventDefault());
    root(el).querySelector<HTMLElement>('dd')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('dialog[open]')).to.equal(null);
    store.close();
  });

  const rules: [string, Partial<Action>, string, string][] = [
    ['target passed', { targetDate: '2023-12-31', status: 'in-progress' }, 'Red', 'Target date 31 December 2023 has passed'],
    ['blocked', { status: 'blocked', targetDate: '2024-06-01' }, 'Red', 'Status is blocked'],
    ['milestone long overdue', { status: 'in-progress', milestones: [{ id: 'm', title: 'Venue booked', dueDate: '2023-12-01' }] }, 'Red', 'Milestone "Venue booked" is 45 days overdue'],
    ['not started', { startDate: '2024-02-01' }, 'Not started', 'Not started: due to start 1 February 2024'],
    ['target revised', { status: 'in-progress', startDate: '2023-12-01', targetDate: '2024-03-01', revisedTargetDate: '2024-06-01', progress: 30 }, 'Amber', 'Target date revised from 1 March 2024 to 1 June 2024'],
    ['milestone overdue', { status: 'in-progress', milestones: [{ id: 'm', title: 'Venue booked', dueDate: '2024-01-10' }] }, 'Amber', 'Milestone "Venue booked" is 5 days overdue'],
    ['behind schedule', { status: 'in-progress', startDate: '2023-07-01', targetDate: '2024-03-31', progress: 10 }, 'Amber', 'Progress 10% is behind the expected'],
    ['due soon', { status: 'in-progress', targetDate: '2024-01-20', progress: 50 }, 'Amber', 'Due in 5 days and under 90% complete'],
    ['on track', { status: 'in-progress', startDate: '2023-10-01', targetDate: '2024-06-30', progress: 50 }, 'Green', 'Dates and progress are on track'],
    ['complete', { status: 'complete', progress: 100 }, 'Complete', 'Marked complete'],
    ['cancelled', { status: 'cancelled' }, 'Cancelled', 'Cancelled'],
  ];
  for (const [rule, fields, expectedTag, reason] of rules) {
    it(`shows the RAG and its reason: ${rule}`, async () => {
      const name = freshName();
      const store = await seed([actionInput({ id: 'a-1', ...fields })], name);
      const el = await card(name, 'a-1');
      expect(tag(el)).to.match(new RegExp(`^${expectedTag}`));
      expect(root(el).querySelector('[part=reasons]')!.textContent).to.contain(reason);
      store.close();
    });
  }

  it('an override from an earlier quarter has lapsed and says so', async () => {
    const name = freshName();
    const override = { rag: 'green', reason: 'Partner data due', by: 'J. Smith', at: '2023-11-03T10:00:00Z' } as const;
    const store = await seed([actionInput({ id: 'a-1', status: 'blocked', ragOverride: override })], name);
    const el = await card(name, 'a-1');
    expect(tag(el)).to.match(/^Red/);
    expect(text(el)).to.contain('An override to Green made on 3 November 2023 at 10:00 has lapsed');
    store.close();
  });

  it('shows timescales: the original target struck through, how often revised, and each revision', async () => {
    const name = freshName();
    const revisions = [
      { id: 'r1', date: '2024-02-28', previousDate: '2024-01-31', reason: 'Venue fell through', by: 'J. Smith', at: '2023-12-01T10:00:00Z' },
      { id: 'r2', date: '2024-03-22', previousDate: '2024-02-28', reason: 'Schools busy', by: 'L. Brown', at: '2024-01-05T10:00:00Z' },
    ];
    const store = await seed([actionInput({ id: 'a-1', targetDate: '2024-01-31', revisedTargetDate: '2024-03-22', revisions, status: 'in-progress', funding: { allocatedPence: 1233700, spentPence: 50000, public: false } })], name);
    const el = await card(name, 'a-1');
    expect(root(el).querySelector('del')!.textContent).to.equal('31 January 2024');
    expect(text(el)).to.contain('22 March 2024 (due in 67 days)').and.contain('revised 2 times').and.contain('£12,337.00 allocated, £500.00 spent');
    expect(text(el)).to.contain('28 February 2024 to 22 March 2024 by L. Brown: Schools busy');
    store.close();
  });

  it('shows an ongoing action as Ongoing, its partners, and "Target date needed" for a timescale kept as text', async () => {
    const name = freshName();
    const store = await seed(
      [
        actionInput({ id: 'a-1', ongoing: true, status: 'in-progress', partners: ['Essex Police', 'Safe Partnership'] }),
        actionInput({ id: 'a-2', timescaleText: 'Spring', status: 'in-progress' }),
      ],
      name,
    );
    const ongoing = await card(name, 'a-1');
    expect(text(ongoing)).to.contain('Target dateOngoing').and.contain('PartnersEssex Police; Safe Partnership');
    // No target: never red for a passed target.
    expect(tag(ongoing)).to.equal('Green (on track)');
    const compact = await card(name, 'a-2', { compact: true });
    expect(text(compact)).to.contain('Target date needed (Spring)');
    store.close();
  });

  it('a change or update recorded with no name shows its date without a stray comma', async () => {
    const name = freshName('card');
    const store = await seed([actionInput({ id: 'a-1', updates: [{ id: 'u-1', text: 'Venue booked.', by: '', at: '2024-01-10T09:00:00Z' }] })], name);
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, progress: 20 }, { by: '' });
    const el = await card(name, 'a-1');
    await waitUntil(() => text(el).includes('Change history (1)'), 'history read');
    const meta = [...root(el).querySelectorAll('.meta')].map((span) => span.textContent!.trim());
    expect(meta).to.include.members(['10 January 2024 at 09:00']);
    expect(meta.every((line) => !line.startsWith(','))).to.equal(true, meta.join(' | '));
    store.close();
  });

  it('renders markup in title, owner and update text as text', async () => {
    const name = freshName();
    const updates = [{ id: 'u', at: '2024-01-02T10:00:00Z', by: XSS, text: XSS }];
    const store = await seed([actionInput({ id: 'a-1', title: XSS, owner: XSS, updates })], name);
    for (const compact of [false, true]) {
      const el = await card(name, 'a-1', { compact });
      expect(root(el).querySelectorAll('img').length).to.equal(0);
      expect(text(el)).to.contain(XSS);
    }
    store.close();
  });

  it('keyboard edit of status, progress, revised date with reason, update and milestone persists and survives a fresh card', async function () {
    this.timeout(30000); // many keystrokes: slow in WebKit
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', startDate: '2023-10-01', targetDate: '2024-01-31', status: 'not-started', milestones: [{ id: 'm1', title: 'Plan agreed', dueDate: '2024-01-10' }] })], name);
    const el = await card(name, 'a-1');
    const changes: string[][] = [];
    el.addEventListener('ap-action-change', (e) => changes.push(e.detail.fields));
    await openEditor(el);
    expect(root(el).activeElement?.id).to.equal('title-input');

    const status = root(el).querySelector('select')!;
    status.focus();
    await sendKeys({ press: 'ArrowDown' }); // Not started -> In progress
    await type(el, 'progress-input', '45');
    await type(el, 'revisedTargetDate-input', '2024-03-31');
    await type(el, 'reason-input', 'Partner data late');
    input(el, 'update-input').focus();
    await sendKeys({ type: 'Venue booked for February.' });
    input(el, 'milestone-0-done-input').focus();
    // ' ', not 'Space': Firefox's WebDriver BiDi keyboard in Puppeteer knows no key named Space.
    await sendKeys({ press: ' ' });
    await press(el, 'Add a milestone');
    expect(root(el).activeElement?.id).to.equal('milestone-1-title-input');
    await sendKeys({ type: 'Training delivered' });
    await type(el, 'milestone-1-due-input', '2024-03-01');
    await press(el, 'Save');
    await waitUntil(() => !root(el).querySelector('form'), 'editor closed');
    expect(root(el).activeElement?.id).to.equal('edit');
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Action saved', 'save announced');
    expect(changes).to.have.length(1);
    expect(changes[0]).to.include.members(['status', 'progress', 'revisedTargetDate', 'revisions', 'updates', 'milestones']);

    const saved = (await store.get('actions', 'a-1'))!;
    expect(saved).to.include({ status: 'in-progress', progress: 45, revisedTargetDate: '2024-03-31' });
    expect(saved.revisions[0]).to.include({ date: '2024-03-31', previousDate: '2024-01-31', reason: 'Partner data late', by: 'J. Smith' });
    expect(saved.updates[0]).to.include({ text: 'Venue booked for February.', progress: 45, status: 'in-progress' });
    expect(saved.milestones).to.deep.equal([
      { id: 'm1', title: 'Plan agreed', dueDate: '2024-01-10', doneDate: TODAY },
      { id: saved.milestones[1].id, title: 'Training delivered', dueDate: '2024-03-01' },
    ]);
    expect((await store.outbox()).some((entry) => entry.recordId === 'a-1')).to.equal(true);

    const fresh = await card(name, 'a-1');
    await waitUntil(() => text(fresh).includes('Change history'), 'history read');
    expect(text(fresh)).to.contain('In progress').and.contain('45%').and.contain('Venue booked for February.').and.contain('revised 1 time');
    expect(text(fresh)).to.contain('Training delivered: due 1 March 2024').and.contain('Plan agreed: done 15 January 2024');
    expect(text(fresh)).to.contain('Progress changed from 0 to 45');
    store.close();
  });

  // [problem, control typed in, value, message, control the message belongs to]
  const invalid: [string, string, string, string, string?][] = [
    ['empty title', 'title-input', '', 'Enter a title for the action'],
    ['progress over 100', 'progress-input', '150', 'Progress must be a whole number from 0 to 100'],
    ['target before start', 'targetDate-input', '2023-09-01', 'Target date must be on or after the start date'],
    ['revised date without reason', 'revisedTargetDate-input', '2024-04-30', 'Enter a reason for changing the revised target date', 'reason-input'],
  ];
  for (const [problem, typed, value, message, field = typed] of invalid) {
    it(`refuses ${problem}: error summary takes focus, inline message, nothing saved`, async () => {
      const name = freshName();
      // No target date yet: typing over a filled date field differs between engines.
      const store = await seed([actionInput({ id: 'a-1', startDate: '2023-10-01' })], name);
      const el = await card(name, 'a-1');
      await openEditor(el);
      await type(el, typed, value);
      await press(el, 'Save');
      await waitUntil(() => root(el).activeElement === errorSummary(el), 'summary focused');
      expect(errorSummary(el)!.textContent).to.contain('There is a problem').and.contain(message);
      const control = input(el, field);
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).querySelector(`#${control.getAttribute('aria-describedby')!.split(' ').pop()}`)!.textContent).to.contain(message);
      // The summary's link takes the user to the field.
      errorSummary(el)!.querySelector('a')!.click();
      expect(root(el).activeElement?.id).to.equal(field);
      expect((await store.outbox()).length).to.equal(0);
      store.close();
    });
  }

  it('sets an override with a reason, and clears it; an override without a reason is refused', async () => {
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', status: 'in-progress', startDate: '2023-10-01', targetDate: '2024-06-30', progress: 50 })], name);
    const el = await card(name, 'a-1');
    await openEditor(el);
    const override = root(el).querySelector<HTMLSelectElement>('#override-input')!;
    override.focus();
    await sendKeys({ press: 'ArrowDown' }); // No override -> Red
    await press(el, 'Save');
    await waitUntil(() => errorSummary(el)?.textContent?.includes('Enter a reason for the RAG override'), 'reason required');
    await type(el, 'overrideReason-input', 'Partner withdrew');
    await press(el, 'Save');
    await waitUntil(() => tag(el).startsWith('Red'), 'override shown');
    // Stamped with the real clock, so the date is today's, not <ap-plan today>.
    expect(text(el)).to.match(/Overridden to Red by J\. Smith on \d+ \w+ \d{4}: Partner withdrew/);
    expect(text(el)).to.contain('Dates and progress are on track');

    await openEditor(el);
    root(el).querySelector<HTMLSelectElement>('#override-input')!.focus();
    await sendKeys({ press: 'Home' });
    await press(el, 'Save');
    await waitUntil(() => tag(el).startsWith('Green'), 'override cleared');
    expect((await store.get('actions', 'a-1'))!.ragOverride).to.equal(undefined);
    store.close();
  });

  it('cancelling (withdrawing) an action needs a reason, and the reason becomes its update', async () => {
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', status: 'in-progress' })], name);
    const el = await card(name, 'a-1');
    await openEditor(el);
    root(el).querySelector('select')!.focus();
    await sendKeys({ press: 'End' }); // Cancelled
    await press(el, 'Save');
    await waitUntil(() => errorSummary(el)?.textContent?.includes('Enter a reason for cancelling the action'), 'reason required');
    await type(el, 'reason-input', 'Funding withdrawn');
    await press(el, 'Save');
    await waitUntil(() => tag(el) === 'Cancelled', 'cancelled');
    expect(text(el)).to.contain('Funding withdrawn');
    store.close();
  });

  it('removes a milestone with the keyboard, says so, and saves without it', async () => {
    const name = freshName();
    const milestones = [
      { id: 'm1', title: 'Venue booked', dueDate: '2024-02-01' },
      { id: 'm2', title: 'Sessions held', dueDate: '2024-03-01' },
    ];
    const store = await seed([actionInput({ id: 'a-1', milestones })], name);
    const el = await card(name, 'a-1');
    await openEditor(el);
    await press(el, 'Remove milestone 1');
    expect(root(el).activeElement?.id).to.equal('add-milestone');
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Milestone "Venue booked" removed', 'removal announced');
    await press(el, 'Save');
    await waitUntil(() => root(el).querySelector('[role=status]')!.textContent === 'Action saved', 'saved');
    expect((await store.get('actions', 'a-1'))!.milestones[0].title).to.equal('Sessions held');
    store.close();
  });

  it('Cancel discards the changes and fires no event; readonly shows no Edit', async () => {
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', title: 'Original' })], name);
    const el = await card(name, 'a-1');
    let fired = 0;
    el.addEventListener('ap-action-change', () => fired++);
    await openEditor(el);
    await type(el, 'title-input', 'Changed');
    await press(el, 'Cancel');
    expect(root(el).querySelectorAll('form').length).to.equal(0);
    expect(root(el).querySelector('[part=title]')!.textContent).to.equal('Original');
    expect(fired).to.equal(0);
    expect((await store.get('actions', 'a-1'))!.title).to.equal('Original');
    expect(root(await card(name, 'a-1', { readonly: true })).querySelectorAll('#edit').length).to.equal(0);
    store.close();
  });

  it('shows a change made in another tab, without firing ap-action-change', async () => {
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1', title: 'Before' })], name);
    const el = await card(name, 'a-1');
    let fired = 0;
    el.addEventListener('ap-action-change', () => fired++);
    const otherTab = await ActionPlanStore.open(name);
    await otherTab.put('actions', { ...(await otherTab.get('actions', 'a-1'))!, title: 'After' }, { by: 'Other tab' });
    await waitUntil(() => root(el).querySelector('[part=title]')!.textContent === 'After', 'other tab change shown');
    expect(fired).to.equal(0);
    otherTab.close();
    store.close();
  });

  it('shows an edit saved through its own plan at once, and a later edit from another tab once read', async () => {
    const name = freshName();
    const seeded = await seed([actionInput({ id: 'a-1', title: 'Before' })], name);
    const el = await card(name, 'a-1');
    const title = () => root(el).querySelector('[part=title]')!.textContent;
    const store = el.closest('ap-plan')!.store!;
    await store.put('actions', { ...(await store.get('actions', 'a-1'))!, title: 'Saved here' }, { by: 'J. Smith' });
    // One render, no read of the store in between: the change feed carried the committed record.
    await el.updateComplete;
    expect(title()).to.equal('Saved here');
    // Another tab saves after it with a clock that is behind: what is read back still wins.
    const otherTab = await ActionPlanStore.open(name);
    await otherTab.put('actions', { ...(await otherTab.get('actions', 'a-1'))!, title: 'Saved there' }, { by: 'Other tab', now: new Date('2020-01-01T00:00:00Z') });
    await waitUntil(() => title() === 'Saved there', 'the other tab\'s edit shown', { timeout: 8000 });
    otherTab.close();
    seeded.close();
  });

  it('shows a "Conflict" badge when told there is a conflict', async () => {
    const name = freshName();
    const store = await seed([actionInput({ id: 'a-1' })], name);
    const el = await card(name, 'a-1');
    el.conflict = true;
    await el.updateComplete;
    // A button to the conflict in <ap-sync-status>: "Conflict" shown, what it does said to screen readers.
    const badge = root(el).querySelector<HTMLElement>('[part=conflict]')!;
    expect(badge.localName).to.equal('button');
    expect(badge.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Conflict: show both versions to choose one');
    store.close();
  });
});
