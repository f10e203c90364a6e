import { expect } from '@open-wc/testing';
import {
  computeRag,
  countRag,
  defaultRagRules,
  emptyCounts,
  implementationSummary,
  isRecommendationOverdue,
  parseRecord,
  type Action,
} from '../../src/model/index.js';

const TODAY = '2024-03-15';
const act = (fields: Record<string, unknown> = {}): Action =>
  parseRecord('actions', { id: 'a-1', planId: 'p-1', priorityId: 'pr-1', title: 'Taxi marshals', status: 'in-progress', ...fields });
const milestone = (dueDate: string, extra: Record<string, unknown> = {}) => ({ id: `m-${dueDate}`, title: 'Needs assessment', dueDate, ...extra });
const override = (rag: string, at: string) => ({ rag, reason: 'Funding confirmed at the steering group', by: 'Sam Patel', at });

describe('computeRag: row 0, cancelled or carried forward', () => {
  it('gives no RAG to a cancelled action even when its target has passed', () => {
    expect(computeRag(act({ status: 'cancelled', targetDate: '2024-01-31' }), TODAY)).to.deep.equal({
      state: 'cancelled', rag: null, computed: null, reasons: [{ code: 'cancelled' }],
    });
  });

  it('gives no RAG to an action carried forward by the year-end roll-over', () => {
    expect(computeRag(act({ status: 'blocked', carriedForwardTo: 'a-2025-1' }), TODAY)).to.deep.equal({
      state: 'carried-forward', rag: null, computed: null, reasons: [{ code: 'carried-forward', to: 'a-2025-1' }],
    });
  });
});

describe('computeRag: row 1, complete', () => {
  it('is blue when complete, whatever the dates say', () => {
    const result = computeRag(act({ status: 'complete', targetDate: '2024-01-31', milestones: [milestone('2023-12-01')] }), TODAY);
    expect(result).to.deep.equal({ state: 'blue', rag: 'blue', computed: 'blue', reasons: [{ code: 'complete' }] });
  });
});

describe('computeRag: row 2, red', () => {
  it('is red once the target date has passed, not on the day itself', () => {
    expect(computeRag(act({ targetDate: '2024-03-14' }), TODAY).reasons).to.deep.equal([{ code: 'target-passed', date: '2024-03-14', days: 1 }]);
    expect(computeRag(act({ targetDate: '2024-03-14' }), TODAY).rag).to.equal('red');
    expect(computeRag(act({ targetDate: TODAY, progress: 95 }), TODAY).rag).to.equal('green');
  });

  it('uses the revised target date when there is one', () => {
    expect(computeRag(act({ targetDate: '2024-01-31', revisedTargetDate: '2024-03-14' }), TODAY).reasons[0]).to.deep.equal({
      code: 'target-passed', date: '2024-03-14', days: 1,
    });
    expect(computeRag(act({ targetDate: '2024-01-31', revisedTargetDate: '2024-06-30' }), TODAY).rag).to.equal('amber');
  });

  it('is red when blocked, listing every matching reason', () => {
    expect(computeRag(act({ status: 'blocked' }), TODAY)).to.deep.equal({ state: 'red', rag: 'red', computed: 'red', reasons: [{ code: 'blocked' }] });
    expect(computeRag(act({ status: 'blocked', targetDate: '2024-01-31', milestones: [milestone('2024-02-01')] }), TODAY).reasons).to.deep.equal([
      { code: 'target-passed', date: '2024-01-31', days: 44 },
      { code: 'blocked' },
      { code: 'milestone-overdue-long', title: 'Needs assessment', date: '2024-02-01', days: 43 },
    ]);
  });

  it('is red when a milestone is overdue by 31 days, amber at exactly 30', () => {
    const at31 = computeRag(act({ milestones: [milestone('2024-02-13')] }), TODAY);
    expect(at31.rag).to.equal('red');
    expect(at31.reasons).to.deep.equal([{ code: 'milestone-overdue-long', title: 'Needs assessment', date: '2024-02-13', days: 31 }]);
    const at30 = computeRag(act({ milestones: [milestone('2024-02-14')] }), TODAY);
    expect(at30.rag).to.equal('amber');
    expect(at30.reasons).to.deep.equal([{ code: 'milestone-overdue', title: 'Needs assessment', date: '2024-02-14', days: 30 }]);
  });

  it('ignores milestones that are done', () => {
    expect(computeRag(act({ milestones: [milestone('2024-01-01', { doneDate: '2024-01-05' })] }), TODAY).rag).to.equal('green');
  });

  it('puts red before not started', () => {
    expect(computeRag(act({ status: 'not-started', targetDate: '2024-03-01' }), TODAY).rag).to.equal('red');
  });
});

