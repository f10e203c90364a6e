// The IndexedDB schema and its migrations. Each migration upgrades from the version before it.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AnyRecord, RecordKind, HistoryEntry, Member } from '../model/index.js';
import type { Conflict, DeadLetter, OutboxEntry, QuarantineEntry } from './types.js';

export const DB_VERSION = 4;

/** The `meta` key of the synced copy a pending local edit was made on. */
export const baseKey = (collection: string, id: string) => `base:${collection}:${id}`;

interface RecordStore<T> {
  key: string;
  value: T;
  indexes: { planId: string; updatedAt: string; priorityId: string; status: string; auditId: string; recordId: string };
}

export interface ApDB extends DBSchema {
  plans: RecordStore<AnyRecord>;
  priorities: RecordStore<AnyRecord>;
  actions: RecordStore<AnyRecord>;
  audits: RecordStore<AnyRecord>;
  recommendations: RecordStore<AnyRecord>;
  history: RecordStore<HistoryEntry>;
  members: RecordStore<Member>;
  outbox: { key: number; value: OutboxEntry; indexes: { recordId: string } };
  meta: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantineEntry; indexes: { collection: string } };
  conflicts: { key: string; value: Conflict };
  deadLetters: { key: number; value: DeadLetter };
}

export type ApTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<ApDB, StoreNames<ApDB>[], Mode>;

const indexesByCollection: Record<RecordKind, string[]> = {
  plans: ['planId', 'updatedAt'],
  priorities: ['planId', 'updatedAt'],
  actions: ['planId', 'updatedAt', 'priorityId', 'status'],
  audits: ['planId', 'updatedAt'],
  recommendations: ['planId', 'updatedAt', 'auditId', 'status'],
  history: ['planId', 'updatedAt', 'recordId'],
  members: ['planId', 'updatedAt'],
};

type Migration = (db: IDBPDatabase<ApDB>, tx: ApTransaction<'versionchange'>) => Promise<void> | void;

// Index signature loosened: the upgrade callback works on raw store names.
type LooseDb = { createObjectStore(name: string, options?: IDBObjectStoreParameters): { createIndex(name: string, keyPath: string): unknown } };

const migrations: Record<number, Migration> = {
  // v1: the first release: record stores without updatedAt indexes, an outbox and meta.
  1(db) {
    const loose = db as unknown as LooseDb;
    for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations'] as const) {
      const store = loose.createObjectStore(collection, { keyPath: 'id' });
      for (const index of indexesByCollection[collection].filter((name) => name !== 'updatedAt')) store.createIndex(index, index);
    }
    loose.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('recordId', 'recordId');
    loose.createObjectStore('meta');
  },
  // v2: shared history, quarantine, updatedAt indexes; records get the fields v1 let them omit.
  async 2(db, tx) {
    const loose = db as unknown as LooseDb;
    const history = loose.createObjectStore('history', { keyPath: 'id' });
    for (const index of indexesByCollection.history) history.createIndex(index, index);
    loose.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true }).createIndex('collection', 'collection');
    for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations'] as const) {
      const store = tx.objectStore(collection);
      store.createIndex('updatedAt', 'updatedAt');
      let cursor = await store.openCursor();
      while (cursor) {
        const record = cursor.value as Record<string, unknown>;
        if (record.version === undefined || record.deleted === undefined || record.updatedAt === undefined) {
          await cursor.update({ ...record, version: record.version ?? 0, deleted: record.deleted ?? false, updatedAt: record.updatedAt ?? '' } as AnyRecord);
        }
        cursor = await cursor.continue();
      }
    }
  },
  // v3: sync: conflicts for the user to resolve; rejected writes (dead letters) kept aside.
  3(db) {
    const loose = db as unknown as LooseDb;
    loose.createObjectStore('conflicts', { keyPath: 'id' });
    loose.createObjectStore('deadLetters', { keyPath: 'seq', autoIncrement: true });
  },
  // v4: sign-in: the plan's members (who may do what), on endpoints that have them.
  4(db) {
    const members = (db as unknown as LooseDb).createObjectStore('members', { keyPath: 'id' });
    for (const index of indexesByCollection.members) members.createIndex(index, index);
  },
};

/** Runs every migration between the stored version and the target, in order, in the upgrade transaction. */
export async function migrate(db: IDBPDatabase<ApDB>, oldVersion: number, newVersion: number, tx: ApTransaction<'versionchange'>): Promise<void> {
  for (let version = oldVersion + 1; version <= newVersion; version++) await migrations[version]!(db, tx);
}
