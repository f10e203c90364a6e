import * as z from 'zod/mini';
import { isIsoDate } from './dates.js';
import { ValidationError, type FieldIssue, type IssueCode, type IssueParams } from './errors.js';

export const ACTION_STATUSES = ['not-started', 'in-progress', 'blocked', 'complete', 'cancelled'] as const;
export const RECOMMENDATION_STATUSES = ['open', 'in-progress', 'implemented', 'verified', 'not-accepted', 'superseded'] as const;
export const RATINGS = ['high', 'medium', 'low'] as const;
export const RAGS = ['red', 'amber', 'green', 'blue', 'grey'] as const;
export const OVERRIDE_RAGS = ['red', 'amber', 'green'] as const;
export const APPROVAL_SETTINGS = ['required', 'off'] as const;
export const DECISION_OUTCOMES = ['approved', 'refused'] as const;
export const COLLECTIONS = ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] as const;
/** Who may do what in a plan (our endpoint only, read and written by officers). */
export const ROLES = ['officer', 'lead', 'partner', 'viewer'] as const;
export const VISIBILITIES = ['partnership', 'restricted'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export type Rating = (typeof RATINGS)[number];
export type Rag = (typeof RAGS)[number];
export type Role = (typeof ROLES)[number];
/** What a record can be: a plan collection, or a membership (our endpoint's `members`). */
export const RECORD_KINDS = [...COLLECTIONS, 'members'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export type Collection = (typeof COLLECTIONS)[number];
export type ApprovalSetting = (typeof APPROVAL_SETTINGS)[number];
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

const rule = (test: (value: never) => boolean, code: IssueCode, params: IssueParams = {}) =>
  z.refine(test as (value: unknown) => boolean, { params: { code, ...params } });

const opt = z.optional;
const def = z._default;

/**
 * Fields, keeping ones it does not know. Many JSON APIs send null for an empty column: treated as
 * absent (a required field then fails as missing), once per object rather than per field.
 */
function fields<S extends z.core.$ZodLooseShape>(shape: S) {
  const keys = Object.keys(shape);
  const nullsAsAbsent = z.transform((input: any): any => {
    let copy: any;
    if (input !== null && typeof input === 'object') for (const key of keys) if (input[key] === null) (copy ??= { ...input })[key] = undefined;
    return copy ?? input;
  });
  return z.pipe(nullsAsAbsent, z.looseObject(shape));
}

const text = z.string();
const requiredText = z.string().check(rule((s: string) => s.trim() !== '', 'required'));
const isoDate = z.string().check(rule(isIsoDate, 'invalid-date'));
// Date and optional time, as toISOString() writes it; the date part must be real.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const isDateTime = (s: string) => DATE_TIME.test(s) && isIsoDate(s.slice(0, 10));
const dateTime = z.string().check(rule(isDateTime, 'invalid-date'));
const wholeNumber = (min: number, max?: number) =>
  z.number().check(rule((n: number) => Number.isInteger(n) && n >= min && (max === undefined || n <= max), 'out-of-range', { min, max }));
const pence = wholeNumber(0);
const oneOf = z.enum;

/** http: or https: only, so a stored link can never run script (javascript:, data:, vbscript:). */
export function isSafeUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value.trim()).protocol);
  } catch {
    return false;
  }
}

const common = {
  id: requiredText,
  planId: requiredText,
  version: def(wholeNumber(0), 0),
  updatedAt: def(z.string().check(rule((s: string) => s === '' || isDateTime(s), 'invalid-date')), ''),
  updatedBy: def(text, ''),
  deleted: def(z.boolean(), false),
};

