// What survives: `kill -9` of the server during a burst of writes on PostgreSQL, a stop and restart of
// the embedded database, and (measured, stated in README) a `kill -9` of the embedded one.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { safeParseRecord } from '../../src/model/schemas.js';
import { DataDirInUseError, embeddedDb } from '../../server/db/embedded.js';
import { action, embeddedFolder as newEmbeddedFolder, freshDatabase, request, sleep, spawnServer, type ServerProcess } from './helpers.js';

const PLAN = 'plan-burst';

interface Acknowledged {
  /** Id to the title of the last write the server answered 2xx. */
  titles: Map<string, string>;
  versions: Map<string, number>;
}

/** Ten writers create and edit records until the server stops answering; what it acknowledged. */
async function burst(server: ServerProcess): Promise<Acknowledged> {
  const acknowledged: Acknowledged = { titles: new Map(), versions: new Map() };
  await Promise.all(
    Array.from({ length: 10 }, async (_, writer) => {
      for (let i = 0; ; i++) {
        const id = `w${writer}-${i}`;
        try {
          const created = await request(server.url, 'POST', '/api/actions', action(id, PLAN, { title: `Created ${id}`, description: 'd'.repeat(2000) }));
          if (created.status !== 201) throw new Error(`create answered ${created.status}`);
          acknowledged.titles.set(id, `Created ${id}`);
          acknowledged.versions.set(id, 1);
          const edited = await request(server.url, 'PUT', `/api/actions/${id}`, action(id, PLAN, { title: `Edited ${id}`, progress: 50 }), { 'If-Match': '"1"' });
          if (edited.status !== 200) throw new Error(`edit answered ${edited.status}`);
          acknowledged.titles.set(id, `Edited ${id}`);
          acknowledged.versions.set(id, 2);
        } catch (error) {
          if (error instanceof TypeError) return; // fetch failed: the server is gone
          throw error;
        }
      }
    }),
  );
  return acknowledged;
}

/** Kills the server with SIGKILL once it has acknowledged `writes` writes; what it acknowledged. */
async function killDuringBurst(server: ServerProcess, writes: number): Promise<Acknowledged> {
  const running = burst(server);
  while (server.lines.filter((line) => line.includes('"statusCode":20')).length < writes) await sleep(5);
  server.child.kill('SIGKILL');
  await server.exited;
  return running;
}

/** Which acknowledged writes the restarted server has, and whether every stored record is whole. */
async function check(server: ServerProcess, acknowledged: Acknowledged) {
  const stored = (await request(server.url, 'GET', `/api/actions?planId=${PLAN}&_limit=5000`)).body as Record<string, unknown>[];
  const byId = new Map(stored.map((record) => [record.id as string, record]));
  const lost = [...acknowledged.versions].filter(([id, version]) => {
    const record = byId.get(id);
    // A write may land without its answer arriving (version one higher): never lower.
    return !record || (record.version as number) < version || (record.version === version && record.title !== acknowledged.titles.get(id));
  });
  const broken = stored.filter((record) => !safeParseRecord('actions', record).ok || !(record.title as string).endsWith(record.id as string));
  return { acknowledged: acknowledged.versions.size, stored: stored.length, lost: lost.map(([id]) => id), broken: broken.map((record) => record.id) };
}

/** A server killed with SIGKILL during a burst of writes, then restarted on the same database: what it kept. */
async function killAndRestart(label: string, env: Record<string, string>) {
  const acknowledged = await killDuringBurst(await spawnServer(env), 300);
  const restarted = await spawnServer(env);
  const result = await check(restarted, acknowledged);
  restarted.child.kill('SIGTERM');
  assert.equal(await restarted.exited, 0);
  console.log(`${label} kill -9: ${JSON.stringify({ ...result, lost: result.lost.length, broken: result.broken.length })}`);
  return result;
}

describe('durability', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const embeddedFolder = async () => {
    const dir = await newEmbeddedFolder();
    folders.push(dir);
    return dir;
  };

  test('PostgreSQL: kill -9 of the server during a burst of writes loses no acknowledged write and leaves none half-written', async () => {
    const env = { DATABASE_URL: await freshDatabase() };
    const result = await killAndRestart('PostgreSQL', env);
    assert.ok(result.acknowledged >= 150);
    assert.deepEqual(result.lost, []);
    assert.deepEqual(result.broken, []);
  });

  test('embedded: data survives a stop (SIGTERM) and a restart', async () => {
    const env = { AP_DATA_DIR: await embeddedFolder() };
    const first = await spawnServer(env);
    const created = await request(first.url, 'POST', '/api/actions', action('kept-1', PLAN, { councilRef: 'R-1' }));
    assert.equal(created.status, 201);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    const second = await spawnServer(env);
    const stored = await request(second.url, 'GET', '/api/actions/kept-1');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
    assert.deepEqual(stored.body, created.body);
  });

  test('embedded: kill -9 during a burst of writes (measured; README states the result)', async () => {
    const env = { AP_DATA_DIR: await embeddedFolder() };
    const result = await killAndRestart('Embedded', env);
    assert.deepEqual(result.lost, []);
    assert.deepEqual(result.broken, []);
  });

  test('embedded: a second process is refused the data folder while a server holds it', async () => {
    const dir = await embeddedFolder();
    const server = await spawnServer({ AP_DATA_DIR: dir });
    await assert.rejects(embeddedDb(dir), (error: Error) => error instanceof DataDirInUseError && new RegExp(`in use by process ${server.child.pid}`).test(error.message));
    server.child.kill('SIGTERM');
    await server.exited;
    const db = await embeddedDb(dir);
    await db.close();
  });
});
