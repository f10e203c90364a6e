// The sync protocol (CONTRACT.md "Sync" and "Our endpoint") for every collection, under /api.
// Thin: parse and check the request, call the records' SQL in one transaction, answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { describeValidation, wordIssues } from '../../src/i18n/issues.js';
import { RECORD_KINDS, safeParseRecord, type RecordKind, type Role } from '../../src/model/schemas.js';
import { stampWho, writeHistory } from '../db/audit.js';
import type { Db, Queryable } from '../db/db.js';
import { insert, judge, list, read, replace, stamp, type ListQuery, type ReadScope, type WireRecord } from '../db/records.js';
import { Params as SqlParams } from '../db/params.js';
import { HttpError } from '../errors.js';
import { withoutOfficersFields } from '../policy/approvals.js';
import { readBody, readCondition, refusalReason, strongest, writeCondition, type NewValues, type Operation, type Person } from '../policy/index.js';


const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;
// As the data model accepts it: a date, or a date and time with an optional zone (none: UTC).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

type Params = { collection: string; id?: string };
type Query = Record<string, string | string[] | undefined>;

function collectionOf(name: string): RecordKind {
  if ((RECORD_KINDS as readonly string[]).includes(name)) return name as RecordKind;
  throw new HttpError(404, `There is no collection "${name.slice(0, 60)}". The collections are ${RECORD_KINDS.join(', ')}.`);
}

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new HttpError(400, `Give ${name} once, not ${value.length} times.`);
  if (value?.includes('\0')) throw new HttpError(400, `${name} must not contain a NUL character.`);
  return value;
}

/** The id in the address: PostgreSQL text never holds NUL, so no record has one. */
function idIn(params: Required<Params>, collection: RecordKind): string {
  if (params.id.includes('\0')) throw new HttpError(404, `There is no ${collection} record with that id.`);
  return params.id;
}

function whole(query: Query, name: string, fallback: number): number {
  const raw = single(query, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(400, `${name} must be a whole number of 0 or more, not "${raw.slice(0, 40)}".`);
  return Number(raw);
}

/** A checkpoint as the wire writes it (YYYY-MM-DDTHH:mm:ss.sssZ), or 400. */
function checkpoint(raw: string): string {
  const time = DATE_TIME.test(raw) ? Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw.slice(10)) || raw.length === 10 ? raw : `${raw}Z`) : NaN;
  if (Number.isNaN(time)) throw new HttpError(400, `updatedAt_gte must be a date and time like 2024-01-10T09:00:00.000Z, not "${raw.slice(0, 40)}".`);
  return new Date(time).toISOString();
}

function listQuery(query: Query): ListQuery {
  const sort = single(query, '_sort') ?? 'id';
  if (!['id', 'updatedAt', 'updatedAt,id'].includes(sort)) throw new HttpError(400, `_sort must be "updatedAt,id" or "id", not "${sort.slice(0, 40)}".`);
  const order = [...new Set((single(query, '_order') ?? 'asc').split(','))];
  if (order.length !== 1 || !['asc', 'desc'].includes(order[0]!)) throw new HttpError(400, '_order must be "asc" or "desc" (one for every _sort field).');
  const since = single(query, 'updatedAt_gte');
  const planId = single(query, 'planId');
  return {
    ...(planId === undefined ? {} : { planId }),
    ...(since === undefined ? {} : { updatedAtFrom: checkpoint(since) }),
    sort: sort === 'id' ? 'id' : 'updatedAt',
    descending: order[0] === 'desc',
    limit: Math.min(whole(query, '_limit', DEFAULT_LIMIT), MAX_LIMIT),
    start: whole(query, '_start', 0),
  };
}

/** The version in `If-Match: "3"` (428 without one, 400 when it is not a version). */
function ifMatch(request: FastifyRequest, required: boolean): number | undefined {
  const raw = request.headers['if-match'];
  if (raw === undefined) {
    if (required) throw new HttpError(428, 'Send If-Match: "{version}" with the version your change was made on.');
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!match) throw new HttpError(400, `If-Match must be a record version like "3", not ${JSON.stringify(raw.slice(0, 40))}.`);
  return Number(match[1]);
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The body must be one record: a JSON object.');
  // PostgreSQL text and jsonb cannot hold NUL: refuse it rather than fail.
  if (JSON.stringify(body).includes('\\u0000')) throw new HttpError(400, 'The record contains a NUL character (\\u0000), which cannot be stored: remove it.');
  return body as Record<string, unknown>;
}

/** The record as the data model reads it (defaults applied, unknown fields kept), or 422 with its problems. */
function validated(collection: RecordKind, input: Record<string, unknown>): WireRecord {
  // The server sets these: whatever the body says is ignored, so it cannot make the record invalid either.
  const { version: _v, updatedAt: _u, updatedBy: _b, ...fields } = input;
  const result = safeParseRecord(collection, fields);
  if (!result.ok) throw new HttpError(422, describeValidation(result.error, 'en-GB'), { issues: wordIssues(result.error.issues, 'en-GB') });
  return result.record as unknown as WireRecord;
}

