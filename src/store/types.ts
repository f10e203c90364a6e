import type { AnyRecord, RecordKind } from '../model/index.js';
import type { WordedIssue } from '../i18n/issues.js';

/** A local write waiting to reach the endpoint. */
export interface OutboxEntry {
  seq?: number;
  collection: RecordKind;
  recordId: string;
  op: 'create' | 'update' | 'delete';
  /** The server version the edit was made on (0: never synced). */
  baseVersion: number;
  record: AnyRecord;
  at: string;
  by: string;
}

/** A record from the endpoint that broke a rule, kept aside with the reason. */
export interface QuarantineEntry {
  seq?: number;
  collection: RecordKind;
  recordId?: string;
  raw: unknown;
  issues: WordedIssue[];
  at: string;
}

/** What the change feed reports after a transaction commits. */
export interface StoreChange {
  collection: RecordKind;
  ids: string[];
  planIds: string[];
  /** `local`: this store instance; `remote`: another tab on the same database. */
  origin: 'local' | 'remote';
  /** The records as committed, in `ids` order, where this store wrote them whole (local changes only): no read needed. */
  records?: AnyRecord[];
}

export interface ChangeQuery {
  collection?: RecordKind | RecordKind[];
  planId?: string;
  ids?: string[];
}

export interface QueryOptions {
  /** Index to look up (`planId` default). */
  index?: 'planId' | 'priorityId' | 'status' | 'auditId' | 'recordId' | 'updatedAt';
  value?: string;
  includeDeleted?: boolean;
}

export interface WriteOptions {
  /** Who made the change (`updatedBy`, history `by`). */
  by: string;
  /** Clock for `updatedAt`; injectable for tests. */
  now?: Date;
}

/** A field both this browser and the server changed since the base copy. */
export interface ConflictField {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** A local edit that could not merge with the server's record: the user chooses. */
export interface Conflict {
  /** `{collection}:{recordId}`: one open conflict per record. */
  id: string;
  collection: RecordKind;
  recordId: string;
  /** `edited`: both sides changed the same fields; `deleted`: the record is gone from the server. */
  kind: 'edited' | 'deleted';
  fields: ConflictField[];
  mine: AnyRecord;
  theirs?: AnyRecord;
  at: string;
}

/** An outbox entry the endpoint refused (400/422): kept for the user to retry or discard. */
export interface DeadLetter extends OutboxEntry {
  status: number;
  reason: string;
}
