// The table of expected answers agrees with itself: the rules that tie reads to writes hold in every row.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANSWERS, cases, PEOPLE, SCOPES, SUBJECTS, type Case } from './permissions-table.js';

const answer = (subject: Case['subject'], operation: Case['operation'], scope: Case['scope'], person: Case['person']) => {
  const row = ANSWERS[subject][operation][scope];
  return row?.[PEOPLE.indexOf(person)];
};

describe('permissions table', () => {
  it('answers every subject, scope and person it lists', () => {
    const all = cases();
    assert.equal(all.length, 616);
    for (const subject of SUBJECTS) assert.ok(all.some((one) => one.subject === subject && one.operation === 'read'), subject);
  });

  it('never lets anyone write what they cannot read, and hides it (404) from a signed-in writer', () => {
    for (const { subject, operation, scope, person, expected } of cases()) {
      if (operation === 'read' || operation === 'create' || subject === 'history') continue;
      const read = answer(subject, 'read', scope, person);
      if (expected === 200) assert.equal(read, 'full', `${person} may ${operation} ${subject} (${scope}) but reads it as ${read}`);
      if (read === 'hidden') assert.equal(expected, person === 'signedOut' ? 401 : 404, `${person} ${operation} ${subject} (${scope})`);
    }
  });

  it('asks the signed out to sign in before any write, and gives the admin every plan', () => {
    for (const { subject, operation, person, expected } of cases()) {
      if (operation === 'read' || (subject === 'history' && operation !== 'create')) continue;
      if (person === 'signedOut') assert.equal(expected, 401);
      if (person === 'admin' && subject !== 'history') assert.ok(expected === 200 || expected === 201);
    }
    for (const subject of SUBJECTS) for (const scope of SCOPES) assert.ok([undefined, 'full'].includes(answer(subject, 'read', scope, 'admin')));
  });
});