describe('computeRag: row 3, grey', () => {
  it('is grey when not started and no start date', () => {
    expect(computeRag(act({ status: 'not-started' }), TODAY)).to.deep.equal({
      state: 'grey', rag: 'grey', computed: 'grey', reasons: [{ code: 'not-started-yet' }],
    });
  });

  it('is grey when not started and the start date is in the future, not once it has arrived', () => {
    expect(computeRag(act({ status: 'not-started', startDate: '2024-03-16' }), TODAY).reasons).to.deep.equal([{ code: 'not-started-yet', date: '2024-03-16' }]);
    expect(computeRag(act({ status: 'not-started', startDate: TODAY }), TODAY).rag).to.equal('green');
  });
});

describe('computeRag: row 4, amber', () => {
  it('is amber when the target was revised later, not when revised earlier', () => {
    expect(computeRag(act({ targetDate: '2024-04-30', revisedTargetDate: '2024-06-30' }), TODAY).reasons).to.deep.equal([
      { code: 'target-revised', from: '2024-04-30', date: '2024-06-30' },
    ]);
    expect(computeRag(act({ targetDate: '2024-06-30', revisedTargetDate: '2024-04-30' }), TODAY).rag).to.equal('green');
  });

  it('is amber when a milestone is 1 day overdue, not when due today', () => {
    expect(computeRag(act({ milestones: [milestone('2024-03-14')] }), TODAY).reasons).to.deep.equal([
      { code: 'milestone-overdue', title: 'Needs assessment', date: '2024-03-14', days: 1 },
    ]);
    expect(computeRag(act({ milestones: [milestone(TODAY)] }), TODAY).rag).to.equal('green');
  });

  it('is amber when behind the time-elapsed expectation by 21 points, not by exactly 20', () => {
    // 10 of 40 days elapsed: 25% expected.
    const dates = { startDate: '2024-03-05', targetDate: '2024-04-14' };
    expect(computeRag(act({ ...dates, progress: 5 }), TODAY).rag).to.equal('green');
    expect(computeRag(act({ ...dates, progress: 4 }), TODAY)).to.deep.equal({
      state: 'amber', rag: 'amber', computed: 'amber', reasons: [{ code: 'behind-schedule', expected: 25, actual: 4 }],
    });
  });

  it('is amber when due within 14 days and under 90% done', () => {
    expect(computeRag(act({ targetDate: '2024-03-29', progress: 89 }), TODAY).reasons).to.deep.equal([
      { code: 'due-soon', date: '2024-03-29', days: 14, expected: 90, actual: 89 },
    ]);
    expect(computeRag(act({ targetDate: '2024-03-30', progress: 89 }), TODAY).rag).to.equal('green');
    expect(computeRag(act({ targetDate: '2024-03-29', progress: 90 }), TODAY).rag).to.equal('green');
    expect(computeRag(act({ targetDate: TODAY, progress: 50 }), TODAY).reasons).to.deep.equal([
      { code: 'due-soon', date: TODAY, days: 0, expected: 90, actual: 50 },
    ]);
  });

  it('uses configured thresholds', () => {
    const rules = { ...defaultRagRules, milestoneRedDays: 10, dueSoonDays: 30 };
    expect(computeRag(act({ milestones: [milestone('2024-03-04')] }), TODAY, rules).rag).to.equal('red');
    expect(computeRag(act({ targetDate: '2024-04-14' }), TODAY, rules).rag).to.equal('amber');
    expect(defaultRagRules).to.deep.equal({ milestoneRedDays: 30, behindSchedulePoints: 20, dueSoonDays: 14, dueSoonProgress: 90 });
  });
});

describe('computeRag: row 5, green', () => {
  it('is green otherwise', () => {
    expect(computeRag(act({ startDate: '2024-01-01', targetDate: '2024-12-31', progress: 30 }), TODAY)).to.deep.equal({
      state: 'green', rag: 'green', computed: 'green', reasons: [{ code: 'on-track' }],
    });
  });
});

describe('computeRag: override', () => {
  const late = act({ targetDate: '2024-03-01', ragOverride: override('green', '2024-03-31T10:00:00Z') });

  it('shows the override with who, when and why, in force to the end of the quarter', () => {
    const result = computeRag(late, '2024-03-31');
    expect(result.state).to.equal('green');
    expect(result.rag).to.equal('green');
    expect(result.computed).to.equal('red');
    expect(result.override).to.deep.equal(override('green', '2024-03-31T10:00:00Z'));
    expect(result.overrideLapsed).to.equal(undefined);
    expect(result.reasons).to.deep.equal([
      { code: 'override', rag: 'green', by: 'Sam Patel', date: '2024-03-31', text: 'Funding confirmed at the steering group' },
      { code: 'target-passed', date: '2024-03-01', days: 30 },
    ]);
  });

  it('lapses when the next financial quarter starts', () => {
    const result = computeRag(late, '2024-04-01');
    expect(result.state).to.equal('red');
    expect(result.override).to.equal(undefined);
    expect(result.overrideLapsed?.rag).to.equal('green');
    expect(result.reasons).to.deep.equal([{ code: 'target-passed', date: '2024-03-01', days: 31 }]);
  });

  it('dates an override by London time: 23:30 UTC on 30 June is 1 July, in Q2', () => {
    const action = act({ status: 'blocked', ragOverride: override('amber', '2024-06-30T23:30:00Z') });
    expect(computeRag(action, '2024-07-01').rag).to.equal('amber');
    expect(computeRag(action, '2024-09-30').rag).to.equal('amber');
    expect(computeRag(action, '2024-10-01').rag).to.equal('red');
  });

  it('does not apply to complete, cancelled or carried-forward actions', () => {
    const ragOverride = override('red', '2024-03-10T09:00:00Z');
    expect(computeRag(act({ status: 'complete', ragOverride }), TODAY).state).to.equal('blue');
    expect(computeRag(act({ status: 'cancelled', ragOverride }), TODAY).state).to.equal('cancelled');
    expect(computeRag(act({ carriedForwardTo: 'a-9', ragOverride }), TODAY).state).to.equal('carried-forward');
  });
});

