import { daysBetween, quarterStart, todayInLondon, type IsoDate } from './dates.js';
import { RATINGS, type Action, type Rag, type RagOverride, type Rating, type Recommendation } from './schemas.js';

/** Thresholds of the default RAG rules (DOMAIN.md); a partnership may change them. */
export interface RagRules {
  /** A milestone overdue by more than this many days makes the action red. */
  milestoneRedDays: number;
  /** Progress behind the time-elapsed expectation by more than this many points makes it amber. */
  behindSchedulePoints: number;
  /** Due within this many days ... */
  dueSoonDays: number;
  /** ... and under this % done makes it amber. */
  dueSoonProgress: number;
}

export const defaultRagRules: Readonly<RagRules> = Object.freeze({ milestoneRedDays: 30, behindSchedulePoints: 20, dueSoonDays: 14, dueSoonProgress: 90 });

export type RagReasonCode =
  | 'complete'
  | 'cancelled'
  | 'carried-forward'
  | 'target-passed'
  | 'blocked'
  | 'milestone-overdue-long'
  | 'not-started-yet'
  | 'target-revised'
  | 'milestone-overdue'
  | 'behind-schedule'
  | 'due-soon'
  | 'on-track'
  | 'override';

/** Why a RAG applies, as a code with parameters; src/i18n words it. */
export interface RagReason {
  code: RagReasonCode;
  /** The date the reason is about: target, milestone due date, start date, revised target, override date. */
  date?: IsoDate;
  /** Original target date (target-revised). */
  from?: IsoDate;
  /** Days overdue (target-passed, milestone-*) or days left (due-soon). */
  days?: number;
  /** Milestone title. */
  title?: string;
  /** Expected progress % (behind-schedule) or the due-soon threshold %. */
  expected?: number;
  /** Actual progress %. */
  actual?: number;
  /** Override: the RAG set, who set it and their reason. */
  rag?: Rag;
  by?: string;
  text?: string;
  /** Carried forward: the action id in the next plan. */
  to?: string;
}

export interface RagResult {
  state: Rag | 'cancelled' | 'carried-forward';
  /** null when cancelled or carried forward (no RAG, counted separately). */
  rag: Rag | null;
  /** The RAG the rules give, before any override. */
  computed: Rag | null;
  /** Reasons of the winning rule; when an override is in force it comes first, then the computed reasons. */
  reasons: RagReason[];
  /** The override, only while in force. */
  override?: RagOverride;
  /** An override made in an earlier quarter, no longer applied. */
  overrideLapsed?: RagOverride;
}

/** Still being worked on: not complete or cancelled. */
export const isActionOpen = (action: Pick<Action, 'status'>) => action.status !== 'complete' && action.status !== 'cancelled';

// An ongoing action has no target by design, so the rules treat it as any action without one.
export const effectiveTarget = (record: { targetDate?: IsoDate; revisedTargetDate?: IsoDate }): IsoDate | undefined =>
  record.revisedTargetDate ?? record.targetDate;

/** Imported with a timescale that is not a date ("TBC") and still without a target: "Target date needed". */
export const needsTargetDate = (action: Pick<Action, 'targetDate' | 'revisedTargetDate' | 'ongoing' | 'timescaleText' | 'status'>): boolean =>
  !!action.timescaleText && !action.ongoing && !effectiveTarget(action) && isActionOpen(action);

// An instant with a zone is placed in London time; a bare date-time keeps its own date.
function overrideDate(at: string): IsoDate {
  const instant = /(?:z|[+-]\d{2}:?\d{2})$/i.test(at) ? new Date(at) : null;
  return instant && !Number.isNaN(instant.getTime()) ? todayInLondon(instant) : at.slice(0, 10);
}

function computeRule(action: Action, today: IsoDate, rules: RagRules): { rag: Rag; reasons: RagReason[] } {
  if (action.status === 'complete') return { rag: 'blue', reasons: [{ code: 'complete' }] };

  const target = effectiveTarget(action);
  const openMilestones = action.milestones.filter((m) => !m.doneDate && daysBetween(m.dueDate, today) > 0);
  const milestoneReason = (code: RagReasonCode) => (m: Action['milestones'][number]): RagReason => ({ code, title: m.title, date: m.dueDate, days: daysBetween(m.dueDate, today) });

  const red: RagReason[] = [];
  if (target && today > target) red.push({ code: 'target-passed', date: target, days: daysBetween(target, today) });
  if (action.status === 'blocked') red.push({ code: 'blocked' });
  red.push(...openMilestones.filter((m) => daysBetween(m.dueDate, today) > rules.milestoneRedDays).map(milestoneReason('milestone-overdue-long')));
  if (red.length) return { rag: 'red', reasons: red };

  if (action.status === 'not-started' && (!action.startDate || action.startDate > today)) {
    return { rag: 'grey', reasons: [action.startDate ? { code: 'not-started-yet', date: action.startDate } : { code: 'not-started-yet' }] };
  }

  const amber: RagReason[] = [];
  if (action.targetDate && action.revisedTargetDate && action.revisedTargetDate > action.targetDate) {
    amber.push({ code: 'target-revised', from: action.targetDate, date: action.revisedTargetDate });
  }
  amber.push(...openMilestones.map(milestoneReason('milestone-overdue')));
  if (action.startDate && target && target > action.startDate) {
    const elapsed = Math.min(1, Math.max(0, daysBetween(action.startDate, today) / daysBetween(action.startDate, target)));
    // Rounded first so the shown figures and the rule agree.
    const expected = Math.round(elapsed * 100);
    if (expected - action.progress > rules.behindSchedulePoints) amber.push({ code: 'behind-schedule', expected, actual: action.progress });
  }
  const daysLeft = target ? daysBetween(today, target) : -1;
  if (target && daysLeft >= 0 && daysLeft <= rules.dueSoonDays && action.progress < rules.dueSoonProgress) {
    amber.push({ code: 'due-soon', date: target, days: daysLeft, expected: rules.dueSoonProgress, actual: action.progress });
  }
  if (amber.length) return { rag: 'amber', reasons: amber };

  return { rag: 'green', reasons: [{ code: 'on-track' }] };
}

