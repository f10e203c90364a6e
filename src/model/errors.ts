import { describeIssue } from '../i18n/index.js';

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
  /** en-GB sentence, e.g. "Progress must be a whole number from 0 to 100." */
  message: string;
  params?: IssueParams;
}

/** A record broke a rule of the data model; `issues` says which fields and why. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly issues: FieldIssue[];

  constructor(issues: Omit<FieldIssue, 'message'>[], subject = 'record') {
    const worded = issues.map((issue) => ({ ...issue, message: describeIssue(issue, 'en-GB') }));
    super(`The ${subject} is not valid: ${worded.map((issue) => issue.message).join(' ')}`);
    this.issues = worded;
  }
}

/** A quarter label that is not like "2023/24 Q3". */
export class QuarterLabelError extends RangeError {
  override name = 'QuarterLabelError';

  constructor(label: unknown) {
    super(`"${String(label).slice(0, 40)}" is not a financial quarter written like "2023/24 Q3".`);
  }
}