/** Writes need a signed-in person (401 asks for sign-in), except with no sign-in at all (AP_AUTH=none). */
function signedIn(person: Person): void {
  if (!person.open && !person.identity) throw new HttpError(401, 'Sign in to change the plan.');
}

/** What `person` may read of `collection`. */
const scopeOf =
  (person: Person, collection: RecordKind): ReadScope =>
  (params) => ({ condition: readCondition(person, collection, params), body: readBody(person, collection, params) });

/** The person's strongest role in a plan, for a refusal's reason. */
async function roleIn(db: Queryable, person: Person, planId: unknown): Promise<Role | undefined> {
  if (person.admin) return 'officer';
  if (typeof planId !== 'string' || person.names.length === 0) return undefined;
  const { rows } = await db.query<{ role: Role }>('SELECT role FROM members WHERE plan_id = $1 AND NOT deleted AND member_user = ANY($2::text[])', [planId, person.names]);
  return strongest(rows.map((row) => row.role));
}

async function refused(db: Queryable, person: Person, collection: RecordKind, operation: Operation | 'move', stored: WireRecord | undefined, planId: unknown): Promise<HttpError> {
  return new HttpError(403, refusalReason(collection, operation, stored, await roleIn(db, person, planId)));
}

/**
 * Before the record's content is judged (403 before 422): 404 when the person may not see the stored
 * record, 403 when they may not make this change to it. The write's own statement checks again.
 */
async function mayChange(tx: Queryable, person: Person, collection: RecordKind, id: string, operation: 'update' | 'delete', input: NewValues): Promise<WireRecord> {
  const verdict = await judge(tx, collection, id, (params) => ({
    visible: readCondition(person, collection, params),
    allowed: writeCondition(person, collection, operation, input, params),
  }));
  if (!verdict?.visible) throw new HttpError(404, `There is no ${collection} record ${id}.`);
  if (verdict.allowed) return verdict.record;
  const inPlace = operation === 'update' && input.deleted !== true && (await judge(tx, collection, id, (params) => ({ may: writeCondition(person, collection, 'update', { ...verdict.record, deleted: false }, params) })))?.may;
  const officers = withoutOfficersFields(input, verdict.record);
  if (inPlace && (await judge(tx, collection, id, (params) => ({ may: writeCondition(person, collection, 'update', officers.record, params) })))?.may) throw new HttpError(403, officers.reason);
  throw await refused(tx, person, collection, inPlace ? 'move' : input.deleted === true ? 'delete' : operation, verdict.record, verdict.record.planId);
}

const sendJson = (reply: FastifyReply, status: number, json: string) => reply.code(status).type('application/json; charset=utf-8').send(json);

/** Checked before the content (403 before 422): the rules read the new record's plan, agency and priority. */
async function mayCreate(db: Queryable, person: Person, collection: RecordKind, input: NewValues): Promise<void> {
  const allowed = async (record: NewValues) => {
    const params = new SqlParams();
    const { rows } = await db.query<{ allowed: boolean }>(`SELECT (${writeCondition(person, collection, 'create', record, params)}) AS allowed`, params.values);
    return rows[0]?.allowed === true;
  };
  if (await allowed(input)) return;
  const officers = withoutOfficersFields(input, undefined);
  if (await allowed(officers.record)) throw new HttpError(403, officers.reason);
  throw await refused(db, person, collection, 'create', undefined, input.planId);
}

/** 412 with the stored record, for a write made on an older version. */
async function stale(tx: Queryable, collection: RecordKind, id: string, version: number): Promise<HttpError> {
  const current = JSON.parse((await read(tx, collection, id))!);
  return new HttpError(412, `The ${collection} record ${id} changed on the server: it is at version ${current.version}, your change was made on version ${version}.`, { current });
}

