// The records' SQL: pulls, reads and writes of one collection's table. Each write runs in one
// transaction that first takes its plan's clock, so updatedAt order is commit order (exact checkpoints).
import { personKey } from '../../src/model/rights.js';
import type { RecordKind } from '../../src/model/schemas.js';
import { Params } from './params.js';
import type { Queryable } from './db.js';

export type WireRecord = Record<string, unknown> & { id: string; planId: string; version: number; updatedAt: string; updatedBy: string; deleted: boolean };

export interface ListQuery {
  planId?: string;
  /** Normalised to YYYY-MM-DDTHH:mm:ss.sssZ. */
  updatedAtFrom?: string;
  sort: 'id' | 'updatedAt';
  descending: boolean;
  limit: number;
  start: number;
}

// Stamps are whole milliseconds, as the wire writes them, so the database and the client order alike.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const NOW = `date_trunc('milliseconds', clock_timestamp())`;

/**
 * The next updatedAt of `planId`: later than the database clock's last stamp for the plan and than
 * now. Locks the plan's clock row until the transaction ends, so a later stamp commits later.
 */
export async function stamp(tx: Queryable, planId: string): Promise<string> {
  const { rows } = await tx.query<{ last: string }>(
    `INSERT INTO plan_clock AS clock (plan_id, last) VALUES ($1, ${NOW})
     ON CONFLICT (plan_id) DO UPDATE SET last = greatest(${NOW}, clock.last + interval '1 millisecond')
     RETURNING to_char(last AT TIME ZONE 'UTC', ${ISO}) AS last`,
    [planId],
  );
  return rows[0]!.last;
}

/** What a person may read of a collection: which rows (a condition) and what of each (a jsonb expression). */
export type ReadScope = (params: Params) => { condition: string; body: string };

const EVERYTHING: ReadScope = () => ({ condition: 'true', body: 'body' });

/** The page as a JSON array text, straight from the stored jsonb (nothing parsed on the way). */
export async function list(db: Queryable, collection: RecordKind, query: ListQuery, scope: ReadScope = EVERYTHING): Promise<string> {
  const params = new Params();
  const { condition, body } = scope(params);
  const where = [condition];
  if (query.planId !== undefined) where.push(`plan_id = ${params.add(query.planId)}`);
  if (query.updatedAtFrom !== undefined) where.push(`updated_at >= ${params.add(query.updatedAtFrom)}`);
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = query.sort === 'id' ? `id ${direction}` : `updated_at ${direction}, id ${direction}`;
  const { rows } = await db.query<{ json: string }>(
    `SELECT (${body})::text AS json FROM ${collection} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.start)}`,
    params.values,
  );
  return `[${rows.map((row) => row.json).join(',')}]`;
}

/** The stored record as JSON text (as much of it as `scope` shows), or undefined. */
export async function read(db: Queryable, collection: RecordKind, id: string, scope: ReadScope = EVERYTHING): Promise<string | undefined> {
  const params = new Params();
  const { condition, body } = scope(params);
  const { rows } = await db.query<{ json: string }>(`SELECT (${body})::text AS json FROM ${collection} WHERE id = ${params.add(id)} AND ${condition}`, params.values);
  return rows[0]?.json;
}

interface Column {
  name: string;
  value: unknown;
  /** `$n::type`: parameters in a SELECT list are not typed by the column they go to. */
  type: string;
}

/** `personKey` in SQL, of the text `user`: an email lower-cased, a user key as it is. */
export const personKeySql = (user: string) => `CASE WHEN strpos(${user}, '@') > 0 THEN lower(${user}) ELSE ${user} END`;

/** A record's row: the whole record as jsonb plus the columns that queries and rules read. */
function columns(collection: RecordKind, record: WireRecord): Column[] {
  const row = [
    { name: 'id', value: record.id, type: 'text' },
    { name: 'plan_id', value: record.planId, type: 'text' },
    { name: 'version', value: record.version, type: 'integer' },
    { name: 'updated_at', value: record.updatedAt, type: 'timestamptz' },
    { name: 'deleted', value: record.deleted, type: 'boolean' },
    { name: 'body', value: JSON.stringify(record), type: 'jsonb' },
  ];
  if (collection === 'members') {
    // As the rules compare people: emails without regard to case, user keys exactly.
    return [...row, { name: 'member_user', value: personKey(String(record.user)), type: 'text' }, { name: 'role', value: record.role, type: 'text' }, { name: 'agencies', value: record.agencies ?? [], type: 'text[]' }];
  }
  if (collection !== 'actions') return row;
  return [...row, { name: 'lead_agency', value: record.leadAgency ?? null, type: 'text' }, { name: 'priority_id', value: record.priorityId ?? null, type: 'text' }];
}

