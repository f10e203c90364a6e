import { expect } from '@open-wc/testing';
import { loadCatalogue } from '../../src/i18n/index.js';
import { describeExtensionProblem } from '../../src/i18n/extension-problems.js';
import {
  approvalsRequired,
  decideExtension,
  extensionsBetween,
  openRequest,
  parseRecord,
  requestExtension,
  safeParseRecord,
  type Action,
  type ExtensionProblem,
  type ExtensionResult,
  type Recommendation,
} from '../../src/model/index.js';
import { mergeRecords } from '../../src/sync/index.js';
import { actionInput } from '../helpers.js';

// The Welsh messages load on first use (a chunk of their own in the drop-in).
before(() => loadCatalogue('cy'));

const TODAY = '2024-03-12';
const action = (fields: Partial<Action> = {}) => parseRecord('actions', { ...actionInput({ id: 'a-1' }), targetDate: '2024-03-31', status: 'in-progress', version: 1, ...fields }) as Action;
const recommendation = (fields: Partial<Recommendation> = {}) =>
  parseRecord('recommendations', { id: 'r-1', planId: 'plan-1', auditId: 'au-1', recommendation: 'Review the terms of reference.', targetDate: '2024-03-31', ...fields }) as Recommendation;
const ask = (requestedDate: string, reason = 'Waiting for the strategic assessment', id = 'x-1') => ({ id, requestedDate, reason, by: 'L. Brown', at: '2024-03-12T09:30:00.000Z' });
const approve = { outcome: 'approved' as const, reason: 'Agreed by the JSG', reference: 'JSG 12 March 2024, minute 7', by: 'A. Patel', at: '2024-03-14T15:00:00.000Z' };
const refuse = { outcome: 'refused' as const, reason: 'Statutory deadline', by: 'J. Jones', at: '2024-03-14T15:05:00.000Z' };

