// The store's writes: a local edit, an import, and what a push or a settled conflict or refusal
// changes. A module of its own, loaded with the first write (a chunk in the drop-in): a page that
// only reads and pulls, as a page does until someone changes something, never fetches it.
import { unwrap, type StoreNames } from 'idb';
import { RECORD_KINDS, parseRecord, type AnyRecord, type HistoryEntry, type RecordKind, type RecordOf } from '../model/index.js';
import { baseKey, type ApDB, type ApTransaction } from './schema.js';
import type { ImportBatch, RecordInput } from './store.js';
import type { OutboxEntry, StoreChange, WriteOptions } from './types.js';

/** What the writes need of the store: its transactions, its change feed, its reads. */
export interface Internals {
  transact<T>(stores: StoreNames<ApDB>[], body: (tx: ApTransaction<'readwrite'>) => Promise<T>): Promise<T>;
  announce(changes: Omit<StoreChange, 'origin'>[]): void;
  get<C extends RecordKind>(collection: C, id: string): Promise<RecordOf<C> | undefined>;
}

// Fields a local write stamps itself; a history entry does not list them as changes.
const STAMPED = new Set(['version', 'updatedAt', 'updatedBy']);

function diff(before: AnyRecord | undefined, after: AnyRecord): HistoryEntry['changes'] {
  if (!before) return [{ field: 'created', to: String((after as { title?: string; name?: string }).title ?? (after as { name?: string }).name ?? after.id) }];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: HistoryEntry['changes'] = [];
  for (const field of fields) {
    if (STAMPED.has(field)) continue;
    const from = (before as Record<string, unknown>)[field];
    const to = (after as Record<string, unknown>)[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

function historyEntry(collection: RecordKind, record: AnyRecord, changes: HistoryEntry['changes'], by: string, at: string): HistoryEntry {
  return parseRecord('history', { id: crypto.randomUUID(), planId: record.planId, recordId: record.id, collection, at, by, changes, updatedAt: at, updatedBy: by });
}

function outboxEntry(collection: RecordKind, record: AnyRecord, baseVersion: number, by: string, at: string): OutboxEntry {
  const op = record.deleted ? 'delete' : baseVersion > 0 ? 'update' : 'create';
  return { collection, recordId: record.id, op, baseVersion, record, at, by };
}

/** The record's queued outbox entries, oldest first. */
async function pendingFor(tx: ApTransaction<'readwrite'>, collection: RecordKind, id: string): Promise<OutboxEntry[]> {
  return (await tx.objectStore('outbox').index('recordId').getAll(id)).filter((entry) => entry.collection === collection);
}

/**
 * A local write: validates, stamps updatedAt/updatedBy (never `version`: that is the server's),
 * saves the synced base copy on the first local edit, and writes the record, its outbox entry
 * and its history entry in one transaction.
 */
export async function put<C extends RecordKind>(store: Internals, collection: C, input: RecordInput<C>, options: WriteOptions): Promise<RecordOf<C>> {
  const at = (options.now ?? new Date()).toISOString();
  const parsed = parseRecord(collection, { ...input, updatedAt: at, updatedBy: options.by });
  const record = await store.transact([collection, 'outbox', 'meta', 'history'], async (tx) => {
    const existing = (await tx.objectStore(collection).get(parsed.id)) as AnyRecord | undefined;
    const record = { ...parsed, version: existing?.version ?? 0 } as RecordOf<C>;
    const changes = diff(existing, record);
    if (existing && changes.length === 0) return undefined;
    const writes: Promise<unknown>[] = [tx.objectStore(collection).put(record)];
    if (existing && existing.version > 0 && (await tx.objectStore('meta').getKey(baseKey(collection, record.id))) === undefined) {
      writes.push(tx.objectStore('meta').put(existing, baseKey(collection, record.id)));
    }
    writes.push(tx.objectStore('outbox').add(outboxEntry(collection, record, existing?.version ?? 0, options.by, at)));
    if (collection !== 'history') {
      const entry = historyEntry(collection, record, changes, options.by, at);
      writes.push(tx.objectStore('history').add(entry), tx.objectStore('outbox').add(outboxEntry('history', entry, 0, options.by, at)));
    }
    await Promise.all(writes);
    return record;
  });
  if (!record) return (await store.get(collection, parsed.id))!;
  store.announce([{ collection, ids: [record.id], planIds: [record.planId], records: [record] }]);
  if (collection !== 'history') store.announce([{ collection: 'history', ids: [], planIds: [record.planId] }]);
  return record;
}

/** New records of several collections (priorities and the actions under them) in one transaction: all or none. */
export async function importLocalAll(store: Internals, batches: readonly ImportBatch[], options: WriteOptions): Promise<AnyRecord[][]> {
  const at = (options.now ?? new Date()).toISOString();
  const parsed = batches.map(({ collection, inputs }) => ({
    collection,
    records: inputs.map((input) => parseRecord(collection, { ...input, version: 0, updatedAt: at, updatedBy: options.by }) as AnyRecord),
  }));
  await store.transact([...new Set(parsed.map((batch) => batch.collection)), 'outbox', 'history'], async (tx) => {
    // Plain requests, as in applyPulled.
    const outbox = unwrap(tx.objectStore('outbox'));
    const history = unwrap(tx.objectStore('history'));
    for (const { collection, records } of parsed) {
      const target = unwrap(tx.objectStore(collection));
      for (const record of records) {
        target.add(record);
        outbox.add(outboxEntry(collection, record, 0, options.by, at));
        if (collection !== 'history') history.add(historyEntry(collection, record, diff(undefined, record), options.by, at));
      }
    }
  });
  store.announce(
    parsed
      .filter(({ records }) => records.length)
      .map(({ collection, records }) => ({ collection, ids: records.map((r) => r.id), planIds: [...new Set(records.map((r) => r.planId))], records })),
  );
  return parsed.map(({ records }) => records);
}

/**
 * The endpoint accepted the outbox entries `seqs` and answered with its record (new version).
 * Later local edits of the record stay queued, moved onto that version.
 */
export async function confirmPushed<C extends RecordKind>(store: Internals, collection: C, seqs: readonly number[], confirmed: RecordOf<C>): Promise<void> {
  const key = baseKey(collection, confirmed.id);
  await store.transact([collection, 'outbox', 'meta'], async (tx) => {
    const outbox = tx.objectStore('outbox');
    await Promise.all(seqs.map((seq) => outbox.delete(seq)));
    const later = await pendingFor(tx, collection, confirmed.id);
    if (later.length === 0) {
      await Promise.all([tx.objectStore(collection).put(confirmed), tx.objectStore('meta').delete(key)]);
      return;
    }
    const { version } = confirmed;
    const local = (await tx.objectStore(collection).get(confirmed.id)) as AnyRecord;
    await Promise.all([
      tx.objectStore('meta').put(confirmed, key),
      tx.objectStore(collection).put({ ...local, version }),
      ...later.map((entry) => outbox.put({ ...entry, baseVersion: version, op: entry.record.deleted ? 'delete' : 'update', record: { ...entry.record, version } })),
    ]);
  });
  store.announce([{ collection, ids: [confirmed.id], planIds: [confirmed.planId] }]);
}

/**
 * Replaces the record's queued edits (exactly `seqs`: false, changing nothing, if another edit
 * arrived meanwhile) with `resolved` made on the server's `theirs`, and closes its conflict.
 * Without `resolved` the server's record stands (or the record goes, if the server has none).
 */
export async function rebase<C extends RecordKind>(store: Internals, collection: C, id: string, seqs: readonly number[], resolved: RecordOf<C> | undefined, theirs: RecordOf<C> | undefined, options: WriteOptions): Promise<boolean> {
  const at = (options.now ?? new Date()).toISOString();
  const done = await store.transact([collection, 'outbox', 'meta', 'conflicts'], async (tx) => {
    const pending = await pendingFor(tx, collection, id);
    if (pending.some((entry) => !seqs.includes(entry.seq!))) return false;
    const records = tx.objectStore(collection);
    const writes: Promise<unknown>[] = [
      ...pending.map((entry) => tx.objectStore('outbox').delete(entry.seq!)),
      tx.objectStore('conflicts').delete(`${collection}:${id}`),
      tx.objectStore('meta').delete(baseKey(collection, id)),
    ];
    if (!resolved || (theirs && diff(theirs, resolved).length === 0)) {
      writes.push(theirs ? records.put(theirs) : records.delete(id));
    } else {
      const record = { ...resolved, version: theirs?.version ?? 0 };
      writes.push(records.put(record), tx.objectStore('outbox').add(outboxEntry(collection, record, record.version, options.by, at)));
      if (theirs) writes.push(tx.objectStore('meta').put(theirs, baseKey(collection, id)));
    }
    await Promise.all(writes);
    return true;
  });
  if (done) store.announce([{ collection, ids: [id], planIds: [(resolved ?? theirs)?.planId ?? ''].filter(Boolean) }]);
  return done;
}

/** Moves outbox entries the endpoint refused to the dead-letter list, so later entries still sync. */
export async function deadLetter(store: Internals, entries: readonly OutboxEntry[], status: number, reason: string): Promise<void> {
  await store.transact(['outbox', 'deadLetters'], async (tx) => {
    await Promise.all(entries.flatMap((entry) => [tx.objectStore('outbox').delete(entry.seq!), tx.objectStore('deadLetters').put({ ...entry, status, reason })]));
  });
  store.announce(entries.map((entry) => ({ collection: entry.collection, ids: [entry.recordId], planIds: [entry.record.planId] })));
}

/** Retry queues the dead letter again (last in the outbox); discard drops it and, with nothing else queued, restores the synced copy. */
export async function settleDeadLetter(store: Internals, seq: number, choice: 'retry' | 'discard'): Promise<void> {
  const letter = await store.transact(['outbox', 'deadLetters', 'meta', ...RECORD_KINDS], async (tx) => {
    const letter = await tx.objectStore('deadLetters').get(seq);
    if (!letter) return undefined;
    const { status: _status, reason: _reason, seq: _seq, ...entry } = letter;
    const writes: Promise<unknown>[] = [tx.objectStore('deadLetters').delete(seq)];
    if (choice === 'retry') writes.push(tx.objectStore('outbox').add(entry));
    else if ((await pendingFor(tx, letter.collection, letter.recordId)).length === 0) {
      const base = await tx.objectStore('meta').get(baseKey(letter.collection, letter.recordId));
      if (base) writes.push(tx.objectStore(letter.collection).put(base as AnyRecord), tx.objectStore('meta').delete(baseKey(letter.collection, letter.recordId)));
    }
    await Promise.all(writes);
    return letter;
  });
  if (letter) store.announce([{ collection: letter.collection, ids: [letter.recordId], planIds: [letter.record.planId] }]);
}
