// What falls due in the next N days or is overdue, per owner: for reminders and the calendar file.
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { effectiveTarget } from './rag.js';
import { canCarry } from './rollover.js';
import type { Action, Recommendation } from './schemas.js';

export interface DueItem {
  kind: 'action' | 'milestone' | 'recommendation';
  /** The action or recommendation; a milestone's is its action. */
  recordId: string;
  /** Unique per item: the record id, plus the milestone id for a milestone. */
  key: string;
  title: string;
  /** The action a milestone belongs to. */
  actionTitle?: string;
  owner: string;
  dueDate: IsoDate;
  /** Negative when overdue. */
  days: number;
}

/** Every open target date, milestone and recommendation target of a plan, soonest first. */
export function datedItems(actions: readonly Action[], recommendations: readonly Recommendation[], today: IsoDate): DueItem[] {
  const items: DueItem[] = [];
  const item = (fields: Omit<DueItem, 'days'>) => items.push({ ...fields, days: daysBetween(today, fields.dueDate) });
  // Open actions still in this plan: the ones a roll-over would carry.
  for (const action of actions.filter(canCarry)) {
    const owner = action.owner || action.leadAgency || '';
    const target = effectiveTarget(action);
    if (target) item({ kind: 'action', recordId: action.id, key: action.id, title: action.title, owner, dueDate: target });
    for (const m of action.milestones.filter((m) => !m.doneDate)) {
      item({ kind: 'milestone', recordId: action.id, key: `${action.id}/${m.id}`, title: m.title, actionTitle: action.title, owner, dueDate: m.dueDate });
    }
  }
  for (const rec of recommendations) {
    const target = effectiveTarget(rec);
    const open = !rec.deleted && (rec.status === 'open' || rec.status === 'in-progress');
    if (target && open) item({ kind: 'recommendation', recordId: rec.id, key: rec.id, title: rec.ref ? `${rec.ref}: ${rec.recommendation}` : rec.recommendation, owner: rec.owner ?? '', dueDate: target });
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
}

/** Items due within `days` of today or overdue, grouped by owner (owners in name order). */
export function dueSoonByOwner(items: readonly DueItem[], today: IsoDate, days: number): Map<string, DueItem[]> {
  const until = addDays(today, days);
  const byOwner = new Map<string, DueItem[]>();
  for (const item of items.filter((i) => i.dueDate <= until)) byOwner.set(item.owner, [...(byOwner.get(item.owner) ?? []), item]);
  return new Map([...byOwner].sort(([a], [b]) => a.localeCompare(b)));
}
