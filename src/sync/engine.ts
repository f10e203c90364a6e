// SyncEngine: pulls the plan from the endpoint into the store and pushes the store's outbox to it.
// Plain TypeScript, no DOM elements: clock, timers and the online check are injectable for tests.
import { RECORD_KINDS, safeParseRecord, type AnyRecord, type Collection, type RecordKind } from '../model/index.js';
import type { ActionPlanStore, Conflict, DeadLetter, OutboxEntry } from '../store/index.js';
import type { SyncStateName } from '../events.js';
import type { SyncAdapter } from './adapter.js';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { SyncHttpError } from './errors.js';
import { loadOnce } from '../load-once.js';

/**
 * Records per pull request: large enough that a first pull of 10,000 actions is close to one fetch of
 * everything (bench row 6), no more than our endpoint's default page. An endpoint must honour `_limit`
 * up to this many: a shorter page reads as the last one.
 */
export const PULL_PAGE_SIZE = 1000;

export interface SyncEngineOptions {
  store: ActionPlanStore;
  adapter: SyncAdapter;
  planId: string;
  /** Names this endpoint's checkpoints and lock, so two endpoints on one database keep apart. */
  scope?: string;
  /** Milliseconds between syncs (default 30 s). */
  intervalMs?: number;
  /** Every how many syncs a full pull compares id lists, to notice hard deletes (default 10). */
  fullPullEvery?: number;
  /** Records per pull request (default PULL_PAGE_SIZE). */
  pageSize?: number;
  /** How far before the checkpoint each pull starts again, for writes that committed late (default 5 s). */
  overlapMs?: number;
  /** Recorded on merges and resolutions. */
  user?: string;
  backoff?: { baseMs: number; maxMs: number };
  now?: () => Date;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  random?: () => number;
  isOnline?: () => boolean;
  /** Where `online`, `offline` and `focus` are heard (default: window). */
  events?: EventTarget;
  /**
   * Asked before every sync and again before pushing (sign-in): whether the person's rights changed
   * (a full pull follows at once) and whether the endpoint writes the history itself (then none is
   * pushed). It throws to stop the sync, so a change is never pushed under someone else's identity.
   */
  checkPerson?: (signal: AbortSignal) => Promise<PersonCheck>;
}

export interface PersonCheck {
  changed: boolean;
  writesHistory: boolean;
}

export interface SyncState {
  state: SyncStateName;
  /** Local changes waiting to reach the endpoint. */
  pending: number;
  lastSynced?: string;
  conflicts: Conflict[];
  deadLetters: DeadLetter[];
  /** Records from the endpoint that were not valid and were set aside (quarantined). */
  quarantined: number;
  error?: string;
  /** Collections the endpoint does not have (it answers 404 for their list): their records stay here; the others sync. */
  missing?: Collection[];
  /** This tab is the one talking to the endpoint (one at a time, by Web Lock). */
  leader: boolean;
}

interface Checkpoint {
  updatedAt: string;
  id: string;
}

type Wire = Partial<AnyRecord> & { id: string };
const stampOf = (raw: unknown) => {
  const { id, updatedAt } = (raw ?? {}) as Partial<Checkpoint>;
  return typeof id === 'string' && typeof updatedAt === 'string' && updatedAt !== '' ? { id, updatedAt } : undefined;
};
const isAfter = (a: Checkpoint, b: Checkpoint | undefined) => !b || a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);
/** The highest (updatedAt, id) among the checkpoint and the page's server values. */
function latestOf(checkpoint: Checkpoint | undefined, page: unknown[]): Checkpoint | undefined {
  let latest = checkpoint;
  for (const raw of page) {
    const stamp = stampOf(raw);
    if (stamp && isAfter(stamp, latest)) latest = stamp;
  }
  return latest;
}
const conflictId = (collection: RecordKind, id: string) => `${collection}:${id}`;

// The three-way merge is needed only where a pull meets an edit still waiting to be pushed: a chunk
// fetched then. A failed fetch (offline) fails that sync, which tries again later; the edit stays queued.
const merging = loadOnce(
  () => import('./merge.js'),
  (error) => new SyncHttpError('retry', `The code that merges changes could not be fetched: ${(error as Error).message}`),
);