describe('recommendations', () => {
  const rec = (id: string, fields: Record<string, unknown>) =>
    parseRecord('recommendations', { id, planId: 'p-1', auditId: 'au-1', recommendation: `Recommendation ${id}`, ...fields });
  const revision = (n: number) => ({ id: `rv-${n}`, date: '2024-06-30', previousDate: '2024-03-31', reason: 'Awaiting new chair', by: 'CSP officer', at: '2024-03-01T12:00:00Z' });
  const recs = [
    rec('1', { status: 'implemented', targetDate: '2023-10-31', rating: 'high' }),
    rec('2', { status: 'verified', targetDate: '2023-09-30', rating: 'medium' }),
    rec('3', { status: 'open', targetDate: '2024-01-31', rating: 'high' }),
    rec('4', { status: 'in-progress', targetDate: '2023-12-31', revisedTargetDate: '2024-06-30', rating: 'low', revisions: [revision(1), revision(2)] }),
    rec('5', { status: 'not-accepted', targetDate: '2023-12-31', rating: 'medium', reason: 'Risk accepted' }),
    rec('6', { status: 'superseded', targetDate: '2023-12-31', rating: 'high', supersededBy: '7', revisions: [revision(3)] }),
    rec('7', { status: 'open', targetDate: '2024-02-29', rating: 'medium', revisions: [revision(4)] }),
    rec('8', { status: 'open', targetDate: '2024-01-31', rating: 'high', deleted: true }),
  ];

  it('is overdue only when the effective target has passed and it is still open', () => {
    expect(recs.map((r) => isRecommendationOverdue(r, TODAY))).to.deep.equal([false, false, true, false, false, false, true, false]);
    expect(isRecommendationOverdue(rec('9', { targetDate: TODAY }), TODAY)).to.equal(false);
    expect(isRecommendationOverdue(rec('9', { status: 'in-progress', targetDate: '2024-03-14' }), TODAY)).to.equal(true);
    expect(isRecommendationOverdue(rec('9', {}), TODAY)).to.equal(false);
  });

  it('summarises x of y implemented, overdue by rating and revisions', () => {
    expect(implementationSummary(recs, TODAY)).to.deep.equal({
      implemented: 2,
      total: 6,
      overdue: 2,
      overdueByRating: { high: 1, medium: 1, low: 0 },
      revisions: 3,
    });
    expect(implementationSummary([], TODAY)).to.deep.equal({ implemented: 0, total: 0, overdue: 0, overdueByRating: { high: 0, medium: 0, low: 0 }, revisions: 0 });
  });
});

describe('countRag', () => {
  const actions = [
    act({ id: '1', targetDate: '2024-01-31' }),
    act({ id: '2', milestones: [milestone('2024-03-01')] }),
    act({ id: '3' }),
    act({ id: '4', status: 'complete' }),
    act({ id: '5', status: 'not-started' }),
    act({ id: '6', priorityId: 'pr-2', status: 'cancelled' }),
    act({ id: '7', priorityId: 'pr-2', carriedForwardTo: 'a-next' }),
    act({ id: '8', priorityId: 'pr-2', status: 'blocked' }),
    act({ id: '9', priorityId: 'pr-2', status: 'blocked', deleted: true }),
  ];

  it('counts by priority, leaving deleted actions out and cancelled/carried out of the total', () => {
    const counts = countRag(actions, TODAY, defaultRagRules, (a) => a.priorityId);
    expect([...counts.keys()]).to.deep.equal(['pr-1', 'pr-2']);
    expect(counts.get('pr-1')).to.deep.equal({ red: 1, amber: 1, green: 1, blue: 1, grey: 1, cancelled: 0, carriedForward: 0, total: 5 });
    expect(counts.get('pr-2')).to.deep.equal({ ...emptyCounts(), red: 1, cancelled: 1, carriedForward: 1, total: 1 });
  });

  it('counts everything under the key "" without a group key', () => {
    const counts = countRag(actions, TODAY, defaultRagRules);
    expect([...counts.keys()]).to.deep.equal(['']);
    expect(counts.get('')).to.deep.equal({ red: 2, amber: 1, green: 1, blue: 1, grey: 1, cancelled: 1, carriedForward: 1, total: 6 });
  });
});
