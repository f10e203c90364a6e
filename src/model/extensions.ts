// Extension requests: an owner asks for a later target date, an officer or the committee decides (DOMAIN.md, issue 18).
// What the everyday widgets need of them is here; asking (request-extension.ts) and deciding
// (decide-extension.ts) are apart, as only parts loaded on first use need those.
import type { IsoDate } from './dates.js';
import type { PlanRights } from './rights.js';
import type { Action, DecisionOutcome, ExtensionRequest, Plan, Recommendation } from './schemas.js';

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
