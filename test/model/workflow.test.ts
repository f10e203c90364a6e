import { expect } from '@open-wc/testing';
import { loadCatalogue } from '../../src/i18n/index.js';
import { describeWorkflowError } from '../../src/i18n/issues.js';
import { useAdminMessages } from '../../src/i18n/admin-messages.js';
import { WorkflowError, allowedStatuses, checkRecommendation, evidenceLink, parseRecord, reviseTarget, type Recommendation } from '../../src/model/index.js';

// The Welsh messages load on first use (a chunk of their own in the drop-in), and so do the English
// ones of the workflow (with the audit tracker's dialogs, which run its checks).
before(() => loadCatalogue('cy'));
useAdminMessages();

const rec = (overrides: Partial<Recommendation> = {}) =>
  parseRecord('recommendations', { id: 'r-1', planId: 'plan-1', auditId: 'audit-1', recommendation: 'Review the terms of reference.', ...overrides });
const others = ['r-2'];
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
  throw new Error('expected a WorkflowError');
};

describe('recommendation workflow', () => {
  it('steps Open -> In progress -> Implemented -> Verified, with evidence', () => {
    expect(() => checkRecommendation(rec(), rec({ status: 'in-progress' }), others)).not.to.throw();
    expect(() => checkRecommendation(rec({ status: 'in-progress' }), rec({ status: 'implemented' }), others)).not.to.throw();
    const evidence = [{ label: 'Minutes', url: 'https://example.gov.uk/minutes.pdf' }];
    expect(() => checkRecommendation(rec({ status: 'implemented' }), rec({ status: 'verified', evidence }), others)).not.to.throw();
    expect(allowedStatuses('open')).to.deep.equal(['open', 'in-progress', 'not-accepted', 'superseded']);
  });

  it('refuses skipping a step', () => {
    const error = refusal(() => checkRecommendation(rec(), rec({ status: 'verified', evidence: [{ label: 'x', url: 'https://x.test' }] }), others));
    expect(error.code).to.equal('transition');
    expect(error.message).to.equal('Recommendation workflow: transition from open to verified');
    expect(describeWorkflowError(error, 'en-GB')).to.equal('A recommendation cannot go from Open to Verified.');
    expect(describeWorkflowError(error, 'cy')).to.equal("Ni all argymhelliad fynd o Ar agor i Wedi'i wirio.");
  });

  it('Verified needs evidence', () => {
    const error = refusal(() => checkRecommendation(rec({ status: 'implemented' }), rec({ status: 'verified' }), others));
    expect(describeWorkflowError(error, 'en-GB')).to.equal('Verified needs at least one evidence link showing the auditor confirmed it.');
  });

  it('Not accepted needs a reason', () => {
    expect(refusal(() => checkRecommendation(rec(), rec({ status: 'not-accepted', reason: '  ' }), others)).code).to.equal('reason-required');
    expect(() => checkRecommendation(rec(), rec({ status: 'not-accepted', reason: 'Risk accepted by the JSG.' }), others)).not.to.throw();
  });

  it('Superseded needs another recommendation of the audit', () => {
    expect(refusal(() => checkRecommendation(rec(), rec({ status: 'superseded' }), others)).code).to.equal('superseded-by-required');
    expect(refusal(() => checkRecommendation(rec(), rec({ status: 'superseded', supersededBy: 'r-1' }), others)).code).to.equal('superseded-by-unknown');
    expect(refusal(() => checkRecommendation(rec(), rec({ status: 'superseded', supersededBy: 'r-9' }), others)).code).to.equal('superseded-by-unknown');
    expect(() => checkRecommendation(rec(), rec({ status: 'superseded', supersededBy: 'r-2' }), others)).not.to.throw();
  });

  it('revising a target needs a reason and keeps the history', () => {
    const original = rec({ targetDate: '2023-12-31' });
    expect(refusal(() => reviseTarget(original, '2024-03-31', ' ', 'J. Smith', '2024-01-15T10:00:00Z')).code).to.equal('revision-reason-required');
    expect(refusal(() => reviseTarget(original, '2024-02-30', 'Because', 'J. Smith', '2024-01-15T10:00:00Z')).code).to.equal('revision-date-invalid');
    const once = reviseTarget(original, '2024-03-31', 'Awaiting the assessment', 'J. Smith', '2024-01-15T10:00:00Z');
    const twice = reviseTarget(once, '2024-06-30', 'Election period', 'J. Smith', '2024-03-01T10:00:00Z');
    expect(twice.targetDate).to.equal('2023-12-31');
    expect(twice.revisedTargetDate).to.equal('2024-06-30');
    expect(twice.revisions.map((r) => [r.previousDate, r.date, r.reason])).to.deep.equal([
      ['2023-12-31', '2024-03-31', 'Awaiting the assessment'],
      ['2024-03-31', '2024-06-30', 'Election period'],
    ]);
    expect(() => parseRecord('recommendations', twice)).not.to.throw();
  });

  it('evidence links must be http: or https:', () => {
    expect(evidenceLink(' Minutes ', 'https://example.gov.uk/a')).to.deep.equal({ label: 'Minutes', url: 'https://example.gov.uk/a' });
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'not a url']) {
      expect(describeWorkflowError(refusal(() => evidenceLink('Bad', url)), 'en-GB'), url).to.equal('Evidence links must be web addresses starting http:// or https://.');
    }
    expect(refusal(() => evidenceLink('', 'https://x.test')).code).to.equal('evidence-label-required');
  });
});
