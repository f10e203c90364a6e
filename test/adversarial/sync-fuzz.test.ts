// Model-based sync fuzzing in `npm test`: a few bounded runs. `npm run soak` runs 1,000 or more.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ActionPlanStore } from '../../src/store/index.js';
import { actionInput, freshName } from '../helpers.js';
import { createEndpoint, describeEndpoints, engineFor, injectFaults, serverRecord, settled, started } from '../sync/sync-helpers.js';
import { fuzz, settings, setup, settleAndCheck } from './sync-model.js';

// Chromium only: each run drives real HTTP and IndexedDB for about a second; the engine-specific
// parts (IndexedDB, Web Locks, BroadcastChannel) have their own sync tests in all three engines.
const chromium = /Chrome\//.test(navigator.userAgent);

describeEndpoints('model-based sync fuzzing', function () {
  (chromium ? it : it.skip)('the invariant check catches an edit that was lost (so the fuzz can fail)', async () => {
    const world = await setup();
    try {
      world.edited('a-0', 'title', 'A1', 'never saved');
      const error = await settleAndCheck(world).then(() => undefined, (e: Error) => e);
      expect(error?.message).to.contain('neither on the server');
    } finally {
      world.closeAll();
    }
  });

  (chromium ? it : it.skip)('every client ends equal to the server, no edit lost unseen, no duplicate, nothing left queued', async function () {
    const soak = await settings();
    const [runs, shards] = [soak?.runs ?? 12, soak?.shards ?? 1];
    const seed = soak?.seed ?? Date.now() % 2 ** 31;
    this.timeout(Math.max(120_000, (runs / shards) * 5_000));
    const started = performance.now();
    let done = 0;
    try {
      // Shards run side by side (own endpoint and databases each), seeds seed, seed + 1, ...
      const results = await Promise.all(Array.from({ length: shards }, (_, i) => fuzz(Math.ceil(runs / shards), seed + i, () => done++)));
      const faults = Object.fromEntries(Object.keys(results[0]!).map((kind) => [kind, results.reduce((sum, r) => sum + r[kind as keyof typeof r], 0)]));
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      await executeServerCommand('fuzz-report', { runs: done, seed, seconds, faults }).catch(() => undefined);
      console.log(`fuzz: ${done} runs, seed ${seed}, ${seconds} s, faults ${JSON.stringify(faults)}`);
      expect(done).to.be.at.least(runs);
    } catch (error) {
      await executeServerCommand('fuzz-report', { runs: done, seed, failed: String(error) }).catch(() => undefined);
      throw error;
    }
  });
});

// Counterexamples the fuzz found, kept as plain tests in every engine.
describeEndpoints('sync fuzz regressions', function () {
  this.timeout(30000);

  it('regression (fuzz seed 149331751): a create answered 412 without the record is sent again, not dead-lettered', async () => {
    const endpoint = await createEndpoint();
    const store = await ActionPlanStore.open(freshName('fuzz-412'));
    const engine = await started(engineFor(store, endpoint));
    try {
      await injectFaults(endpoint, [{ kind: 'status', status: 412, method: 'POST', path: '/actions', body: { error: 'Precondition failed' } }]);
      await store.put('actions', actionInput({ id: 'a-1' }), { by: 'B' });
      await settled(engine, store);
      expect(await store.deadLetters()).to.deep.equal([]);
      expect(await serverRecord(endpoint, 'actions', 'a-1')).to.have.length(1);
    } finally {
      engine.stop();
      store.close();
    }
  });
});
