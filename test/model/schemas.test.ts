import { expect } from '@open-wc/testing';
import { describeValidation, wordIssues, type WordedIssue } from '../../src/i18n/issues.js';
import { COLLECTIONS, parseRecord, safeParseRecord, ValidationError } from '../../src/model/index.js';

const action = { id: 'a-1', planId: 'p-1', priorityId: 'pr-1', title: 'Sanctuary scheme' };

// The issues as i18n words them in en-GB.
function issuesOf(collection: Parameters<typeof safeParseRecord>[0], input: unknown): WordedIssue[] {
  const result = safeParseRecord(collection, input);
  if (result.ok) throw new Error('expected the record to be rejected');
  expect(result.error).to.be.instanceOf(ValidationError);
  expect(result.error.name).to.equal('ValidationError');
  return wordIssues(result.error.issues, 'en-GB').map(({ code, path, message }) => ({ code, path, message }));
}

describe('schemas: accept', () => {
  it('gives a minimal action all its defaults', () => {
    const parsed = parseRecord('actions', action);
    expect(parsed).to.deep.equal({
      ...action,
      version: 0,
      updatedAt: '',
      updatedBy: '',
      deleted: false,
      partners: [],
      ongoing: false,
      revisions: [],
      status: 'not-started',
      progress: 0,
      milestones: [],
      updates: [],
      extensionRequests: [],
      public: false,
    });
  });

  it('keeps unknown fields so they round-trip', () => {
    const parsed = parseRecord('actions', { ...action, councilRef: 'CPR-7', milestones: [{ id: 'm1', title: 'Draft', dueDate: '2024-01-31', colour: 'teal' }] });
    expect((parsed as Record<string, unknown>).councilRef).to.equal('CPR-7');
    expect((parsed.milestones[0] as Record<string, unknown>).colour).to.equal('teal');
    expect(parseRecord('actions', JSON.parse(JSON.stringify(parsed)))).to.deep.equal(parsed);
  });

  it('treats null as absent for optional fields and fields with defaults', () => {
    const parsed = parseRecord('actions', { ...action, revisedTargetDate: null, ragOverride: null, status: null, progress: null });
    expect(parsed.revisedTargetDate).to.equal(undefined);
    expect(parsed.ragOverride).to.equal(undefined);
    expect(parsed.status).to.equal('not-started');
    expect(parsed.progress).to.equal(0);
  });

  it('accepts a full recommendation, audit, priority, plan and history entry', () => {
    const rec = parseRecord('recommendations', {
      id: 'r-3', planId: 'p-1', auditId: 'au-1', recommendation: 'Annual delivery plans to include estimated time scales.',
      rating: 'high', status: 'verified', targetDate: '2023-12-31', revisedTargetDate: '2024-03-31', updatedAt: '2024-04-02T09:15:00.000Z', version: 4,
      evidence: [{ label: 'Delivery plan 2024/25', url: 'https://www.castlepoint.gov.uk/csp' }], linkedActionIds: ['a-1'],
    });
    expect(rec.evidence[0].url).to.equal('https://www.castlepoint.gov.uk/csp');
    expect(rec.version).to.equal(4);
    expect(parseRecord('audits', { id: 'au-1', planId: 'p-1', title: 'Light-touch audit', date: '2023-08-14' }).date).to.equal('2023-08-14');
    expect(parseRecord('priorities', { id: 'pr-1', planId: 'p-1', title: 'Domestic abuse' }).retired).to.equal(false);
    expect(parseRecord('plans', { id: 'p-1', planId: 'p-1', name: 'CSP plan 2024/25' }).name).to.equal('CSP plan 2024/25');
    const entry = parseRecord('history', { id: 'h-1', planId: 'p-1', recordId: 'a-1', collection: 'actions', at: '2024-05-01T10:00:00Z', by: 'Insp. Lee', changes: [{ field: 'progress', from: 10, to: 40 }] });
    expect(entry.changes[0]).to.deep.equal({ field: 'progress', from: 10, to: 40 });
    expect(COLLECTIONS).to.deep.equal(['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history']);
  });

  it('keeps the people the permission rules name, and reads memberships', () => {
    const named = parseRecord('actions', { ...action, ownerUser: 'jo@probation.example', visibility: 'restricted' });
    expect([named.ownerUser, named.visibility]).to.deep.equal(['jo@probation.example', 'restricted']);
    expect(parseRecord('priorities', { id: 'pr-1', planId: 'p-1', title: 'Domestic abuse', leadUser: 'tid:oid' }).leadUser).to.equal('tid:oid');
    const rec = parseRecord('recommendations', { id: 'r-1', planId: 'p-1', auditId: 'au-1', recommendation: 'R', ownerAgency: 'Essex Police', ownerUser: 'sam@police.example' });
    expect([rec.ownerAgency, rec.ownerUser]).to.deep.equal(['Essex Police', 'sam@police.example']);
    expect(issuesOf('actions', { ...action, visibility: 'secret' }).map((issue) => issue.path)).to.deep.equal(['visibility']);
    const member = parseRecord('members', { id: 'm-1', planId: 'p-1', user: 'sam@police.example', role: 'partner', agencies: ['Essex Police'] });
    expect([member.reminders, member.agencies]).to.deep.equal([true, ['Essex Police']]);
    expect(issuesOf('members', { id: 'm-2', planId: 'p-1', user: 'x', role: 'chief' }).map((issue) => issue.path)).to.deep.equal(['role']);
    expect(parseRecord('history', { id: 'h-2', planId: 'p-1', recordId: 'm-1', collection: 'members', at: '2024-05-01T10:00:00Z', by: 'Alex', changes: [] }).collection).to.equal('members');
  });
});

