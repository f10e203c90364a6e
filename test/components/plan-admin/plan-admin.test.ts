import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import { ADMIN_VIEWS, type ApPlanAdmin } from '../../../src/components/plan-admin/plan-admin.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import { freshName, waitUntil } from '../../helpers.js';
import { CPR, fillPack, isOpen, seedStore } from './sample.js';

let store: ActionPlanStore | undefined;
afterEach(() => store?.close());

async function setup(view = 'plans') {
  store = await seedStore(freshName('admin'));
  const plan = await fixture<ApPlan>(html`<ap-plan .store=${store} plan-id=${CPR} today="2024-01-15" user="J. Smith"><ap-plan-admin view=${view}></ap-plan-admin></ap-plan>`);
  const admin = plan.querySelector('ap-plan-admin')!;
  await waitUntil(() => admin.shadowRoot!.querySelector('[role=tabpanel] h2'), 'admin loaded');
  return { plan, admin, store };
}

const $ = <T extends Element = HTMLElement>(admin: ApPlanAdmin, selector: string) => admin.shadowRoot!.querySelector<T & Element>(selector)!;
const panel = (admin: ApPlanAdmin) => $(admin, '[role=tabpanel]').textContent!.replace(/\s+/g, ' ');
const statusText = (admin: ApPlanAdmin) => $(admin, '[part=status]').textContent!.trim();

