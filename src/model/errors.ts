// The model's errors carry what went wrong as data; src/i18n words them (describeIssue, describeValidation).
export type IssueCode = 'required' | 'invalid-type' | 'invalid-date' | 'out-of-range' | 'invalid-option' | 'invalid-url' | 'invalid';

/** What a message needs besides the field: kept so a page can re-word an issue in another language. */
export interface IssueParams {
  min?: number;
  max?: number;
  options?: readonly string[];
  expected?: string;
  /** Field this one must equal (plans: `planId` must equal `id`). */
  same?: string;
}

export interface FieldIssue {
  code: IssueCode;
  /** Dotted path into the record, e.g. `progress` or `milestones.0.dueDate`; '' for the record itself. */
  path: string;
  params?: IssueParams;
}

/**
 * A record broke a rule of the data model; `issues` says which fields and why. The message names
 * them for developers ("The action is not valid: progress out-of-range."); i18n's
 * describeValidation says it to people ("The action is not valid: Progress must be a whole number from 0 to 100.").
 */
export class ValidationError extends Error {
  override name = 'ValidationError';

  constructor(
    readonly issues: FieldIssue[],
    /** What was not valid: "action", "plan", or "record" when the collection is unknown. */
    readonly subject = 'record',
  ) {
    super(`The ${subject} is not valid: ${issues.map(({ path, code }) => `${path || subject} ${code}`).join(', ')}.`);
  }
}

export type WorkflowCode =
  | 'transition'
  | 'evidence-required'
  | 'reason-required'
  | 'superseded-by-required'
  | 'superseded-by-unknown'
  | 'revision-reason-required'
  | 'revision-date-invalid'
  | 'evidence-label-required'
  | 'evidence-url';

/**
 * A change the recommendation workflow does not allow. The message names the rule for developers
 * ("Recommendation workflow: transition from open to verified"); i18n's describeWorkflowError says it to people.
 */
export class WorkflowError extends Error {
  override name = 'WorkflowError';
  constructor(readonly code: WorkflowCode, readonly params: Record<string, string> = {}) {
    super(`Recommendation workflow: ${[code, ...Object.entries(params).flat()].join(' ')}`);
  }
}

/** A quarter label that is not like "2023/24 Q3". */
export class QuarterLabelError extends RangeError {
  override name = 'QuarterLabelError';

  constructor(label: unknown) {
    super(`"${String(label).slice(0, 40)}" is not a financial quarter written like "2023/24 Q3".`);
  }
}
