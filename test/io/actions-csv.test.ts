import { expect } from '@open-wc/testing';
import { parseRecord, type Priority } from '../../src/model/index.js';
import { actionsToCsv, MissingColumnsError, parseCsv, recognisedHeadings, suggestMapping } from '../../src/io/index.js';
import { findHeadingRow, readActions, splitPartners } from '../../src/io/read-actions.js';
import type { Cell } from '../../src/io/sheet.js';
import { actionInput, caught, priorityInput, PLAN } from '../helpers.js';

const priorities: Priority[] = [
  parseRecord('priorities', priorityInput({ id: 'p-da', title: 'Domestic Abuse' })),
  parseRecord('priorities', priorityInput({ id: 'p-asb', title: 'Anti-social behaviour' })),
];

async function read(text: string, extra: Partial<Parameters<typeof readActions>[3]> = {}) {
  const [headers, ...rows] = parseCsv(text);
  return readActions(headers, rows, suggestMapping(headers), { planId: PLAN, priorities, ...extra });
}

// Typed cells as read-excel-file gives them, the heading row found under any title rows.
async function readCells(cells: Cell[][], extra: Partial<Parameters<typeof readActions>[3]> = {}) {
  const at = findHeadingRow(cells, recognisedHeadings);
  const headers = cells[at].map(String);
  return readActions(headers, cells.slice(at + 1), suggestMapping(headers), { planId: PLAN, priorities, firstRow: at + 2, ...extra });
}

const ISSUE_CSV = [
  'Priority,Action,Lead agency,Partners,Estimated timescale,% complete,Progress update,RAG',
  'Domestic Abuse,Increase trained J9 ambassadors,Rochford DC,Essex Police; Safe Partnership,Ongoing,50,Two sessions held,Amber/Green',
  'Domestic Abuse,Sanctuary Scheme for high-risk victims,Rochford DC,Safe Partnership | Housing providers,March 2024,60%,All referrals processed,G',
  'Hate Crime,Deliver a Hate Crime Awareness Campaign,Community Safety Team,"Essex Police, Fire and Crime Commissioner",Q4 2023/24,20,,Red',
  'Anti-social behaviour,Taxi marshals for Rayleigh at peak times,Rochford DC,,2023/24,100,Done,Complete',
  'Anti-social behaviour,Best Bar None accreditation,Licensing,,TBC,0,,Not started',
].join('\r\n');