describe('schemas: reject', () => {
  it('names each broken field with a code, path and sentence', () => {
    const issues = issuesOf('actions', {
      id: 'a-1', planId: 'p-1', priorityId: 'pr-1', title: '  ', progress: 150, status: 'done', targetDate: '2024-02-30',
      milestones: [{ id: 'm1', title: 'Draft', dueDate: '31/01/2024' }],
    });
    expect(issues).to.deep.include({ code: 'required', path: 'title', message: 'Title is required.' });
    expect(issues).to.deep.include({ code: 'out-of-range', path: 'progress', message: 'Progress must be a whole number from 0 to 100.' });
    expect(issues).to.deep.include({
      code: 'invalid-option', path: 'status', message: 'Status must be one of: not started, in progress, blocked, complete, cancelled.',
    });
    expect(issues).to.deep.include({ code: 'invalid-date', path: 'targetDate', message: 'Target date must be a real date written YYYY-MM-DD.' });
    expect(issues).to.deep.include({
      code: 'invalid-date', path: 'milestones.0.dueDate', message: 'Milestone 1: Due date must be a real date written YYYY-MM-DD.',
    });
    expect(issues).to.have.length(5);
  });

  it('lists every issue in the error message, and i18n words them', () => {
    const result = safeParseRecord('actions', { id: 'a-1', planId: 'p-1', progress: 2.5 });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.error.message).to.equal('The action is not valid: priorityId required, title required, progress out-of-range.');
      expect(describeValidation(result.error, 'en-GB')).to.equal(
        'The action is not valid: Priority is required. Title is required. Progress must be a whole number from 0 to 100.',
      );
    }
    expect(() => parseRecord('actions', {})).to.throw(ValidationError, /^The action is not valid: id required, planId required,/);
  });

  it('reports missing, mistyped and negative fields', () => {
    expect(issuesOf('actions', { ...action, title: undefined })).to.deep.equal([{ code: 'required', path: 'title', message: 'Title is required.' }]);
    expect(issuesOf('actions', { ...action, progress: '50' })).to.deep.equal([
      { code: 'invalid-type', path: 'progress', message: 'Progress must be a number.' },
    ]);
    expect(issuesOf('actions', { ...action, funding: { allocatedPence: -1 } })).to.deep.equal([
      { code: 'out-of-range', path: 'funding.allocatedPence', message: 'Funding: Amount allocated (pence) must be a whole number, 0 or more.' },
    ]);
    expect(issuesOf('actions', { ...action, version: 1.5 })[0].code).to.equal('out-of-range');
    expect(issuesOf('actions', { ...action, ragOverride: { rag: 'blue', reason: 'x', by: 'A', at: '2024-01-01T00:00:00Z' } })).to.deep.equal([
      { code: 'invalid-option', path: 'ragOverride.rag', message: 'RAG override: RAG must be one of: red, amber, green.' },
    ]);
    expect(issuesOf('actions', { ...action, ragOverride: { rag: 'red', by: 'A', at: '2024-01-01T00:00:00Z' } })).to.deep.equal([
      { code: 'required', path: 'ragOverride.reason', message: 'RAG override: Reason is required.' },
    ]);
    expect(issuesOf('recommendations', { id: 'r', planId: 'p', auditId: 'a', recommendation: 'x', rating: 'critical' })[0].message).to.equal(
      'Rating must be one of: high, medium, low.',
    );
    expect(issuesOf('actions', { ...action, updatedAt: 'yesterday' })[0]).to.deep.equal({
      code: 'invalid-date', path: 'updatedAt', message: 'Updated at must be a real date written YYYY-MM-DD.',
    });
  });

  it('rejects 2024-02-30 but accepts 2024-02-29', () => {
    expect(issuesOf('actions', { ...action, startDate: '2024-02-30' })[0]).to.include({ code: 'invalid-date', path: 'startDate' });
    expect(parseRecord('actions', { ...action, startDate: '2024-02-29' }).startDate).to.equal('2024-02-29');
  });

  it('requires a plan’s planId to equal its id', () => {
    expect(issuesOf('plans', { id: 'p-1', planId: 'p-2', name: 'Plan' })).to.deep.equal([
      { code: 'invalid', path: 'planId', message: 'Plan ID must be the same as ID.' },
    ]);
  });

  it('rejects evidence links that are not http: or https:', () => {
    const rec = { id: 'r', planId: 'p', auditId: 'a', recommendation: 'Publish CSP information' };
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', '\tjavascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'VBScript:msgbox(1)', 'ftp://example.org/x', '//example.org', 'not a url']) {
      expect(issuesOf('recommendations', { ...rec, evidence: [{ label: 'Minutes', url }] }), url).to.deep.equal([
        { code: 'invalid-url', path: 'evidence.0.url', message: 'Evidence link 1: Web address must be a web address starting http:// or https://.' },
      ]);
    }
    for (const url of ['HTTPS://example.org/minutes.pdf', ' http://intranet/csp ']) {
      expect(parseRecord('recommendations', { ...rec, evidence: [{ label: 'Minutes', url }] }).evidence[0].url, url).to.equal(url);
    }
  });

  it('does not pollute prototypes and never throws on hostile input', () => {
    const hostile = JSON.parse('{"id":"a-1","planId":"p-1","priorityId":"pr-1","title":"x","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"milestones":[{"__proto__":{"polluted":"yes"},"id":"m","title":"t","dueDate":"2024-01-01"}]}');
    const parsed = parseRecord('actions', hostile);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((Object.prototype as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(parsed)).to.equal(Object.prototype);
    expect((parsed as Record<string, unknown>).polluted).to.equal(undefined);
    expect((parsed.milestones[0] as Record<string, unknown>).polluted).to.equal(undefined);

    const big = 'x'.repeat(1024 * 1024);
    for (const input of [null, undefined, 42, 'action', [], [action], { ...action, title: big, targetDate: big }, new Proxy({}, { get: () => { throw new Error('trap'); } })]) {
      const result = safeParseRecord('actions', input);
      expect(result.ok).to.equal(false);
    }
    expect(issuesOf('actions', null)).to.deep.equal([{ code: 'invalid-type', path: '', message: 'Record must be a group of fields.' }]);
    const unknownCollection = safeParseRecord('__proto__' as 'actions', action);
    expect(unknownCollection.ok).to.equal(false);
    if (!unknownCollection.ok) expect(describeValidation(unknownCollection.error, 'en-GB')).to.equal('The record is not valid: Collection must be one of: plans, priorities, actions, audits, recommendations, history.');
  });
});
