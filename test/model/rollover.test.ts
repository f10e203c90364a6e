import { expect } from '@open-wc/testing';
import { computeRag, defaultRolloverChoice, nextPeriod, nextPlanId, planRollover } from '../../src/model/index.js';
import { CPR, isOpen, sampleRecords } from '../components/plan-admin/sample.js';

describe('year-end roll-over (model)', () => {
  it('moves the period and the plan id on a year', async () => {
    expect(nextPeriod('2023/24')).to.equal('2024/25');
    expect(nextPeriod('2099/00')).to.equal('2100/01');
    expect(nextPeriod('Year 2')).to.equal('');
    const [plan] = await sampleRecords('plans');
    expect(nextPlanId(plan)).to.equal('castle-point-rochford-2024-25');
    expect(nextPlanId({ ...plan, id: 'cpr', planId: 'cpr' })).to.equal('cpr-2024-25');
  });

  it('by default carries every open action, linked both ways, with its updates and milestones', async () => {
    const [plan] = await sampleRecords('plans');
    const priorities = await sampleRecords('priorities');
    const actions = await sampleRecords('actions');
    const result = planRollover({ plan, priorities, actions, choice: defaultRolloverChoice(priorities, actions) });
    const open = actions.filter(isOpen);
    expect(result.plan).to.include({ id: 'castle-point-rochford-2024-25', period: '2024/25', previousPlanId: CPR, name: 'Castle Point & Rochford CSP Partnership Plan 2024/25' });
    expect(result.priorities).to.have.length(priorities.length);
    expect(result.actions.map((a) => a.carriedFrom)).to.have.members(open.map((a) => a.id));
    const j9 = result.actions.find((a) => a.carriedFrom === 'cpr-a-j9')!;
    const source = actions.find((a) => a.id === 'cpr-a-j9')!;
    expect(j9).to.include({ id: 'cpr-a-j9-2024-25', planId: 'castle-point-rochford-2024-25', priorityId: `${source.priorityId}-2024-25`, status: source.status, progress: source.progress });
    expect(j9.updates).to.deep.equal(source.updates);
    expect(j9.milestones).to.deep.equal(source.milestones);
    expect(j9).not.to.have.property('carriedForwardTo');
    expect(result.carried.map((a) => a.carriedForwardTo)).to.have.members(result.actions.map((a) => a.id));
    // The old plan's copy shows "Carried forward" and has no RAG.
    expect(computeRag(result.carried[0], '2024-01-15')).to.include({ state: 'carried-forward', rag: null });
  });

  it('leaves out unchosen priorities with their actions, and carries nothing twice', async () => {
    const [plan] = await sampleRecords('plans');
    const priorities = await sampleRecords('priorities');
    const actions = await sampleRecords('actions');
    const choice = defaultRolloverChoice(priorities, actions);
    const dropped = priorities[0].id;
    const first = planRollover({ plan, priorities, actions, choice: { ...choice, priorityIds: choice.priorityIds.filter((id) => id !== dropped) } });
    expect(first.actions.some((a) => a.priorityId === `${dropped}-2024-25`)).to.equal(false);
    expect(first.priorities.some((p) => p.id === `${dropped}-2024-25`)).to.equal(false);

    // The second run sees the links and the records the first one wrote.
    const after = actions.map((a) => first.carried.find((c) => c.id === a.id) ?? a);
    const second = planRollover({
      plan,
      priorities,
      actions: after,
      choice: defaultRolloverChoice(priorities, after),
      existing: { plan: { ...plan, ...first.plan! }, priorityIds: first.priorities.map((p) => p.id), actionIds: first.actions.map((a) => a.id) },
    });
    expect(second.plan).to.equal(undefined);
    expect(second.priorities.map((p) => p.id)).to.deep.equal([`${dropped}-2024-25`]);
    expect(second.actions.every((a) => a.priorityId === `${dropped}-2024-25`)).to.equal(true);
    expect(second.actions.length + first.actions.length).to.equal(actions.filter(isOpen).length);
  });
});
