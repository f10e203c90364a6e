// Extension requests on our endpoint (issue #18), over real HTTP with real tokens on a real PostgreSQL:
// under required approvals (the default here) a lead or partner changing a target date is refused (403,
// before any content check) and asks instead; only officers decide; who and when are the server's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseRecord } from '../../src/model/schemas.js';
import { reminderDigest, type ReminderMember } from '../../src/model/reminders.js';
import { CLAIMS, P, keyOf, startFixture, type Fixture } from './permission-fixture.js';


const FORGED_AT = '2001-01-01T00:00:00.000Z';
const request = { id: 'x-1', requestedDate: '2026-06-30', reason: 'The refuge provider changes', by: 'Chief Constable', at: FORGED_AT };

describe('extension requests on the endpoint', () => {
  let fixture: Fixture;
  before(async () => {
    fixture = await startFixture();
  });
  after(() => fixture.close());

  const put = (who: 'officer' | 'lead' | 'partner', collection: string, record: Record<string, unknown>) =>
    fixture.as(who, 'PUT', `/api/${collection}/${encodeURIComponent(String(record.id))}`, record, { 'If-Match': `"${record.version}"` });
  const action = (fields: Record<string, unknown> = {}, scope: 'ownAgency' | 'otherAgency' = 'ownAgency') =>
    fixture.store('actions', { ...fixture.draft('actions', scope), targetDate: '2026-03-31', ...fields });
  const stored = async (collection: string, id: string) => (await fixture.as('officer', 'GET', `/api/${collection}/${id}`)).body;

  test('a partner changing the target or revised target date: 403 with the reason, before the content is checked', async () => {
    const record = await action();
    for (const change of [{ targetDate: '2026-06-30' }, { revisedTargetDate: '2026-06-30' }, { revisedTargetDate: '2026-06-30', progress: 150, status: 'done' }]) {
      const answer = await put('partner', 'actions', { ...record, ...change });
      assert.equal(answer.status, 403, JSON.stringify(change));
      assert.match(answer.body.error, /^Target dates in this plan change by request, as approvals are required/);
    }
    assert.equal((await stored('actions', String(record.id))).revisedTargetDate, undefined);
  });

  test('a lead on their own priority, and a partner on their recommendation, are refused alike', async () => {
    const led = await fixture.store('actions', { ...fixture.draft('actions', 'otherAgency'), priorityId: `${P}-prio-own`, targetDate: '2026-03-31' });
    assert.equal((await put('lead', 'actions', { ...led, targetDate: '2026-09-30' })).status, 403);
    assert.equal((await put('lead', 'actions', { ...led, progress: 40 })).status, 200, 'other fields are theirs to change');
    const rec = await fixture.store('recommendations', { ...fixture.draft('recommendations', 'ownAgency'), targetDate: '2026-03-31' });
    const answer = await put('partner', 'recommendations', { ...rec, revisedTargetDate: '2026-09-30' });
    assert.equal(answer.status, 403);
    assert.match(answer.body.error, /change by request/);
  });

  test('a partner asks: the request is stored with the server’s who and when', async () => {
    const record = await action();
    const answer = await put('partner', 'actions', { ...record, extensionRequests: [{ ...request, byUser: keyOf('officer') }] });
    assert.equal(answer.status, 200);
    const [asked] = answer.body.extensionRequests;
    assert.deepEqual([asked.by, asked.byUser, asked.at], [CLAIMS.partner.name, CLAIMS.partner.email, answer.body.updatedAt]);
  });

  test('the decision on a request made through the endpoint reaches the requester’s digest, and only theirs', async () => {
    const record = await action();
    const asked = (await put('partner', 'actions', { ...record, extensionRequests: [request] })).body;
    const decision = { outcome: 'refused', reason: 'Statutory deadline', by: 'Forged', at: FORGED_AT };
    const decided = await put('officer', 'actions', { ...asked, extensionRequests: [{ ...asked.extensionRequests[0], byUser: keyOf('viewer'), decision }] });
    assert.equal(decided.status, 200);
    assert.equal(decided.body.extensionRequests[0].byUser, CLAIMS.partner.email, 'who asked stays as stored');
    const members: ReminderMember[] = (await fixture.as('officer', 'GET', `/api/members?planId=${P}`)).body;
    const digestOf = (user: string) => reminderDigest(members.find((member) => member.user === user)!, { actions: [parseRecord('actions', decided.body)], recommendations: [] }, '2026-01-10', FORGED_AT);
    // The membership names the partner by email in other letters' case than their sign-in.
    assert.deepEqual(digestOf(CLAIMS.partner.email.toLowerCase())?.decisions.map((item) => item.request.decision.outcome), ['refused']);
    assert.deepEqual(digestOf(keyOf('viewer'))?.decisions ?? [], []);
  });

  test('a partner cannot decide, their own request or another: 403', async () => {
    const record = await action({ extensionRequests: [request] });
    const decided = { ...request, decision: { outcome: 'approved', reason: 'Fine by me', by: 'x', at: FORGED_AT } };
    const answer = await put('partner', 'actions', { ...record, extensionRequests: [decided] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error, "Only the CSP officers decide extension requests.");
  });

  test('an officer approves: the revised date, the revision and the decision, stamped by the server', async () => {
    const record = await action({ extensionRequests: [request] });
    const decision = { outcome: 'approved', reason: 'Agreed by the JSG', reference: 'JSG minute 7', by: 'Forged', at: FORGED_AT };
    const revision = { id: 'x-1-approved', date: '2026-06-30', previousDate: '2026-03-31', reason: request.reason, by: 'Forged', at: FORGED_AT, requestId: 'x-1' };
    const answer = await put('officer', 'actions', { ...record, revisedTargetDate: '2026-06-30', revisions: [revision], extensionRequests: [{ ...request, decision }] });
    assert.equal(answer.status, 200);
    const saved = answer.body.extensionRequests[0].decision;
    assert.deepEqual([saved.outcome, saved.by, saved.at, saved.reference], ['approved', CLAIMS.officer.name, answer.body.updatedAt, 'JSG minute 7']);
    assert.deepEqual([answer.body.revisions[0].requestId, answer.body.revisions[0].by, answer.body.revisions[0].at], ['x-1', CLAIMS.officer.name, answer.body.updatedAt]);
    assert.equal(answer.body.revisedTargetDate, '2026-06-30');
  });

  test('with approvals off on the plan, a partner changes dates by editing', async () => {
    const plan = await stored('plans', P);
    assert.equal((await put('officer', 'plans', { ...plan, approvals: 'off' })).status, 200);
    try {
      const record = await action();
      const revision = { id: 'r-off', date: '2026-06-30', previousDate: '2026-03-31', reason: 'Funding late', by: '', at: FORGED_AT };
      assert.equal((await put('partner', 'actions', { ...record, revisedTargetDate: '2026-06-30', revisions: [revision] })).status, 200);
      const created = { ...fixture.draft('actions', 'ownAgency'), public: false, targetDate: '2026-03-31', revisedTargetDate: '2026-06-30', revisions: [revision] };
      assert.equal((await fixture.as('lead', 'POST', '/api/actions', created)).status, 201, 'a lead sets them on a new action too');
      const decided = { ...request, decision: { outcome: 'approved', reason: 'Fine by me', by: 'x', at: FORGED_AT } };
      const answer = await put('partner', 'actions', { ...(await action({ extensionRequests: [request] })), revisedTargetDate: '2026-06-30', extensionRequests: [decided] });
      assert.equal(answer.status, 403, 'but never decides');
      assert.equal(answer.body.error, "Only the CSP officers decide extension requests.");
    } finally {
      const now = await stored('plans', P);
      await put('officer', 'plans', { ...now, approvals: undefined });
    }
  });
});
