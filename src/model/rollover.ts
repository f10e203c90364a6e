// Year-end roll-over: next year's plan from this one. Pure: the caller writes the result through the store.
import { isActionOpen } from './rag.js';
import type { Action, Plan, Priority } from './schemas.js';

/** Which priorities and actions go into next year's plan. */
export interface RolloverChoice {
  priorityIds: string[];
  actionIds: string[];
}

export interface RolloverPlan {
  /** The new plan (absent when it exists already: a second run). */
  plan?: Partial<Plan> & { id: string };
  priorities: (Partial<Priority> & { id: string })[];
  actions: (Partial<Action> & { id: string })[];
  /** The source actions, now with `carriedForwardTo` set. */
  carried: Action[];
}

const PERIOD = /^(\d{4})\/(\d{2})$/;

/** "2023/24" -> "2024/25"; '' when the period is not written like that. */
export function nextPeriod(period = ''): string {
  const m = PERIOD.exec(period.trim());
  if (!m) return '';
  const start = Number(m[1]) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

const slug = (period: string) => period.replace('/', '-');

/**
 * Id of next year's plan: the period in the id moved on ("cpr-2023-24" -> "cpr-2024-25"), so running
 * the roll-over again lands on the same plan instead of a new one.
 */
export function nextPlanId(plan: Plan): string {
  const period = plan.period ?? '';
  const next = nextPeriod(period);
  if (!next) return `${plan.id}-next`;
  return plan.id.includes(slug(period)) ? plan.id.replace(slug(period), slug(next)) : `${plan.id}-${slug(next)}`;
}

/** An action that a roll-over may carry: still open and not carried already. */
export const canCarry = (action: Action) => !action.deleted && isActionOpen(action) && !action.carriedForwardTo;

/** The default: every priority not retired, every open action not carried yet. */
export function defaultRolloverChoice(priorities: readonly Priority[], actions: readonly Action[]): RolloverChoice {
  const priorityIds = priorities.filter((p) => !p.retired && !p.deleted).map((p) => p.id);
  return { priorityIds, actionIds: actions.filter((a) => canCarry(a) && priorityIds.includes(a.priorityId)).map((a) => a.id) };
}

export interface RolloverInput {
  plan: Plan;
  priorities: readonly Priority[];
  actions: readonly Action[];
  choice: RolloverChoice;
  /** Next year's plan as it stands, if a run before this one created it. */
  existing?: { plan?: Plan; priorityIds: readonly string[]; actionIds: readonly string[] };
  /** Name, period and description the user gave next year's plan. */
  details?: Partial<Pick<Plan, 'name' | 'period' | 'description'>>;
}

/**
 * The records to write for a roll-over. Ids are derived from the source ids and the new period, and
 * actions already carried are skipped, so a second run writes no copies.
 */
export function planRollover({ plan, priorities, actions, choice, existing, details = {} }: RolloverInput): RolloverPlan {
  const next = nextPeriod(plan.period);
  const period = details.period || next || plan.period || '';
  const planId = existing?.plan?.id ?? nextPlanId(plan);
  const suffix = `-${slug(next || 'next')}`;
  const priorityId = (id: string) => `${id}${suffix}`;
  const chosenPriorities = priorities.filter((p) => choice.priorityIds.includes(p.id));
  const chosenActions = actions.filter((a) => canCarry(a) && choice.actionIds.includes(a.id) && choice.priorityIds.includes(a.priorityId));
  const newPriorities = chosenPriorities
    .filter((p) => !existing?.priorityIds.includes(priorityId(p.id)))
    .map(({ id, title, lead, order, description }) => ({ id: priorityId(id), planId, title, lead, order, description }));
  const newActions = chosenActions
    .filter((a) => !existing?.actionIds.includes(`${a.id}${suffix}`))
    .map(({ version: _v, updatedAt: _u, updatedBy: _b, ragOverride: _r, carriedForwardTo: _c, ...action }) => ({
      ...action,
      id: `${action.id}${suffix}`,
      planId,
      priorityId: priorityId(action.priorityId),
      carriedFrom: action.id,
    }));
  const name = details.name || (plan.period && period ? plan.name.replace(plan.period, period) : `${plan.name} (${period})`);
  return {
    plan: existing?.plan ? undefined : { id: planId, planId, name, period, description: details.description ?? plan.description, previousPlanId: plan.id },
    priorities: newPriorities,
    actions: newActions,
    carried: chosenActions.map((a) => ({ ...a, carriedForwardTo: `${a.id}${suffix}` })),
  };
}
