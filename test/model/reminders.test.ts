import { expect } from '@open-wc/testing';
import { reminderEmail } from '../../src/i18n/reminder-email.js';
import { decideExtension, parseRecord, reminderDigest, requestExtension, type Action, type ExtensionResult, type Recommendation, type ReminderMember } from '../../src/model/index.js';
import { actionInput } from '../helpers.js';

const TODAY = '2024-03-12';
const action = (id: string, fields: Partial<Action> & Record<string, unknown>) =>
  parseRecord('actions', { ...actionInput({ id }), title: `Action ${id}`, status: 'in-progress', updates: [{ id: `u-${id}`, at: '2023-12-01T10:00:00.000Z', by: 'x', text: 'On track' }], ...fields }) as Action;
const recommendation = (id: string, fields: Partial<Recommendation> & Record<string, unknown>) =>
  parseRecord('recommendations', { id, planId: 'plan-1', auditId: 'au-1', recommendation: `Recommendation ${id}`, updatedAt: '2024-02-01T10:00:00.000Z', ...fields }) as Recommendation;
const ok = <T>(result: ExtensionResult<T>) => {
  if (!result.ok) throw new Error(result.problems.map((p) => p.code).join());
  return result.record;
};

const police: ReminderMember = { user: 'tid:police-oid', role: 'partner', agencies: ['Lancashire Police'], email: 'PC.Jones@police.example' };
const officer: ReminderMember = { user: 'officer@council.example', role: 'officer', agencies: [] };

const plan = {
  actions: [
    action('soon', { leadAgency: 'Lancashire Police', targetDate: '2024-03-22' }),
    action('today', { leadAgency: 'Lancashire Police', targetDate: TODAY }),
    action('mine', { leadAgency: 'Probation', ownerUser: 'pc.jones@police.example', targetDate: '2024-02-29' }),
    action('later', { leadAgency: 'Lancashire Police', targetDate: '2024-05-31' }),
    action('revised', { leadAgency: 'Lancashire Police', targetDate: '2024-01-31', revisedTargetDate: '2024-05-31' }),
    action('done', { leadAgency: 'Lancashire Police', targetDate: '2024-02-01', status: 'complete' }),
    action('withdrawn', { leadAgency: 'Lancashire Police', targetDate: '2024-02-01', status: 'cancelled' }),
    action('carried', { leadAgency: 'Lancashire Police', targetDate: '2024-02-01', carriedForwardTo: 'next-1' }),
    action('gone', { leadAgency: 'Lancashire Police', targetDate: '2024-02-01', deleted: true }),
    action('theirs', { leadAgency: 'Probation', targetDate: '2024-02-01' }),
  ],
  recommendations: [
    recommendation('r-police', { ownerAgency: 'Lancashire Police', targetDate: '2024-01-31', ref: 'R4' }),
    recommendation('r-owner', { ownerUser: 'tid:police-oid', targetDate: '2024-03-20' }),
    recommendation('r-verified', { ownerAgency: 'Lancashire Police', targetDate: '2024-01-31', status: 'verified' }),
    recommendation('r-other', { ownerAgency: 'Probation', targetDate: '2024-01-31' }),
  ],
};