export class SyncEngine {
  readonly #o: Required<Omit<SyncEngineOptions, 'events' | 'checkPerson'>> & Pick<SyncEngineOptions, 'events' | 'checkPerson'>;
  #state: SyncState = { state: 'idle', pending: 0, conflicts: [], deadLetters: [], quarantined: 0, leader: false };
  #listeners = new Set<(state: SyncState) => void>();
  #stopped = true;
  #abort = new AbortController();
  #release?: () => void;
  #unsubscribe?: () => void;
  #timer?: unknown;
  #running?: Promise<void>;
  #again = false;
  #signedOut = false;
  #attempt = 0;
  #cycles = 0;
  #seenSeq = 0;

  constructor(options: SyncEngineOptions) {
    this.#o = {
      scope: options.planId,
      intervalMs: 30_000,
      fullPullEvery: 10,
      pageSize: PULL_PAGE_SIZE,
      overlapMs: 5_000,
      user: '',
      backoff: { baseMs: 1_000, maxMs: 5 * 60_000 },
      now: () => new Date(),
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as number),
      random: Math.random,
      isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
      events: typeof window === 'undefined' ? undefined : window,
      ...options,
    };
  }

  get state(): SyncState {
    return this.#state;
  }

  /** Calls back now and on every state change; returns the unsubscribe function. */
  subscribe(callback: (state: SyncState) => void): () => void {
    this.#listeners.add(callback);
    callback(this.#state);
    return () => this.#listeners.delete(callback);
  }

  /** Starts: waits to be the tab that syncs, then syncs now, every interval, on `online` and on focus. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#abort = new AbortController();
    for (const type of ['online', 'offline', 'focus']) this.#o.events?.addEventListener(type, this.#wake);
    this.#unsubscribe = this.#o.store.subscribe({}, () => void this.#changed());
    const lead = () => new Promise<void>((release) => {
      this.#release = release;
      this.#set({ leader: true });
      void this.syncNow();
    });
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks) locks.request(`ap-sync:${this.#o.store.name}:${this.#o.scope}`, { signal: this.#abort.signal }, lead).catch(() => undefined);
    else void lead();
    void this.#refresh({});
  }

  /** Stops syncing and lets another tab take over. Queued changes stay in the outbox. */
  stop(): void {
    this.#stopped = true;
    this.#abort.abort();
    this.#release?.();
    this.#o.clearTimeout(this.#timer);
    for (const type of ['online', 'offline', 'focus']) this.#o.events?.removeEventListener(type, this.#wake);
    this.#unsubscribe?.();
    this.#set({ leader: false });
  }

  /** Syncs now (the Retry button, or after signing in again). Settles when the sync has finished. */
  syncNow(): Promise<void> {
    this.#signedOut = false;
    if (!this.#state.leader || this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** Settles a conflict: keep mine, keep theirs, or mine with some fields set by the user (an edited merge). */
  async resolve(conflict: Conflict, choice: 'mine' | 'theirs' | Record<string, unknown>): Promise<void> {
    const { store } = this.#o;
    const { collection, recordId, theirs } = conflict;
    const seqs = (await this.#pendingFor(collection, recordId)).map((entry) => entry.seq!);
    let resolved: AnyRecord | undefined;
    if (choice !== 'theirs') {
      const mine = (await store.get(collection, recordId)) ?? conflict.mine;
      resolved = theirs ? (await merging()).mergeRecords(await store.base(collection, recordId), mine, theirs).merged : mine;
      if (choice !== 'mine') resolved = { ...resolved, ...choice };
    }
    await store.rebase(collection, recordId, seqs, resolved, theirs, { by: this.#o.user, now: this.#o.now() });
    void this.syncNow();
  }

  /** Retries or discards a change the endpoint refused. */
  async settle(letter: DeadLetter, choice: 'retry' | 'discard'): Promise<void> {
    await this.#o.store.settleDeadLetter(letter.seq!, choice);
    void this.syncNow();
  }

  #wake = (event: Event) => {
    if (event.type === 'offline') void this.#refresh({ state: 'offline' });
    else void this.syncNow();
  };

  async #changed(): Promise<void> {
    await this.#refresh({});
    // A new local edit (not our own sync writes) is pushed straight away.
    const outbox = await this.#o.store.outbox().catch(() => []);
    const newest = Math.max(0, ...outbox.map((entry) => entry.seq ?? 0));
    if (newest > this.#seenSeq && !this.#signedOut && this.#state.state !== 'error') void this.syncNow();
  }

  #set(patch: Partial<SyncState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }

  async #refresh(patch: Partial<SyncState>): Promise<void> {
    const { store } = this.#o;
    try {
      const [outbox, conflicts, deadLetters, quarantine, lastSynced] = await Promise.all([store.outbox(), store.conflicts(), store.deadLetters(), store.quarantined(), store.getMeta<string>(this.#key('lastSynced'))]);
      const pending = outbox.filter((entry) => entry.collection !== 'history').length;
      this.#set({ ...patch, pending, conflicts, deadLetters, quarantined: quarantine.length, ...(lastSynced ? { lastSynced } : {}) });
    } catch {
      // The store closed (tab closing, another tab upgraded it): <ap-plan> reports that.
    }
  }

  #key = (name: string) => `sync:${this.#o.scope}:${name}`;

  #schedule(ms: number): void {
    this.#o.clearTimeout(this.#timer);
    if (!this.#stopped) this.#timer = this.#o.setTimeout(() => void this.syncNow(), ms);
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#cycle();
      // Asked again while this one ran: run again, after an offline run too (the online event or Retry came
      // while it finished, and nothing else is scheduled when offline). After a failure the backoff retries.
    } while (this.#again && !this.#stopped && (this.#state.state === 'idle' || this.#state.state === 'offline'));
  }

  async #cycle(): Promise<void> {
    this.#o.clearTimeout(this.#timer);
    if (!this.#o.isOnline()) return this.#refresh({ state: 'offline' });
    this.#set({ state: 'syncing' });
    try {
      const person = await this.#o.checkPerson?.(this.#abort.signal);
      const full = ++this.#cycles % this.#o.fullPullEvery === 0 || !!person?.changed;
      const absent: RecordKind[] = [];
      for (const collection of RECORD_KINDS) {
        try {
          await (full ? this.#pullAll(collection) : this.#pullSince(collection));
        } catch (error) {
          // An endpoint set up without one collection: say which, and keep syncing the rest.
          if (!(error instanceof SyncHttpError && error.kind === 'gone')) throw error;
          absent.push(collection);
        }
      }
      await this.#push(new Set(absent), person?.writesHistory ?? false);
      // Members only exist where there is sign-in: their absence is not news.
      const missing = absent.filter((collection): collection is Collection => collection !== 'members');
      this.#attempt = 0;
      // #refresh reads lastSynced back from the store.
      await this.#o.store.setMeta(this.#key('lastSynced'), this.#o.now().toISOString());
      await this.#refresh({ state: 'idle', error: undefined, missing });
      this.#schedule(this.#o.intervalMs);
    } catch (error) {
      if (this.#stopped) return;
      if (error instanceof SyncHttpError && error.kind === 'auth') {
        // Paused until the user retries (or comes back to the tab after signing in): the outbox is kept.
        this.#signedOut = true;
        return this.#refresh({ state: 'signed-out', error: error.message });
      }
      const retryAfter = error instanceof SyncHttpError ? retryAfterMs(error.retryAfter, this.#o.now()) : undefined;
      this.#set({ state: this.#o.isOnline() ? 'error' : 'offline', error: error instanceof Error ? error.message : String(error) });
      await this.#refresh({});
      this.#schedule(retryAfter ?? backoffDelay(this.#attempt++, { ...this.#o.backoff, random: this.#o.random }));
    }
  }

  async #pullSince(collection: RecordKind): Promise<void> {
    const { adapter, store, planId, pageSize: limit, overlapMs } = this.#o;
    const key = this.#key(`checkpoint:${collection}`);
    const checkpoint = await store.getMeta<Checkpoint>(key);
    const from = checkpoint ? new Date(Date.parse(checkpoint.updatedAt) - overlapMs).toISOString() : undefined;
    let [since, start, latest, offsets, moved] = [from, 0, checkpoint, false, false];
    const seen = new Map<string, string>();
    for (;;) {
      const page = await adapter.pull(collection, { planId, since, start, limit, order: 'updatedAt' }, this.#abort.signal);
      // Overlapping pages repeat records: apply each version once, and notice one that moved.
      const fresh = page.filter((raw) => {
        const { id, version, updatedAt } = (raw ?? {}) as Wire;
        const tag = `${version}|${updatedAt}`;
        const before = seen.get(id);
        moved ||= before !== undefined && before !== tag;
        seen.set(id, tag);
        return before !== tag;
      });
      await this.#apply(collection, fresh);
      latest = latestOf(latest, page);
      if (page.length === limit) {
        const last = stampOf(page.at(-1))?.updatedAt;
        // A whole page on one updatedAt: page on with offsets; otherwise go on from the last one.
        if (!last || last === since) [start, offsets] = [start + limit, true];
        else [since, start] = [last, 0];
        continue;
      }
      // A write during offset paging shifts the offsets and may have skipped a record: read again.
      if (!(offsets && moved)) break;
      [since, start, offsets, moved] = [from, 0, false, false];
    }
    // Saved after the records are stored: the checkpoint is never ahead of stored data.
    if (latest !== checkpoint) await store.setMeta(key, latest);
  }

  /** Ids the server has for the collection, applying each page on the way when asked. */
  async #listAll(collection: RecordKind, apply: boolean): Promise<{ ids: Set<string>; latest?: Checkpoint }> {
    const { adapter, planId, pageSize: limit } = this.#o;
    const ids = new Set<string>();
    let latest: Checkpoint | undefined;
    for (let start = 0; ; start += limit) {
      const page = await adapter.pull(collection, { planId, start, limit, order: 'id' }, this.#abort.signal);
      for (const raw of page) {
        // A page entry that is not a record (null, a number) is quarantined by #apply, not listed.
        const id = (raw as Partial<Wire> | null)?.id;
        if (typeof id === 'string') ids.add(id);
      }
      if (apply) await this.#apply(collection, page);
      latest = latestOf(latest, page);
      if (page.length < limit) return { ids, latest };
    }
  }

  async #pullAll(collection: RecordKind): Promise<void> {
    const { store, planId } = this.#o;
    const key = this.#key(`checkpoint:${collection}`);
    const checkpoint = await store.getMeta<Checkpoint>(key);
    const { ids, latest } = await this.#listAll(collection, true);
    const newest = latestOf(checkpoint, [latest]);
    if (newest !== checkpoint) await store.setMeta(key, newest);
    let gone = (await store.query(collection, { value: planId, includeDeleted: true })).filter((record) => !ids.has(record.id));
    // A delete during the listing shifts its offsets: only what a second listing also lacks is gone.
    if (gone.length > 0) {
      const again = (await this.#listAll(collection, false)).ids;
      gone = gone.filter((record) => !again.has(record.id));
    }
    const purge: string[] = [];
    for (const record of gone) {
      const pending = await this.#pendingFor(collection, record.id);
      if (pending.length === 0) purge.push(record.id);
      // Deleted on the server while edited here: the user decides; never a silent re-create.
      else if (pending[0]!.op !== 'create') await this.#conflict(collection, record, undefined, 'deleted', []);
    }
    await store.purge(collection, purge);
  }

  async #apply(collection: RecordKind, raws: unknown[]): Promise<void> {
    if (raws.length === 0) return;
    const result = await this.#o.store.applyPulled(collection, raws);
    for (const theirs of result.pending) await this.#reconcile(collection, theirs, false);
  }

  async #pendingFor(collection: RecordKind, id: string): Promise<OutboxEntry[]> {
    return (await this.#o.store.outbox()).filter((entry) => entry.collection === collection && entry.recordId === id);
  }

  #conflict(collection: RecordKind, mine: AnyRecord, theirs: AnyRecord | undefined, kind: Conflict['kind'], fields: Conflict['fields']): Promise<void> {
    const conflict = { id: conflictId(collection, mine.id), collection, recordId: mine.id, kind, fields, mine, at: this.#o.now().toISOString(), ...(theirs ? { theirs } : {}) };
    return this.#o.store.saveConflict(conflict);
  }

  /** The server's record meets pending local edits: merge three-way, or store a conflict for the user. */
  async #reconcile(collection: RecordKind, theirs: AnyRecord, fromPush: boolean): Promise<void> {
    const { store } = this.#o;
    const entries = await this.#pendingFor(collection, theirs.id);
    if (entries.length === 0) {
      await store.applyPulled(collection, [theirs]);
      return;
    }
    // A re-pulled copy of the version our edit was made on: nothing new on the server.
    if (!fromPush && theirs.version > 0 && theirs.version <= entries[0]!.baseVersion) return;
    const mine = await store.get(collection, theirs.id);
    if (!mine) return;
    const { merged, conflicts } = (await merging()).mergeRecords(await store.base(collection, theirs.id), mine, theirs);
    if (conflicts.length > 0) return this.#conflict(collection, mine, theirs, 'edited', conflicts);
    await store.rebase(collection, theirs.id, entries.map((entry) => entry.seq!), merged, theirs, { by: this.#o.user, now: this.#o.now() });
  }

  /** Pushes the outbox, leaving changes to `missing` collections queued; `writesHistory`: ours are dropped. */
  async #push(missing: ReadonlySet<RecordKind>, writesHistory: boolean): Promise<void> {
    const { store, adapter } = this.#o;
    const tries = new Map<string, number>();
    let checked = false;
    for (;;) {
      let outbox = await store.outbox();
      if (writesHistory) {
        // The endpoint writes its own history entry with each change: ours are dropped, and the next pull brings its.
        const ours = outbox.filter((entry) => entry.collection === 'history');
        for (const entry of ours) await store.rebase('history', entry.recordId, [entry.seq!], undefined, undefined, { by: this.#o.user });
        outbox = outbox.filter((entry) => entry.collection !== 'history');
        this.#again ||= ours.length > 0;
      }
      this.#seenSeq = Math.max(this.#seenSeq, ...outbox.map((entry) => entry.seq ?? 0));
      const blocked = new Set((await store.conflicts()).map((conflict) => conflict.id));
      // A record that keeps conflicting is left for the next sync rather than looping here.
      const first = outbox.find((entry) => !missing.has(entry.collection) && !blocked.has(conflictId(entry.collection, entry.recordId)) && (tries.get(conflictId(entry.collection, entry.recordId)) ?? 0) < 3);
      if (!first) return;
      // Pulling took a while: the person must still be the one whose changes these are.
      if (!checked) await this.#o.checkPerson?.(this.#abort.signal);
      checked = true;
      const { collection, recordId, baseVersion } = first;
      const id = conflictId(collection, recordId);
      tries.set(id, (tries.get(id) ?? 0) + 1);
      // Several queued edits of one record go as one write: the latest state, on the first edit's base.
      const group = outbox.filter((entry) => entry.collection === collection && entry.recordId === recordId);
      const record = group.at(-1)!.record;
      const op = first.op === 'create' ? 'create' : record.deleted ? 'delete' : 'update';
      try {
        const answer = safeParseRecord(collection, await adapter.push({ collection, op, record, baseVersion }, this.#abort.signal));
        await store.confirmPushed(collection, group.map((entry) => entry.seq!), answer.ok ? answer.record : { ...record, version: baseVersion + 1 });
      } catch (error) {
        if (!(error instanceof SyncHttpError)) throw error;
        const current = error.kind === 'conflict' ? safeParseRecord(collection, error.current) : undefined;
        if (current?.ok) await this.#reconcile(collection, current.record, true);
        // An endpoint that writes its own history refuses ours: nothing for the person to decide.
        else if (collection === 'history' && error.status === 403) await store.rebase(collection, recordId, group.map((entry) => entry.seq!), undefined, undefined, { by: this.#o.user });
        else if (error.kind === 'invalid' || (error.kind === 'gone' && op === 'create')) await store.deadLetter(group, error.status, error.message);
        else if (error.kind === 'gone') await this.#conflict(collection, record, undefined, 'deleted', []);
        else if (error.kind !== 'conflict') throw error;
      }
    }
  }
}
