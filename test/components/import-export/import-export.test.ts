import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import type { ApImportExport } from '../../../src/components/import-export/import-export.js';
import { freshName, PLAN, priorityInput } from '../../helpers.js';

const shadow = (el: ApImportExport) => el.shadowRoot!;
const text = (el: ApImportExport) => shadow(el).textContent!.replace(/\s+/g, ' ');
const button = (el: ApImportExport, label: string | RegExp) => {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!)));
  if (!found) throw new Error(`no button "${label}" in: ${text(el)}`);
  return found;
};

async function setup() {
  const plan = await fixture<ApPlan>(html`<ap-plan name=${freshName('io')} plan-id=${PLAN} user="Community Safety Officer"><ap-import-export></ap-import-export></ap-plan>`);
  await waitUntil(() => plan.store, 'store opened', { timeout: 5000 });
  await plan.store!.applyPulled('plans', [{ id: PLAN, planId: PLAN, name: 'CSP plan 2023/24' }]);
  await plan.store!.applyPulled('priorities', [priorityInput({ id: 'p-da', title: 'Domestic Abuse' })]);
  const el = plan.querySelector('ap-import-export')!;
  await el.updateComplete;
  return { plan, el, store: plan.store! };
}

async function choose(el: ApImportExport, name: string, contents: string) {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([contents], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => !shadow(el).querySelector('input[type=file]') || shadow(el).querySelector('[role=status]:not([hidden]):not(.ap-visually-hidden)'), 'file read');
  await el.updateComplete;
}

const GOOD = 'Priority,Action,Owner,Estimated timescale\r\nDomestic Abuse,"Sanctuary scheme, phase 2",A. Patel,31/03/2024\r\nDomestic Abuse,J9 ambassador training,B. Jones,2024-02-29\r\n';

