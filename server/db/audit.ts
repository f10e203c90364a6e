// The audit trail, from the signed-in person and the database clock: every "who" and "when" of a write is
// stamped here (client values replaced), and its history entry is written in the write's own transaction.
import { randomUUID } from 'node:crypto';
import type { RecordKind } from '../../src/model/schemas.js';
import type { Queryable } from './db.js';
import { insert, type WireRecord } from './records.js';

type Entry = Record<string, unknown> & { id?: unknown };
const STAMPED = new Set(['version', 'updatedAt', 'updatedBy']);
// Append-only lists whose entries say who wrote them and when.
const AUTHORED_LISTS = ['updates', 'revisions'];

const entries = (value: unknown): Entry[] => (Array.isArray(value) ? value.filter((entry): entry is Entry => entry !== null && typeof entry === 'object') : []);

/**
 * `record` with the server's who and when: `updatedBy`; the `by` and `at` of new progress updates, revisions
 * and a new or changed RAG override; `doneBy` and `doneAt` of a newly ticked milestone. Entries already
 * stored keep their stored author and time, whatever the client sent.
 */
export function stampWho(record: WireRecord, stored: WireRecord | undefined, by: string, byUser: string, at: string): WireRecord {
  const stamped: WireRecord = { ...record, updatedBy: by };
  for (const list of AUTHORED_LISTS) {
    if (!Array.isArray(record[list])) continue;
    const before = new Map(entries(stored?.[list]).map((entry) => [entry.id, entry]));
    stamped[list] = entries(record[list]).map((entry) => {
      const old = before.get(entry.id);
      return old ? { ...entry, by: old.by, at: old.at } : { ...entry, by, at };
    });
  }
  const override = record.ragOverride as Entry | undefined;
  if (override && typeof override === 'object') {
    const old = stored?.ragOverride as Entry | undefined;
    const same = old && old.rag === override.rag && old.reason === override.reason;
    stamped.ragOverride = same ? { ...override, by: old.by, at: old.at } : { ...override, by, at };
  }
  if (Array.isArray(record.extensionRequests)) stamped.extensionRequests = stampRequests(record.extensionRequests, stored?.extensionRequests, by, byUser, at);
  if (Array.isArray(record.milestones)) {
    const before = new Map(entries(stored?.milestones).map((entry) => [entry.id, entry]));
    stamped.milestones = entries(record.milestones).map((milestone) => {
      const { doneBy: _by, doneAt: _at, ...rest } = milestone;
      if (milestone.doneDate === undefined) return rest;
      const old = before.get(milestone.id);
      return old?.doneDate === milestone.doneDate && old.doneBy !== undefined ? { ...rest, doneBy: old.doneBy, doneAt: old.doneAt } : { ...rest, doneBy: by, doneAt: at };
    });
  }
  return stamped;
}

/**
 * Extension requests: a new request, and a new or changed decision, are the signed-in person's, now. A new
 * request also keeps who asked as a membership names people (`byUser`), so the reminder digest can find
 * the requester: `by` is a name for people to read.
 */
function stampRequests(requests: unknown, stored: unknown, by: string, byUser: string, at: string): Entry[] {
  const before = new Map(entries(stored).map((entry) => [entry.id, entry]));
  return entries(requests).map((request) => {
    const old = before.get(request.id);
    const { byUser: _claimed, ...asked } = request;
    const stamped: Entry = old ? { ...asked, by: old.by, at: old.at, ...(old.byUser !== undefined && { byUser: old.byUser }) } : { ...asked, by, byUser, at };
    const decision = request.decision as Entry | undefined;
    if (!decision || typeof decision !== 'object') return stamped;
    const kept = old?.decision as Entry | undefined;
    const same = kept && kept.outcome === decision.outcome && kept.reason === decision.reason && kept.reference === decision.reference;
    return { ...stamped, decision: same ? { ...decision, by: kept.by, at: kept.at } : { ...decision, by, at } };
  });
}

/** JSON with keys in order, so a field that only came back from jsonb in another order is not a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The changes as the widgets' own history lists them: `created` with the record's title, else field by field. */
export function changesOf(before: WireRecord | undefined, after: WireRecord): { field: string; from?: unknown; to?: unknown }[] {
  if (!before) return [{ field: 'created', to: String(after.title ?? after.name ?? after.user ?? after.id) }];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !STAMPED.has(field) && canonical(before[field]) !== canonical(after[field]))
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

/** Writes the history entry of a write that committed as `after`, in the same transaction. */
export async function writeHistory(tx: Queryable, collection: RecordKind, before: WireRecord | undefined, after: WireRecord): Promise<void> {
  const changes = changesOf(before, after);
  if (changes.length === 0) return;
  const at = after.updatedAt;
  const by = after.updatedBy;
  await insert(tx, 'history', {
    id: randomUUID(),
    planId: after.planId,
    recordId: after.id,
    collection,
    at,
    by,
    changes,
    version: 1,
    updatedAt: at,
    updatedBy: by,
    deleted: false,
  });
}
