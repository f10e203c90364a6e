import { expect } from '@open-wc/testing';
import { mergeRecords } from '../../src/sync/index.js';
import { backoffDelay, retryAfterMs } from '../../src/sync/index.js';
import { parseRecord, type Action } from '../../src/model/index.js';
import { actionInput } from '../helpers.js';

const action = (fields: Partial<Action>) => parseRecord('actions', { ...actionInput({ id: 'a-1' }), version: 1, ...fields }) as Action;
const update = (id: string) => ({ id, at: '2024-01-10T09:00:00.000Z', by: 'Officer', text: `Update ${id}` });
const milestone = (id: string, title: string) => ({ id, title, dueDate: '2024-03-31' });

describe('mergeRecords (three-way, by field)', function () {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);
  it('merges disjoint field edits silently, on the server version', () => {
    const base = action({});
    const { merged, conflicts } = mergeRecords(base, action({ status: 'in-progress' }), action({ title: 'New title', version: 2 }));
    expect(conflicts).to.deep.equal([]);
    expect(merged).to.include({ status: 'in-progress', title: 'New title', version: 2 });
  });

  it('reports the same field changed differently on both sides, with all three values', () => {
    const { conflicts } = mergeRecords(action({}), action({ progress: 50 }), action({ progress: 70, version: 2 }));
    expect(conflicts).to.deep.equal([{ field: 'progress', base: 0, mine: 50, theirs: 70 }]);
  });

  it('takes the same change made on both sides as agreed', () => {
    expect(mergeRecords(action({}), action({ progress: 50 }), action({ progress: 50, version: 2 })).conflicts).to.deep.equal([]);
  });

  it('unions progress updates and revisions by id, never a conflict', () => {
    const base = action({ updates: [update('u-1')] });
    const { merged, conflicts } = mergeRecords(base, action({ updates: [update('u-1'), update('u-2')] }), action({ updates: [update('u-1'), update('u-3')], version: 2 }));
    expect(conflicts).to.deep.equal([]);
    expect(merged.updates.map((u) => u.id).sort()).to.deep.equal(['u-1', 'u-2', 'u-3']);
  });

  it('merges milestones per milestone id', () => {
    const base = action({ milestones: [milestone('m-1', 'Draft'), milestone('m-2', 'Consult')] });
    const mine = action({ milestones: [milestone('m-1', 'Draft strategy'), milestone('m-2', 'Consult')] });
    const theirs = action({ milestones: [milestone('m-1', 'Draft'), milestone('m-2', 'Consult partners')], version: 2 });
    const { merged, conflicts } = mergeRecords(base, mine, theirs);
    expect(conflicts).to.deep.equal([]);
    expect(merged.milestones.map((m) => m.title)).to.deep.equal(['Draft strategy', 'Consult partners']);
    expect(mergeRecords(base, mine, action({ milestones: [milestone('m-1', 'Other'), milestone('m-2', 'Consult')] })).conflicts.map((c) => c.field)).to.deep.equal(['milestones']);
  });

  it('without a base, any difference is a conflict and equal records merge', () => {
    expect(mergeRecords(undefined, action({ progress: 1 }), action({ progress: 2 })).conflicts.map((c) => c.field)).to.deep.equal(['progress']);
    expect(mergeRecords(undefined, action({}), action({ version: 4, updatedAt: '2024-01-10T09:00:00.000Z' })).conflicts).to.deep.equal([]);
  });
});

describe('backoff', function () {
  // Real HTTP and IndexedDB on a busy machine: give each test room.
  this.timeout(30_000);
  it('grows exponentially with jitter, capped', () => {
    const options = { baseMs: 1000, maxMs: 8000 };
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { ...options, random: () => 1 }))).to.deep.equal([1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelay(2, { ...options, random: () => 0 })).to.equal(2000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2024-01-15T12:00:00Z');
    expect(retryAfterMs('3', now)).to.equal(3000);
    expect(retryAfterMs('Mon, 15 Jan 2024 12:00:10 GMT', now)).to.equal(10000);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
  });
});
