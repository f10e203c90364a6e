import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApReport } from '../../../src/components/report/report.js';
import { ActionPlanStore } from '../../../src/store/index.js';
import { COLLECTIONS } from '../../../src/model/index.js';
import { freshName, waitUntil } from '../../helpers.js';

const PLAN_ID = 'castle-point-rochford-2023-24';
let sample: Record<string, { id: string; title?: string }[]>;
const titleOf = (id: string) => sample.actions.find((a) => a.id === id)!.title!;

async function seeded(extra: object[] = []): Promise<string> {
  const name = freshName('report');
  const store = await ActionPlanStore.open(name);
  for (const collection of COLLECTIONS) await store.applyPulled(collection, collection === 'actions' ? [...sample.actions, ...extra] : (sample[collection] ?? []));
  store.close();
  return name;
}

async function report(quarter?: string, lang = 'en-GB', extra: object[] = []): Promise<ApReport> {
  const name = await seeded(extra);
  const wrapper = await fixture(html`<div lang=${lang}><ap-plan name=${name} plan-id=${PLAN_ID} today="2024-01-15"><ap-report quarter=${quarter ?? ''}></ap-report></ap-plan></div>`);
  const el = wrapper.querySelector('ap-report')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part=minutes]'), 'report rendered', { timeout: 5000 });
  return el;
}

/** The items listed under the heading that starts with `heading`, or "None.". */
function listed(el: ApReport, heading: string): string[] {
  const h4 = [...el.shadowRoot!.querySelectorAll('h4')].find((h) => h.textContent!.startsWith(heading));
  if (!h4) throw new Error(`no heading "${heading}"`);
  const next = h4.nextElementSibling!;
  return next.tagName === 'UL' ? [...next.querySelectorAll('li strong')].map((s) => s.textContent!) : [next.textContent!];
}

before(async () => {
  sample = await (await fetch('/demo/data/db.json')).json();
});