export const MilestoneSchema = fields({ id: requiredText, title: requiredText, dueDate: isoDate, doneDate: opt(isoDate) });
export const ProgressUpdateSchema = fields({
  id: requiredText,
  at: dateTime,
  by: text,
  text,
  status: opt(oneOf(ACTION_STATUSES)),
  progress: opt(wholeNumber(0, 100)),
});
// requestId: the extension request whose approval made this revision.
export const RevisionSchema = fields({ id: requiredText, date: isoDate, previousDate: opt(isoDate), reason: requiredText, by: text, at: dateTime, requestId: opt(text) });
export const DecisionSchema = fields({ outcome: oneOf(DECISION_OUTCOMES), reason: requiredText, by: text, at: dateTime, reference: opt(text) });
// `byUser`: who asked, as a membership names people (a user key or an email); stamped by our endpoint for the reminder digest.
export const ExtensionRequestSchema = fields({ id: requiredText, requestedDate: isoDate, reason: requiredText, by: text, byUser: opt(text), at: dateTime, decision: opt(DecisionSchema) });
export const RagOverrideSchema = z.looseObject({ rag: oneOf(OVERRIDE_RAGS), reason: requiredText, by: text, at: dateTime });
export const FundingSchema = fields({ allocatedPence: def(pence, 0), spentPence: def(pence, 0), source: opt(text), public: def(z.boolean(), false) });
export const EvidenceSchema = z.looseObject({ label: requiredText, url: z.string().check(rule(isSafeUrl, 'invalid-url')) });
const ids = def(z.array(requiredText), []);

export const PlanSchema = fields({
  ...common,
  name: requiredText,
  period: opt(text),
  description: opt(text),
  previousPlanId: opt(text),
  // Absent: required where the endpoint has roles, off elsewhere (src/model/extensions.ts).
  approvals: opt(oneOf(APPROVAL_SETTINGS)),
}).check(
  z.refine((plan) => plan.planId === plan.id, { path: ['planId'], params: { code: 'invalid', same: 'id' } }),
);
export const PrioritySchema = fields({
  ...common,
  title: requiredText,
  lead: opt(text),
  // A user key or an email: the person whose priority's actions they edit and create (role `lead`).
  leadUser: opt(text),
  order: opt(z.number()),
  description: opt(text),
  retired: def(z.boolean(), false),
});
export const ActionSchema = fields({
  ...common,
  priorityId: requiredText,
  title: requiredText,
  description: opt(text),
  leadAgency: opt(text),
  // Supporting agencies, as the plan names them.
  partners: def(z.array(text), []),
  owner: opt(text),
  // A user key or an email; `owner` stays the name shown.
  ownerUser: opt(text),
  startDate: opt(isoDate),
  targetDate: opt(isoDate),
  revisedTargetDate: opt(isoDate),
  // No target by design (a standing task): RAG rules treat it as having no target.
  ongoing: def(z.boolean(), false),
  // An imported timescale that is not a date ("TBC", "Spring"), kept until someone sets one.
  timescaleText: opt(text),
  revisions: def(z.array(RevisionSchema), []),
  status: def(oneOf(ACTION_STATUSES), 'not-started'),
  progress: def(wholeNumber(0, 100), 0),
  milestones: def(z.array(MilestoneSchema), []),
  updates: def(z.array(ProgressUpdateSchema), []),
  extensionRequests: def(z.array(ExtensionRequestSchema), []),
  ragOverride: opt(RagOverrideSchema),
  funding: opt(FundingSchema),
  // Fractional-index key (src/model/rank.ts): sorts as a plain string, so a move rewrites one action.
  rank: opt(text),
  public: def(z.boolean(), false),
  // Absent: `partnership`. `restricted` (OFFICIAL-SENSITIVE): seen only by officers and the lead agency's members.
  visibility: opt(oneOf(VISIBILITIES)),
  carriedFrom: opt(text),
  carriedForwardTo: opt(text),
});
export const AuditSchema = fields({ ...common, title: requiredText, auditor: opt(text), date: opt(isoDate), assurance: opt(text) });
export const RecommendationSchema = fields({
  ...common,
  auditId: requiredText,
  recommendation: requiredText,
  ref: opt(text),
  finding: opt(text),
  rating: opt(oneOf(RATINGS)),
  owner: opt(text),
  ownerAgency: opt(text),
  ownerUser: opt(text),
  agreedAction: opt(text),
  targetDate: opt(isoDate),
  revisedTargetDate: opt(isoDate),
  revisions: def(z.array(RevisionSchema), []),
  status: def(oneOf(RECOMMENDATION_STATUSES), 'open'),
  evidence: def(z.array(EvidenceSchema), []),
  extensionRequests: def(z.array(ExtensionRequestSchema), []),
  linkedActionIds: ids,
  reason: opt(text),
  supersededBy: opt(text),
});
const ChangeSchema = z.looseObject({ field: requiredText, from: z.optional(z.unknown()), to: z.optional(z.unknown()) });
export const HistorySchema = fields({
  ...common,
  recordId: requiredText,
  // History also records membership changes: `members` is no plan collection (never exported), though the widgets sync it where the endpoint has it.
  collection: oneOf(RECORD_KINDS),
  at: dateTime,
  by: text,
  changes: z.array(ChangeSchema),
});
export const MemberSchema = fields({
  ...common,
  /** A user key (`{tid}:{oid}`, `{iss}#{sub}`) or an email, compared without regard to case. */
  user: requiredText,
  role: oneOf(ROLES),
  agencies: def(z.array(requiredText), []),
  email: opt(text),
  language: opt(oneOf(['en-GB', 'cy'])),
  reminders: def(z.boolean(), true),
});

