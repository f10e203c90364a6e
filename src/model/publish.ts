// The fields a plan publishes (CONTRACT.md "Publishing"): listed rather than removed, so a field added
// later stays on the intranet by default. The Publish export and our endpoint's signed-out reads share them.
import type { Action, Audit, Funding, Milestone, Plan, Priority, Recommendation } from './schemas.js';

const COMMON = ['id', 'planId', 'version', 'updatedAt'] as const;

export const PUBLIC_FIELDS = {
  plans: [...COMMON, 'name', 'period', 'description'] as const satisfies readonly (keyof Plan)[],
  priorities: [...COMMON, 'title', 'lead', 'order', 'description', 'retired'] as const satisfies readonly (keyof Priority)[],
  // Without owners, progress update texts, revision reasons or overrides; milestones and funding by their own lists.
  actions: [...COMMON, 'priorityId', 'title', 'description', 'leadAgency', 'partners', 'startDate', 'targetDate', 'revisedTargetDate', 'ongoing', 'timescaleText', 'status', 'progress', 'rank', 'public', 'carriedFrom', 'carriedForwardTo'] as const satisfies readonly (keyof Action)[],
  milestones: ['id', 'title', 'dueDate', 'doneDate'] as const satisfies readonly (keyof Milestone)[],
  /** Only when `funding.public`. */
  funding: ['allocatedPence', 'spentPence', 'source', 'public'] as const satisfies readonly (keyof Funding)[],
  audits: [...COMMON, 'title', 'auditor', 'date', 'assurance'] as const satisfies readonly (keyof Audit)[],
  /** `linkedActionIds` too, keeping only the published actions. */
  recommendations: [...COMMON, 'auditId', 'ref', 'recommendation', 'finding', 'rating', 'agreedAction', 'targetDate', 'revisedTargetDate', 'status', 'supersededBy'] as const satisfies readonly (keyof Recommendation)[],
};

/** On the Publish export: marked public, and not restricted (restricted wins). */
export const isPublished = (action: Pick<Action, 'public' | 'visibility'>): boolean => action.public && action.visibility !== 'restricted';
