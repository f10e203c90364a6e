// Concurrency on our endpoint: one statement checks the version and writes (no lost update), and
// updatedAt follows commit order under a per-plan lock (a pull never skips a row that commits late).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { postgresDb } from '../../server/db/postgres.js';
import { insert, stamp } from '../../server/db/records.js';
import { action, freshDatabase, request, sleep, startServer, type Kind, type TestServer } from './helpers.js';

for (const kind of ['postgres', 'embedded'] as Kind[]) {
  describe(`concurrent writes on ${kind}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(kind);
    });
    after(() => server.close());

    test('20 concurrent PUTs of one record at the same version: exactly one 200 and 19 412s', async () => {
      await request(server.url, 'POST', '/api/actions', action('race-1', 'plan-race'));
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => request(server.url, 'PUT', '/api/actions/race-1', action('race-1', 'plan-race', { title: `Edit ${i}` }), { 'If-Match': '"1"' })),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      assert.deepEqual(statuses, [200, ...Array(19).fill(412)]);
      const winner = answers.find((answer) => answer.status === 200)!.body;
      const stored = (await request(server.url, 'GET', '/api/actions/race-1')).body;
      assert.equal(stored.version, 2, 'the version moved by one: no acknowledged edit vanished');
      assert.equal(stored.title, winner.title);
      for (const refused of answers.filter((answer) => answer.status === 412)) assert.equal(refused.body.current.version, 2);
    });

    test('20 concurrent POSTs of one id: one 201 and 19 409s', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request(server.url, 'POST', '/api/actions', action('twin-1', 'plan-race', { title: `Twin ${i}` }))));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, ...Array(19).fill(409)]);
    });
  });
}

describe('exact checkpoints on postgres', () => {
  let server: TestServer;
  let db: Db;
  before(async () => {
    server = await startServer('postgres');
    db = server.db;
  });
  after(async () => {
    await server.close();
  });

  /** A write the way the routes make it, holding its transaction open for `holdMs` before committing. */
  const slowCreate = (id: string, planId: string, holdMs: number) =>
    db.transaction(async (tx) => {
      const record = { ...action(id, planId), version: 1, updatedAt: await stamp(tx, planId), updatedBy: '', deleted: false };
      await insert(tx, 'actions', record);
      await sleep(holdMs);
      return record.updatedAt;
    });

  const pull = async (planId: string, since?: string) =>
    (await request(server.url, 'GET', `/api/actions?planId=${planId}&_sort=updatedAt,id&_order=asc,asc&_limit=5000${since ? `&updatedAt_gte=${encodeURIComponent(since)}` : ''}`)).body as { id: string; version: number; updatedAt: string }[];

  test('a writer holds its transaction open for seconds while another commits: a pull after both sees every row once', async () => {
    const planId = 'plan-held';
    const held = slowCreate('held-1', planId, 2000);
    await sleep(300);
    const quick = request(server.url, 'POST', '/api/actions', action('quick-1', planId));
    await sleep(500);
    // Before: the quick write waits for the plan's clock, so a pull now sees neither.
    const during = await pull(planId);
    assert.deepEqual(during, []);
    const [heldAt, quickAnswer] = await Promise.all([held, quick]);
    assert.equal(quickAnswer.status, 201);
    assert.ok(quickAnswer.body.updatedAt > heldAt, 'the write that committed later has the later updatedAt');
    const afterBoth = await pull(planId);
    assert.deepEqual(afterBoth.map((record) => record.id), ['held-1', 'quick-1']);
  });

  test('a client pulling with no overlap while writers hold transactions open misses no row', async () => {
    const planId = 'plan-busy';
    let writing = true;
    const seen = new Set<string>();
    let checkpoint: string | undefined;
    const poll = async () => {
      for (const record of await pull(planId, checkpoint)) {
        seen.add(record.id);
        checkpoint = record.updatedAt;
      }
    };
    const poller = (async () => {
      while (writing) {
        await poll();
        await sleep(15);
      }
    })();
    await Promise.all(
      Array.from({ length: 6 }, async (_, writer) => {
        for (let i = 0; i < 8; i++) {
          const id = `busy-${writer}-${i}`;
          if (i % 2 === 0) await slowCreate(id, planId, Math.random() * 250);
          else assert.equal((await request(server.url, 'POST', '/api/actions', action(id, planId))).status, 201);
        }
      }),
    );
    writing = false;
    await poller;
    await poll();
    const stored = await pull(planId);
    assert.equal(stored.length, 48);
    assert.deepEqual([...seen.keys()].sort(), stored.map((record) => record.id).sort(), 'every committed row reached the client');
  });

  test('two instances starting together migrate once', async () => {
    const fresh = await freshDatabase();
    // freshDatabase is migrated already: empty it back to nothing but the migrations table's absence.
    const first = postgresDb(fresh);
    await first.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const second = postgresDb(fresh);
    const [a, b] = await Promise.all([migrate(first), migrate(second)]);
    const all = readdirSync(new URL('../../server/db/migrations/', import.meta.url)).filter((name) => name.endsWith('.sql')).sort();
    assert.deepEqual([...a, ...b].sort(), all);
    const { rows } = await first.query<{ count: string }>('SELECT count(*) FROM migrations');
    assert.equal(Number(rows[0]!.count), all.length);
    await Promise.all([first.close(), second.close()]);
  });
});
