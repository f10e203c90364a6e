// The fields of an action or recommendation that only the CSP officers set, in the write rules:
// - dates (issue #18): under the plan's approvals (absent: required on this endpoint) a lead or partner
//   does not change a target date, a revised target date or the revisions, they ask; only officers decide;
// - exposure (issue #17): making an action public or changing its visibility (restricted work is
//   OFFICIAL-SENSITIVE) is the officers' call, whatever the approvals.
import type { Params } from '../db/params.js';

type Values = Record<string, unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
// Who and when of a revision are the server's (stamped on save): the rest is what a person decides.
const decided = (revisions: unknown) => list(revisions).map((revision) => (revision !== null && typeof revision === 'object' ? { ...revision, by: undefined, at: undefined } : revision));

/** SQL: the plan's approvals are off (absent reads `required` here). */
const approvalsOff = (plan: string) => `coalesce((SELECT pl.body->>'approvals' FROM plans pl WHERE pl.id = ${plan}), 'required') = 'off'`;

/** SQL: no request in `record` carries a decision other than one stored (`stored`: the stored list, SQL jsonb). */
function decidesNothing(record: Values, params: Params, stored = `'[]'::jsonb`): string {
  const requests = `${params.add(JSON.stringify(list(record.extensionRequests)))}::jsonb`;
  return `NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${requests}) AS asked(request) WHERE jsonb_typeof(asked.request) = 'object' AND asked.request ? 'decision'
    AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(${stored}, '[]'::jsonb)) AS kept(request) WHERE kept.request->>'id' = asked.request->>'id' AND kept.request->'decision' = asked.request->'decision'))`;
}

/** SQL: `record` leaves an action's public flag and visibility as stored in `table` (absent: not public, partnership). */
function keepsExposure(table: string, record: Values, params: Params): string {
  return `(${params.add(record.public === true)}::boolean = coalesce(${table}.body->'public' = 'true'::jsonb, false)
    AND coalesce(${params.add(typeof record.visibility === 'string' ? record.visibility : null)}::text, 'partnership') = coalesce(${table}.body->>'visibility', 'partnership'))`;
}

/**
 * SQL condition, for a lead's or partner's update of the stored row `table`: every decision on a request
 * is one already stored; an action's exposure stays; and the target and revised target dates and the
 * revisions stay as stored unless the plan turned approvals off.
 */
export function keepsOfficersFields(table: 'actions' | 'recommendations', record: Values, params: Params): string {
  const text = (value: unknown) => `${params.add(typeof value === 'string' ? value : null)}::text`;
  const same = (name: string) => `${text(record[name])} IS NOT DISTINCT FROM ${table}.body->>'${name}'`;
  const storedRevisions = `(SELECT coalesce(jsonb_agg(r - 'by' - 'at' ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(coalesce(${table}.body->'revisions', '[]'::jsonb)) WITH ORDINALITY AS s(r, n))`;
  const sameRevisions = `${params.add(JSON.stringify(decided(record.revisions)))}::jsonb = ${storedRevisions}`;
  const dates = `(${approvalsOff(`${table}.plan_id`)} OR (${same('targetDate')} AND ${same('revisedTargetDate')} AND ${sameRevisions}))`;
  const exposure = table === 'actions' ? ` AND ${keepsExposure(table, record, params)}` : '';
  return `(${decidesNothing(record, params, `${table}.body->'extensionRequests'`)}${exposure} AND ${dates})`;
}

/**
 * SQL condition, for a lead's new action in plan `plan` (SQL, added only when read): no decision, not public, and, unless the
 * plan turned approvals off, no revised target date or revisions (the target date is theirs to set).
 */
export function createsWithoutOfficersFields(record: Values, plan: () => string, params: Params): string {
  const revised = record.revisedTargetDate !== undefined || list(record.revisions).length > 0;
  return `(${decidesNothing(record, params)} AND ${record.public === true ? 'false' : 'true'} AND (${revised ? approvalsOff(plan()) : 'true'}))`;
}

const decisionOf = (request: unknown) => (request !== null && typeof request === 'object' ? (request as Values).decision : undefined) as Values | undefined;

/** A request in `record` with a decision that is not the stored one (who and when aside: the server stamps them). */
function changesDecision(record: Values, stored: Values | undefined): boolean {
  const before = new Map(list(stored?.extensionRequests).map((request) => [(request as Values | null)?.id, decisionOf(request)]));
  return list(record.extensionRequests).some((request) => {
    const decision = decisionOf(request);
    const kept = before.get((request as Values | null)?.id);
    return decision !== undefined && !(kept && kept.outcome === decision.outcome && kept.reason === decision.reason && kept.reference === decision.reference);
  });
}

/**
 * The write with the officers' fields as stored (for a new record: left out), and why they are the
 * officers': the refusal's reason when the write is allowed this way.
 */
export function withoutOfficersFields(record: Values, stored: Values | undefined): { record: Values; reason: string } {
  const undecided = list(record.extensionRequests).map((request) => (request !== null && typeof request === 'object' ? { ...request, decision: undefined } : request));
  const kept = stored
    ? { targetDate: stored.targetDate, revisedTargetDate: stored.revisedTargetDate, revisions: stored.revisions, extensionRequests: stored.extensionRequests, public: stored.public, visibility: stored.visibility }
    : { revisedTargetDate: undefined, revisions: [], extensionRequests: undecided, public: false };
  const exposure = stored ? (record.public === true) !== (stored.public === true) || (record.visibility ?? 'partnership') !== (stored.visibility ?? 'partnership') : record.public === true;
  const reason = exposure
    ? 'Only the CSP officers can make an action public or change who may see it (restricted work is OFFICIAL-SENSITIVE).'
    : changesDecision(record, stored)
      ? 'Only the CSP officers decide extension requests.'
      : 'Target dates in this plan change by request, as approvals are required: ask for a new target date with a reason, and a CSP officer or the committee decides.';
  return { record: { ...record, ...kept }, reason };
}
