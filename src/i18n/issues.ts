// Validation and workflow errors in words. Shown where a form refuses what was typed (every form
// loads on first use), by the endpoint's 422 answers and in the store's quarantine, so they and their
// messages (en-GB-admin.ts) stay out of the entry file.
import { ValidationError, WorkflowError, type FieldIssue } from '../model/errors.js';
import type { RecommendationStatus } from '../model/schemas.js';
import { useAdminMessages } from './admin-messages.js';
import { fieldLabel, isMessageKey, lowerFirst, statusLabel, t, tOr, upperFirst, type Locale, type MessageKey } from './index.js';

useAdminMessages();

function optionLabel(value: string, locale: Locale): string {
  const key = [`status.${value}`, `rating.${value}`, `rag.${value}`].find(isMessageKey);
  return key ? lowerFirst(t(locale, key)) : value;
}

// "milestones.0.dueDate" -> ["Milestone 1", "Due date"]
function pathLabels(path: string, locale: Locale): string[] {
  const segments = path.split('.');
  const labels: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const index = /^\d+$/.test(segments[i + 1] ?? '') ? Number(segments[i + 1]) + 1 : 0;
    if (!index) labels.push(fieldLabel(segments[i], locale));
    else labels.push(tOr(locale, `item.${segments[i]}`, `${fieldLabel(segments[i], locale)} ${index}`, { n: index })), i++;
  }
  return labels;
}

/** A validation issue as a sentence: "Milestone 1: Due date must be a real date written YYYY-MM-DD." */
export function describeIssue(issue: Pick<FieldIssue, 'code' | 'path' | 'params'>, locale: Locale): string {
  const labels = pathLabels(issue.path, locale);
  const label = labels.pop() ?? '';
  const params = issue.params ?? {};
  let key: MessageKey = `issue.${issue.code}`;
  if (params.same) key = 'issue.same';
  else if (issue.code === 'out-of-range' && params.max === undefined) key = 'issue.out-of-range-min';
  const message = t(locale, key, {
    Field: upperFirst(label),
    field: lowerFirst(label),
    min: params.min,
    max: params.max,
    options: params.options?.map((option) => optionLabel(option, locale)).join(', '),
    expected: tOr(locale, `type.${params.expected}`, t(locale, 'type.other')),
    other: params.same && lowerFirst(fieldLabel(params.same, locale)),
  });
  return labels.length ? t(locale, 'issue.in', { context: labels.join(', '), message }) : message;
}

/** An issue with its sentence, as the endpoint's 422 answers and the store's quarantine keep them. */
export interface WordedIssue extends FieldIssue {
  message: string;
}

export function wordIssues(issues: readonly FieldIssue[], locale: Locale): WordedIssue[] {
  return issues.map((issue) => ({ ...issue, message: describeIssue(issue, locale) }));
}

/** A ValidationError as a paragraph: "The action is not valid: Title is required. Progress must be …" (the opening stays English). */
export function describeValidation({ subject, issues }: ValidationError, locale: Locale): string {
  return `The ${subject} is not valid: ${issues.map((issue) => describeIssue(issue, locale)).join(' ')}`;
}

/** A workflow error as a sentence in `locale`: "Verified needs at least one evidence link." */
export function describeWorkflowError({ code, params }: Pick<WorkflowError, 'code' | 'params'>, locale: Locale): string {
  const words = code === 'transition' ? { from: statusLabel(params.from as RecommendationStatus, locale), to: statusLabel(params.to as RecommendationStatus, locale) } : params;
  return t(locale, `workflow.${code}` as MessageKey, words);
}

/** Any error as what to tell the person: the model's worded in `locale`, others by their message. */
export function describeError(error: unknown, locale: Locale): string {
  if (error instanceof ValidationError) return describeValidation(error, locale);
  if (error instanceof WorkflowError) return describeWorkflowError(error, locale);
  return error instanceof Error ? error.message : String(error);
}
