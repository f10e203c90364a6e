import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { ApPlan } from '../../../src/components/plan/plan.js';
import type { ApImportExport } from '../../../src/components/import-export/import-export.js';
import { freshName, PLAN, priorityInput, waitUntil } from '../../helpers.js';

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
  // Its body is a module of its own, loaded on connection.
  await waitUntil(() => shadow(el).querySelector('input[type=file]'), 'import and export shown', { timeout: 5000 });
  return { plan, el, store: plan.store! };
}

async function choose(el: ApImportExport, name: string, contents: string) {
  await chooseFile(el, new File([contents], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
}

async function chooseFixture(el: ApImportExport, name: string) {
  const bytes = await (await fetch(`/test/fixtures/import/${name}`)).arrayBuffer();
  await chooseFile(el, new File([bytes], name));
}

async function chooseFile(el: ApImportExport, file: File) {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // The mapping, the snapshot's summary, or a message (the first file also loads the readers).
  await waitUntil(() => shadow(el).querySelector('#map-title, [part=ready], [role=status]:not([hidden]):not(.ap-visually-hidden):not(:empty)') && !text(el).includes('Reading'), 'file read', { timeout: 20000 });
  await el.updateComplete;
}

/** The timescale table as "In the file -> Read as" lines. */
const readings = (el: ApImportExport) => [...shadow(el).querySelectorAll('[part=timescales] tbody tr')].map((tr) => `${tr.children[1].textContent!.trim()} -> ${tr.children[2].textContent!.trim()}`);

const GOOD = 'Priority,Action,Owner,Estimated timescale\r\nDomestic Abuse,"Sanctuary scheme, phase 2",A. Patel,31/03/2024\r\nDomestic Abuse,J9 ambassador training,B. Jones,2024-02-29\r\n';

describe('<ap-import-export>', () => {
  it('passes axe, at each step', async function () {
    // Five axe runs, one over a workbook's mapping (15 selects) and preview.
    this.timeout(40000);
    const { el } = await setup();
    await expect(el).to.be.accessible();
    await choose(el, 'actions.csv', GOOD);
    await expect(el).to.be.accessible();
    button(el, 'Cancel').click();
    await el.updateComplete;
    // A workbook: sheet picker and split-on-commas; then the preview of priorities, timescales and rows needing a date.
    await chooseFixture(el, 'rochford-plan.xlsx');
    await expect(el).to.be.accessible();
    button(el, 'Check 8 rows').click();
    await waitUntil(() => shadow(el).querySelector('[part=timescales]'), 'preview');
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
    await choose(el, 'bad.csv', 'Priority,Action,Target date,% complete\nDomestic Abuse,Fine,2024-01-31,10\nKnife crime,Too far,,150\nDomestic Abuse,Bad date,31/02/2024,\n');
    button(el, 'Check 3 rows').click();
    await waitUntil(() => shadow(el).querySelector('[part=errors]'), 'errors shown');
    const items = [...shadow(el).querySelectorAll('[part=errors] li')].map((li) => li.textContent);
    expect(items).to.deep.equal([
      'Row 3, % complete: Progress must be a whole number from 0 to 100.',
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
    await waitUntil(() => text(el).includes('The file needs these columns: Title.'), 'named the column');
  });

  it('checks 10,000 rows with progress while the page stays responsive, and writes nothing when a few are bad', async function () {
    this.timeout(30000);
    const { el, store } = await setup();
    const lines = ['Priority,Action,Target date'];
    for (let i = 1; i <= 10_000; i++) lines.push(`Domestic Abuse,Action ${i},${i % 3000 === 0 ? '31/02/2024' : '2024-03-31'}`);
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

  it('imports a council workbook: title rows, section rows, merged cells, month and percent cells, new priorities, in one go', async () => {
    const { el, store } = await setup();
    await chooseFixture(el, 'rochford-plan.xlsx');
    expect(shadow(el).querySelector<HTMLSelectElement>('#sheet')!.selectedOptions[0].textContent).to.equal('Action plan');
    expect(shadow(el).querySelector<HTMLSelectElement>('#map-partners')!.selectedOptions[0].textContent).to.equal('Partners');
    expect(shadow(el).querySelector<HTMLSelectElement>('#map-rag')!.selectedOptions[0].textContent).to.equal('RAG');
    // The heading row is row 4 of the sheet: the preview numbers rows as Excel does.
    expect(shadow(el).querySelector('tbody td')!.textContent).to.equal('5');
    button(el, 'Check 8 rows').click();
    await waitUntil(() => text(el).includes('6 actions are ready to import.'), 'checked');
    expect([...shadow(el).querySelectorAll('.new-priorities li')].map((li) => li.textContent)).to.deep.equal(['Hate Crime', 'Anti-Social Behaviour']);
    expect(readings(el)).to.deep.equal([
      '2023-04-01 -> 1 April 2023',
      '2024-03-01 -> 31 March 2024',
      'Ongoing -> Ongoing, no target date',
      'Q4 2023/24 -> 31 March 2024',
      '29/02/2024 -> 29 February 2024',
      'TBC -> Needs a date',
      '2023/24 -> 31 March 2024',
    ]);
    expect(text(el)).to.include('1 rows need a date');
    expect(await store.query('priorities', { value: PLAN })).to.have.length(1);
    button(el, 'Import 6 actions and 2 priorities').click();
    await waitUntil(() => text(el).includes('6 actions imported.'), 'imported');
    const priorities = await store.query('priorities', { value: PLAN });
    const byTitle = new Map(priorities.map((priority) => [priority.title, priority.id]));
    const actions = (await store.query('actions', { value: PLAN })).sort((a, b) => a.title.localeCompare(b.title));
    const row = (title: string) => actions.find((action) => action.title.startsWith(title))!;
    expect(row('Provide a Sanctuary')).to.deep.include({ priorityId: 'p-da', startDate: '2023-04-01', targetDate: '2024-03-31', progress: 60 });
    expect(row('Provide a Sanctuary').partners).to.deep.equal(['Safe Partnership', 'Community Policing Team']);
    expect(row('Provide a Sanctuary').updates[0]).to.include({ text: 'All referrals processed by the Community Policing Team.', by: 'Community Safety Officer' });
    expect(row('Increase trained J9')).to.deep.include({ ongoing: true, progress: 50 });
    expect(row('Increase trained J9').ragOverride).to.include({ rag: 'amber', reason: 'RAG in the imported spreadsheet' });
    expect(row('Refresher training')).to.deep.include({ priorityId: byTitle.get('Hate Crime'), timescaleText: 'TBC', status: 'not-started' });
    expect(row('Deliver at least one')).to.deep.include({ priorityId: byTitle.get('Hate Crime'), targetDate: '2024-02-29' });
    expect(row('Deliver at least one').partners).to.deep.equal(['Essex Police, Fire and Crime Commissioner']);
    expect(row('Taxi Marshalls')).to.deep.include({ priorityId: byTitle.get('Anti-Social Behaviour'), status: 'complete', progress: 100 });
    // Priorities and actions went in one transaction, each with its sync entry.
    expect(await store.pendingCount()).to.equal(8);
  });

  it('reads the sheet the user picks, and says when 0-1 progress among whole percentages was scaled', async () => {
    const { el, store } = await setup();
    await chooseFixture(el, 'rochford-plan.xlsx');
    const sheet = shadow(el).querySelector<HTMLSelectElement>('#sheet')!;
    sheet.value = '1';
    sheet.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(el, 'Check 2 rows').click();
    await waitUntil(() => text(el).includes('2 actions are ready to import.'), 'checked');
    expect(readings(el)).to.deep.equal(['Spring -> Needs a date', 'Mar-24 -> 31 March 2024']);
    expect(text(el)).to.include('Progress in rows 3 was a number from 0 to 1 among whole percentages, so it was read as a share of 100 (0.6 as 60%).');
    button(el, 'Cancel').click();
    await waitUntil(() => shadow(el).querySelector('input[type=file]'), 'back to the start');
    expect(await store.query('actions', { value: PLAN })).to.have.length(0);
    expect(await store.query('priorities', { value: PLAN })).to.have.length(1);
    expect(await store.pendingCount()).to.equal(0);
  });

  it('reads CSV as UK Excel saves it: Windows-1252 and UTF-8 with a BOM', async () => {
    for (const [file, title] of [
      ['rochford-windows-1252.csv', "Women's Safety Charter for Rochford: café and bar pledge"],
      ['rochford-utf8-bom.csv', 'Gŵyl ddiogelwch: stondin White Ribbon'],
    ]) {
      const { el, store } = await setup();
      await chooseFixture(el, file);
      expect(shadow(el).querySelector<HTMLSelectElement>('#map-priorityId')!.selectedOptions[0].textContent, file).to.equal('Priority');
      button(el, /^Check \d+ rows$/).click();
      await waitUntil(() => text(el).includes('ready to import'), 'checked');
      expect(readings(el)).to.include.members(['March 2024 -> 31 March 2024', 'Q4 2023/24 -> 31 March 2024', '2023/24 -> 31 March 2024', 'Ongoing -> Ongoing, no target date', 'TBC -> Needs a date']);
      button(el, /^Import \d+ actions/).click();
      await waitUntil(() => text(el).includes('actions imported'), 'imported');
      const actions = await store.query('actions', { value: PLAN });
      expect(actions.map((action) => action.title), `${file}: ${actions.map((action) => action.title).join(" | ")}`).to.include(title);
      expect(actions.flatMap((action) => action.updates.map((update) => update.text))).to.include('£1,000 of Community Safety material bought.');
    }
  });

  it('says to save a .xls (or password-protected) workbook as .xlsx or CSV, and reads nothing', async () => {
    const { el } = await setup();
    await chooseFixture(el, 'old-format.xls');
    expect(text(el)).to.include('old-format.xls cannot be read here: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV, without a password, then choose that file.');
    expect(shadow(el).querySelector('input[type=file]')).to.exist;
  });

  it('downloads the actions as Excel that imports back to the same actions', async function () {
    // Two plans, a workbook written and read: more than a unit test's 10 s in a loaded Firefox.
    this.timeout(30000);
    const { el, store } = await setup();
    await store.importLocal('actions', [
      { id: 'a-1', planId: PLAN, priorityId: 'p-da', title: 'Sanctuary scheme', owner: 'A. Patel', partners: ['Essex Police', 'Safe Partnership'], startDate: '2023-04-01', targetDate: '2024-03-31', status: 'in-progress', progress: 45, funding: { allocatedPence: 1233700, spentPence: 50, public: false } },
      { id: 'a-2', planId: PLAN, priorityId: 'p-da', title: 'J9 ambassadors', ongoing: true, progress: 100, status: 'complete', public: true },
      { id: 'a-3', planId: PLAN, priorityId: 'p-da', title: 'Bar N Bus', timescaleText: 'Spring' },
    ], { by: 'Officer' });
    let workbook: Blob | undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href).then(async (response) => (workbook = new File([await response.blob()], this.download)));
    };
    try {
      button(el, 'Download actions (Excel)').click();
      await waitUntil(() => workbook, 'downloaded', { timeout: 10000 });
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect((workbook as File).name).to.equal(`${PLAN}-actions.xlsx`);
    const before = await store.query('actions', { value: PLAN });
    const other = await setup();
    await chooseFile(other.el, workbook as File);
    button(other.el, 'Check 3 rows').click();
    await waitUntil(() => text(other.el).includes('3 actions are ready to import.'), 'checked');
    button(other.el, 'Import 3 actions').click();
    await waitUntil(() => text(other.el).includes('3 actions imported.'), 'imported');
    const fields = ['id', 'priorityId', 'title', 'owner', 'partners', 'startDate', 'targetDate', 'ongoing', 'timescaleText', 'status', 'progress', 'public', 'funding'] as const;
    const pick = (action: (typeof before)[number]) => fields.map((field) => action[field]);
    const sorted = (list: typeof before) => [...list].sort((a, b) => a.id.localeCompare(b.id)).map(pick);
    expect(sorted(await other.store.query('actions', { value: PLAN }))).to.deep.equal(sorted(before));
  });

  it('checks 10,000 rows from an .xlsx with progress, and imports them', async function () {
    this.timeout(60000);
    const { el, store } = await setup();
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const sheet = [['Priority', 'Action', 'Estimated timescale', '% complete'].map((value) => ({ value, type: String }))];
    for (let i = 1; i <= 10_000; i++) {
      sheet.push([{ value: 'Domestic Abuse', type: String }, { value: `Action ${i}`, type: String }, { value: ['March 2024', 'Q4 2023/24', 'Ongoing', 'TBC'][i % 4], type: String }, { value: (i % 100) / 100, type: Number, format: '0%' } as never]);
    }
    await chooseFile(el, new File([await writeXlsxFile(sheet).toBlob()], 'big.xlsx'));
    button(el, 'Check 10000 rows').click();
    const partWay = new Set<number>();
    const ticker = setInterval(() => {
      const progress = shadow(el).querySelector('progress');
      if (progress && progress.value > 0 && progress.value < progress.max) partWay.add(progress.value);
    }, 10);
    await waitUntil(() => text(el).includes('10000 actions are ready to import.'), 'checked', { timeout: 50000 });
    clearInterval(ticker);
    expect(partWay.size, 'progress values seen between start and end').to.be.at.least(2);
    expect(readings(el)).to.deep.equal(['Q4 2023/24 -> 31 March 2024', 'Ongoing -> Ongoing, no target date', 'TBC -> Needs a date', 'March 2024 -> 31 March 2024']);
    button(el, 'Import 10000 actions').click();
    await waitUntil(() => text(el).includes('10000 actions imported.'), 'imported', { timeout: 30000 });
    expect(await store.query('actions', { value: PLAN })).to.have.length(10_000);
  });
});
