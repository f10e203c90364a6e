// The board's priority dialogs: add a priority or rename one (and its lead), and retire one that
// still has open actions, moving them to another priority. The board opens them, shows issues and closes them.
import { html, type TemplateResult } from 'lit';
import { rankBetween, type Action, type Priority } from '../../model/index.js';
import { t, type Locale } from '../../i18n/index.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import type { PlanContext } from '../../context/index.js';
import { dialogInput, optionalText, prioritySelect } from './form-dialog.js';

useAdminMessages();

export type PriorityDialog = { kind: 'priority'; priority?: Priority } | { kind: 'retire'; priority: Priority; open: Action[] };

export interface PriorityDialogContent {
  heading: string;
  fields: TemplateResult;
  submit: string;
}

/** What the dialog shows: a new priority when `dialog.priority` is unset. */
export function priorityDialogContent(dialog: PriorityDialog, priorities: readonly Priority[], locale: Locale): PriorityDialogContent {
  if (dialog.kind === 'priority') {
    const { priority } = dialog;
    return {
      heading: t(locale, priority ? 'board.edit-priority' : 'board.add-priority'),
      fields: html`${dialogInput('title', t(locale, 'field.title'), priority?.title ?? '', true)} ${dialogInput('lead', t(locale, 'field.lead'), priority?.lead ?? '')}`,
      submit: t(locale, 'widget.save'),
    };
  }
  const others = priorities.filter((p) => !p.retired && p.id !== dialog.priority.id);
  return {
    heading: t(locale, 'board.retire-title', { title: dialog.priority.title }),
    fields: html`<p>${t(locale, 'board.retire-question', { count: dialog.open.length })}</p>
      ${prioritySelect('destination', t(locale, 'board.retire-destination'), others)}`,
    submit: t(locale, 'board.retire-priority', { title: dialog.priority.title }),
  };
}

/**
 * Saves the dialog's form and returns what to announce. A retired priority's open actions go after
 * the last of `destination(id)`, the actions shown in the chosen priority's column in rank order.
 * Throws the store's ValidationError for a form that breaks the data model.
 */
export async function savePriorityDialog(
  dialog: PriorityDialog,
  form: FormData,
  { plan, priorities, destination }: { plan: PlanContext; priorities: readonly Priority[]; destination: (id: string) => readonly Action[] },
): Promise<string> {
  const store = plan.store!;
  const by = { by: plan.user };
  if (dialog.kind === 'priority') {
    const last = Math.max(0, ...priorities.map((p) => p.order ?? 0));
    const input = { ...(dialog.priority ?? { id: crypto.randomUUID(), planId: plan.planId, order: last + 1 }), title: String(form.get('title') ?? ''), lead: optionalText(form.get('lead')) };
    const priority = await store.put('priorities', input, by);
    return t(plan.locale, 'board.priority-saved', { title: priority.title });
  }
  const to = String(form.get('destination') ?? '');
  let rank = destination(to).at(-1)?.rank;
  for (const action of dialog.open) {
    rank = rankBetween(rank);
    await store.put('actions', { ...action, priorityId: to, rank }, by);
  }
  await store.put('priorities', { ...dialog.priority, retired: true }, by);
  return t(plan.locale, 'board.retired', { title: dialog.priority.title });
}