/** RAG of an action on `today` (a Europe/London date) by DOMAIN.md's ordered rules, then any override in force. */
export function computeRag(action: Action, today: IsoDate, rules: RagRules = defaultRagRules): RagResult {
  if (action.status === 'cancelled') return { state: 'cancelled', rag: null, computed: null, reasons: [{ code: 'cancelled' }] };
  if (action.carriedForwardTo) {
    return { state: 'carried-forward', rag: null, computed: null, reasons: [{ code: 'carried-forward', to: action.carriedForwardTo }] };
  }
  const { rag, reasons } = computeRule(action, today, rules);
  const override = action.ragOverride;
  if (!override || rag === 'blue') return { state: rag, rag, computed: rag, reasons };
  const madeOn = overrideDate(override.at);
  if (quarterStart(today) > quarterStart(madeOn)) return { state: rag, rag, computed: rag, reasons, overrideLapsed: override };
  const overrideReason: RagReason = { code: 'override', rag: override.rag, by: override.by, date: madeOn, text: override.reason };
  return { state: override.rag, rag: override.rag, computed: rag, reasons: [overrideReason, ...reasons], override };
}

const CLOSED: ReadonlySet<Recommendation['status']> = new Set(['implemented', 'verified', 'not-accepted', 'superseded']);

/** Effective target passed and not implemented, verified, not accepted or superseded. */
export function isRecommendationOverdue(rec: Recommendation, today: IsoDate): boolean {
  const target = effectiveTarget(rec);
  return !rec.deleted && !CLOSED.has(rec.status) && !!target && today > target;
}

export interface ImplementationSummary {
  /** Implemented + verified. */
  implemented: number;
  /** All except superseded (their replacement counts instead). */
  total: number;
  overdue: number;
  overdueByRating: Record<Rating, number>;
  /** Target date revisions across the counted recommendations. */
  revisions: number;
}

/** "x of y implemented", overdue by rating and revision count, as committees ask for. */
export function implementationSummary(recs: readonly Recommendation[], today: IsoDate): ImplementationSummary {
  const summary: ImplementationSummary = {
    implemented: 0,
    total: 0,
    overdue: 0,
    overdueByRating: Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>,
    revisions: 0,
  };
  for (const rec of recs) {
    if (rec.deleted || rec.status === 'superseded') continue;
    summary.total++;
    summary.revisions += rec.revisions.length;
    if (rec.status === 'implemented' || rec.status === 'verified') summary.implemented++;
    if (isRecommendationOverdue(rec, today)) {
      summary.overdue++;
      if (rec.rating) summary.overdueByRating[rec.rating]++;
    }
  }
  return summary;
}

export interface RagCounts {
  red: number;
  amber: number;
  green: number;
  blue: number;
  grey: number;
  cancelled: number;
  carriedForward: number;
  /** red + amber + green + blue + grey: cancelled and carried-forward actions have no RAG. */
  total: number;
}

export const emptyCounts = (): RagCounts => ({ red: 0, amber: 0, green: 0, blue: 0, grey: 0, cancelled: 0, carriedForward: 0, total: 0 });

/** RAG counts per group (key '' for all actions when no `groupKey`); deleted actions are left out. */
export function countRag(
  actions: readonly Action[],
  today: IsoDate,
  rules: RagRules = defaultRagRules,
  groupKey: (action: Action) => string = () => '',
): Map<string, RagCounts> {
  const groups = new Map<string, RagCounts>();
  for (const action of actions) {
    if (action.deleted) continue;
    const key = groupKey(action);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = emptyCounts()));
    const { state } = computeRag(action, today, rules);
    if (state === 'cancelled') counts.cancelled++;
    else if (state === 'carried-forward') counts.carriedForward++;
    else {
      counts[state]++;
      counts.total++;
    }
  }
  return groups;
}
