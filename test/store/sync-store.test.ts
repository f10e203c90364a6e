import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { ActionPlanStore, DB_VERSION } from '../../src/store/index.js';
import { actionInput, createV1, freshName, PLAN } from '../helpers.js';

const by = { by: 'Officer' };
const pulled = (id: string, fields: Record<string, unknown> = {}) => ({ ...actionInput({ id }), version: 1, updatedAt: '2024-01-10T09:00:00.000Z', updatedBy: 'Server', ...fields });

describe('ActionPlanStore: what sync needs', () => {
  const open: ActionPlanStore[] = [];
  const store = async (name = freshName('sync-store')) => {
    const opened = await ActionPlanStore.open(name);
    open.push(opened);
    return opened;
  };
  afterEach(() => open.splice(0).forEach((s) => s.close()));

  it('migrates a release-1 database through to 3, keeping its records, with conflict and dead-letter stores', async () => {
    const name = freshName('v1');
    (await createV1(name)).close();
    const s = await store(name);
    expect(await s.get('actions', 'old-1')).to.include({ title: 'Kept from v1', version: 0 });
    expect(await s.conflicts()).to.deep.equal([]);
    expect(await s.deadLetters()).to.deep.equal([]);
    const raw = await openDB(name);
    expect([raw.version, [...raw.objectStoreNames].includes('conflicts'), [...raw.objectStoreNames].includes('deadLetters')]).to.deep.equal([DB_VERSION, true, true]);
    raw.close();
  });

  it('upgrades a database left at version 2 without touching its outbox', async () => {
    const name = freshName('v2raw');
    const db = await openDB(name, 2, {
      upgrade(db) {
        for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history']) {
          const records = db.createObjectStore(collection, { keyPath: 'id' });
          for (const index of ['planId', 'updatedAt', 'priorityId', 'status', 'auditId', 'recordId']) records.createIndex(index, index);
        }
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('recordId', 'recordId');
        db.createObjectStore('meta');
        db.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true }).createIndex('collection', 'collection');
      },
    });
    await db.add('outbox', { collection: 'actions', recordId: 'a-1', op: 'create', baseVersion: 0, record: actionInput({ id: 'a-1' }), at: '2024-01-10T09:00:00.000Z', by: 'Officer' });
    db.close();
    const s = await store(name);
    expect((await s.outbox()).map((entry) => entry.recordId)).to.deep.equal(['a-1']);
    expect(await s.deadLetters()).to.deep.equal([]);
  });

  it('confirming a push writes the server record, or moves later edits onto its version', async () => {
    const s = await store();
    await s.applyPulled('actions', [pulled('a-1')]);
    await s.put('actions', { ...(await s.get('actions', 'a-1'))!, progress: 10 }, by);
    const [first] = (await s.outbox()).filter((entry) => entry.collection === 'actions');
    await s.put('actions', { ...(await s.get('actions', 'a-1'))!, progress: 20 }, by);
    await s.confirmPushed('actions', [first!.seq!], { ...first!.record, progress: 10, version: 2 } as never);
    const [later] = (await s.outbox()).filter((entry) => entry.collection === 'actions');
    expect(later).to.include({ baseVersion: 2, op: 'update' });
    expect(await s.get('actions', 'a-1')).to.include({ progress: 20, version: 2 });
    expect(await s.base('actions', 'a-1')).to.include({ progress: 10, version: 2 });

    await s.confirmPushed('actions', [later!.seq!], { ...later!.record, version: 3 } as never);
    expect(await s.get('actions', 'a-1')).to.include({ progress: 20, version: 3 });
    expect(await s.base('actions', 'a-1'), 'nothing pending: no base copy').to.equal(undefined);
  });

  it('a rebase refuses (changing nothing) when another edit arrived meanwhile', async () => {
    const s = await store();
    await s.applyPulled('actions', [pulled('a-1')]);
    await s.put('actions', { ...(await s.get('actions', 'a-1'))!, progress: 10 }, by);
    const seqs = (await s.outbox()).filter((entry) => entry.collection === 'actions').map((entry) => entry.seq!);
    await s.put('actions', { ...(await s.get('actions', 'a-1'))!, progress: 20 }, by);
    const theirs = pulled('a-1', { version: 2, title: 'Server title' }) as never;
    expect(await s.rebase('actions', 'a-1', seqs, { ...(await s.get('actions', 'a-1'))!, title: 'Server title' }, theirs, by)).to.equal(false);
    expect((await s.get('actions', 'a-1'))?.progress).to.equal(20);
    const all = (await s.outbox()).filter((entry) => entry.collection === 'actions').map((entry) => entry.seq!);
    expect(await s.rebase('actions', 'a-1', all, { ...(await s.get('actions', 'a-1'))!, title: 'Server title' }, theirs, by)).to.equal(true);
    const [entry] = (await s.outbox()).filter((e) => e.collection === 'actions');
    expect(entry).to.include({ baseVersion: 2, op: 'update' });
    expect(entry!.record).to.include({ progress: 20, title: 'Server title' });
    expect((await s.query('actions', { value: PLAN }))[0]).to.include({ version: 2 });
  });
});
