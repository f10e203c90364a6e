// Extension requests (issue #18) in the write rules: under the plan's approvals (absent: required on this
// endpoint) a lead or partner does not change a target date, they ask; and only officers decide requests.
import type { Params } from '../db/params.js';

/**
 * SQL condition, for a lead's or partner's update of the stored row `table`: the target and revised
 * target dates stay as stored unless the plan turned approvals off, and every decision on a request
 * is one already stored.
 */
export function keepsApprovals(table: 'actions' | 'recommendations', record: Record<string, unknown>, params: Params): string {
  const text = (value: unknown) => `${params.add(typeof value === 'string' ? value : null)}::text`;
  const same = (name: string) => `${text(record[name])} IS NOT DISTINCT FROM ${table}.body->>'${name}'`;
  const requests = `${params.add(JSON.stringify(Array.isArray(record.extensionRequests) ? record.extensionRequests : []))}::jsonb`;
  const approvalsOff = `coalesce((SELECT pl.body->>'approvals' FROM plans pl WHERE pl.id = ${table}.plan_id), 'required') = 'off'`;
  const decidesNothing = `NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${requests}) AS asked(request) WHERE jsonb_typeof(asked.request) = 'object' AND asked.request ? 'decision'
    AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(${table}.body->'extensionRequests', '[]'::jsonb)) AS kept(request) WHERE kept.request->>'id' = asked.request->>'id' AND kept.request->'decision' = asked.request->'decision'))`;
  return `(${decidesNothing} AND (${approvalsOff} OR (${same('targetDate')} AND ${same('revisedTargetDate')})))`;
}

/** The write with the stored dates and decisions: allowed when only those made the difference. */
export function withoutApprovals(record: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  return { ...record, targetDate: stored.targetDate, revisedTargetDate: stored.revisedTargetDate, extensionRequests: stored.extensionRequests };
}

/** Why: a date changed where approvals are required, or a request was decided by someone who is not an officer. */
export function approvalReason(record: Record<string, unknown>, stored: Record<string, unknown>): string {
  const datesChanged = record.targetDate !== stored.targetDate || record.revisedTargetDate !== stored.revisedTargetDate;
  return datesChanged
    ? 'Target dates in this plan change by request, as approvals are required: ask for a new target date with a reason, and a CSP officer or the committee decides.'
    : 'Only the plan\'s officers decide extension requests.';
}