export function collectionRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: Params; Querystring: Query }>('/api/:collection', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const query = listQuery(request.query);
    return sendJson(reply, 200, await list(db, collection, query, scopeOf(request.person, collection)));
  });

  app.get<{ Params: Required<Params> }>('/api/:collection/:id', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const id = idIn(request.params, collection);
    const json = await read(db, collection, id, scopeOf(request.person, collection));
    if (json === undefined) throw new HttpError(404, `There is no ${collection} record ${id}.`);
    return sendJson(reply, 200, json);
  });

  app.post<{ Params: Params }>('/api/:collection', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const person = request.person;
    signedIn(person);
    const input = bodyObject(request.body);
    await mayCreate(db, person, collection, input);
    if (input.id === undefined || input.id === '') throw new HttpError(400, `A new ${collection} record needs its id (made by the client, so offline creation works).`);
    const record = validated(collection, input);
    const json = await db.transaction(async (tx) => {
      const updatedAt = await stamp(tx, record.planId);
      const created = stamped(person, { ...record, version: 1, updatedAt }, undefined);
      const inserted = await insert(tx, collection, created, (params) => writeCondition(person, collection, 'create', created, params));
      if (inserted === undefined) {
        const current = await read(tx, collection, record.id, scopeOf(person, collection));
        if (current === undefined && !(await read(tx, collection, record.id))) throw await refused(tx, person, collection, 'create', undefined, record.planId);
        throw new HttpError(409, `A ${collection} record with id ${record.id} already exists.`, current === undefined ? {} : { current: JSON.parse(current) });
      }
      if (writesHistory(person)) await writeHistory(tx, collection, undefined, created);
      // Whoever starts a plan (a roll-over included) becomes its officer.
      if (collection === 'plans' && person.identity) await addMember(tx, person, created, updatedAt);
      return inserted;
    });
    return sendJson(reply, 201, json);
  });

  app.put<{ Params: Required<Params> }>('/api/:collection/:id', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const person = request.person;
    if (collection === 'history') throw new HttpError(405, 'History is never edited: add a new entry instead.');
    signedIn(person);
    const id = idIn(request.params, collection);
    const version = ifMatch(request, true)!;
    const input = bodyObject(request.body);
    if (input.id !== undefined && input.id !== id) throw new HttpError(400, `The body's id ${JSON.stringify(input.id)} is not the id in the address (${id}).`);
    const json = await db.transaction(async (tx) => {
      const stored = await mayChange(tx, person, collection, id, 'update', input);
      return write(tx, person, collection, 'update', validated(collection, { ...input, id }), stored, version);
    });
    return sendJson(reply, 200, json);
  });

  app.delete<{ Params: Required<Params> }>('/api/:collection/:id', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const person = request.person;
    if (collection === 'history') throw new HttpError(405, 'History is never deleted.');
    signedIn(person);
    const id = idIn(request.params, collection);
    const expected = ifMatch(request, false);
    const json = await db.transaction(async (tx) => {
      const current = await mayChange(tx, person, collection, id, 'delete', { deleted: true });
      // A tombstone, so other clients learn of the deletion when they pull.
      return write(tx, person, collection, 'delete', { ...current, deleted: true }, current, expected ?? current.version);
    });
    return sendJson(reply, 200, json);
  });
}

/** Who the server writes into `updatedBy`: the signed-in person, never the body. */
const stampedBy = (person: Person) => person.identity?.name ?? '';

/** Stamps `record` and writes it over `version` of `stored` in one statement, with its history, or throws why it could not. */
async function write(tx: Queryable, person: Person, collection: RecordKind, operation: 'update' | 'delete', record: WireRecord, stored: WireRecord, version: number): Promise<string> {
  const updatedAt = await stamp(tx, record.planId);
  const changed = stamped(person, { ...record, version: version + 1, updatedAt }, stored);
  const replaced = await replace(tx, collection, changed, version, (params) => writeCondition(person, collection, operation, changed, params));
  if (replaced === undefined) throw await unmatched(tx, person, collection, record.id, version, changed);
  if (writesHistory(person)) await writeHistory(tx, collection, stored, changed);
  return replaced;
}

/** The server's who and when on a write; with no sign-in (AP_AUTH=none) the authors the client wrote stay, as before. */
const stamped = (person: Person, record: WireRecord, stored: WireRecord | undefined): WireRecord =>
  person.identity ? stampWho(record, stored, person.identity.name, requesterKey(person.identity), record.updatedAt) : { ...record, updatedBy: stampedBy(person) };

/** How a request names who asked: by email where sign-in gives one (a member who gets digests has one), else the user key. */
const requesterKey = (identity: NonNullable<Person['identity']>) => identity.email ?? identity.id;

/** With sign-in the endpoint writes the history; with none (AP_AUTH=none) the client still does, as before. */
const writesHistory = (person: Person) => !person.open;

/** The officer membership of whoever started `plan`, recorded in its history. */
async function addMember(tx: Queryable, person: Person, plan: WireRecord, updatedAt: string): Promise<void> {
  const { identity } = person;
  const member = {
    id: randomUUID(),
    planId: plan.id,
    user: identity!.id,
    role: 'officer',
    agencies: [],
    ...(identity!.email ? { email: identity!.email } : {}),
    reminders: true,
    version: 1,
    updatedAt,
    updatedBy: stampedBy(person),
    deleted: false,
  };
  await insert(tx, 'members', member);
  await writeHistory(tx, 'members', undefined, member);
}

/** Why a write on version `version` matched no row: 404, 403, 422 or 412 (a change between the check and the write). */
async function unmatched(tx: Queryable, person: Person, collection: RecordKind, id: string, version: number, record: WireRecord): Promise<HttpError> {
  const verdict = await judge(tx, collection, id, (params) => ({ allowed: writeCondition(person, collection, record.deleted ? 'delete' : 'update', record, params) }));
  if (!verdict) return new HttpError(404, `There is no ${collection} record ${id}: it may have been removed on the server.`);
  if (!verdict.allowed) return refused(tx, person, collection, record.deleted ? 'delete' : 'update', verdict.record, verdict.record.planId);
  const current = verdict.record;
  if (current.planId !== record.planId) return new HttpError(422, `A record never moves to another plan: ${id} belongs to plan ${current.planId}.`, { issues: [{ code: 'invalid', path: 'planId', message: `The plan must stay ${current.planId}.` }] });
  if (current.version !== version) return stale(tx, collection, id, version);
  return new HttpError(409, `The ${collection} record ${id} could not be saved: try again.`);
}
