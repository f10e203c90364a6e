// The reminder digest: what one member of a plan is emailed about on a day. Pure, so the endpoint's job and the tests share it.
import { addDays, daysBetween, quarterBounds, financialQuarter, type IsoDate } from './dates.js';
import { isAction, openRequest, type Extendable } from './extensions.js';
import { closedState } from './request-extension.js';
import { effectiveTarget } from './rag.js';
import { isOurAgency, isPerson } from './rights.js';
import type { Action, Decision, ExtensionRequest, Recommendation } from './schemas.js';

/** Days ahead a target date counts as due, and before quarter end an update counts as due. */
export const REMINDER_DAYS = 14;

/** The fields of a membership the digest reads (the `members` collection). */
export interface ReminderMember {
  user: string;
  role: string;
  agencies?: readonly string[];
  email?: string;
  language?: string;
  reminders?: boolean;
}

export interface DigestItem {
  collection: 'actions' | 'recommendations';
  id: string;
  title: string;
  /** The effective target date. */
  dueDate?: IsoDate;
  /** Days to the target date; negative when overdue. */
  days?: number;
  /** Overdue, or due within REMINDER_DAYS. */
  due?: 'overdue' | 'due-soon';
  /** The quarter ends within REMINDER_DAYS and the record has had no progress update this quarter. */
  updateDue: boolean;
}

export interface DigestRequest {
  collection: 'actions' | 'recommendations';
  id: string;
  title: string;
  request: ExtensionRequest;
}

export interface ReminderDigest {
  /** Their open items that need attention. */
  items: DigestItem[];
  /** Decisions on their requests since the last digest. */
  decisions: (DigestRequest & { request: ExtensionRequest & { decision: Decision } })[];
  /** For officers: requests waiting for a decision. */
  waiting: DigestRequest[];
}

export interface PlanRecords {
  actions: readonly Action[];
  recommendations: readonly Recommendation[];
}

// By the rules of rights.ts, as the endpoint's permissions compare them.
const isThem = (member: ReminderMember, who: unknown) => typeof who === 'string' && isPerson({ id: member.user, email: member.email }, who);
const theirAgency = (member: ReminderMember, agency: unknown) => typeof agency === 'string' && isOurAgency(member.agencies, agency);

const titleOf = (record: Extendable) => (isAction(record) ? record.title : record.ref ? `${record.ref}: ${record.recommendation}` : record.recommendation);
const collectionOf = (record: Extendable): DigestItem['collection'] => (isAction(record) ? 'actions' : 'recommendations');

function isTheirs(member: ReminderMember, record: Extendable): boolean {
  const owned = record as Extendable & { ownerUser?: unknown; ownerAgency?: unknown };
  return isThem(member, owned.ownerUser) || theirAgency(member, isAction(record) ? record.leadAgency : owned.ownerAgency);
}

// Actions are updated by a progress update; recommendations have none, so any change counts.
function lastUpdate(record: Extendable): string {
  if (!isAction(record)) return record.updatedAt;
  return record.updates.reduce((latest, update) => (update.at > latest ? update.at : latest), '');
}

function itemFor(record: Extendable, today: IsoDate, quarter: { start: IsoDate; end: IsoDate }): DigestItem | undefined {
  const dueDate = effectiveTarget(record);
  const days = dueDate === undefined ? undefined : daysBetween(today, dueDate);
  const due = days === undefined ? undefined : days < 0 ? 'overdue' : days <= REMINDER_DAYS ? 'due-soon' : undefined;
  const updateDue = daysBetween(today, quarter.end) <= REMINDER_DAYS && lastUpdate(record).slice(0, 10) < quarter.start;
  if (!due && !updateDue) return undefined;
  return { collection: collectionOf(record), id: record.id, title: titleOf(record), ...(dueDate && { dueDate, days, due }), updateDue };
}

/**
 * One member's digest for `today`: their open actions (lead agency or owner) and recommendations
 * (owner agency or owner) that are overdue, due within 14 days, or, from 14 days before the quarter
 * ends, without an update this quarter; decisions on their requests made at or after `since`; and,
 * for officers, every request waiting for a decision. Undefined when there is nothing to send or
 * the member turned reminders off.
 */
export function reminderDigest(member: ReminderMember, plan: PlanRecords, today: IsoDate, since: string = addDays(today, -1)): ReminderDigest | undefined {
  if (member.reminders === false) return undefined;
  const quarter = quarterBounds(financialQuarter(today).label);
  const records: Extendable[] = [...plan.actions, ...plan.recommendations].filter((record) => !closedState(record));
  const digest: ReminderDigest = { items: [], decisions: [], waiting: [] };
  for (const record of records) {
    const item = isTheirs(member, record) ? itemFor(record, today, quarter) : undefined;
    if (item) digest.items.push(item);
    const about = { collection: collectionOf(record), id: record.id, title: titleOf(record) };
    for (const request of record.extensionRequests) {
      if (request.decision && isThem(member, request.byUser ?? request.by) && request.decision.at >= since) digest.decisions.push({ ...about, request: { ...request, decision: request.decision } });
    }
    const waiting = member.role === 'officer' ? openRequest(record) : undefined;
    if (waiting) digest.waiting.push({ ...about, request: waiting });
  }
  digest.items.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id));
  return digest.items.length + digest.decisions.length + digest.waiting.length > 0 ? digest : undefined;
}