/** Inserts `record` (stamped by the caller) when `allowed`; undefined when its id is taken or it was not allowed. */
export async function insert(tx: Queryable, collection: RecordKind, record: WireRecord, allowed: (params: Params) => string = () => 'true'): Promise<string | undefined> {
  const params = new Params();
  const row = columns(collection, record);
  const placeholders = row.map((column) => `${params.add(column.value)}::${column.type}`);
  const { rows } = await tx.query<{ json: string }>(
    `INSERT INTO ${collection} (${row.map((column) => column.name).join(', ')}) SELECT ${placeholders.join(', ')} WHERE ${allowed(params)}
     ON CONFLICT (id) DO NOTHING RETURNING body::text AS json`,
    params.values,
  );
  return rows[0]?.json;
}

/**
 * Inserts many stamped records in one statement (imports), skipping ids already there; the ids inserted.
 * The columns are read from each record's JSON, as columns() takes them.
 */
export async function insertMany(tx: Queryable, collection: RecordKind, records: WireRecord[]): Promise<string[]> {
  const extra = EXTRA_COLUMNS[collection] ?? [];
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO ${collection} (id, plan_id, version, updated_at, deleted, body${extra.map(([name]) => `, ${name}`).join('')})
     SELECT r->>'id', r->>'planId', (r->>'version')::integer, (r->>'updatedAt')::timestamptz, (r->>'deleted')::boolean, r${extra.map(([, value]) => `, ${value}`).join('')}
     FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(records)],
  );
  return rows.map((row) => row.id);
}

// The rule columns of insertMany (and of the browser tests' seeding), read from each record's JSON `r` as columns() reads them from the record.
export const EXTRA_COLUMNS: Partial<Record<RecordKind, [string, string][]>> = {
  actions: [
    ['lead_agency', "r->>'leadAgency'"],
    ['priority_id', "r->>'priorityId'"],
  ],
  members: [
    ['member_user', personKeySql("r->>'user'")],
    ['role', "r->>'role'"],
    ['agencies', "ARRAY(SELECT jsonb_array_elements_text(coalesce(r->'agencies', '[]'::jsonb)))"],
  ],
};

/**
 * Replaces the record when it still has `baseVersion` and `planId` and the write is `allowed`, in
 * one statement (never read-then-write); undefined when no row matched.
 */
export async function replace(tx: Queryable, collection: RecordKind, record: WireRecord, baseVersion: number, allowed: (params: Params) => string = () => 'true'): Promise<string | undefined> {
  const params = new Params();
  const sets = columns(collection, record)
    .filter((column) => column.name !== 'id' && column.name !== 'plan_id')
    .map((column) => `${column.name} = ${params.add(column.value)}::${column.type}`);
  const { rows } = await tx.query<{ json: string }>(
    `UPDATE ${collection} SET ${sets.join(', ')}
     WHERE id = ${params.add(record.id)} AND version = ${params.add(baseVersion)} AND plan_id = ${params.add(record.planId)} AND ${allowed(params)}
     RETURNING body::text AS json`,
    params.values,
  );
  return rows[0]?.json;
}

/** The plan and version of a stored record (to tell 404, 412 and 422 apart after a write matched nothing). */
export async function header(db: Queryable, collection: RecordKind, id: string): Promise<{ planId: string; version: number } | undefined> {
  const { rows } = await db.query<{ plan_id: string; version: number }>(`SELECT plan_id, version FROM ${collection} WHERE id = $1`, [id]);
  return rows[0] && { planId: rows[0].plan_id, version: rows[0].version };
}

/** Conditions evaluated on a stored row (with `params`' values), for telling 404, 403, 422 and 412 apart. */
export async function judge<K extends string>(db: Queryable, collection: RecordKind, id: string, conditions: (params: Params) => Record<K, string>): Promise<({ record: WireRecord } & Record<K, boolean>) | undefined> {
  const params = new Params();
  const named = Object.entries<string>(conditions(params)).map(([name, sql]) => `(${sql}) AS "${name}"`);
  const { rows } = await db.query<Record<string, unknown>>(`SELECT body::text AS json, ${named.join(', ')} FROM ${collection} WHERE id = ${params.add(id)}`, params.values);
  const row = rows[0];
  if (!row) return undefined;
  const { json, ...flags } = row;
  return { record: JSON.parse(json as string) as WireRecord, ...(flags as Record<K, boolean>) };
}
