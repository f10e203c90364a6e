// The sync protocol (CONTRACT.md "Sync" and "Our endpoint") for every collection, under /api.
// Thin: parse and check the request, call the records' SQL in one transaction, answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COLLECTIONS, safeParseRecord, type Collection } from '../../src/model/schemas.js';
import type { Identity } from '../auth/index.js';
import type { Db, Queryable } from '../db/db.js';
import { header, insert, list, read, replace, stamp, type ListQuery, type WireRecord } from '../db/records.js';
import { HttpError } from '../errors.js';
import { readCondition, refusal, writeCondition, type Operation } from '../policy/index.js';

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;
// As the data model accepts it: a date, or a date and time with an optional zone (none: UTC).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

type Params = { collection: string; id?: string };
type Query = Record<string, string | string[] | undefined>;

function collectionOf(name: string): Collection {
  if ((COLLECTIONS as readonly string[]).includes(name)) return name as Collection;
  throw new HttpError(404, `There is no collection "${name.slice(0, 60)}". The collections are ${COLLECTIONS.join(', ')}.`);
}

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new HttpError(400, `Give ${name} once, not ${value.length} times.`);
  return value;
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
  return body as Record<string, unknown>;
}

/** The record as the data model reads it (defaults applied, unknown fields kept), or 422 with its problems. */
function validated(collection: Collection, input: Record<string, unknown>): WireRecord {
  // The server sets these: whatever the body says is ignored, so it cannot make the record invalid either.
  const { version: _v, updatedAt: _u, updatedBy: _b, ...fields } = input;
  const result = safeParseRecord(collection, fields);
  if (!result.ok) throw new HttpError(422, result.error.message, { issues: result.error.issues });
  return result.record as unknown as WireRecord;
}

function refuseUnless(identity: Identity | undefined, collection: Collection, operation: Operation): void {
  const reason = refusal(identity, collection, operation);
  if (reason) throw new HttpError(403, reason);
}

const sendJson = (reply: FastifyReply, status: number, json: string) => reply.code(status).type('application/json; charset=utf-8').send(json);

/** 412 with the stored record, for a write made on an older version. */
async function stale(tx: Queryable, collection: Collection, id: string, version: number): Promise<HttpError> {
  const current = JSON.parse((await read(tx, collection, id))!);
  return new HttpError(412, `The ${collection} record ${id} changed on the server: it is at version ${current.version}, your change was made on version ${version}.`, { current });
}

/** Who the server writes into `updatedBy`: the signed-in person, never the body. */
const stampedBy = (request: FastifyRequest) => request.identity?.name ?? '';

export function collectionRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: Params; Querystring: Query }>('/api/:collection', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const query = listQuery(request.query);
    return sendJson(reply, 200, await list(db, collection, query, (params) => readCondition(request.identity, collection, params)));
  });

  app.get<{ Params: Required<Params> }>('/api/:collection/:id', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const json = await read(db, collection, request.params.id, (params) => readCondition(request.identity, collection, params));
    if (json === undefined) throw new HttpError(404, `There is no ${collection} record ${request.params.id}.`);
    return sendJson(reply, 200, json);
  });

  app.post<{ Params: Params }>('/api/:collection', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    refuseUnless(request.identity, collection, 'create');
    const input = bodyObject(request.body);
    if (input.id === undefined || input.id === '') throw new HttpError(400, `A new ${collection} record needs its id (made by the client, so offline creation works).`);
    const record = validated(collection, input);
    const json = await db.transaction(async (tx) => {
      const created = { ...record, version: 1, updatedAt: await stamp(tx, record.planId), updatedBy: stampedBy(request) };
      const inserted = await insert(tx, collection, created, (params) => writeCondition(request.identity, collection, 'create', params));
      if (inserted !== undefined) return inserted;
      const current = await read(tx, collection, record.id);
      if (current === undefined) throw new HttpError(403, `You may not create this ${collection} record.`);
      throw new HttpError(409, `A ${collection} record with id ${record.id} already exists.`, { current: JSON.parse(current) });
    });
    return sendJson(reply, 201, json);
  });

  app.put<{ Params: Required<Params> }>('/api/:collection/:id', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const { id } = request.params;
    if (collection === 'history') throw new HttpError(405, 'History is never edited: add a new entry instead.');
    refuseUnless(request.identity, collection, 'update');
    const version = ifMatch(request, true)!;
    const input = bodyObject(request.body);
    if (input.id !== undefined && input.id !== id) throw new HttpError(400, `The body's id ${JSON.stringify(input.id)} is not the id in the address (${id}).`);
    const record = validated(collection, { ...input, id });
    const json = await db.transaction((tx) => write(tx, request, collection, 'update', record, version));
    return sendJson(reply, 200, json);
  });

  app.delete<{ Params: Required<Params> }>('/api/:collection/:id', async (request, reply) => {
    const collection = collectionOf(request.params.collection);
    const { id } = request.params;
    if (collection === 'history') throw new HttpError(405, 'History is never deleted.');
    refuseUnless(request.identity, collection, 'delete');
    const expected = ifMatch(request, false);
    const json = await db.transaction(async (tx) => {
      const stored = await read(tx, collection, id);
      if (stored === undefined) throw new HttpError(404, `There is no ${collection} record ${id}.`);
      const current = JSON.parse(stored) as WireRecord;
      const version = expected ?? current.version;
      // A tombstone, so other clients learn of the deletion when they pull.
      return write(tx, request, collection, 'delete', { ...current, deleted: true }, version);
    });
    return sendJson(reply, 200, json);
  });
}

/** Stamps `record` and writes it over `version` in one statement, or throws why it could not. */
async function write(tx: Queryable, request: FastifyRequest, collection: Collection, operation: Operation, record: WireRecord, version: number): Promise<string> {
  const stamped = { ...record, version: version + 1, updatedAt: await stamp(tx, record.planId), updatedBy: stampedBy(request) };
  const replaced = await replace(tx, collection, stamped, version, (params) => writeCondition(request.identity, collection, operation, params));
  if (replaced !== undefined) return replaced;
  throw await unmatched(tx, collection, record.id, version, record.planId);
}

/** Why a write on version `version` of plan `planId` matched no row: 404, 422, 412 or 403. */
async function unmatched(tx: Queryable, collection: Collection, id: string, version: number, planId: string): Promise<HttpError> {
  const current = await header(tx, collection, id);
  if (!current) return new HttpError(404, `There is no ${collection} record ${id}: it may have been removed on the server.`);
  if (current.planId !== planId) return new HttpError(422, `A record never moves to another plan: ${id} belongs to plan ${current.planId}.`, { issues: [{ code: 'invalid', path: 'planId', message: `The plan must stay ${current.planId}.` }] });
  if (current.version !== version) return stale(tx, collection, id, version);
  return new HttpError(403, `You may not change this ${collection} record.`);
}
