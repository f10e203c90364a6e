import { expect } from '@open-wc/testing';
import { QuarterLabelError, isEmptyFilter, matchesFilter, parseRecord, type Action } from '../../src/model/index.js';
import type { PlanFilter } from '../../src/model/index.js';
import { actionInput } from '../helpers.js';

const TODAY = '2024-01-15';
const action = (overrides: Partial<Action> & { id: string }) => parseRecord('actions', actionInput(overrides));
const actions = [
  action({ id: 'red', status: 'in-progress', targetDate: '2023-12-31', owner: 'J. Smith', leadAgency: 'Essex Police', title: 'Taxi marshals' }),
  action({ id: 'soon', status: 'in-progress', targetDate: '2024-01-20', priorityId: 'p-2', description: 'Night-time economy' }),
  action({ id: 'done', status: 'complete', targetDate: '2023-12-01', owner: 'A. Khan' }),
  action({ id: 'later', status: 'not-started', startDate: '2024-02-01', targetDate: '2024-03-31', revisedTargetDate: '2024-06-30' }),
  action({ id: 'gone', deleted: true }),
];
const matching = (filter: PlanFilter) => actions.filter((a) => matchesFilter(a, filter, TODAY)).map((a) => a.id);

describe('matchesFilter', () => {
  it('an empty filter passes every action except tombstones', () => {
    expect(matching({})).to.deep.equal(['red', 'soon', 'done', 'later']);
    expect(isEmptyFilter({})).to.equal(true);
    expect(isEmptyFilter({ overdue: false, search: '' })).to.equal(true);
    expect(isEmptyFilter({ rag: 'red' })).to.equal(false);
  });

  it('each criterion narrows', () => {
    expect(matching({ rag: 'red' })).to.deep.equal(['red']);
    expect(matching({ rag: 'grey' })).to.deep.equal(['later']);
    expect(matching({ status: 'complete' })).to.deep.equal(['done']);
    expect(matching({ priorityId: 'p-2' })).to.deep.equal(['soon']);
    expect(matching({ lead: ' essex police ' })).to.deep.equal(['red']);
    expect(matching({ owner: 'a. khan' })).to.deep.equal(['done']);
    // Complete actions are not overdue even when their target has passed.
    expect(matching({ overdue: true })).to.deep.equal(['red']);
    expect(matching({ dueWithinDays: 5 })).to.deep.equal(['soon']);
    expect(matching({ dueWithinDays: 4 })).to.deep.equal([]);
    // The revised target counts: 30 June 2024 is in 2024/25 Q1.
    expect(matching({ quarter: '2023/24 Q4' })).to.deep.equal(['soon']);
    expect(matching({ quarter: '2024/25 Q1' })).to.deep.equal(['later']);
    expect(matching({ search: 'NIGHT-TIME' })).to.deep.equal(['soon']);
    expect(matching({ search: 'smith' })).to.deep.equal(['red']);
  });

  it('search finds partners; "Target date needed" keeps open actions imported with a timescale that is not a date', () => {
    const imported = [
      action({ id: 'tbc', timescaleText: 'TBC', partners: ['Safe Partnership', 'Essex Police'] }),
      action({ id: 'ongoing', ongoing: true, partners: ['Youth service'] }),
      action({ id: 'dated', timescaleText: 'Spring', targetDate: '2024-05-31' }),
      action({ id: 'closed', timescaleText: 'TBC', status: 'complete' }),
    ];
    const found = (filter: PlanFilter) => imported.filter((a) => matchesFilter(a, filter, TODAY)).map((a) => a.id);
    expect(found({ search: 'safe partner' })).to.deep.equal(['tbc']);
    expect(found({ search: 'YOUTH' })).to.deep.equal(['ongoing']);
    expect(found({ needsDate: true })).to.deep.equal(['tbc']);
    expect(matching({ needsDate: true })).to.deep.equal([]);
  });

  it('criteria combine', () => {
    expect(matching({ status: 'in-progress', rag: 'red' })).to.deep.equal(['red']);
    expect(matching({ status: 'in-progress', owner: 'A. Khan' })).to.deep.equal([]);
  });

  it('a quarter not written like "2023/24 Q3" is a QuarterLabelError', () => {
    expect(() => matching({ quarter: 'Q3 2023' })).to.throw(QuarterLabelError);
  });
});
