// The sync protocol of our endpoint (CONTRACT.md "Our endpoint"), over real HTTP, on PostgreSQL and
// on the embedded database alike: what it answers and every request it must refuse.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadRecords } from '../../server/db/load.js';
import { action, ISO_MS, request, startServer, type Kind, type TestServer } from './helpers.js';

for (const kind of ['postgres', 'embedded'] as Kind[]) {
  describe(`the protocol on ${kind}`, () => {
    let server: TestServer;
    let plans = 0;
    // Each test its own plan, so tests share one server.
    const newPlan = () => `plan-${++plans}`;
    const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => request(server.url, method, path, body, headers);

    before(async () => {
      server = await startServer(kind, { bodyLimit: 64 * 1024 });
    });
    after(() => server.close());

    test('POST creates at version 1, stamped by the server; unknown fields round-trip', async () => {
      const planId = newPlan();
      const created = await call('POST', '/api/actions', action('a-1', planId, { version: 7, updatedAt: '1999-01-01T00:00:00.000Z', updatedBy: 'Mallory', councilRef: { code: 'CSP-7' } }));
      assert.equal(created.status, 201);
      assert.equal(created.body.version, 1);
      assert.match(created.body.updatedAt, ISO_MS);
      assert.ok(Date.now() - Date.parse(created.body.updatedAt) < 60_000, 'updatedAt is now, not the body’s');
      assert.equal(created.body.updatedBy, '', 'signed out: the body’s updatedBy is not taken');
      const read = await call('GET', '/api/actions/a-1');
      assert.deepEqual(read.body.councilRef, { code: 'CSP-7' });
      assert.equal(read.body.status, 'not-started', 'defaults of the data model are applied');
    });

    test('POST refuses a record without an id (400), a duplicate id (409 with the current record) and an invalid record (422 with its issues)', async () => {
      const planId = newPlan();
      const missing = await call('POST', '/api/actions', { planId, priorityId: 'p-1', title: 'No id' });
      assert.equal(missing.status, 400);
      assert.match(missing.body.error, /needs its id/);
      await call('POST', '/api/actions', action('dup-1', planId, { title: 'First' }));
      const duplicate = await call('POST', '/api/actions', action('dup-1', planId, { title: 'Second' }));
      assert.equal(duplicate.status, 409);
      assert.match(duplicate.body.error, /already exists/);
      assert.equal(duplicate.body.current.title, 'First');
      const invalid = await call('POST', '/api/actions', action('bad-1', planId, { progress: 150, status: 'done' }));
      assert.equal(invalid.status, 422);
      assert.deepEqual(invalid.body.issues.map((issue: { path: string }) => issue.path).sort(), ['progress', 'status']);
      assert.equal((await call('GET', '/api/actions/bad-1')).status, 404, 'nothing of the invalid record was kept');
    });

    test('a body that is not JSON is 415, malformed JSON 400, not one object 400, over the limit 413', async () => {
      const planId = newPlan();
      const text = await call('POST', '/api/actions', 'id=a', { 'Content-Type': 'text/plain' });
      assert.equal(text.status, 415);
      assert.match(text.body.error, /Content-Type: application\/json/);
      const malformed = await call('POST', '/api/actions', '{"id": "a-', { 'Content-Type': 'application/json' });
      assert.equal(malformed.status, 400);
      assert.match(malformed.body.error, /not valid JSON/);
      const list = await call('POST', '/api/actions', [action('l-1', planId)]);
      assert.equal(list.status, 400);
      assert.match(list.body.error, /one record/);
      const big = await call('POST', '/api/actions', action('big-1', planId, { description: 'x'.repeat(70 * 1024) }));
      assert.equal(big.status, 413);
      assert.match(big.body.error, /larger than this endpoint takes/);
    });

    test('PUT needs If-Match (428), a version in it (400), the current version (412 with the record) and a known id (404)', async () => {
      const planId = newPlan();
      await call('POST', '/api/actions', action('u-1', planId));
      const none = await call('PUT', '/api/actions/u-1', action('u-1', planId, { title: 'Edit' }));
      assert.equal(none.status, 428);
      assert.match(none.body.error, /If-Match/);
      const malformed = await call('PUT', '/api/actions/u-1', action('u-1', planId), { 'If-Match': 'yesterday' });
      assert.equal(malformed.status, 400);
      assert.match(malformed.body.error, /If-Match must be a record version/);
      const ok = await call('PUT', '/api/actions/u-1', action('u-1', planId, { title: 'Edit' }), { 'If-Match': '"1"' });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.version, 2);
      const stale = await call('PUT', '/api/actions/u-1', action('u-1', planId, { title: 'Late edit' }), { 'If-Match': '"1"' });
      assert.equal(stale.status, 412);
      assert.match(stale.body.error, /version 2/);
      assert.equal(stale.body.current.title, 'Edit');
      const unknown = await call('PUT', '/api/actions/nobody', action('nobody', planId), { 'If-Match': '"1"' });
      assert.equal(unknown.status, 404);
      assert.equal((await call('GET', '/api/actions/nobody')).status, 404, 'a PUT never creates');
    });

    test('PUT refuses another id in the body (400), a move to another plan (422) and an invalid record (422); it ignores version, updatedAt and updatedBy', async () => {
      const planId = newPlan();
      await call('POST', '/api/actions', action('m-1', planId));
      const otherId = await call('PUT', '/api/actions/m-1', action('m-2', planId), { 'If-Match': '"1"' });
      assert.equal(otherId.status, 400);
      assert.match(otherId.body.error, /not the id in the address/);
      const moved = await call('PUT', '/api/actions/m-1', action('m-1', 'another-plan'), { 'If-Match': '"1"' });
      assert.equal(moved.status, 422);
      assert.match(moved.body.error, /never moves to another plan/);
      const invalid = await call('PUT', '/api/actions/m-1', action('m-1', planId, { targetDate: '2024-02-30' }), { 'If-Match': '"1"' });
      assert.equal(invalid.status, 422);
      assert.equal(invalid.body.issues[0].path, 'targetDate');
      const ok = await call('PUT', '/api/actions/m-1', action('m-1', planId, { version: 99, updatedAt: 'not a date', updatedBy: 'Mallory' }), { 'If-Match': '"1"' });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.version, 2);
      assert.match(ok.body.updatedAt, ISO_MS);
      assert.equal(ok.body.updatedBy, '');
      const stored = await call('GET', '/api/actions/m-1');
      assert.equal(stored.body.planId, planId);
      assert.equal(stored.body.version, 2);
    });

    test('DELETE leaves a tombstone that pulls return; history is create-only (405)', async () => {
      const planId = newPlan();
      await call('POST', '/api/actions', action('d-1', planId));
      const deleted = await call('DELETE', '/api/actions/d-1');
      assert.equal(deleted.status, 200);
      assert.equal(deleted.body.deleted, true);
      assert.equal(deleted.body.version, 2);
      const pulled = await call('GET', `/api/actions?planId=${planId}`);
      assert.deepEqual(pulled.body.map((record: { id: string; deleted: boolean }) => [record.id, record.deleted]), [['d-1', true]]);
      assert.equal((await call('DELETE', '/api/actions/d-404')).status, 404);
      const entry = { id: 'h-1', planId, recordId: 'd-1', collection: 'actions', at: '2024-01-10T09:00:00.000Z', by: 'Officer', changes: [] };
      assert.equal((await call('POST', '/api/history', entry)).status, 201);
      const put = await call('PUT', '/api/history/h-1', entry, { 'If-Match': '"1"' });
      assert.equal(put.status, 405);
      assert.match(put.body.error, /never edited/);
      assert.equal((await call('DELETE', '/api/history/h-1')).status, 405);
    });

    test('a PUT with deleted: true is a tombstone too', async () => {
      const planId = newPlan();
      await call('POST', '/api/actions', action('t-1', planId));
      const tombstone = await call('PUT', '/api/actions/t-1', action('t-1', planId, { deleted: true }), { 'If-Match': '"1"' });
      assert.equal(tombstone.body.deleted, true);
      assert.equal((await call('GET', '/api/actions/t-1')).body.deleted, true);
    });

    test('GET pulls by plan and checkpoint in (updatedAt, id) order, pages with _limit and _start', async () => {
      const planId = newPlan();
      const ids = ['c', 'a', 'b', 'e', 'd'];
      for (const id of ids) await call('POST', '/api/actions', action(`${planId}-${id}`, planId));
      await call('POST', '/api/actions', action(`${planId}-other`, newPlan()));
      const all = await call('GET', `/api/actions?planId=${planId}&_sort=updatedAt,id&_order=asc,asc`);
      assert.deepEqual(all.body.map((record: { id: string }) => record.id), ids.map((id) => `${planId}-${id}`), 'in the order they were written');
      const stamps = all.body.map((record: { updatedAt: string }) => record.updatedAt);
      assert.deepEqual([...stamps].sort(), stamps);
      assert.equal(new Set(stamps).size, stamps.length, 'each write of a plan has its own stamp');
      const since = await call('GET', `/api/actions?planId=${planId}&updatedAt_gte=${encodeURIComponent(stamps[3])}&_sort=updatedAt,id&_order=asc,asc`);
      assert.deepEqual(since.body.map((record: { id: string }) => record.id), [`${planId}-e`, `${planId}-d`]);
      const page = await call('GET', `/api/actions?planId=${planId}&_sort=updatedAt,id&_order=asc,asc&_start=1&_limit=2`);
      assert.deepEqual(page.body.map((record: { id: string }) => record.id), [`${planId}-a`, `${planId}-b`]);
      const byId = await call('GET', `/api/actions?planId=${planId}&_sort=id&_order=desc`);
      assert.deepEqual(byId.body.map((record: { id: string }) => record.id.slice(-1)), ['e', 'd', 'c', 'b', 'a']);
      const everyPlan = await call('GET', '/api/actions');
      assert.ok(everyPlan.body.some((record: { planId: string }) => record.planId !== planId), 'without planId: every plan');
    });

    test('ids are ordered byte-wise, as the client sorts them', async () => {
      const planId = newPlan();
      const ids = ['b', 'B', 'a', '_', 'é', 'Z', '10', '9'];
      for (const id of ids) await call('POST', '/api/priorities', { id: `${planId}/${id}`, planId, title: id });
      const pulled = await call('GET', `/api/priorities?planId=${planId}&_sort=id`);
      const expected = ids.map((id) => `${planId}/${id}`).sort();
      assert.deepEqual(pulled.body.map((record: { id: string }) => record.id), expected);
      assert.equal((await call('GET', `/api/priorities/${encodeURIComponent(`${planId}/é`)}`)).body.title, 'é');
    });

    test('bad query values are 400 with the parameter named; an unknown collection is 404 naming the collections', async () => {
      for (const [query, named] of [
        ['updatedAt_gte=yesterday', /updatedAt_gte/],
        ['updatedAt_gte=2024-13-45T00:00:00Z', /updatedAt_gte/],
        ['_limit=-1', /_limit/],
        ['_limit=ten', /_limit/],
        ['_start=1.5', /_start/],
        ['_sort=title', /_sort/],
        ['_order=up', /_order/],
        ['planId=a&planId=b', /planId once/],
      ] as const) {
        const answer = await call('GET', `/api/actions?${query}`);
        assert.equal(answer.status, 400, query);
        assert.match(answer.body.error, named, query);
      }
      const unknown = await call('GET', '/api/tasks');
      assert.equal(unknown.status, 404);
      assert.match(unknown.body.error, /plans, priorities, actions, audits, recommendations, history/);
      assert.equal((await call('POST', '/api/tasks', { id: 'x' })).status, 404);
    });

    test('a checkpoint in another zone or without milliseconds is read as the same instant', async () => {
      const planId = newPlan();
      const created = await call('POST', '/api/actions', action(`${planId}-z`, planId));
      const instant = new Date(Date.parse(created.body.updatedAt) - 1000);
      const local = `${instant.toISOString().slice(0, 19)}+00:00`;
      const pulled = await call('GET', `/api/actions?planId=${planId}&updatedAt_gte=${encodeURIComponent(local)}`);
      assert.deepEqual(pulled.body.map((record: { id: string }) => record.id), [`${planId}-z`]);
    });

    test('loading a file keeps versions, stamps updatedAt now (normalised) and skips ids already there', async () => {
      const planId = newPlan();
      const data = { actions: [action(`${planId}-i1`, planId, { version: 4, updatedAt: '2024-01-10T10:00:00+01:00' }), action(`${planId}-i2`, planId, { progress: 101 })] };
      const first = await loadRecords(server.db, data);
      assert.deepEqual([first.loaded, first.skipped, first.quarantined.map((q) => q.id)], [1, 0, [`${planId}-i2`]]);
      const stored = (await call('GET', `/api/actions/${planId}-i1`)).body;
      assert.equal(stored.version, 4);
      assert.match(stored.updatedAt, ISO_MS);
      assert.ok(Date.parse(stored.updatedAt) > Date.parse('2025-01-01'), 'stamped now');
      const second = await loadRecords(server.db, data);
      assert.deepEqual([second.loaded, second.skipped], [0, 1]);
    });

    test('GET /health answers while the database does', async () => {
      const health = await call('GET', '/health');
      assert.equal(health.status, 200);
      assert.equal(health.body.database, kind);
    });
  });
}

describe('page sizes on postgres', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer('postgres');
  });
  after(() => server.close());

  test('_limit defaults to 1,000 and is capped at 5,000', async () => {
    const planId = 'big-plan';
    await loadRecords(server.db, { actions: Array.from({ length: 5_001 }, (_, i) => action(`big-${String(i).padStart(5, '0')}`, planId)) });
    const byDefault = await request(server.url, 'GET', `/api/actions?planId=${planId}`);
    assert.equal(byDefault.body.length, 1_000);
    const capped = await request(server.url, 'GET', `/api/actions?planId=${planId}&_limit=100000`);
    assert.equal(capped.body.length, 5_000);
  });
});