describe('action CSV import', () => {
  it('maps a council spreadsheet by its headings and reads UK dates, labels, percentages and pounds', async () => {
    const text = [
      'Priority,Action,Lead agency,Owner,Estimated timescale,Status,% complete,Public,Funding allocated (£),Funding spent (£)',
      'Domestic Abuse,"Sanctuary scheme, phase 2",Rochford DC,A. Patel,31/03/2024,In progress,40%,yes,"£1,200.50",300',
      'p-asb,Taxi marshals,Essex Police,,2024-02-29,,,,,',
    ].join('\r\n');
    const { actions, errors, rows } = await read(text);
    expect(errors).to.deep.equal([]);
    expect(rows).to.equal(2);
    expect(actions[0]).to.include({ priorityId: 'p-da', title: 'Sanctuary scheme, phase 2', leadAgency: 'Rochford DC', owner: 'A. Patel', targetDate: '2024-03-31', status: 'in-progress', progress: 40, public: true });
    expect(actions[0].funding).to.include({ allocatedPence: 120050, spentPence: 30000 });
    expect(actions[1]).to.include({ priorityId: 'p-asb', status: 'not-started', progress: 0, public: false, targetDate: '2024-02-29' });
    expect(actions[1].id).to.be.a('string').and.not.equal(actions[0].id);
  });

  it('refuses a mapping without the required columns, naming them', async () => {
    const error = await caught(read('Owner,Target date\nA. Patel,2024-01-31'));
    expect(error).to.be.instanceOf(MissingColumnsError);
    expect((error as Error).message).to.equal('The file needs these columns: Title.');
  });

  it('reports each bad cell with its spreadsheet row and the file\'s column heading', async () => {
    const text = [
      'Priority,Action,Target date,Progress,Status',
      'Domestic Abuse,Good row,2024-01-31,10,In progress',
      'Domestic Abuse,Bad date,31/02/2024,10,',
      'Knife crime,Unknown priority,,,',
      'Domestic Abuse,,2024-01-31,150,Finished',
    ].join('\n');
    const { actions, errors, priorities: added } = await read(text);
    expect(actions.map((action) => action.title)).to.deep.equal(['Good row', 'Unknown priority']);
    expect(added.map((priority) => priority.title)).to.deep.equal(['Knife crime']);
    expect(actions[1].priorityId).to.equal(added[0].id);
    expect(errors).to.deep.equal([
      { row: 3, column: 'Target date', message: 'Target date must be a real date written YYYY-MM-DD.' },
      { row: 5, column: 'Action', message: 'Title is required.' },
      { row: 5, column: 'Status', message: 'Status must be one of: not started, in progress, blocked, complete, cancelled.' },
      { row: 5, column: 'Progress', message: 'Progress must be a whole number from 0 to 100.' },
    ]);
  });

  it('never overwrites: an id already in the plan or repeated in the file is an error', async () => {
    const { errors } = await read('ID,Priority,Title\na-1,p-da,One\na-2,p-da,Two\na-2,p-da,Again', { existingIds: new Set(['a-1']) });
    expect(errors.map((error) => [error.row, error.column, error.message])).to.deep.equal([
      [2, 'ID', 'ID a-1 is already in the plan.'],
      [4, 'ID', 'ID a-2 is used by an earlier row.'],
    ]);
  });

  it('reads 10,000 rows in time slices with progress, finding the few bad ones', async function () {
    this.timeout(30000);
    const lines = ['Priority,Action,Target date'];
    for (let i = 1; i <= 10_000; i++) lines.push(`Domestic Abuse,Action ${i},${i % 2500 === 0 ? '31/02/2024' : '2024-03-31'}`);
    const progress: number[] = [];
    const started = performance.now();
    const { actions, errors } = await read(lines.join('\n'), { onProgress: (done) => progress.push(done) });
    expect(performance.now() - started).to.be.below(15000);
    expect(actions).to.have.length(9996);
    expect(errors.map((error) => error.row)).to.deep.equal([2501, 5001, 7501, 10001]);
    expect(progress.length).to.be.greaterThan(2);
    expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).to.equal(10_000);
  });

  it('stops when the user cancels', async () => {
    const controller = new AbortController();
    const rows = 'Priority,Action\n' + 'Domestic Abuse,A\n'.repeat(2000);
    const reading = read(rows, { signal: controller.signal, sliceMs: 0, onProgress: () => controller.abort() });
    expect(((await caught(reading)) as Error).name).to.equal('AbortError');
  });

  it('exports one row per action that imports back to the same fields', async () => {
    const actions = [
      parseRecord('actions', actionInput({ id: 'a-1', priorityId: 'p-da', title: 'Sanctuary, "phase 2"', owner: 'A. Patel', targetDate: '2024-03-31', status: 'blocked', progress: 30, public: true, funding: { allocatedPence: 120050, spentPence: 0, public: false } })),
      parseRecord('actions', actionInput({ id: 'a-2', priorityId: 'p-asb', title: '=1+1 is not a formula', description: 'two\nlines' })),
    ];
    const csv = actionsToCsv(actions, priorities);
    expect(parseCsv(csv)[0]).to.deep.equal(['ID', 'Priority', 'Title', 'Description', 'Lead agency', 'Partners', 'Owner', 'Start date', 'Target date', 'Revised target date', 'Status', 'Progress', 'Public', 'Funding allocated (£)', 'Funding spent (£)', 'Funding source']);
    expect(parseCsv(csv)[1]).to.include.members(['Domestic Abuse', 'Blocked', 'Yes', '1200.50']);
    const { actions: back, errors } = await read(csv);
    expect(errors).to.deep.equal([]);
    const fields = ['id', 'priorityId', 'title', 'description', 'owner', 'targetDate', 'status', 'progress', 'public'] as const;
    const pickFields = (action: (typeof actions)[number]) => fields.map((field) => action[field]);
    expect(back.map(pickFields)).to.deep.equal(actions.map(pickFields));
    expect(back[0].funding?.allocatedPence).to.equal(120050);
  });

  it('exports Welsh headings and labels that import back', async () => {
    const action = parseRecord('actions', actionInput({ id: 'a-1', priorityId: 'p-da', status: 'complete', public: true }));
    const csv = actionsToCsv([action], priorities, 'cy');
    expect(parseCsv(csv)[0].slice(0, 3)).to.deep.equal(['ID', 'Blaenoriaeth', 'Teitl']);
    const { actions } = await read(csv);
    expect(actions[0]).to.include({ status: 'complete', public: true });
  });

  it('imports the issue\'s five rows in full: timescales read or kept, RAG, update and partners', async () => {
    const now = new Date('2024-01-15T10:00:00Z');
    const { actions, errors, priorities: added, timescales } = await read(ISSUE_CSV, { by: 'A. Officer', now });
    expect(errors).to.deep.equal([]);
    expect(added.map((priority) => priority.title)).to.deep.equal(['Hate Crime']);
    const [j9, sanctuary, hate, taxi, bbn] = actions;
    expect([j9.ongoing, j9.targetDate, j9.progress]).to.deep.equal([true, undefined, 50]);
    expect(j9.partners).to.deep.equal(['Essex Police', 'Safe Partnership']);
    expect(j9.ragOverride).to.deep.equal({ rag: 'amber', reason: 'RAG in the imported spreadsheet', by: 'A. Officer', at: now.toISOString() });
    expect(j9.updates).to.have.length(1);
    expect(j9.updates[0]).to.include({ text: 'Two sessions held', by: 'A. Officer', at: now.toISOString() });
    expect(sanctuary).to.include({ targetDate: '2024-03-31', progress: 60 });
    expect(sanctuary.partners).to.deep.equal(['Safe Partnership', 'Housing providers']);
    expect(sanctuary.ragOverride?.rag).to.equal('green');
    expect(hate).to.include({ targetDate: '2024-03-31' });
    expect(hate.partners).to.deep.equal(['Essex Police, Fire and Crime Commissioner']);
    expect(hate.ragOverride?.rag).to.equal('red');
    expect(hate.updates).to.deep.equal([]);
    expect([taxi.targetDate, taxi.status, taxi.ragOverride]).to.deep.equal(['2024-03-31', 'complete', undefined]);
    expect([bbn.targetDate, bbn.timescaleText, bbn.status, bbn.ongoing]).to.deep.equal([undefined, 'TBC', 'not-started', false]);
    expect(timescales.map((row) => [row.row, row.text, row.reading.kind])).to.deep.equal([
      [2, 'Ongoing', 'ongoing'],
      [3, 'March 2024', 'date'],
      [4, 'Q4 2023/24', 'date'],
      [5, '2023/24', 'date'],
      [6, 'TBC', 'text'],
    ]);
  });

  it('still refuses what is not its field: progress 150, an unknown status or RAG word', async () => {
    const { actions, errors } = await read('Priority,Action,Status,% complete,RAG\nDomestic Abuse,A,Finished,150,Purple\nDomestic Abuse,B,,,Ambr');
    expect(errors.map((error) => [error.row, error.column])).to.deep.equal([
      [2, 'RAG'],
      [2, 'Status'],
      [2, '% complete'],
    ]);
    expect(errors[0].message).to.equal('"Purple" is not a RAG: write Red, Amber, Green, Complete or Not started (or R, A, G).');
    expect(actions.map((action) => action.ragOverride?.rag)).to.deep.equal(['amber']);
  });

  it('splits partners on ; | and lines, and on commas and "and" only when asked', () => {
    expect(splitPartners('Police, Fire and Crime Commissioner')).to.deep.equal(['Police, Fire and Crime Commissioner']);
    expect(splitPartners('Essex Police;Safe Partnership | NHS\n- Youth service')).to.deep.equal(['Essex Police', 'Safe Partnership', 'NHS', 'Youth service']);
    expect(splitPartners('Essex Police, Probation and NHS', true)).to.deep.equal(['Essex Police', 'Probation', 'NHS']);
  });

  it('finds the heading row under title rows, takes priorities from section rows and merged cells, skips blank rows', async () => {
    const cells: Cell[][] = [
      ['Rochford Community Safety Partnership action plan 2023/24', null, null, null],
      ['Updated quarterly', null, null, null],
      [null, null, null, null],
      ['Priority', 'Action', 'Target date', '% complete'],
      ['Violence against Women and Girls', null, null, null],
      [null, "Women's Safety Charter for Rochford", new Date(Date.UTC(2024, 2, 31)), 0.25],
      [null, null, null, null],
      [null, 'Safer Together schools sessions', new Date(Date.UTC(2024, 5, 30)), 0.5],
      ['Domestic Abuse', 'Greater public awareness campaign', new Date(Date.UTC(2024, 0, 31)), 1],
      [null, 'White Ribbon staff drop-in', null, null],
    ];
    const { actions, errors, priorities: added, rows } = await readCells(cells);
    expect(errors).to.deep.equal([]);
    expect(rows).to.equal(4);
    expect(added.map((priority) => priority.title)).to.deep.equal(['Violence against Women and Girls']);
    expect(actions.map((action) => [action.title, action.priorityId, action.targetDate, action.progress])).to.deep.equal([
      ["Women's Safety Charter for Rochford", added[0].id, '2024-03-31', 25],
      ['Safer Together schools sessions', added[0].id, '2024-06-30', 50],
      ['Greater public awareness campaign', 'p-da', '2024-01-31', 100],
      ['White Ribbon staff drop-in', 'p-da', undefined, 0],
    ]);
  });

  it('reads a date column of 1sts as months, and 0-1 numbers among whole percentages as a share of 100', async () => {
    const cells: Cell[][] = [
      ['Priority', 'Action', 'Target date', 'Start date', '% complete'],
      ['Domestic Abuse', 'A', new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2023, 3, 1)), 40],
      ['Domestic Abuse', 'B', new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2023, 3, 12)), 0.6],
      ['Domestic Abuse', 'C', '31/01/2024', null, 1],
    ];
    const { actions, errors, scaledProgress, timescales } = await readCells(cells);
    expect(errors).to.deep.equal([]);
    expect(actions.map((action) => [action.targetDate, action.startDate, action.progress])).to.deep.equal([
      ['2024-03-31', '2023-04-01', 40],
      ['2024-02-29', '2023-04-12', 60],
      ['2024-01-31', undefined, 1],
    ]);
    expect(scaledProgress).to.deep.equal([3]);
    expect(timescales.find((row) => row.row === 2 && row.column === 'targetDate')?.reading).to.deep.include({ form: 'month' });
  });

  it('exports partners, Ongoing and a kept timescale, and they import back', async () => {
    const actions = [
      parseRecord('actions', actionInput({ id: 'a-1', priorityId: 'p-da', partners: ['Essex Police', 'Safe Partnership'], ongoing: true })),
      parseRecord('actions', actionInput({ id: 'a-2', priorityId: 'p-da', timescaleText: 'Spring' })),
    ];
    const { actions: back, errors } = await read(actionsToCsv(actions, priorities));
    expect(errors).to.deep.equal([]);
    expect(back.map((action) => [action.partners, action.ongoing, action.timescaleText])).to.deep.equal([
      [['Essex Police', 'Safe Partnership'], true, undefined],
      [[], false, 'Spring'],
    ]);
  });
});