describe('reminder digest', () => {
  it('lists a partner’s open items that are overdue or due in 14 days, by lead agency, owner and owner agency', () => {
    const digest = reminderDigest(police, plan, TODAY)!;
    expect(digest.items.map((item) => [item.id, item.due, item.days])).to.deep.equal([
      ['r-police', 'overdue', -41],
      ['mine', 'overdue', -12],
      ['today', 'due-soon', 0],
      ['r-owner', 'due-soon', 8],
      ['soon', 'due-soon', 10],
    ]);
    expect(digest.items.find((item) => item.id === 'r-police')).to.include({ collection: 'recommendations', title: 'R4: Recommendation r-police', dueDate: '2024-01-31', updateDue: false });
    expect(digest.decisions).to.deep.equal([]);
    expect(digest.waiting).to.deep.equal([]);
  });

  it('from 14 days before the quarter ends, adds items without an update this quarter', () => {
    const updatedNow = { ...plan.actions[3]!, id: 'fresh', updates: [{ id: 'u', at: '2024-01-05T09:00:00.000Z', by: 'x', text: 'Going well' }] };
    const digest = reminderDigest(police, { actions: [plan.actions[3]!, updatedNow], recommendations: [] }, '2024-03-18')!;
    expect(digest.items.map((item) => [item.id, item.due, item.updateDue])).to.deep.equal([['later', undefined, true]]);
    expect(reminderDigest(police, { actions: [plan.actions[3]!], recommendations: [] }, '2024-03-16')).to.equal(undefined);
  });

  it('names people and agencies as the permissions do: emails without regard to case, user keys and agencies exactly', () => {
    const overdue = { targetDate: '2024-02-29' };
    const records = {
      actions: [
        action('by-email', { ...overdue, leadAgency: 'Probation', ownerUser: 'PC.JONES@POLICE.EXAMPLE' }),
        action('by-key-case', { ...overdue, leadAgency: 'Probation', ownerUser: 'TID:POLICE-OID' }),
        action('by-agency-case', { ...overdue, leadAgency: 'lancashire police' }),
        action('by-agency-space', { ...overdue, leadAgency: 'Lancashire Police ' }),
      ],
      recommendations: [recommendation('r-by-key', { ...overdue, ownerUser: 'tid:police-oid' })],
    };
    expect(reminderDigest(police, records, TODAY)!.items.map((item) => item.id)).to.deep.equal(['by-email', 'r-by-key']);
  });

  it('sends nothing when nothing is due, or when reminders are off', () => {
    expect(reminderDigest({ ...police, user: 'fire@example', agencies: ['Fire'], email: undefined }, plan, TODAY)).to.equal(undefined);
    expect(reminderDigest({ ...police, reminders: false }, plan, TODAY)).to.equal(undefined);
  });

  it('tells the requester of decisions since the last digest, and officers of requests waiting', () => {
    const asked = ok(requestExtension(plan.actions[3]!, { id: 'x-1', requestedDate: '2024-06-30', reason: 'Staff', by: 'tid:police-oid', at: '2024-03-10T09:00:00.000Z' }, '2024-03-10'));
    const waiting = ok(requestExtension(plan.actions[9]!, { id: 'x-2', requestedDate: '2024-06-30', reason: 'Funding', by: 'probation@example', at: '2024-03-11T09:00:00.000Z' }, '2024-03-11'));
    const decided = ok(decideExtension(asked, 'x-1', { outcome: 'approved', reason: 'Agreed', reference: 'JSG minute 7', by: 'A. Patel', at: '2024-03-11T16:00:00.000Z' }));
    const records = { actions: [decided, waiting], recommendations: [] };
    const digest = reminderDigest(police, records, TODAY)!;
    expect(digest.items).to.deep.equal([]);
    expect(digest.decisions.map((d) => [d.id, d.request.decision.outcome])).to.deep.equal([['later', 'approved']]);
    expect(reminderDigest(police, records, TODAY, '2024-03-11T17:00:00.000Z')).to.equal(undefined);
    expect(reminderDigest(officer, records, TODAY)!.waiting.map((w) => w.request.id)).to.deep.equal(['x-2']);
    expect(reminderDigest({ ...officer, role: 'partner' }, records, TODAY)).to.equal(undefined);
  });
});

describe('reminder email', () => {
  const options = { planName: 'Castle Point and Rochford CSP 2023/24', today: TODAY, publicUrl: 'https://intranet.example/csp#old' };

  it('words each item with its date and a link that opens its card', () => {
    const email = reminderEmail(reminderDigest(police, plan, TODAY)!, { ...options, locale: 'en-GB' });
    expect(email.subject).to.equal('Castle Point and Rochford CSP 2023/24: your reminders for 12 March 2024');
    expect(email.text).to.contain('Your actions and recommendations\n- R4: Recommendation r-police: target date 31 January 2024, 41 days overdue\n  Open it: https://intranet.example/csp#recommendation-r-police');
    expect(email.text).to.contain('- Action today: target date 12 March 2024, due today\n  Open it: https://intranet.example/csp#action-today');
    expect(email.text).not.to.contain('Action later');
    expect(email.text).not.to.contain('Action done');
  });

  it('speaks Welsh to a Welsh member', () => {
    const email = reminderEmail(reminderDigest(police, plan, TODAY)!, { ...options, locale: 'cy' });
    expect(email.subject).to.equal('Castle Point and Rochford CSP 2023/24: eich nodiadau atgoffa ar gyfer 12 Mawrth 2024');
    expect(email.text).to.contain('Eich camau gweithredu a’ch argymhellion');
    expect(email.text).to.contain('dyddiad targed 31 Ionawr 2024');
  });

  it('words decisions and waiting requests', () => {
    const asked = ok(requestExtension(plan.actions[3]!, { id: 'x-1', requestedDate: '2024-06-30', reason: 'Staff', by: 'officer@council.example', at: '2024-03-10T09:00:00.000Z' }, '2024-03-10'));
    const refused = ok(decideExtension(asked, 'x-1', { outcome: 'refused', reason: 'Statutory date', reference: 'JSG minute 7', by: 'A. Patel', at: '2024-03-11T16:00:00.000Z' }));
    const waiting = ok(requestExtension(plan.actions[9]!, { id: 'x-2', requestedDate: '2024-06-30', reason: 'Funding', by: 'S. Khan', at: '2024-03-11T09:00:00.000Z' }, '2024-03-11'));
    const email = reminderEmail(reminderDigest(officer, { actions: [refused, waiting], recommendations: [] }, TODAY)!, { ...options, locale: 'en-GB' });
    expect(email.text).to.contain('Decisions on your requests\n- Action later: request for 30 June 2024 refused by A. Patel: Statutory date (JSG minute 7)');
    expect(email.text).to.contain('Requests waiting for your decision\n- Action theirs: S. Khan asks for 30 June 2024: Funding (11 March 2024)\n  Open it: https://intranet.example/csp#action-theirs');
  });
});