describe('<ap-import-export>', () => {
  it('passes axe, at each step', async function () {
    this.timeout(20000);
    const { el } = await setup();
    await expect(el).to.be.accessible();
    await choose(el, 'actions.csv', GOOD);
    await expect(el).to.be.accessible();
  });

  it('imports a good CSV after the mapping, preview and confirm steps, in one go', async () => {
    const { el, store } = await setup();
    await choose(el, 'actions.csv', GOOD);
    expect(shadow(el).querySelector<HTMLSelectElement>('#map-title')!.selectedOptions[0].textContent).to.equal('Action');
    expect(shadow(el).querySelector<HTMLSelectElement>('#map-targetDate')!.selectedOptions[0].textContent).to.equal('Estimated timescale');
    expect(text(el)).to.include('First 2 of 2 rows as they will be read').and.include('Sanctuary scheme, phase 2');
    button(el, 'Check 2 rows').click();
    await waitUntil(() => text(el).includes('2 actions are ready to import.'), 'checked');
    expect(await store.query('actions', { value: PLAN })).to.have.length(0);
    button(el, 'Import 2 actions').click();
    await waitUntil(() => text(el).includes('2 actions imported.'), 'imported');
    const actions = await store.query('actions', { value: PLAN });
    expect(actions.map((a) => a.targetDate).sort()).to.deep.equal(['2024-02-29', '2024-03-31']);
    expect(actions.every((a) => a.updatedBy === 'Community Safety Officer')).to.equal(true);
    expect(await store.pendingCount()).to.equal(2);
  });

  it('lists bad cells by row and column and writes nothing', async () => {
    const { el, store } = await setup();
    await choose(el, 'bad.csv', 'Priority,Action,Target date\nDomestic Abuse,Fine,2024-01-31\nKnife crime,Unknown priority,\nDomestic Abuse,Bad date,31/02/2024\n');
    button(el, 'Check 3 rows').click();
    await waitUntil(() => shadow(el).querySelector('[part=errors]'), 'errors shown');
    const items = [...shadow(el).querySelectorAll('[part=errors] li')].map((li) => li.textContent);
    expect(items).to.deep.equal([
      'Row 3, Priority: Priority "Knife crime" is not one of this plan\'s priorities.',
      'Row 4, Target date: Target date must be a real date written YYYY-MM-DD.',
    ]);
    expect(text(el)).to.include('2 problems found: nothing has been imported');
    expect(await store.query('actions', { value: PLAN })).to.have.length(0);
    button(el, 'Choose a file again').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('input[type=file]')).to.exist;
  });

  it('says which required column the mapping lacks', async () => {
    const { el } = await setup();
    await choose(el, 'actions.csv', GOOD);
    const select = shadow(el).querySelector<HTMLSelectElement>('#map-title')!;
    select.focus();
    select.value = '';
    select.dispatchEvent(new Event('change'));
    button(el, 'Check 2 rows').click();
    await waitUntil(() => text(el).includes('The CSV file needs these columns: Title.'), 'named the column');
  });

  it('checks 10,000 rows with progress while the page stays responsive, and writes nothing when a few are bad', async function () {
    this.timeout(30000);
    const { el, store } = await setup();
    const lines = ['Priority,Action,Target date'];
    for (let i = 1; i <= 10_000; i++) lines.push(`Domestic Abuse,Action ${i},${i % 3000 === 0 ? 'next week' : '2024-03-31'}`);
    await choose(el, 'big.csv', lines.join('\n'));
    button(el, 'Check 10000 rows').click();
    // A timer set now must not wait for the whole file: the check yields between chunks, and the
    // progress bar is seen part-way. (Counts, not durations, so a loaded machine cannot make it flaky.)
    let ticks = 0;
    const partWay = new Set<number>();
    const ticker = setInterval(() => {
      ticks++;
      const progress = shadow(el).querySelector('progress');
      if (progress && progress.value > 0 && progress.value < progress.max) partWay.add(progress.value);
    }, 10);
    await waitUntil(() => shadow(el).querySelector('progress'), 'progress shown');
    await waitUntil(() => shadow(el).querySelector('[part=errors]'), 'errors shown', { timeout: 25000 });
    clearInterval(ticker);
    expect(ticks, 'timer callbacks ran during the check').to.be.at.least(3);
    expect(partWay.size, 'progress values seen between start and end').to.be.at.least(2);
    expect([...shadow(el).querySelectorAll('[part=errors] li')].map((li) => li.textContent!.split(',')[0])).to.deep.equal(['Row 3001', 'Row 6001', 'Row 9001']);
    expect(await store.query('actions', { value: PLAN })).to.have.length(0);
  });

  it('writes nothing when the user cancels at the confirm step', async () => {
    const { el, store } = await setup();
    await choose(el, 'actions.csv', GOOD);
    button(el, 'Check 2 rows').click();
    await waitUntil(() => text(el).includes('ready to import'), 'checked');
    button(el, 'Cancel').click();
    await waitUntil(() => shadow(el).querySelector('input[type=file]'), 'back to the start');
    expect(await store.query('actions', { value: PLAN })).to.have.length(0);
    expect(await store.pendingCount()).to.equal(0);
  });

  it('downloads CSV, full JSON and the public Publish file, and the JSON imports into another browser', async () => {
    const { el, store } = await setup();
    await store.importLocal('actions', [
      { id: 'a-1', planId: PLAN, priorityId: 'p-da', title: 'Public action', owner: 'A. Patel', public: true },
      { id: 'a-2', planId: PLAN, priorityId: 'p-da', title: 'Internal action', owner: 'B. Jones' },
    ], { by: 'Officer' });
    const downloads: { name: string; body: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href).then(async (response) => downloads.push({ name: this.download, body: await response.text() }));
    };
    try {
      for (const label of ['Download actions (CSV)', 'Download everything (JSON)', 'Publish for the website (JSON)']) {
        button(el, label).click();
        await waitUntil(() => downloads.length === ['Download actions (CSV)', 'Download everything (JSON)', 'Publish for the website (JSON)'].indexOf(label) + 1, label);
      }
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const [csv, json, publish] = downloads;
    expect(csv.name).to.equal(`${PLAN}-actions.csv`);
    expect(csv.body.split('\r\n')).to.have.length(4);
    expect(JSON.parse(json.body).actions).to.have.length(2);
    expect(publish.name).to.equal(`${PLAN}-public.json`);
    expect(publish.body).to.include('Public action').and.not.include('Internal action').and.not.include('A. Patel');

    const other = await setup();
    await choose(other.el, `${PLAN}.json`, json.body);
    expect(text(other.el)).to.include(`${PLAN}.json holds the plan "CSP plan 2023/24" with 2 actions`);
    button(other.el, 'Import the plan').click();
    await waitUntil(() => text(other.el).includes('The plan "CSP plan 2023/24" was imported.'), 'imported');
    expect((await other.store.query('actions', { value: PLAN })).map((a) => a.owner).sort()).to.deep.equal(['A. Patel', 'B. Jones']);
  });

  it('hides the import in a read-only plan but keeps the exports', async () => {
    const { plan, el } = await setup();
    plan.readonly = true;
    await plan.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLElement>('section[aria-labelledby=import-heading]')!.hidden).to.equal(true);
    expect(button(el, 'Download actions (CSV)').disabled).to.equal(false);
  });
});
