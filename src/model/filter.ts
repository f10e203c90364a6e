// The plan's shared filter (CONTRACT.md "Filters") applied to one action. Pure: every widget reuses it.
import { addDays, quarterBounds, type IsoDate } from './dates.js';
import { computeRag, defaultRagRules, effectiveTarget, isActionOpen, needsTargetDate, type RagRules } from './rag.js';
import type { Action, Rag } from './schemas.js';

/** The plan's shared filter (CONTRACT.md "Filters"). */
export interface PlanFilter {
  rag?: Rag;
  status?: Action['status'];
  priorityId?: string;
  lead?: string;
  owner?: string;
  overdue?: boolean;
  dueWithinDays?: number;
  /** Financial-year quarter, e.g. "2023/24 Q3". */
  quarter?: string;
  search?: string;
  /** Only open actions imported with a timescale that is not a date ("Target date needed"). */
  needsDate?: boolean;
}

const fold = (s: string | undefined) => (s ?? '').trim().toLocaleLowerCase('en-GB');

/**
 * True when `action` passes every criterion set in `filter` (unset ones pass). Owner and lead
 * compare without case; search looks in title, description, owner, lead agency and partners.
 * Throws QuarterLabelError for a quarter not written like "2023/24 Q3".
 */
export function matchesFilter(action: Action, filter: PlanFilter, today: IsoDate, rules: RagRules = defaultRagRules): boolean {
  if (action.deleted) return false;
  if (filter.status && action.status !== filter.status) return false;
  if (filter.priorityId && action.priorityId !== filter.priorityId) return false;
  if (filter.lead && fold(action.leadAgency) !== fold(filter.lead)) return false;
  if (filter.owner && fold(action.owner) !== fold(filter.owner)) return false;
  const target = effectiveTarget(action);
  if (filter.overdue && !(isActionOpen(action) && target && today > target)) return false;
  if (filter.dueWithinDays !== undefined && !(isActionOpen(action) && target && target >= today && target <= addDays(today, filter.dueWithinDays))) return false;
  if (filter.needsDate && !needsTargetDate(action)) return false;
  if (filter.quarter) {
    const { start, end } = quarterBounds(filter.quarter);
    if (!target || target < start || target > end) return false;
  }
  if (filter.search) {
    const needle = fold(filter.search);
    if (![action.title, action.description, action.owner, action.leadAgency, ...(action.partners ?? [])].some((field) => fold(field).includes(needle))) return false;
  }
  return !filter.rag || computeRag(action, today, rules).rag === filter.rag;
}

/** True when no criterion is set. */
export const isEmptyFilter = (filter: PlanFilter) => Object.values(filter).every((value) => value === undefined || value === '' || value === false);