describe('<ap-report>', () => {
  it('passes axe', async function () {
    // axe over the whole report (tables of every action) is slow in WebKit.
    this.timeout(30000);
    await expect(await report('2023/24 Q3')).to.be.accessible();
  });

  it('reports 2023/24 Q3 as at the quarter end, with the exceptions and changes the sample data gives', async () => {
    const el = await report('2023/24 Q3');
    const header = el.shadowRoot!.querySelector('[part=header]')!.textContent!.replace(/\s+/g, ' ');
    expect(header).to.include('Castle Point & Rochford CSP Partnership Plan 2023/24: quarterly report, 2023/24 Q3');
    expect(header).to.include('Covers 1 October 2023 to 31 December 2023. Status as of 31 December 2023.');
    expect(listed(el, 'Overdue (0)')).to.deep.equal(['None.']);
    expect(listed(el, 'Target dates revised (2)')).to.deep.equal([titleOf('cpr-a-crucial-crew'), titleOf('cpr-a-strategic-assessment')]);
    expect(listed(el, 'No progress update this quarter (2)')).to.have.members([titleOf('cpr-a-anti-bleed'), titleOf('cpr-a-womens-safety-charter')]);
    expect(listed(el, 'Completed (4)')).to.have.members(['cpr-a-white-ribbon', 'cpr-a-da-awareness', 'cpr-a-scams', 'cpr-a-hate-campaign'].map(titleOf));
    expect(listed(el, 'Slipped (5)')).to.include(titleOf('cpr-a-crucial-crew'));
    const total = el.shadowRoot!.querySelector('tr.total')!;
    expect([...total.children].map((cell) => cell.textContent!.trim())).to.deep.equal(['All priorities', '1', '6', '8', '5', '2', '22']);
  });

  it('lists open actions imported with a timescale that is not a date under "Target date needed"', async () => {
    expect(listed(await report('2023/24 Q3'), 'Target date needed (0)')).to.deep.equal(['None.']);
    const base = { planId: PLAN_ID, priorityId: 'cpr-p-violence', version: 1 };
    const el = await report('2023/24 Q3', 'en-GB', [
      { ...base, id: 'x-tbc', title: 'Bar N Bus youth outreach', timescaleText: 'TBC', status: 'in-progress' },
      { ...base, id: 'x-ongoing', title: 'Local Delivery Group', ongoing: true, status: 'in-progress' },
      { ...base, id: 'x-done', title: 'Taxi marshals', timescaleText: 'Spring', status: 'complete' },
    ]);
    expect(listed(el, 'Target date needed (1)')).to.deep.equal(['Bar N Bus youth outreach']);
    expect(el.shadowRoot!.textContent).to.include('timescale in the imported plan: TBC');
  });

  it('defaults to the quarter of the plan\'s date: overdue, due soon and the audit count as of 15 January 2024', async () => {
    const el = await report();
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.include('2023/24 Q4');
    expect(listed(el, 'Overdue (1)')).to.deep.equal([titleOf('cpr-a-j9')]);
    expect(listed(el, 'Due in the next 30 days (1)')).to.deep.equal([titleOf('cpr-a-walk-online')]);
    expect(listed(el, 'Slipped')).to.include(titleOf('cpr-a-taxi-hidden-harms'));
    const audit = [...el.shadowRoot!.querySelectorAll('h4 + p')].map((p) => p.textContent!.trim());
    expect(audit).to.include('3 of 7 implemented. 1 overdue (high 0, medium 1, low 0). Target dates revised 3 times in all.');
  });

  it('copies the minutes table as a bordered HTML table and as tab-separated text, with RAG as words', async () => {
    const el = await report('2023/24 Q3');
    const rows = el.shadowRoot!.querySelectorAll('[part=minutes] tbody tr');
    expect(rows).to.have.length(sample.actions.filter((a) => (a as { planId?: string }).planId === PLAN_ID).length);
    let copied: ClipboardItem[] = [];
    const write = navigator.clipboard.write;
    navigator.clipboard.write = async (items: ClipboardItem[]) => void (copied = items);
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy-button]')!.click();
      await waitUntil(() => copied.length, 'copied');
    } finally {
      navigator.clipboard.write = write;
    }
    const markup = await (await copied[0].getType('text/html')).text();
    const plain = await (await copied[0].getType('text/plain')).text();
    const table = new DOMParser().parseFromString(markup, 'text/html').querySelector('table')!;
    expect(table.getAttribute('border')).to.equal('1');
    expect(table.rows[0].cells[0].textContent).to.equal('Action');
    expect(table.rows).to.have.length(rows.length + 1);
    expect(plain.split('\n')[0].split('\t')).to.deep.equal(['Action', 'Priority', 'Lead agency', 'Target date', 'RAG', 'Progress', 'Latest update', 'Extension']);
    expect(plain).to.match(/\t(Red|Amber|Green|Complete|Not started|Cancelled)\t/);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent === 'The table is copied: paste it into the minutes.', 'announced');
  });

  it('speaks Welsh inside lang="cy"', async () => {
    const el = await report('2023/24 Q3', 'cy');
    const text = el.shadowRoot!.textContent!;
    expect(text).to.include('adroddiad chwarterol').and.include('Eithriadau').and.include('Coch').and.include('Statws ar gyfer y cofnodion');
    expect(text).to.include('31 Rhagfyr 2023');
  });

  it('names a quarter label it cannot read', async () => {
    const el = await fixture<HTMLElement>(html`<ap-plan name=${await seeded()} plan-id=${PLAN_ID} today="2024-01-15"><ap-report quarter="Q3 2023"></ap-report></ap-plan>`);
    const reportEl = el.querySelector('ap-report')!;
    await waitUntil(() => reportEl.shadowRoot!.querySelector('[role=alert]'), 'error shown', { timeout: 5000 });
    expect(reportEl.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('"Q3 2023" is not a financial quarter written like "2023/24 Q3".');
  });
});
