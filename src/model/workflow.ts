// Audit recommendation workflow (DOMAIN.md): which status changes are allowed and what each needs.
import { isIsoDate, type IsoDate } from './dates.js';
import { WorkflowError } from './errors.js';
import { isSafeUrl, type Evidence, type Recommendation, type RecommendationStatus } from './schemas.js';

// Open -> In progress -> Implemented -> Verified, with reopening one step back, and the two side exits.
const NEXT: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  open: ['in-progress', 'not-accepted', 'superseded'],
  'in-progress': ['open', 'implemented', 'not-accepted', 'superseded'],
  implemented: ['in-progress', 'verified', 'superseded'],
  verified: ['implemented'],
  'not-accepted': ['open'],
  superseded: ['open'],
};

/** The statuses a recommendation may move to from `status` (itself first). */
export const allowedStatuses = (status: RecommendationStatus): RecommendationStatus[] => [status, ...NEXT[status]];

/**
 * Throws WorkflowError when `after` breaks a rule: a status step not allowed from `before`'s,
 * Verified without evidence, Not accepted without a reason, Superseded without a replacing
 * recommendation among `others` (ids of the audit's other recommendations).
 */
export function checkRecommendation(before: Recommendation | undefined, after: Recommendation, others: readonly string[]): void {
  const from = before?.status ?? 'open';
  if (!allowedStatuses(from).includes(after.status)) throw new WorkflowError('transition', { from, to: after.status });
  if (after.status === 'verified' && after.evidence.length === 0) throw new WorkflowError('evidence-required');
  if (after.status === 'not-accepted' && !after.reason?.trim()) throw new WorkflowError('reason-required');
  if (after.status === 'superseded') {
    if (!after.supersededBy?.trim()) throw new WorkflowError('superseded-by-required');
    if (after.supersededBy === after.id || !others.includes(after.supersededBy)) throw new WorkflowError('superseded-by-unknown', { ref: after.supersededBy });
  }
}

/** The recommendation with a revised target date, the change kept in `revisions`. */
export function reviseTarget(rec: Recommendation, date: IsoDate, reason: string, by: string, at: string): Recommendation {
  if (!isIsoDate(date)) throw new WorkflowError('revision-date-invalid');
  if (!reason.trim()) throw new WorkflowError('revision-reason-required');
  const revision = { id: crypto.randomUUID(), date, previousDate: rec.revisedTargetDate ?? rec.targetDate, reason: reason.trim(), by, at };
  return { ...rec, revisedTargetDate: date, revisions: [...rec.revisions, revision] };
}

/** An evidence link, refused unless it is an http: or https: address. */
export function evidenceLink(label: string, url: string): Evidence {
  if (!label.trim()) throw new WorkflowError('evidence-label-required');
  if (!isSafeUrl(url)) throw new WorkflowError('evidence-url');
  return { label: label.trim(), url: url.trim() };
}
