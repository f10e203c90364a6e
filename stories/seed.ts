// Stories seed their own IndexedDB database, so each story is independent of the others.
import { ActionPlanStore } from '../src/store/index.js';
import type { Person, Role } from '../src/model/index.js';
import db from '../demo/data/db.json';

type Db = Record<string, unknown[]>;

/** Opens a fresh database named for the story and fills it with the sample plans. */
export async function seedSample(name: string): Promise<void> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  const store = await ActionPlanStore.open(name);
  for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] as const) {
    await store.applyPulled(collection, (db as Db)[collection] ?? []);
  }
  store.close();
}

/** A story loader: a database of the story's own, seeded with the sample plans, as `loaded.name`. */
export async function sampleLoader(context: { id: string }): Promise<{ name: string }> {
  const name = `story-${context.id}`;
  await seedSample(name);
  return { name };
}

/** A signed-in person of the sample plan, as `GET /me` would answer, for stories of what each role sees. */
export function samplePerson(role: Role, agencies: string[] = []): Person {
  return { id: `story-${role}`, name: `Story ${role}`, writesHistory: true, plans: { 'castle-point-rochford-2023-24': { role, agencies } } };
}