export type Milestone = z.output<typeof MilestoneSchema>;
export type ProgressUpdate = z.output<typeof ProgressUpdateSchema>;
export type Revision = z.output<typeof RevisionSchema>;
export type Decision = z.output<typeof DecisionSchema>;
export type ExtensionRequest = z.output<typeof ExtensionRequestSchema>;
export type RagOverride = z.output<typeof RagOverrideSchema>;
export type Funding = z.output<typeof FundingSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type Priority = z.output<typeof PrioritySchema>;
export type Action = z.output<typeof ActionSchema>;
export type Audit = z.output<typeof AuditSchema>;
export type Recommendation = z.output<typeof RecommendationSchema>;
export type HistoryEntry = z.output<typeof HistorySchema>;
export type Member = z.output<typeof MemberSchema>;

export interface RecordTypes {
  plans: Plan;
  priorities: Priority;
  actions: Action;
  audits: Audit;
  recommendations: Recommendation;
  history: HistoryEntry;
  members: Member;
}
export type RecordOf<C extends RecordKind> = RecordTypes[C];
export type AnyRecord = RecordTypes[RecordKind];

export const SCHEMAS = {
  plans: PlanSchema,
  priorities: PrioritySchema,
  actions: ActionSchema,
  audits: AuditSchema,
  recommendations: RecommendationSchema,
  history: HistorySchema,
  members: MemberSchema,
} as const;

const SUBJECTS: Record<RecordKind, string> = {
  plans: 'plan',
  priorities: 'priority',
  actions: 'action',
  audits: 'audit',
  recommendations: 'recommendation',
  history: 'history entry',
  members: 'membership',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type ZodIssue = z.core.$ZodIssue;

function toFieldIssue(issue: ZodIssue, input: unknown): FieldIssue {
  const path = issue.path.map(String).join('.');
  const missing = issue.path.length > 0 && valueAt(input, issue.path) == null;
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as IssueParams & { code?: IssueCode };
      return { code: code ?? 'invalid', path, params };
    }
    case 'invalid_type':
      return missing ? { code: 'required', path } : { code: 'invalid-type', path, params: { expected: issue.expected } };
    case 'invalid_value':
      return missing ? { code: 'required', path } : { code: 'invalid-option', path, params: { options: issue.values.map(String) } };
    default:
      return { code: 'invalid', path };
  }
}

export type SafeParseResult<C extends RecordKind> = { ok: true; record: RecordOf<C> } | { ok: false; error: ValidationError };

/** Validate a record of `collection`; never throws (hostile input included). */
export function safeParseRecord<C extends RecordKind>(collection: C, input: unknown): SafeParseResult<C> {
  if (!Object.hasOwn(SCHEMAS, collection)) {
    return { ok: false, error: new ValidationError([{ code: 'invalid-option', path: 'collection', params: { options: COLLECTIONS } }]) };
  }
  const subject = SUBJECTS[collection];
  try {
    const result = z.safeParse(SCHEMAS[collection] as unknown as z.ZodMiniType<RecordOf<C>>, input);
    if (result.success) return { ok: true, record: result.data };
    return { ok: false, error: new ValidationError(result.error.issues.map((issue) => toFieldIssue(issue, input)), subject) };
  } catch {
    // A getter or proxy that throws while being read: report it, never crash the caller.
    return { ok: false, error: new ValidationError([{ code: 'invalid', path: '' }], subject) };
  }
}

/** Validate a record of `collection`, applying defaults; throws ValidationError. */
export function parseRecord<C extends RecordKind>(collection: C, input: unknown): RecordOf<C> {
  const result = safeParseRecord(collection, input);
  if (!result.ok) throw result.error;
  return result.record;
}
