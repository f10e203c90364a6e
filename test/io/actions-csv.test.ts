import { expect } from '@open-wc/testing';
import { parseRecord, type Priority } from '../../src/model/index.js';
import { actionsToCsv, MissingColumnsError, parseCsv, readActions, suggestMapping } from '../../src/io/index.js';
import { actionInput, caught, priorityInput, PLAN } from '../helpers.js';

const priorities: Priority[] = [
  parseRecord('priorities', priorityInput({ id: 'p-da', title: 'Domestic Abuse' })),
  parseRecord('priorities', priorityInput({ id: 'p-asb', title: 'Anti-social behaviour' })),
];

async function read(text: string, extra: Partial<Parameters<typeof readActions>[3]> = {}) {
  const [headers, ...rows] = parseCsv(text);
  return readActions(headers, rows, suggestMapping(headers), { planId: PLAN, priorities, ...extra });
}

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
    expect((error as Error).message).to.equal('The CSV file needs these columns: Priority, Title.');
  });

  it('reports each bad cell with its spreadsheet row and the file\'s column heading', async () => {
    const text = [
      'Priority,Action,Target date,Progress,Status',
      'Domestic Abuse,Good row,2024-01-31,10,In progress',
      'Domestic Abuse,Bad date,31/02/2024,10,',
      'Knife crime,Unknown priority,,,',
      'Domestic Abuse,,2024-01-31,150,Finished',
    ].join('\n');
    const { actions, errors } = await read(text);
    expect(actions.map((action) => action.title)).to.deep.equal(['Good row']);
    expect(errors).to.deep.equal([
      { row: 3, column: 'Target date', message: 'Target date must be a real date written YYYY-MM-DD.' },
      { row: 4, column: 'Priority', message: 'Priority "Knife crime" is not one of this plan\'s priorities.' },
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
    for (let i = 1; i <= 10_000; i++) lines.push(`Domestic Abuse,Action ${i},${i % 2500 === 0 ? 'soon' : '2024-03-31'}`);
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
    expect(parseCsv(csv)[0]).to.deep.equal(['ID', 'Priority', 'Title', 'Description', 'Lead agency', 'Owner', 'Start date', 'Target date', 'Revised target date', 'Status', 'Progress', 'Public', 'Funding allocated (£)', 'Funding spent (£)', 'Funding source']);
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
});
