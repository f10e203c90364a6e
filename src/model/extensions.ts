// Extension requests: an owner asks for a later target date, an officer or the committee decides (DOMAIN.md, issue 18).
// What the everyday widgets need of them is here; asking (request-extension.ts) and deciding
// (decide-extension.ts) are apart, as only parts loaded on first use need those.
import type { IsoDate } from './dates.js';
import type { PlanRights } from './rights.js';
import type { Action, Decision, DecisionOutcome, ExtensionRequest, Plan, Recommendation } from './schemas.js';

/** A record that takes extension requests. */
export type Extendable = Action | Recommendation;

/**
 * Whether a changed target date needs an officer's approval. The plan's `approvals` setting wins;
 * absent, it is required where the endpoint knows people's roles (ours) and off elsewhere.
 */
export function approvalsRequired(plan: Pick<Plan, 'approvals'> | undefined, endpointHasRoles: boolean): boolean {
  return plan?.approvals ? plan.approvals === 'required' : endpointHasRoles;
}

/**
 * Whether this person asks for a new target date rather than setting it: approvals are required
 * and they are not an officer (no role known, `everyone`, counts as not an officer; viewers and
 * non-members change nothing).
 */
export const asksForExtensions = (required: boolean, role: PlanRights['role']) => required && role !== 'officer' && role !== 'viewer' && role !== 'public';

/** Whether this person decides requests: an officer, or anyone where the endpoint has no sign-in (plan admin is a staff page). */
export const decidesExtensions = (role: PlanRights['role']) => role === 'everyone' || role === 'officer';

export type ExtensionProblemCode =
  | 'date-invalid'
  | 'date-past'
  | 'date-not-later'
  | 'reason-required'
  | 'record-closed'
  | 'request-open'
  | 'request-unknown'
  | 'already-decided'
  | 'decision-reason-required';

/** Why a request or decision was not made; i18n words it (`extension.{code}`) from `params`. */
export interface ExtensionProblem {
  code: ExtensionProblemCode;
  /** The form field it is about, when it is about one. */
  field?: 'requestedDate' | 'reason';
  params?: { date?: IsoDate; state?: string; outcome?: DecisionOutcome; by?: string; at?: string };
}

export type ExtensionResult<T> = { ok: true; record: T } | { ok: false; problems: ExtensionProblem[] };

export const isAction = (record: Extendable): record is Action => 'priorityId' in record;

/** The request still waiting for a decision, if any (there is at most one). */
export const openRequest = (record: Pick<Extendable, 'extensionRequests'>): ExtensionRequest | undefined =>
  // A page may hand a widget an action it built itself, without the list.
  record.extensionRequests?.find((request) => !request.decision);

/** The revision an approval adds: its id comes from the request, so two approvals of one request are one revision. */
export const approvalRevisionId = (requestId: string) => `${requestId}-approved`;

/**
 * Merges the requests of my copy and the server's by id (CONTRACT.md "Merging"). The first decision
 * wins: the server's decision stands over mine, mine over none. When mine lost, what my approval
 * changed (the revised date and its revision) gives way to the server's.
 */
export function mergeExtensionRequests<T extends Extendable>(merged: T, mine: T, theirs: T): T {
  const ours = new Map(mine.extensionRequests.map((r) => [r.id, r]));
  const requests = theirs.extensionRequests.map((r) => (r.decision ? r : (ours.get(r.id) ?? r)));
  const known = new Set(requests.map((r) => r.id));
  requests.push(...mine.extensionRequests.filter((r) => !known.has(r.id)));
  const lost = mine.extensionRequests.filter((r) => r.decision && theirs.extensionRequests.some((t) => t.id === r.id && t.decision && !sameDecision(t.decision, r.decision!)));
  let result: T = { ...merged, extensionRequests: requests };
  for (const request of lost) {
    if (request.decision!.outcome !== 'approved') continue;
    const theirRevision = theirs.revisions.find((r) => r.id === approvalRevisionId(request.id));
    const revisions = result.revisions.filter((r) => r.id !== approvalRevisionId(request.id));
    result = { ...result, revisions: theirRevision ? [...revisions, theirRevision] : revisions, revisedTargetDate: theirs.revisedTargetDate };
  }
  return result;
}

// By what was decided, not by who and when: an endpoint may stamp those itself.
const sameDecision = (a: Decision, b: Decision) => a.outcome === b.outcome && a.reason === b.reason && a.reference === b.reference;

/** Requests made and decisions taken from `start` to `end` (ISO dates, both included), for the quarter's report. */
export function extensionsBetween(records: readonly Extendable[], start: IsoDate, end: IsoDate) {
  const within = (at: string) => at.slice(0, 10) >= start && at.slice(0, 10) <= end;
  const rows = records.flatMap((record) => (record.deleted ? [] : record.extensionRequests.map((request) => ({ record, request }))));
  return {
    requested: rows.filter(({ request }) => within(request.at)),
    decided: rows.filter(({ request }) => request.decision && within(request.decision.at)),
  };
}
