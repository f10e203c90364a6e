// Deciding a request for a later target date: what plan administration does (a chunk of its own in the
// drop-in, with that part), apart from extensions.ts, which the everyday widgets load.
import { approvalRevisionId, type Extendable, type ExtensionResult } from './extensions.js';
import { effectiveTarget } from './rag.js';
import type { Decision, DecisionOutcome } from './schemas.js';

export interface DecisionInput {
  outcome: DecisionOutcome;
  reason: string;
  /** The meeting and minute: "JSG 12 March 2024, minute 7". */
  reference?: string;
  by: string;
  at: string;
}

/**
 * The record with the request decided. Approval sets the revised target date to the date asked for
 * and adds a revision that points at the request; refusal only records the decision. A request
 * already decided keeps its first decision (`already-decided` says by whom and when).
 */
export function decideExtension<T extends Extendable>(record: T, requestId: string, input: DecisionInput): ExtensionResult<T> {
  const request = record.extensionRequests.find((r) => r.id === requestId);
  if (!request) return { ok: false, problems: [{ code: 'request-unknown' }] };
  if (request.decision) {
    const { outcome, by, at } = request.decision;
    return { ok: false, problems: [{ code: 'already-decided', params: { outcome, by, at } }] };
  }
  if (!input.reason.trim()) return { ok: false, problems: [{ code: 'decision-reason-required', field: 'reason' }] };
  const decision: Decision = { outcome: input.outcome, reason: input.reason.trim(), by: input.by, at: input.at };
  if (input.reference?.trim()) decision.reference = input.reference.trim();
  const extensionRequests = record.extensionRequests.map((r) => (r.id === requestId ? { ...r, decision } : r));
  if (input.outcome === 'refused') return { ok: true, record: { ...record, extensionRequests } };
  const revision = {
    id: approvalRevisionId(requestId),
    date: request.requestedDate,
    previousDate: effectiveTarget(record),
    reason: request.reason,
    by: input.by,
    at: input.at,
    requestId,
  };
  return { ok: true, record: { ...record, extensionRequests, revisedTargetDate: request.requestedDate, revisions: [...record.revisions, revision] } };
}