function ok<T>(result: ExtensionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.problems.map((p) => p.code).join(', ')}`);
  return result.record;
}
function problems<T>(result: ExtensionResult<T>): ExtensionProblem[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}
const words = (result: ExtensionResult<unknown>, locale: 'en-GB' | 'cy' = 'en-GB') => problems(result).map((p) => describeExtensionProblem(p, locale));

describe('extension requests: the approvals setting', () => {
  it('reads required on an endpoint with roles and off elsewhere, unless the plan says', () => {
    expect(approvalsRequired({}, true)).to.equal(true);
    expect(approvalsRequired({}, false)).to.equal(false);
    expect(approvalsRequired(undefined, true)).to.equal(true);
    expect(approvalsRequired({ approvals: 'off' }, true)).to.equal(false);
    expect(approvalsRequired({ approvals: 'required' }, false)).to.equal(true);
  });

  it('is part of the plan schema, and a bad value is refused', () => {
    expect(parseRecord('plans', { id: 'p', planId: 'p', name: 'Plan', approvals: 'required' }).approvals).to.equal('required');
    const bad = safeParseRecord('plans', { id: 'p', planId: 'p', name: 'Plan', approvals: 'sometimes' });
    expect(bad.ok).to.equal(false);
  });

  it('round-trips requests, decisions and a revision pointing at its request through the schema', () => {
    const decided = ok(decideExtension(ok(requestExtension(action(), ask('2024-06-30'), TODAY)), 'x-1', approve));
    expect(parseRecord('actions', JSON.parse(JSON.stringify(decided)))).to.deep.equal(decided);
    const broken = safeParseRecord('actions', { ...decided, extensionRequests: [{ ...decided.extensionRequests[0], decision: { outcome: 'maybe', reason: 'x', by: '', at: approve.at } }] });
    expect(broken.ok).to.equal(false);
    expect(action().extensionRequests).to.deep.equal([]);
  });
});

describe('extension requests: asking', () => {
  it('adds a request waiting for a decision, and leaves the dates alone', () => {
    const asked = ok(requestExtension(action(), ask('2024-06-30'), TODAY));
    expect(asked.extensionRequests).to.deep.equal([ask('2024-06-30')]);
    expect(openRequest(asked)?.requestedDate).to.equal('2024-06-30');
    expect(asked.revisedTargetDate).to.equal(undefined);
    expect(asked.revisions).to.deep.equal([]);
  });

  it('refuses a date before today or not after the current target, with the date in the message', () => {
    expect(words(requestExtension(action(), ask('2024-03-11'), TODAY))).to.deep.equal(['The new target date must be today (12 March 2024) or later']);
    expect(words(requestExtension(action(), ask('2024-03-31'), TODAY))).to.deep.equal(['The new target date must be after the current target date, 31 March 2024']);
    expect(words(requestExtension(action({ revisedTargetDate: '2024-05-31' }), ask('2024-04-30'), TODAY))).to.deep.equal(['The new target date must be after the current target date, 31 May 2024']);
    expect(words(requestExtension(action(), ask('2024-02-30'), TODAY))).to.deep.equal(['Enter the new target date as a real date']);
    expect(words(requestExtension(action(), ask('2024-03-31'), TODAY), 'cy')).to.deep.equal(['Rhaid i’r dyddiad targed newydd fod ar ôl y dyddiad targed presennol, 31 Mawrth 2024']);
  });

  it('takes a date from today on for a record with no target', () => {
    expect(ok(requestExtension(action({ targetDate: undefined }), ask(TODAY), TODAY)).extensionRequests).to.have.length(1);
  });

  it('needs a reason', () => {
    expect(problems(requestExtension(action(), ask('2024-06-30', '  '), TODAY))).to.deep.equal([{ code: 'reason-required', field: 'reason' }]);
  });

  it('refuses a complete, cancelled or carried-forward action and a closed recommendation', () => {
    expect(words(requestExtension(action({ status: 'complete' }), ask('2024-06-30'), TODAY))).to.deep.equal(['A new target date cannot be requested: this is complete']);
    expect(words(requestExtension(action({ status: 'cancelled' }), ask('2024-06-30'), TODAY))).to.deep.equal(['A new target date cannot be requested: this is cancelled']);
    expect(words(requestExtension(action({ carriedForwardTo: 'a-9' }), ask('2024-06-30'), TODAY))).to.deep.equal(['A new target date cannot be requested: this is carried forward']);
    expect(words(requestExtension(recommendation({ status: 'implemented' }), ask('2024-06-30'), TODAY))).to.deep.equal(['A new target date cannot be requested: this is implemented']);
    expect(ok(requestExtension(recommendation({ status: 'in-progress' }), ask('2024-06-30'), TODAY)).extensionRequests).to.have.length(1);
  });

  it('refuses a second open request, but takes one after the first is decided', () => {
    const asked = ok(requestExtension(action(), ask('2024-06-30'), TODAY));
    expect(words(requestExtension(asked, ask('2024-07-31', 'Another', 'x-2'), TODAY))).to.deep.equal(['A request for 30 June 2024 is already waiting for a decision']);
    const refused = ok(decideExtension(asked, 'x-1', refuse));
    expect(ok(requestExtension(refused, ask('2024-07-31', 'Another', 'x-2'), TODAY)).extensionRequests).to.have.length(2);
  });

  it('lists every problem at once', () => {
    const codes = problems(requestExtension(action({ status: 'complete' }), ask('2024-01-01', ''), TODAY)).map((p) => p.code);
    expect(codes).to.deep.equal(['record-closed', 'date-past', 'reason-required']);
  });
});

describe('extension requests: deciding', () => {
  const asked = () => ok(requestExtension(action(), ask('2024-06-30'), TODAY));

  it('approval sets the revised date and adds one revision that points at the request', () => {
    const approved = ok(decideExtension(asked(), 'x-1', approve));
    expect(approved.revisedTargetDate).to.equal('2024-06-30');
    expect(approved.targetDate).to.equal('2024-03-31');
    expect(approved.revisions).to.deep.equal([
      { id: 'x-1-approved', date: '2024-06-30', previousDate: '2024-03-31', reason: 'Waiting for the strategic assessment', by: 'A. Patel', at: approve.at, requestId: 'x-1' },
    ]);
    expect(approved.extensionRequests[0]!.decision).to.deep.equal(approve);
    expect(openRequest(approved)).to.equal(undefined);
  });

  it('refusal only records the decision: "revised N times" counts revisions, not refusals', () => {
    const refused = ok(decideExtension(asked(), 'x-1', refuse));
    expect(refused.revisedTargetDate).to.equal(undefined);
    expect(refused.revisions).to.have.length(0);
    expect(refused.extensionRequests[0]!.decision).to.deep.equal(refuse);
    const again = ok(decideExtension(ok(requestExtension(refused, ask('2024-05-31', 'Fewer staff', 'x-2'), TODAY)), 'x-2', approve));
    expect(again.revisions.map((r) => r.requestId)).to.deep.equal(['x-2']);
  });

  it('keeps the first decision: a second one says who decided and when', () => {
    const approved = ok(decideExtension(asked(), 'x-1', approve));
    expect(words(decideExtension(approved, 'x-1', refuse))).to.deep.equal(['Already approved by A. Patel on 14 March 2024']);
    expect(words(decideExtension(approved, 'x-1', refuse), 'cy')).to.deep.equal(['Wedi’i gymeradwyo eisoes gan A. Patel ar 14 Mawrth 2024']);
    const refused = ok(decideExtension(asked(), 'x-1', refuse));
    expect(words(decideExtension(refused, 'x-1', approve))).to.deep.equal(['Already refused by J. Jones on 14 March 2024']);
  });

  it('needs a reason and a request that exists; the reference is optional', () => {
    expect(problems(decideExtension(asked(), 'x-1', { ...approve, reason: ' ' }))).to.deep.equal([{ code: 'decision-reason-required', field: 'reason' }]);
    expect(problems(decideExtension(asked(), 'x-9', approve)).map((p) => p.code)).to.deep.equal(['request-unknown']);
    expect(ok(decideExtension(asked(), 'x-1', { ...refuse, reference: ' ' })).extensionRequests[0]!.decision).to.not.have.property('reference');
  });
});

describe('extension requests: merging (two officers at once)', () => {
  const base = () => ok(requestExtension(action(), ask('2024-06-30'), TODAY));
  const server = (record: Action) => ({ ...record, version: 2 });

  it('a request made offline merges in beside the server’s changes', () => {
    const mine = ok(requestExtension(action(), ask('2024-06-30'), TODAY));
    const { merged, conflicts } = mergeRecords(action(), mine, server(action({ progress: 40 })));
    expect(conflicts).to.deep.equal([]);
    expect(merged.extensionRequests.map((r) => r.id)).to.deep.equal(['x-1']);
    expect(merged.progress).to.equal(40);
  });

  const firstWins = [
    ['my refusal gives way to their approval', approve, refuse, '2024-06-30', 1],
    ['my approval that lost to their refusal leaves no revised date and no revision', refuse, approve, undefined, 0],
  ] as const;
  for (const [name, first, second, revisedTargetDate, revisions] of firstWins) {
    it(`the first decision wins: ${name}`, () => {
      const { merged, conflicts } = mergeRecords(base(), ok(decideExtension(base(), 'x-1', second)), server(ok(decideExtension(base(), 'x-1', first))));
      expect(conflicts).to.deep.equal([]);
      expect(merged.extensionRequests[0]!.decision).to.deep.equal(first);
      expect(merged.revisedTargetDate).to.equal(revisedTargetDate);
      expect(merged.revisions).to.have.length(revisions);
    });
  }

  it('two approvals of one request are one revision, the server’s', () => {
    const theirs = server(ok(decideExtension(base(), 'x-1', approve)));
    const mine = ok(decideExtension(base(), 'x-1', { ...approve, by: 'J. Jones', at: refuse.at }));
    const { merged } = mergeRecords(base(), mine, theirs);
    expect(merged.revisions.map((r) => r.by)).to.deep.equal(['A. Patel']);
    expect(merged.extensionRequests[0]!.decision?.by).to.equal('A. Patel');
  });

  it('my decision stands when the server has none', () => {
    const mine = ok(decideExtension(base(), 'x-1', approve));
    const { merged } = mergeRecords(base(), mine, server(base()));
    expect(merged.extensionRequests[0]!.decision).to.deep.equal(approve);
    expect(merged.revisedTargetDate).to.equal('2024-06-30');
  });
});

describe('extension requests: a quarter’s count', () => {
  it('counts requests made and decisions taken between two dates', () => {
    const decided = ok(decideExtension(ok(requestExtension(action(), ask('2024-06-30'), TODAY)), 'x-1', { ...approve, at: '2024-04-02T10:00:00.000Z' }));
    const waiting = ok(requestExtension(action({ id: 'a-2' }), ask('2024-06-30', 'Staff', 'x-2'), TODAY));
    const { requested, decided: taken } = extensionsBetween([decided, waiting, { ...waiting, id: 'a-3', deleted: true }], '2024-01-01', '2024-03-31');
    expect(requested.map((row) => row.request.id)).to.deep.equal(['x-1', 'x-2']);
    expect(taken).to.deep.equal([]);
    expect(extensionsBetween([decided], '2024-04-01', '2024-06-30').decided.map((row) => row.record.id)).to.deep.equal(['a-1']);
  });
});
