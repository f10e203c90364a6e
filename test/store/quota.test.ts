import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ActionPlanStore, StorageFullError } from '../../src/store/index.js';
import { actionInput, caught, freshName } from '../helpers.js';

const by = { by: 'J. Smith' };

// In a file of its own: Chromium applies a quota override reliably only to a page that has not
// written to IndexedDB yet; its page may have run other files, so the test clears its own profile first.
describe('ActionPlanStore on a full disk', () => {
  it('surfaces a full disk as StorageFullError and loses nothing it reported saved', async function () {
    // A device with little space left: a real quota, set through the DevTools protocol before the store opens.
    // Safe beside other pages: each page has its own browser context (web-test-runner.config.mjs).
    await executeServerCommand('clear-site-data');
    const { supported } = (await executeServerCommand('set-storage-quota', { bytes: 200_000 })) as { supported: boolean };
    // Only Chromium's DevTools protocol can set a real quota; other engines have no such hook.
    if (!supported) this.skip();
    try {
      const store = await ActionPlanStore.open(freshName('quota'));
      await store.put('actions', actionInput({ id: 'a-kept' }), by);
      // Random text: Chromium compresses stored values, so a repeated character would fit.
      const noise = Array.from({ length: 40_000 }, () => crypto.randomUUID()).join('');
      const big = actionInput({ id: 'a-big', description: noise });
      expect(await caught(store.put('actions', big, by))).to.be.instanceOf(StorageFullError);
      // The failed transaction left neither the record nor its outbox entry.
      expect(await store.get('actions', 'a-big')).to.equal(undefined);
      expect((await store.outbox()).map((e) => e.recordId)).to.not.include('a-big');
      expect(await store.get('actions', 'a-kept')).to.include({ id: 'a-kept' });
      // A pull or an import that does not fit fails the same way, and writes none of its records.
      const batch = [actionInput({ id: 'a-small' }), big];
      expect(await caught(store.applyPulled('actions', batch))).to.be.instanceOf(StorageFullError);
      expect(await caught(store.importLocal('actions', batch, by))).to.be.instanceOf(StorageFullError);
      expect(await store.getMany('actions', ['a-small', 'a-big'])).to.deep.equal([undefined, undefined]);
      store.close();
    } finally {
      await executeServerCommand('set-storage-quota', {});
    }
  });

});
