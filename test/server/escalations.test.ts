// The attempts to get round the rules that test/server/permissions-table.ts lists (ATTEMPTS), each made
// over real HTTP with a real token on a real PostgreSQL, plus what the server must stamp and record itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WireRecord } from '../../server/db/records.js';
import { request, startServer, type Answer } from './helpers.js';
import { CLAIMS, edited, keyOf, P, Q, useFixture } from './permission-fixture.js';
import { ATTEMPTS, OTHER_AGENCY, OWN_AGENCY } from './permissions-table.js';
import { tally } from './tally.js';

type Name = keyof typeof ATTEMPTS;
const attempts = tally();
const FORGED_AT = '2001-01-01T00:00:00.000Z';
const REQUEST = { id: 'x-1', requestedDate: '2026-06-30', reason: 'The refuge provider changes', by: '', at: FORGED_AT };
const REVISION = { id: 'r-1', date: '2026-06-30', previousDate: '2026-03-31', reason: 'Funding late', by: 'Mallory', at: FORGED_AT };

describe('attempts to get round the rules', () => {
  const fixture = useFixture('escalation attempts', attempts);

  const put = (who: keyof typeof CLAIMS | 'signedOut', record: Record<string, unknown>, collection = 'actions') =>
    fixture().as(who, 'PUT', `/api/${collection}/${encodeURIComponent(String(record.id))}`, record, { 'If-Match': `"${record.version ?? 1}"` });
  const action = (scope: 'ownAgency' | 'otherAgency' | 'otherPlan' = 'ownAgency', fields: Record<string, unknown> = {}) =>
    fixture().store('actions', { ...fixture().draft('actions', scope), ...fields });
  /** A lead's new action under the priority they lead, not public unless `fields` says so. */
  const post = (who: 'lead', fields: Record<string, unknown>) => fixture().as(who, 'POST', '/api/actions', { ...fixture().draft('actions', 'ownAgency'), public: false, ...fields });

  /** Each attempt: the request, then (for the stamped ones) what must hold of the answer. */
  const TRIES: Record<Name, () => Promise<Answer>> = {
    'partner moves another agency\'s action into their agency (leadAgency)': async () => put('partner', { ...(await action('otherAgency')), leadAgency: OWN_AGENCY }),
    'partner moves their agency\'s action to another agency (leadAgency)': async () => put('partner', { ...(await action()), leadAgency: OTHER_AGENCY }),
    'partner names themselves owner of another agency\'s action (ownerUser)': async () => put('partner', { ...(await action('otherAgency')), ownerUser: keyOf('partner') }),
    'partner changes the named owner of their agency\'s action (ownerUser)': async () => put('partner', { ...(await action()), ownerUser: 'someone.else@police.example' }),
    'partner moves their agency\'s action to another priority': async () => put('partner', { ...(await action()), priorityId: `${P}-prio-other` }),
    'partner moves their agency\'s action to another plan (403 before 422)': async () => put('partner', { ...(await action()), planId: Q }),
    'officer moves an action to another plan (a record never changes plan)': async () => put('officer', { ...(await action()), planId: Q }),
    'officer of P puts a Q action into P': async () => put('officer', { ...(await action('otherPlan')), planId: P }),
    'lead moves an action of their priority to one they do not lead': async () => put('lead', { ...(await action()), priorityId: `${P}-prio-other` }),
    'lead creates an action under a priority they do not lead': () => fixture().as('lead', 'POST', '/api/actions', fixture().draft('actions', 'otherAgency')),
    'partner retires their agency\'s action with PUT deleted: true': async () => put('partner', { ...(await action()), deleted: true }),
    'partner creates an action for their agency': () => fixture().as('partner', 'POST', '/api/actions', fixture().draft('actions', 'ownAgency')),
    'partner makes an invalid change to another agency\'s action (403 before 422)': async () => put('partner', { ...(await action('otherAgency')), progress: 150, status: 'done' }),
    'signed-out client posts an invalid action (401 before 422)': () => fixture().as('signedOut', 'POST', '/api/actions', { ...fixture().draft('actions', 'ownAgency'), progress: 150 }),
    'officer sends a forged updatedBy': async () => {
      const answer = await put('officer', { ...edited('actions', await action()), updatedBy: 'The Chief Executive' });
      assert.equal(answer.body.updatedBy, CLAIMS.officer.name);
      return answer;
    },
    'partner adds a progress update with a forged author and time': async () => {
      const stored = await action();
      const answer = await put('partner', { ...stored, updates: [...(stored.updates as object[]), { id: 'forged-1', at: FORGED_AT, by: 'Chief Constable', text: 'All done' }] });
      const added = (answer.body.updates as { id: string; by: string; at: string }[]).find((update) => update.id === 'forged-1');
      assert.deepEqual([added?.by, added?.at], [CLAIMS.partner.name, answer.body.updatedAt]);
      return answer;
    },
    'partner adds a RAG override and a milestone tick with forged authors': async () => {
      const stored = await action('ownAgency', { milestones: [{ id: 'm-1', title: 'Kick-off', dueDate: '2024-01-08' }] });
      const answer = await put('partner', {
        ...stored,
        ragOverride: { rag: 'red', reason: 'Slipping', by: 'Mallory', at: FORGED_AT },
        milestones: [{ id: 'm-1', title: 'Kick-off', dueDate: '2024-01-08', doneDate: '2024-01-09', doneBy: 'Mallory', doneAt: FORGED_AT }],
      });
      const { updatedAt, ragOverride, milestones } = answer.body;
      assert.deepEqual([ragOverride.by, ragOverride.at], [CLAIMS.partner.name, updatedAt]);
      assert.deepEqual([milestones[0].doneBy, milestones[0].doneAt, milestones[0].doneDate], [CLAIMS.partner.name, updatedAt, '2024-01-09']);
      return answer;
    },
    'partner rewrites the author of an earlier update': async () => {
      const stored = await action();
      const [first] = stored.updates as { by: string; at: string }[];
      const answer = await put('partner', { ...stored, updates: [{ ...first, by: 'Someone else', at: FORGED_AT }] });
      assert.deepEqual([answer.body.updates[0].by, answer.body.updates[0].at], [first!.by, first!.at]);
      return answer;
    },
    'officer posts a history entry': () => fixture().as('officer', 'POST', '/api/history', fixture().draft('history', 'ownAgency')),
    'admin posts a history entry': () => fixture().as('admin', 'POST', '/api/history', fixture().draft('history', 'ownAgency')),
    'partner edits a history entry': async () => put('partner', await fixture().store('history', fixture().draft('history', 'ownAgency')), 'history'),
    'officer deletes a history entry': async () => fixture().as('officer', 'DELETE', `/api/history/${(await fixture().store('history', fixture().draft('history', 'ownAgency'))).id}`),
    'partner creates an officer membership for themselves': () => fixture().as('partner', 'POST', '/api/members', { id: 'm-self', planId: P, user: keyOf('partner'), role: 'officer' }),
    'viewer makes their own membership an officer\'s': async () => {
      const members = (await fixture().as('admin', 'GET', `/api/members?planId=${P}`)).body as WireRecord[];
      const own = members.find((member) => member.user === keyOf('viewer'))!;
      return put('viewer', { ...own, role: 'officer' }, 'members');
    },
    'officer of P creates an officer membership in Q': () => fixture().as('officer', 'POST', '/api/members', { id: 'm-q', planId: Q, user: keyOf('officer'), role: 'officer' }),
    'partner reads a restricted action of another agency by id': async () => fixture().as('partner', 'GET', `/api/actions/${(await action('otherAgency', { visibility: 'restricted' })).id}`),
    'viewer reads a restricted action by id': async () => fixture().as('viewer', 'GET', `/api/actions/${(await action('ownAgency', { visibility: 'restricted' })).id}`),
    'signed-out client reads a restricted public action by id': async () => fixture().as('signedOut', 'GET', `/api/actions/${(await action('ownAgency', { visibility: 'restricted', public: true })).id}`),
    'partner overrides the RAG of their agency\'s action, with a reason': async () => put('partner', { ...(await action()), ragOverride: { rag: 'amber', reason: 'Recruitment delayed', by: '', at: FORGED_AT } }),
    'partner updates another agency\'s action they are the named owner of': async () => put('partner', edited('actions', await action('otherAgency', { ownerUser: CLAIMS.partner.email.toUpperCase() }))),
    'partner updates a recommendation they are the named owner of': async () =>
      put('partner', edited('recommendations', await fixture().store('recommendations', { ...fixture().draft('recommendations', 'otherAgency'), ownerUser: keyOf('partner') })), 'recommendations'),
    'partner moves their agency\'s recommendation to another agency (ownerAgency)': async () =>
      put('partner', { ...(await fixture().store('recommendations', fixture().draft('recommendations', 'ownAgency'))), ownerAgency: OTHER_AGENCY }, 'recommendations'),
    'member named by email in other letter case updates their agency\'s action': async () => put('partner', edited('actions', await action())),
    'partner named owner by their user key in other letter case updates another agency\'s action': async () =>
      put('partner', edited('actions', await action('otherAgency', { ownerUser: keyOf('partner').toUpperCase() }))),
    'partner adds a revision to their agency\'s action without asking': async () => put('partner', { ...(await action()), revisions: [REVISION] }),
    'partner decides the request on their agency\'s recommendation': async () => {
      const stored = await fixture().store('recommendations', { ...fixture().draft('recommendations', 'ownAgency'), extensionRequests: [REQUEST] });
      return put('partner', { ...stored, extensionRequests: [{ ...REQUEST, decision: { outcome: 'approved', reason: 'Fine by us', by: '', at: FORGED_AT } }] }, 'recommendations');
    },
    'lead creates an action with a decided extension request': () => post('lead', { extensionRequests: [{ ...REQUEST, decision: { outcome: 'approved', reason: 'Agreed', by: '', at: FORGED_AT } }] }),
    'lead creates an action with a revised target date': () => post('lead', { targetDate: '2026-03-31', revisedTargetDate: '2026-06-30' }),
    'lead creates an action with a revision': () => post('lead', { targetDate: '2026-03-31', revisions: [REVISION] }),
    'lead creates an invalid action with a decided request (403 before 422)': () => post('lead', { progress: 150, extensionRequests: [{ ...REQUEST, decision: { outcome: 'refused', reason: 'No', by: '', at: FORGED_AT } }] }),
    'lead creates an action with a target date and an open request': () => post('lead', { targetDate: '2026-03-31', extensionRequests: [REQUEST] }),
    'partner makes their agency\'s private action public': async () => put('partner', { ...(await action('ownAgency', { public: false })), public: true }),
    'partner makes their agency\'s restricted action partnership-wide': async () => put('partner', { ...(await action('ownAgency', { visibility: 'restricted' })), visibility: 'partnership' }),
    'lead makes an action of their priority public': async () => put('lead', { ...(await action('ownAgency', { public: false })), public: true }),
    'lead creates a public action': () => post('lead', { public: true }),
    'lead creates a restricted action under their priority': () => post('lead', { visibility: 'restricted' }),
    'officer makes a restricted action public and partnership-wide': async () => put('officer', { ...(await action('ownAgency', { public: false, visibility: 'restricted' })), public: true, visibility: 'partnership' }),
  };

  // The refusals that say which of the officers' fields was touched.
  const REASONS: Partial<Record<Name, RegExp>> = {
    'partner adds a revision to their agency\'s action without asking': /change by request, as approvals are required/,
    'partner decides the request on their agency\'s recommendation': /^Only the CSP officers decide extension requests\.$/,
    'lead creates an action with a decided extension request': /^Only the CSP officers decide extension requests\.$/,
    'lead creates an action with a revised target date': /change by request/,
    'lead creates an action with a revision': /change by request/,
    'lead creates an invalid action with a decided request (403 before 422)': /decide extension requests/,
    'partner makes their agency\'s private action public': /make an action public or change who may see it/,
    'partner makes their agency\'s restricted action partnership-wide': /make an action public or change who may see it/,
    'lead makes an action of their priority public': /make an action public/,
    'lead creates a public action': /make an action public/,
  };

  for (const [name, { who, expected }] of Object.entries(ATTEMPTS) as [Name, (typeof ATTEMPTS)[Name]][]) {
    test(`${name}: ${expected}`, async () => {
      const answer = await TRIES[name]();
      attempts.count(`${who}: ${name}`, expected, answer.status);
      assert.equal(answer.status, expected, JSON.stringify(answer.body));
      if (answer.status === 403) assert.ok(String(answer.body.error).length > 30, 'a reason a person can read');
      const reason = REASONS[name];
      if (reason) assert.match(String(answer.body.error), reason);
    });
  }

  test('the endpoint writes the history of a change itself, in the person\'s name, and of memberships too', async () => {
    const stored = await action();
    const saved = await put('partner', edited('actions', stored));
    const history = (await fixture().as('officer', 'GET', `/api/history?planId=${P}&_limit=5000`)).body as { recordId: string; by: string; at: string; collection: string; changes: { field: string }[] }[];
    const entry = history.find((one) => one.recordId === stored.id);
    assert.deepEqual([entry?.by, entry?.at, entry?.collection], [CLAIMS.partner.name, saved.body.updatedAt, 'actions']);
    assert.deepEqual(entry?.changes.map((change) => change.field).sort(), ['progress', 'status']);
    const member = await fixture().as('officer', 'POST', '/api/members', { id: 'm-new-viewer', planId: P, user: 'new.viewer@council.example', role: 'viewer' });
    assert.equal(member.status, 201);
    const after = (await fixture().as('officer', 'GET', `/api/history?planId=${P}&_limit=5000`)).body as { recordId: string; collection: string }[];
    assert.ok(after.some((one) => one.recordId === 'm-new-viewer' && one.collection === 'members'));
    const partnerSees = (await fixture().as('partner', 'GET', `/api/history?planId=${P}&_limit=5000`)).body as { recordId: string }[];
    assert.ok(partnerSees.some((one) => one.recordId === stored.id), 'members read the plan\'s history');
    assert.ok(!partnerSees.some((one) => one.recordId === 'm-new-viewer'), 'but membership history is for officers');
  });

  test('whoever starts a plan becomes its officer, and /me says so', async () => {
    assert.equal((await fixture().as('outsider', 'POST', '/api/plans', { id: 'plan-new', planId: 'plan-new', name: 'New plan' })).status, 201);
    const me = await fixture().as('outsider', 'GET', '/api/me');
    assert.deepEqual(me.body, { id: keyOf('outsider'), name: CLAIMS.outsider.name, email: CLAIMS.outsider.email, writesHistory: true, plans: { 'plan-new': { role: 'officer', agencies: [] } } });
    assert.equal((await fixture().as('outsider', 'POST', '/api/priorities', { id: 'plan-new-p1', planId: 'plan-new', title: 'First priority' })).status, 201);
  });

  test('/me: each person\'s plans and roles; every plan for an admin; 401 signed out', async () => {
    assert.deepEqual((await fixture().as('partner', 'GET', '/api/me')).body.plans[P], { role: 'partner', agencies: [OWN_AGENCY] });
    assert.equal((await fixture().as('lead', 'GET', '/api/me')).body.plans[P].role, 'lead');
    const admin = (await fixture().as('admin', 'GET', '/api/me')).body;
    assert.deepEqual([admin.plans[P]?.role, admin.plans[Q]?.role], ['officer', 'officer']);
    assert.deepEqual((await fixture().as('viewer', 'GET', '/api/me')).body.plans, { [P]: { role: 'viewer', agencies: [] } });
    const signedOut = await fixture().as('signedOut', 'GET', '/api/me');
    assert.equal(signedOut.status, 401);
  });
});

describe('with no sign-in (AP_AUTH=none), as before sign-in existed', () => {
  test('the client\'s authors stay, the client writes the history, and /me is 404', async () => {
    const server = await startServer('postgres');
    try {
      const update = { id: 'u-1', at: '2024-01-10T09:00:00.000Z', by: 'Community Safety Officer', text: 'Started' };
      const created = await request(server.url, 'POST', '/api/actions', { id: 'a-none', planId: 'plan-none', priorityId: 'p-1', title: 'T', updates: [update] });
      assert.equal(created.status, 201);
      assert.deepEqual(created.body.updates, [update]);
      const entry = { id: 'h-none', planId: 'plan-none', recordId: 'a-none', collection: 'actions', at: update.at, by: update.by, changes: [{ field: 'created', to: 'T' }] };
      assert.equal((await request(server.url, 'POST', '/api/history', entry)).status, 201);
      assert.equal((await request(server.url, 'GET', '/api/me')).status, 404);
    } finally {
      await server.close();
    }
  });
});
