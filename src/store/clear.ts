// Clears one plan from this device (shared PCs): its records, history, outbox entries and base copies.
import { openDB } from 'idb';
import type { ApDB } from './schema.js';
import type { ActionPlanStore } from './store.js';

const RECORD_STORES = ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] as const;

/**
 * Deletes every record of `planId` stored in this browser, unsynced changes included (the caller
 * warns first). Nothing is sent to the endpoint: the plan stays on the server. Returns how many
 * records went. The store's widgets do not hear of it: switch them to another plan afterwards.
 */
export async function clearPlanFromDevice(store: ActionPlanStore, planId: string): Promise<number> {
  // A second connection at the current version: no upgrade, so the store's own stays open.
  const db = await openDB<ApDB>(store.name);
  try {
    const tx = db.transaction([...RECORD_STORES, 'outbox', 'meta'], 'readwrite');
    let removed = 0;
    const ids = new Set<string>();
    for (const collection of RECORD_STORES) {
      const keys = await tx.objectStore(collection).index('planId').getAllKeys(planId);
      for (const key of keys) {
        ids.add(key);
        await tx.objectStore(collection).delete(key);
        await tx.objectStore('meta').delete(`base:${collection}:${key}`);
      }
      removed += keys.length;
    }
    for (let cursor = await tx.objectStore('outbox').openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.record.planId === planId || ids.has(cursor.value.recordId)) await cursor.delete();
    }
    await tx.done;
    return removed;
  } finally {
    db.close();
  }
}
