import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../../src/store/index.js';
import { COLLECTIONS } from '../../src/model/index.js';
import { exportPlan, loadSnapshot, parseSnapshot, publishSnapshot, SnapshotError, type Snapshot } from '../../src/io/index.js';
import { caught, freshName } from '../helpers.js';

const PLAN_ID = 'castle-point-rochford-2023-24';
type Db = Record<(typeof COLLECTIONS)[number], Record<string, any>[]>;

let sample: Db;
const stores: ActionPlanStore[] = [];
async function openStore() {
  const store = await ActionPlanStore.open(freshName('io'));
  stores.push(store);
  return store;
}
async function sampleStore() {
  const store = await openStore();
  for (const collection of COLLECTIONS) await store.applyPulled(collection, sample[collection] ?? []);
  return store;
}

before(async () => {
  sample = await (await fetch('/demo/data/db.json')).json();
});
after(() => stores.forEach((store) => store.close()));

describe('JSON export and import', () => {
  it('exports the whole plan, history included, and re-imports to the same data', async () => {
    const store = await sampleStore();
    await store.put('actions', { ...sample.actions.find((a) => a.planId === PLAN_ID)!, deleted: true } as never, { by: 'Officer' });
    const exported = await exportPlan(store, PLAN_ID, '2024-01-15', new Date('2024-01-15T09:00:00Z'));
    expect(exported).to.include({ format: 'action-plan-snapshot', formatVersion: 1, asOf: '2024-01-15', exportedAt: '2024-01-15T09:00:00.000Z' });
    expect(exported.actions.length).to.equal(sample.actions.filter((a) => a.planId === PLAN_ID).length);
    expect(exported.history!.length).to.be.greaterThan(0);
    expect(exported.actions.some((a) => a.deleted)).to.equal(true);

    const copy = await openStore();
    await loadSnapshot(copy, parseSnapshot(JSON.stringify(exported)));
    expect(await exportPlan(copy, PLAN_ID, '2024-01-15', new Date('2024-01-15T09:00:00Z'))).to.deep.equal(exported);
    expect(await copy.pendingCount()).to.equal(0);
  });

  it('rejects a file that is not a snapshot, or one with bad records, importing nothing', async () => {
    expect(await caught(Promise.resolve().then(() => parseSnapshot('{not json')))).to.be.instanceOf(SnapshotError);
    expect(() => parseSnapshot({ plans: [] })).to.throw(SnapshotError, 'not an action plan snapshot');
    const store = await sampleStore();
    const exported = await exportPlan(store, PLAN_ID, '2024-01-15');
    const bad = JSON.parse(JSON.stringify(exported)) as Snapshot;
    (bad.actions[2] as { progress: number }).progress = 150;
    const error = (await caught(Promise.resolve().then(() => parseSnapshot(bad)))) as SnapshotError;
    expect(error.issues).to.deep.equal([{ collection: 'actions', recordId: bad.actions[2].id, message: 'The action is not valid: Progress must be a whole number from 0 to 100.' }]);
  });

  it('names a plan that is not in the store', async () => {
    const error = await caught(exportPlan(await openStore(), 'no-such-plan', '2024-01-15'));
    expect((error as Error).message).to.equal('There is no plan "no-such-plan" in this browser\'s storage to export.');
  });
});

describe('Publish export', () => {
  it('holds public actions only, with no owner names, update texts, reasons or non-public funding', async () => {
    const full = await exportPlan(await sampleStore(), PLAN_ID, '2024-01-15');
    const published = publishSnapshot(full);
    const text = JSON.stringify(published);
    const actions = full.actions;
    expect(published.actions.map((a) => a.id)).to.deep.equal(actions.filter((a) => a.public && !a.deleted).map((a) => a.id));
    expect(published.actions.length).to.be.lessThan(actions.length);
    expect(published).not.to.have.property('history');

    const secrets = [
      ...actions.flatMap((a) => [a.owner, a.updatedBy, ...a.updates.flatMap((u) => [u.text, u.by]), ...a.revisions.map((r) => r.reason), a.ragOverride?.reason]),
      ...full.recommendations.flatMap((r) => [r.owner, r.updatedBy, r.reason, ...r.evidence.map((e) => e.url)]),
      ...full.priorities.map((p) => p.updatedBy),
      ...actions.filter((a) => !a.public).map((a) => a.title),
    ].filter((secret): secret is string => !!secret && secret.length > 2);
    expect(secrets.length).to.be.greaterThan(50);
    expect(actions.filter((a) => !a.public)).to.have.length(3);
    for (const secret of new Set(secrets)) expect(text, secret).not.to.include(JSON.stringify(secret).slice(1, -1));

    const hiddenFunding = actions.filter((a) => a.public && a.funding && !a.funding.public);
    expect(hiddenFunding).to.have.length(1);
    for (const action of hiddenFunding) expect(published.actions.find((a) => a.id === action.id)).not.to.have.property('funding');
    expect(published.actions.filter((a) => a.funding).length).to.equal(actions.filter((a) => a.public && a.funding?.public).length);
  });

  it('leaves out a restricted action even when it is marked public', async () => {
    const full = await exportPlan(await sampleStore(), PLAN_ID, '2024-01-15');
    const restricted = full.actions.find((a) => a.public && !a.deleted)!;
    const published = publishSnapshot({ ...full, actions: full.actions.map((a) => (a.id === restricted.id ? { ...a, visibility: 'restricted' as const } : a)) });
    expect(published.actions.map((a) => a.id)).not.to.include(restricted.id);
    expect(published.actions).to.have.length(full.actions.filter((a) => a.public && !a.deleted).length - 1);
  });

  it('loads as a valid snapshot, with recommendations linking only to public actions', async () => {
    const published = publishSnapshot(await exportPlan(await sampleStore(), PLAN_ID, '2024-01-15'));
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(published)));
    const ids = new Set(parsed.actions.map((a) => a.id));
    expect(parsed.recommendations).to.have.length(7);
    expect(parsed.recommendations.every((r) => r.linkedActionIds.every((id) => ids.has(id)))).to.equal(true);
  });
});