function button(admin: ApPlanAdmin, text: string): HTMLButtonElement {
  const found = [...admin.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

// Pastes the text, as a user might: WebKit's WebDriver drops spaces and repeated letters when it types them.
async function type(admin: ApPlanAdmin, selector: string, text: string) {
  const input = $<HTMLInputElement>(admin, selector);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await admin.updateComplete;
}

async function settle(admin: ApPlanAdmin) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await admin.updateComplete;
}

/** Runs `trigger` and returns the file it downloads. */
async function download(trigger: () => void): Promise<{ name: string; text: string }> {
  const click = HTMLAnchorElement.prototype.click;
  let link: HTMLAnchorElement | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    link = this;
  };
  try {
    trigger();
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return { name: link!.download, text: await (await fetch(link!.href)).text() };
}

async function upload(admin: ApPlanAdmin, text: string) {
  const input = $<HTMLInputElement>(admin, '#pack-file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'filled-pack.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => admin.shadowRoot!.querySelector('.preview') || admin.shadowRoot!.querySelector('.error'), 'pack read');
}

describe('<ap-plan-admin>', function () {
  // Three engines share the machine in a full run; the first test also loads axe.
  this.timeout(30000);

  for (const view of ADMIN_VIEWS) {
    it(`passes axe on the ${view} tab`, async () => {
      const { admin } = await setup(view);
      await expect(admin).to.be.accessible();
    });
  }

  it('moves between tabs with the arrow keys', async () => {
    const { admin } = await setup();
    $(admin, '#tab-plans').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(admin);
    expect(admin.view).to.equal('requests');
    expect(admin.shadowRoot!.activeElement?.id).to.equal('tab-requests');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await settle(admin);
    expect(admin.shadowRoot!.activeElement?.id).to.equal('tab-clear');
    expect($(admin, '[role=tabpanel]').getAttribute('aria-labelledby')).to.equal('tab-clear');
  });

  it('creates a plan and switches the widgets to it', async () => {
    const { plan, admin, store } = await setup();
    button(admin, 'Create plan').click();
    await settle(admin);
    expect($(admin, '#new-name-error').textContent).to.contain('Enter a name');
    expect(admin.shadowRoot!.activeElement?.id).to.equal('new-name');

    await type(admin, '#new-name', 'Castle Point & Rochford CSP Partnership Plan 2024/25');
    await type(admin, '#new-period', '2024/25');
    await type(admin, '#new-description', 'Plan from the 2024 strategic assessment');
    $(admin, '#new-period').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(admin).startsWith('Created'), 'created');
    const created = (await store.query('plans')).find((p) => p.period === '2024/25')!;
    expect(created).to.include({ planId: created.id, name: 'Castle Point & Rochford CSP Partnership Plan 2024/25', updatedBy: 'J. Smith', version: 0 });
    expect((await store.outbox()).some((entry) => entry.recordId === created.id && entry.op === 'create')).to.equal(true);

    const selected: string[] = [];
    plan.addEventListener('ap-plan-select', (e) => selected.push(e.detail.planId));
    await waitUntil(() => panel(admin).includes('2024/25'), 'listed');
    button(admin, 'Show Castle Point & Rochford CSP Partnership Plan 2024/25').click();
    await plan.updateComplete;
    expect(plan.planId).to.equal(created.id);
    expect(selected).to.deep.equal([created.id]);
    await waitUntil(() => panel(admin).includes('Edit Castle Point & Rochford CSP Partnership Plan 2024/25'), 'edit form for the new plan');
    expect(statusText(admin)).to.equal('Now showing Castle Point & Rochford CSP Partnership Plan 2024/25.');
  });

  it('lists a plan created in another tab without a reload', async () => {
    const { admin, store } = await setup();
    // A second store on the same database is what another tab of the intranet page opens.
    const otherTab = await ActionPlanStore.open(store.name);
    try {
      await otherTab.put('plans', { id: 'cpr-2025-26', planId: 'cpr-2025-26', name: 'Community Safety Plan 2025/26', period: '2025/26' }, { by: 'A. Jones' });
      await waitUntil(() => panel(admin).includes('Community Safety Plan 2025/26'), 'the other tab\'s plan listed');
    } finally {
      otherTab.close();
    }
  });

  it('edits the shown plan', async () => {
    const { admin, store } = await setup();
    await type(admin, '#edit-period', '2023-24');
    button(admin, 'Save plan').click();
    await settle(admin);
    expect($(admin, '#edit-period-error').textContent).to.contain('2024/25');
    await type(admin, '#edit-period', '2023/24');
    await type(admin, '#edit-name', 'Castle Point and Rochford CSP Plan 2023/24');
    button(admin, 'Save plan').click();
    await waitUntil(() => statusText(admin).startsWith('Saved'), 'saved');
    expect(await store.get('plans', CPR)).to.include({ name: 'Castle Point and Rochford CSP Plan 2023/24', period: '2023/24', updatedBy: 'J. Smith' });
  });

  it('rolls the sample plan over to 2024/25, and a second run copies nothing', async () => {
    const { plan, admin, store } = await setup('rollover');
    const before = await store.query('actions', { value: CPR });
    const open = before.filter(isOpen);
    const priorities = (await store.query('priorities', { value: CPR })).filter((p) => !p.retired).length;
    // The user leaves one open action behind.
    const left = $<HTMLInputElement>(admin, 'ul.checks input');
    const leftTitle = left.parentElement!.textContent!.replace(/\s+/g, ' ').trim();
    left.click();
    await settle(admin);
    expect($<HTMLInputElement>(admin, '#next-name').value).to.equal('Castle Point & Rochford CSP Partnership Plan 2024/25');
    expect(panel(admin)).to.contain(`To carry forward: actions ${open.length - 1}`);
    button(admin, 'Carry forward to 2024/25').click();
    await waitUntil(() => statusText(admin).startsWith('Carried forward'), 'rolled over');
    expect(statusText(admin)).to.equal(`Carried forward to Castle Point & Rochford CSP Partnership Plan 2024/25: actions ${open.length - 1}, new priorities ${priorities}.`);

    const next = 'castle-point-rochford-2024-25';
    expect(await store.get('plans', next)).to.include({ previousPlanId: CPR, period: '2024/25' });
    const carried = await store.query('actions', { value: next });
    const sources = await store.query('actions', { value: CPR });
    expect(carried).to.have.length(open.length - 1);
    for (const copy of carried) {
      const source = sources.find((a) => a.id === copy.carriedFrom)!;
      expect(source.carriedForwardTo).to.equal(copy.id);
      expect(copy.updates).to.deep.equal(source.updates);
      expect((await store.query('history', { index: 'recordId', value: source.id })).some((h) => h.changes.some((c) => c.field === 'carriedForwardTo'))).to.equal(true);
    }
    const stayed = sources.filter((a) => !a.carriedForwardTo);
    expect(stayed.map((a) => a.title)).to.include(leftTitle.replace(/ \([^()]*\)$/, ''));
    expect(stayed.filter(isOpen)).to.have.length(1);
    // Complete and cancelled actions stay as they were: the old report does not change.
    expect(stayed.filter((a) => !isOpen(a))).to.deep.equal(before.filter((a) => !isOpen(a)));

    // Second run with the same choices: nothing is copied again.
    button(admin, 'Carry forward to 2024/25').click();
    await waitUntil(() => statusText(admin).includes('actions 0,'), 'second run');
    expect(statusText(admin)).to.contain('actions 0, new priorities 0');
    expect(await store.query('actions', { value: next })).to.have.length(open.length - 1);
    // The action left behind is still offered; ticking it carries just that one.
    const offered = [...admin.shadowRoot!.querySelectorAll<HTMLInputElement>('ul.checks input')];
    expect(offered).to.have.length(1);
    offered[0].click();
    await settle(admin);
    button(admin, 'Carry forward to 2024/25').click();
    await waitUntil(() => statusText(admin).includes('actions 1,'), 'third run');
    expect(await store.query('actions', { value: next })).to.have.length(open.length);
    expect((await store.query('plans')).filter((p) => p.period === '2024/25')).to.have.length(1);
    expect(await store.query('priorities', { value: next })).to.have.length(priorities);

    button(admin, "Show next year's plan").click();
    await plan.updateComplete;
    expect(plan.planId).to.equal(next);
  });

  it('round-trips an update pack for one lead agency: applies only filled rows, flags a changed action', async () => {
    const { admin, store } = await setup('updates');
    const select = $<HTMLSelectElement>(admin, '#partner');
    select.value = 'Essex Police';
    select.dispatchEvent(new Event('change'));
    await settle(admin);
    expect($(admin, '.pack h3').textContent).to.equal('Update pack: Essex Police');
    const pack = await download(() => button(admin, 'Download update pack').click());
    expect(pack.name).to.equal('update-pack-Essex-Police.csv');

    // After export, an officer edits one of the pack's actions on the intranet.
    const asb = (await store.get('actions', 'cpr-a-asb-powers'))!;
    await store.put('actions', { ...asb, progress: asb.progress + 5 }, { by: 'J. Smith' });
    const j9 = (await store.get('actions', 'cpr-a-j9'))!;
    const untouched = await store.query('actions', { value: CPR });
    const outboxBefore = (await store.outbox()).length;

    const filled = fillPack(pack.text, {
      'cpr-a-j9': { 'New status': 'Complete', 'New progress (%)': '100', Update: 'All response officers trained.' },
      'cpr-a-asb-powers': { Update: 'Two closure orders granted.' },
    });
    await upload(admin, filled);
    expect(statusText(admin)).to.contain('Rows with updates read from the pack: 2');
    const items = [...admin.shadowRoot!.querySelectorAll('.preview > li')].sort((a) => (a.textContent!.includes('J9') ? -1 : 1));
    expect(items[0].textContent).to.contain('Status: In progress to Complete').and.contain(`Progress: ${j9.progress}% to 100%`);
    expect(items[1].textContent).to.contain('Changed since export.').and.contain('Changed by J. Smith');
    expect(items[1].querySelector('input')!.checked).to.equal(false);

    button(admin, 'Apply ticked changes (1)').click();
    await waitUntil(() => statusText(admin) === 'Applied updates: 1.', 'applied');
    const after = await store.query('actions', { value: CPR });
    const changed = after.filter((a) => JSON.stringify(a) !== JSON.stringify(untouched.find((u) => u.id === a.id)));
    expect(changed.map((a) => a.id)).to.deep.equal(['cpr-a-j9']);
    expect(changed[0]).to.include({ status: 'complete', progress: 100, updatedBy: 'Essex Police' });
    expect(changed[0].updates.at(-1)).to.include({ by: 'Essex Police', text: 'All response officers trained.' });
    const history = await store.query('history', { index: 'recordId', value: 'cpr-a-j9' });
    expect(history.at(-1)).to.include({ by: 'Essex Police' });
    expect((await store.outbox()).length).to.equal(outboxBefore + 2);
  });

  it('writes nothing when the pack preview is cancelled, and names a file that is not a pack', async () => {
    const { admin, store } = await setup('updates');
    const pack = await download(() => button(admin, 'Download update pack').click());
    const firstId = pack.text.split('\r\n')[1].split(',')[0];
    await upload(admin, fillPack(pack.text, { [firstId]: { 'New progress (%)': '90' } }));
    const outbox = (await store.outbox()).length;
    button(admin, 'Cancel').click();
    await settle(admin);
    expect(statusText(admin)).to.equal('No changes were made.');
    expect(admin.shadowRoot!.querySelector('.preview')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await store.outbox()).length).to.equal(outbox);

    await upload(admin, 'Name,Email\r\nA,b@c\r\n');
    expect($(admin, '#pack-file-error').textContent).to.contain('not an update pack');
  });

  it('lists what is due soon by owner and downloads a calendar of target dates and milestones', async () => {
    const { admin, store } = await setup('due');
    expect(panel(admin)).to.contain('Target: Increase the number of trained J9 domestic abuse ambassadors 31 December 2023, 15 days overdue');
    expect(panel(admin)).not.to.contain('Walk online');
    await type(admin, '#due-within', '30');
    expect(panel(admin)).to.contain('Target: Walk online: e-safety sessions for Year 5 and Year 6 pupils 31 January 2024, due in 16 days');
    const owners = [...admin.shadowRoot!.querySelectorAll('[role=tabpanel] h3')].map((h) => h.textContent);
    expect(owners).to.deep.equal([...owners].sort((a, b) => a!.localeCompare(b!)));
    await type(admin, '#due-within', '0');
    expect(panel(admin)).not.to.contain('Walk online');
    expect(panel(admin)).to.contain('15 days overdue');

    const calendar = await download(() => button(admin, 'Download target dates').click());
    expect(calendar.name).to.equal(`${CPR}.ics`);
    const lines = calendar.text.split('\r\n');
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    const unfolded = calendar.text.replace(/\r\n /g, '');
    const actions = (await store.query('actions', { value: CPR })).filter(isOpen);
    const expected = actions.filter((a) => a.revisedTargetDate ?? a.targetDate).length + actions.flatMap((a) => a.milestones.filter((m) => !m.doneDate)).length;
    const recommendations = (await store.query('recommendations', { value: CPR })).filter((r) => (r.revisedTargetDate ?? r.targetDate) && ['open', 'in-progress'].includes(r.status));
    expect(unfolded.match(/BEGIN:VEVENT/g)).to.have.length(expected + recommendations.length);
    expect(unfolded).to.contain('UID:cpr-a-walk-online-action@action-plan-widgets\r\n');
    expect(unfolded).to.contain('DTSTART;VALUE=DATE:20240131\r\nDTEND;VALUE=DATE:20240201\r\nSUMMARY:Target: Walk online: e-safety sessions for Year 5 and Year 6 pupils\r\n');
  });

  it('clears the plan from this device only after a second confirmation while changes are pending', async () => {
    const { plan, admin, store } = await setup('clear');
    const j9 = (await store.get('actions', 'cpr-a-j9'))!;
    await store.put('actions', { ...j9, progress: 75 }, { by: 'J. Smith' });
    button(admin, 'Clear this plan from this device').click();
    await waitUntil(() => admin.shadowRoot!.querySelector('[part=warning]'), 'warning');
    expect($(admin, '[part=warning]').textContent).to.contain('Changes not synced yet, which will be lost: 1.');
    button(admin, 'Yes, clear this plan').click();
    await settle(admin);
    expect($(admin, '#clear-confirm-error').textContent).to.contain('Tick the box');
    expect(admin.shadowRoot!.activeElement?.id).to.equal('clear-confirm');
    expect(await store.get('actions', 'cpr-a-j9')).to.include({ progress: 75 });

    $(admin, '#clear-confirm').click();
    button(admin, 'Yes, clear this plan').click();
    await waitUntil(() => statusText(admin).startsWith('Cleared'), 'cleared');
    expect(plan.planId).to.equal('');
    expect(await store.query('actions', { value: CPR, includeDeleted: true })).to.deep.equal([]);
    expect(await store.get('plans', CPR)).to.equal(undefined);
    expect((await store.outbox()).filter((entry) => entry.record.planId === CPR)).to.deep.equal([]);
    // Other plans on the device stay.
    expect((await store.query('actions', { value: 'rochdale-2023-24' })).length).to.be.greaterThan(0);
  });

  it('clears at once after the warning when every change has synced', async () => {
    const { admin, store } = await setup('clear');
    button(admin, 'Clear this plan from this device').click();
    await settle(admin);
    expect($(admin, '[part=warning]').textContent).to.contain('All changes have synced.');
    expect(admin.shadowRoot!.querySelector('#clear-confirm')).to.equal(null);
    button(admin, 'Yes, clear this plan').click();
    await waitUntil(() => statusText(admin).startsWith('Cleared'), 'cleared');
    expect(await store.query('actions', { value: CPR })).to.deep.equal([]);
  });
});
