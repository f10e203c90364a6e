// The card's editor state: what the form holds, its checks, and the action it saves. Pure, no DOM.
import { effectiveTarget, type Action, type ActionStatus, type Milestone, type RagOverride } from '../../model/index.js';
import { t, type Locale, type MessageKey } from '../../i18n/index.js';

export interface Draft {
  title: string;
  leadAgency: string;
  owner: string;
  startDate: string;
  targetDate: string;
  revisedTargetDate: string;
  reason: string;
  status: ActionStatus;
  progress: string;
  update: string;
  milestones: Milestone[];
  override: '' | RagOverride['rag'];
  overrideReason: string;
}

/** A problem with the form: `field` is the id of the control to fix. */
export interface DraftError {
  field: string;
  message: string;
}

export function draftOf(action: Action): Draft {
  return {
    title: action.title,
    leadAgency: action.leadAgency ?? '',
    owner: action.owner ?? '',
    startDate: action.startDate ?? '',
    targetDate: action.targetDate ?? '',
    revisedTargetDate: action.revisedTargetDate ?? '',
    reason: '',
    status: action.status,
    progress: String(action.progress),
    update: '',
    milestones: action.milestones.map((m) => ({ ...m })),
    override: action.ragOverride?.rag ?? '',
    overrideReason: action.ragOverride?.reason ?? '',
  };
}

const revisedChanged = (action: Action, draft: Draft) => draft.revisedTargetDate !== (action.revisedTargetDate ?? '');
const newlyCancelled = (action: Action, draft: Draft) => draft.status === 'cancelled' && action.status !== 'cancelled';
const overrideChanged = (action: Action, draft: Draft) =>
  draft.override !== (action.ragOverride?.rag ?? '') || (draft.override !== '' && draft.overrideReason !== action.ragOverride?.reason);

/** The GOV.UK-style messages for everything wrong with the draft, in form order. */
export function validateDraft(action: Action, draft: Draft, locale: Locale): DraftError[] {
  const errors: DraftError[] = [];
  const check = (bad: boolean, field: string, key: MessageKey, params = {}) => bad && errors.push({ field, message: t(locale, key, params) });
  check(!draft.title.trim(), 'title', 'card.error.title');
  check(!!draft.startDate && !!draft.targetDate && draft.targetDate < draft.startDate, 'targetDate', 'card.error.target-before-start');
  check(!!draft.startDate && !!draft.revisedTargetDate && draft.revisedTargetDate < draft.startDate, 'revisedTargetDate', 'card.error.revised-before-start');
  check(!/^\d{1,3}$/.test(draft.progress.trim()) || Number(draft.progress) > 100, 'progress', 'card.error.progress');
  check((revisedChanged(action, draft) || newlyCancelled(action, draft)) && !draft.reason.trim(), 'reason', newlyCancelled(action, draft) ? 'card.error.cancel-reason' : 'card.error.reason');
  draft.milestones.forEach((m, i) => {
    check(!m.title.trim(), `milestone-${i}-title`, 'card.error.milestone-title', { n: i + 1 });
    check(!m.dueDate, `milestone-${i}-due`, 'card.error.milestone-due', { n: i + 1 });
  });
  check(draft.override !== '' && !draft.overrideReason.trim(), 'overrideReason', 'card.error.override-reason');
  return errors;
}

/** The action as saved from a valid draft: revisions, updates and the override stamped with who and when. */
export function applyDraft(action: Action, draft: Draft, by: string, now = new Date()): Action {
  const at = now.toISOString();
  const progress = Number(draft.progress);
  const reason = draft.reason.trim();
  const next: Action = {
    ...action,
    title: draft.title.trim(),
    leadAgency: draft.leadAgency.trim() || undefined,
    owner: draft.owner.trim() || undefined,
    startDate: draft.startDate || undefined,
    targetDate: draft.targetDate || undefined,
    revisedTargetDate: draft.revisedTargetDate || undefined,
    status: draft.status,
    progress,
    milestones: draft.milestones.map((m) => ({ ...m, title: m.title.trim() })),
  };
  if (revisedChanged(action, draft) && draft.revisedTargetDate) {
    const revision = { id: crypto.randomUUID(), date: draft.revisedTargetDate, previousDate: effectiveTarget(action), reason, by, at };
    next.revisions = [...action.revisions, revision];
  }
  const text = draft.update.trim() || (newlyCancelled(action, draft) ? reason : '');
  if (text) next.updates = [...action.updates, { id: crypto.randomUUID(), at, by, text, status: draft.status, progress }];
  if (overrideChanged(action, draft)) {
    next.ragOverride = draft.override ? { rag: draft.override, reason: draft.overrideReason.trim(), by, at } : undefined;
  }
  return next;
}
