// ActionPlanStore: the one place that talks to IndexedDB. No DOM, no Lit.
import { openDB, unwrap, type IDBPDatabase, type StoreNames } from 'idb';
import { RECORD_KINDS, safeParseRecord, type FieldIssue, type AnyRecord, type RecordKind, type RecordOf } from '../model/index.js';
import type { WordedIssue } from '../i18n/issues.js';
import { DB_VERSION, baseKey, migrate, type ApDB, type ApTransaction } from './schema.js';
import { DatabaseBlockedError, DatabaseClosedError, ReloadNeededError, StorageUnavailableError, WriteUnavailableError, storageError } from './errors.js';
import type { Internals } from './writes.js';
import { loadOnce } from '../load-once.js';
import type { ChangeQuery, Conflict, DeadLetter, OutboxEntry, QuarantineEntry, QueryOptions, StoreChange, WriteOptions } from './types.js';

export interface OpenOptions {
  /** How long to wait for other tabs to let an upgrade through before failing with DatabaseBlockedError. */
  blockedTimeoutMs?: number;
}

export interface ApplyResult<C extends RecordKind> {
  applied: RecordOf<C>[];
  quarantined: QuarantineEntry[];
  /** Valid records not written because a local edit to them is waiting to sync: the caller merges them. */
  pending: RecordOf<C>[];
}

type Listener = { query: ChangeQuery; callback: (change: StoreChange) => void };
export type RecordInput<C extends RecordKind> = Partial<RecordOf<C>> & { id: string };
/** One collection's new records, for importLocalAll. */
export type ImportBatch = { [C in RecordKind]: { collection: C; inputs: readonly RecordInput<C>[] } }[RecordKind];
// The writes' code, fetched with the first write of the page; after a failed fetch (offline) the next write tries again.
const writes = loadOnce(() => import('./writes.js'), (error) => new WriteUnavailableError(error));

type Wording = (issues: readonly FieldIssue[]) => WordedIssue[];
const issueWords = (): Promise<Wording> =>
  import('../i18n/issues.js').then(
    ({ wordIssues }) => (issues) => wordIssues(issues, 'en-GB'),
    () => (issues) => issues.map((issue) => ({ ...issue, message: `${issue.path}: ${issue.code}` })),
  );

