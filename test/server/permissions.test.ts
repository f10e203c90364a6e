// Every answer of test/server/permissions-table.ts, asked of the endpoint on a real PostgreSQL with real
// tokens, then the attempts to get round the rules. Each attempt counts; the summary says how many were
// denied that should have been allowed, and allowed that should have been denied.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PUBLIC_FIELDS } from '../../src/model/publish.js';
import type { WireRecord } from '../../server/db/records.js';
import type { Answer } from './helpers.js';
import { tally } from './tally.js';
import { edited, kindOf, useFixture, type Fixture } from './permission-fixture.js';
import { cases, OPERATIONS, SUBJECTS, type Case, type ReadAnswer, type Subject } from './permissions-table.js';

const attempts = tally();

// What a public read may hold besides the listed fields: the Publish export's own lists.
const PUBLIC_EXTRAS = new Set(['milestones', 'linkedActionIds', 'funding']);

function readAnswer(subject: Subject, body: Record<string, unknown> | undefined): ReadAnswer {
  if (!body) return 'hidden';
  if ('updatedBy' in body) return 'full';
  const listed = new Set<string>(PUBLIC_FIELDS[kindOf(subject) as keyof typeof PUBLIC_FIELDS] ?? []);
  const stray = Object.keys(body).filter((key) => !listed.has(key) && !PUBLIC_EXTRAS.has(key));
  return stray.length === 0 ? 'public' : (`public with ${stray.join(', ')}` as ReadAnswer);
}

async function attempt(fixture: Fixture, one: Case): Promise<void> {
  const count = attempts.count;
  const { subject, operation, scope, person, expected } = one;
  const kind = kindOf(subject);
  const label = `${person} ${operation} ${subject} (${scope})`;
  if (operation === 'read') {
    const stored = await fixture.fresh(subject, scope);
    const listed = await fixture.as(person, 'GET', `/api/${kind}?planId=${encodeURIComponent(stored.planId)}&_limit=5000`);
    assert.equal(listed.status, 200, `${label}: the list answered ${listed.status}`);
    count(`${label} [list]`, expected, readAnswer(subject, (listed.body as Record<string, unknown>[]).find((record) => record.id === stored.id)));
    const byId = await fixture.as(person, 'GET', `/api/${kind}/${encodeURIComponent(stored.id)}`);
    count(`${label} [by id]`, expected, byId.status === 404 ? 'hidden' : readAnswer(subject, byId.body));
    return;
  }
  if (operation === 'create') {
    const created = await fixture.as(person, 'POST', `/api/${kind}`, fixture.draft(subject, scope));
    count(label, expected, created.status);
    return;
  }
  const stored = await fixture.fresh(subject, scope);
  const put = (body: unknown) => fixture.as(person, 'PUT', `/api/${kind}/${encodeURIComponent(stored.id)}`, body, { 'If-Match': '"1"' });
  if (operation === 'update') {
    count(label, expected, (await put(edited(subject, stored))).status);
    return;
  }
  count(`${label} [DELETE]`, expected, (await fixture.as(person, 'DELETE', `/api/${kind}/${encodeURIComponent(stored.id)}`, undefined, { 'If-Match': '"1"' })).status);
  // A PUT with deleted: true is a delete too.
  const again = await fixture.fresh(subject, scope);
  const tombstone = await fixture.as(person, 'PUT', `/api/${kind}/${encodeURIComponent(again.id)}`, { ...again, deleted: true }, { 'If-Match': '"1"' });
  count(`${label} [PUT deleted]`, expected, tombstone.status);
}

describe('permissions, from the table of expected answers', () => {
  const fixture = useFixture('permissions table', attempts);

  for (const subject of SUBJECTS) {
    for (const operation of OPERATIONS) {
      const some = cases().filter((one) => one.subject === subject && one.operation === operation);
      if (some.length === 0) continue;
      test(`${operation} ${subject}: ${some.length} cases`, async () => {
        const before = attempts.wrong().length;
        for (const one of some) await attempt(fixture(), one);
        assert.deepEqual(attempts.wrong().slice(before), []);
      });
    }
  }

  test('a refusal says who can, in words', async () => {
    const action = await fixture().fresh('actions', 'otherAgency');
    const refused: Answer = await fixture().as('partner', 'PUT', `/api/actions/${action.id}`, edited('actions', action as WireRecord), { 'If-Match': '"1"' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'Only National Probation Service and the CSP officers can update this action.');
  });
});