export class ActionPlanStore extends EventTarget {
  #db?: IDBPDatabase<ApDB>;
  #fault?: Error;
  #channel?: BroadcastChannel;
  #listeners = new Set<Listener>();
  #opened = false;
  readonly #internals: Internals = {
    transact: (stores, body) => this.#transact(stores, body),
    announce: (changes) => this.#announce(changes),
    get: (collection, id) => this.get(collection, id),
  };

  private constructor(readonly name: string, private readonly options: OpenOptions) {
    super();
  }

  /**
   * Fetches the code of the writes ahead of the first one (in the drop-in, a chunk): `<ap-plan>` asks
   * when someone first uses the page, so a change made after the connection has gone still saves.
   */
  static async prepareWrites(): Promise<void> {
    await writes();
  }

  /** Opens (creating or upgrading) the database `name`. Rejects with a named error instead of hanging. */
  static async open(name: string, options: OpenOptions = {}): Promise<ActionPlanStore> {
    const store = new ActionPlanStore(name, options);
    await store.#connect();
    if (typeof BroadcastChannel === 'function') {
      store.#channel = new BroadcastChannel(`ap-store:${name}`);
      store.#channel.onmessage = (event: MessageEvent<Omit<StoreChange, 'origin'>>) => store.#notify({ ...event.data, origin: 'remote' });
    }
    return store;
  }

  async #connect(): Promise<void> {
    if (typeof indexedDB === 'undefined') throw new StorageUnavailableError();
    const timeoutMs = this.options.blockedTimeoutMs ?? 3000;
    this.#db = await new Promise<IDBPDatabase<ApDB>>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let timedOut = false;
      let cleared = false;
      openDB<ApDB>(this.name, DB_VERSION, {
        upgrade: (db, oldVersion, newVersion, tx) => {
          cleared = oldVersion === 0 && this.#opened;
          // A failed migration aborts the upgrade; the open then rejects with the reason.
          tx.done.catch(() => undefined);
          migrate(db, oldVersion, newVersion ?? DB_VERSION, tx).catch(() => tx.abort());
        },
        blocked: () => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new DatabaseBlockedError(this.name));
          }, timeoutMs);
        },
        blocking: () => this.#failWith(new ReloadNeededError(this.name)),
        // The browser dropped the connection (Safari in background tabs; clearing site data): reopen now, to notice data loss.
        terminated: () => {
          this.#db = undefined;
          this.#database().catch(() => undefined);
        },
      }).then(
        (db) => {
          clearTimeout(timer);
          // The other tab let go after we gave up: do not hold a connection nobody uses.
          if (timedOut) return db.close();
          resolve(db);
          this.#opened = true;
          // The browser deleted the database under us (storage pressure, "clear site data"): say so.
          if (cleared) {
            this.dispatchEvent(new CustomEvent('cleared'));
            // Every widget reads again: what it shows may be gone.
            this.#announce(RECORD_KINDS.map((collection) => ({ collection, ids: [], planIds: [] })));
          }
        },
        (error) => {
          clearTimeout(timer);
          reject(error instanceof DOMException && error.name !== 'AbortError' ? new StorageUnavailableError(error) : error);
        },
      );
    });
  }

  #failWith(error: Error): void {
    this.#fault = error;
    this.#db?.close();
    this.#db = undefined;
    this.dispatchEvent(new CustomEvent('fault', { detail: error }));
  }

  /** The last fault (ReloadNeededError after another tab upgraded), if any. */
  get fault(): Error | undefined {
    return this.#fault;
  }

  async #database(): Promise<IDBPDatabase<ApDB>> {
    if (this.#fault) throw this.#fault;
    if (!this.#db) await this.#connect();
    return this.#db!;
  }

  /** Runs `body` in one readwrite transaction; any failure aborts all of it and surfaces as a named error. */
  async #transact<T>(stores: StoreNames<ApDB>[], body: (tx: ApTransaction<'readwrite'>) => Promise<T>): Promise<T> {
    let db = await this.#database();
    let tx: ApTransaction<'readwrite'>;
    try {
      tx = db.transaction(stores, 'readwrite');
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
      // The connection was lost between uses: reopen once.
      this.#db = undefined;
      db = await this.#database();
      tx = db.transaction(stores, 'readwrite');
    }
    // Awaited below; this only keeps an early failure from being reported as unhandled.
    tx.done.catch(() => undefined);
    // Capture phase, so before idb's done listener: a failed write is reported by its own error, not as the abort it causes.
    let failure: DOMException | null = null;
    unwrap(tx).addEventListener('error', (event) => (failure ??= (event.target as IDBRequest).error), true);
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already committed or aborted: nothing more to undo.
      }
      throw storageError(failure ?? error);
    }
  }

  close(): void {
    // A write under way still commits (IndexedDB lets its transaction finish): it then tells this tab's
    // listeners, not the other tabs, rather than failing on a closed channel after the data is saved.
    this.#channel?.close();
    this.#channel = undefined;
    this.#db?.close();
    this.#db = undefined;
    this.#fault = new DatabaseClosedError();
  }

  async get<C extends RecordKind>(collection: C, id: string): Promise<RecordOf<C> | undefined> {
    const db = await this.#database();
    return (await db.get(collection, id)) as RecordOf<C> | undefined;
  }

  /** Records by id, read in one transaction: `undefined` where there is none. */
  async getMany<C extends RecordKind>(collection: C, ids: readonly string[]): Promise<(RecordOf<C> | undefined)[]> {
    const tx = (await this.#database()).transaction(collection);
    return (await Promise.all(ids.map((id) => tx.store.get(id)))) as (RecordOf<C> | undefined)[];
  }

  /** Records of a collection by an index (planId by default); tombstones left out unless asked for. */
  async query<C extends RecordKind>(collection: C, options: QueryOptions = {}): Promise<RecordOf<C>[]> {
    const db = await this.#database();
    const records = (options.value === undefined
      ? await db.getAll(collection)
      : await db.getAllFromIndex(collection, (options.index ?? 'planId') as never, options.value as never)) as RecordOf<C>[];
    return options.includeDeleted ? records : records.filter((record) => !record.deleted);
  }

  /**
   * A local write: validates, stamps updatedAt/updatedBy (never `version`: that is the server's),
   * saves the synced base copy on the first local edit, and writes the record, its outbox entry
   * and its history entry in one transaction.
   */
  async put<C extends RecordKind>(collection: C, input: RecordInput<C>, options: WriteOptions): Promise<RecordOf<C>> {
    return (await writes()).put(this.#internals, collection, input, options);
  }

  /** Soft delete: a tombstone, so other clients learn of it when it syncs. */
  async remove<C extends RecordKind>(collection: C, id: string, options: WriteOptions): Promise<void> {
    const existing = await this.get(collection, id);
    if (existing && !existing.deleted) await this.put(collection, { ...existing, deleted: true }, options);
  }

  /**
   * Stores records as a pull does: each validated, written once, no outbox. Invalid ones go to
   * quarantine (in the same transaction); ones with a pending local edit are handed back unwritten.
   */
  async applyPulled<C extends RecordKind>(collection: C, raws: readonly unknown[]): Promise<ApplyResult<C>> {
    const at = new Date().toISOString();
    const result: ApplyResult<C> = { applied: [], quarantined: [], pending: [] };
    // Validated before the transaction, which cannot wait on a fetch: the words for what is set aside
    // are a chunk fetched only when the endpoint sent something not valid (else the codes and paths).
    const checked = raws.map((raw) => ({ raw, parsed: safeParseRecord(collection, raw) }));
    const word = checked.every(({ parsed }) => parsed.ok) ? undefined : await issueWords();
    await this.#transact([collection, 'outbox', 'quarantine'], async (tx) => {
      const pendingIds = new Set<string>();
      for (let cursor = await tx.objectStore('outbox').index('recordId').openKeyCursor(); cursor; cursor = await cursor.continue()) {
        pendingIds.add(cursor.key);
      }
      // A record pulled again (overlap window, full pull) replaces its quarantine entry, so the list cannot grow.
      const ids = new Set(raws.map((raw) => (raw as { id?: unknown } | null)?.id));
      for (let cursor = await tx.objectStore('quarantine').index('collection').openCursor(collection); cursor; cursor = await cursor.continue()) {
        if (cursor.value.recordId !== undefined && ids.has(cursor.value.recordId)) await cursor.delete();
      }
      // Plain requests, not a promise each: a failed write aborts the transaction, and #transact reports it.
      const target = unwrap(tx.objectStore(collection));
      const quarantine = unwrap(tx.objectStore('quarantine'));
      for (const { raw, parsed } of checked) {
        if (!parsed.ok) {
          const id = (raw as { id?: unknown } | null)?.id;
          const entry: QuarantineEntry = { collection, raw, issues: word!(parsed.error.issues), at, ...(typeof id === 'string' ? { recordId: id } : {}) };
          result.quarantined.push(entry);
          quarantine.add(entry);
        } else if (pendingIds.has(parsed.record.id)) {
          result.pending.push(parsed.record as RecordOf<C>);
        } else {
          result.applied.push(parsed.record as RecordOf<C>);
          target.put(parsed.record);
        }
      }
    });
    if (result.applied.length > 0) this.#announce([{ collection, ids: result.applied.map((r) => r.id), planIds: [...new Set(result.applied.map((r) => r.planId))], records: result.applied }]);
    return result;
  }

  /** Imports new local records (CSV, roll-over): one transaction with their outbox and history entries. */
  async importLocal<C extends RecordKind>(collection: C, inputs: readonly RecordInput<C>[], options: WriteOptions): Promise<RecordOf<C>[]> {
    const [records] = await this.importLocalAll([{ collection, inputs } as ImportBatch], options);
    return records as RecordOf<C>[];
  }

  /** New records of several collections (priorities and the actions under them) in one transaction: all or none. */
  async importLocalAll(batches: readonly ImportBatch[], options: WriteOptions): Promise<AnyRecord[][]> {
    return (await writes()).importLocalAll(this.#internals, batches, options);
  }

  /**
   * The endpoint accepted the outbox entries `seqs` and answered with its record (new version).
   * Later local edits of the record stay queued, moved onto that version.
   */
  async confirmPushed<C extends RecordKind>(collection: C, seqs: readonly number[], confirmed: RecordOf<C>): Promise<void> {
    return (await writes()).confirmPushed(this.#internals, collection, seqs, confirmed);
  }

  /**
   * Replaces the record's queued edits (exactly `seqs`: false, changing nothing, if another edit
   * arrived meanwhile) with `resolved` made on the server's `theirs`, and closes its conflict.
   * Without `resolved` the server's record stands (or the record goes, if the server has none).
   */
  async rebase<C extends RecordKind>(collection: C, id: string, seqs: readonly number[], resolved: RecordOf<C> | undefined, theirs: RecordOf<C> | undefined, options: WriteOptions): Promise<boolean> {
    return (await writes()).rebase(this.#internals, collection, id, seqs, resolved, theirs, options);
  }

  /** Records the server no longer has (hard deletes): gone from this browser too. */
  async purge(collection: RecordKind, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#transact([collection, 'meta'], async (tx) => {
      await Promise.all(ids.flatMap((id) => [tx.objectStore(collection).delete(id), tx.objectStore('meta').delete(baseKey(collection, id))]));
    });
    this.#announce([{ collection, ids: [...ids], planIds: [] }]);
  }

  async saveConflict(conflict: Conflict): Promise<void> {
    await this.#transact(['conflicts'], async (tx) => void (await tx.objectStore('conflicts').put(conflict)));
    this.#announce([{ collection: conflict.collection, ids: [conflict.recordId], planIds: [conflict.mine.planId] }]);
  }

  async conflicts(): Promise<Conflict[]> {
    return (await this.#database()).getAll('conflicts');
  }

  /** Moves outbox entries the endpoint refused to the dead-letter list, so later entries still sync. */
  async deadLetter(entries: readonly OutboxEntry[], status: number, reason: string): Promise<void> {
    return (await writes()).deadLetter(this.#internals, entries, status, reason);
  }

  async deadLetters(): Promise<DeadLetter[]> {
    return (await this.#database()).getAll('deadLetters');
  }

  /** Retry queues the dead letter again (last in the outbox); discard drops it and, with nothing else queued, restores the synced copy. */
  async settleDeadLetter(seq: number, choice: 'retry' | 'discard'): Promise<void> {
    return (await writes()).settleDeadLetter(this.#internals, seq, choice);
  }

  /** Outbox entries in the order they were written. */
  async outbox(): Promise<OutboxEntry[]> {
    return (await this.#database()).getAll('outbox');
  }

  async pendingCount(): Promise<number> {
    return (await this.#database()).count('outbox');
  }

  async quarantined(): Promise<QuarantineEntry[]> {
    return (await this.#database()).getAll('quarantine');
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await (await this.#database()).get('meta', key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    try {
      await (await this.#database()).put('meta', value, key);
    } catch (error) {
      throw storageError(error);
    }
  }

  /** The synced copy a pending local edit was made on (for three-way merge), if any. */
  base<C extends RecordKind>(collection: C, id: string): Promise<RecordOf<C> | undefined> {
    return this.getMeta<RecordOf<C>>(baseKey(collection, id));
  }

  /**
   * Calls back after every committed change matching the query, in this tab and (via
   * BroadcastChannel) from other tabs on the same database. Returns the unsubscribe function.
   */
  subscribe(query: ChangeQuery, callback: (change: StoreChange) => void): () => void {
    const listener = { query, callback };
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #announce(changes: Omit<StoreChange, 'origin'>[]): void {
    for (const change of changes) {
      // Other tabs read what they need: cloning a pull's records into every tab would cost more.
      const { records, ...message } = change;
      this.#channel?.postMessage(message);
      this.#notify({ ...change, origin: 'local' });
    }
  }

  #notify(change: StoreChange): void {
    for (const { query, callback } of this.#listeners) {
      const collections = query.collection === undefined ? undefined : ([] as RecordKind[]).concat(query.collection);
      if (collections && !collections.includes(change.collection)) continue;
      // The list of plans is shared: a plan created or renamed (here or in another tab) reaches the listeners of every plan.
      if (query.planId !== undefined && change.collection !== 'plans' && change.planIds.length > 0 && !change.planIds.includes(query.planId)) continue;
      if (query.ids && change.ids.length > 0 && !query.ids.some((id) => change.ids.includes(id))) continue;
      callback(change);
    }
  }
}
