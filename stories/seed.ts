// Stories seed their own IndexedDB database, so each story is independent of the others.
import { ActionPlanStore } from '../src/store/index.js';
import type { Person, Role } from '../src/model/index.js';
import db from '../demo/data/db.json';

type Db = Record<string, unknown[]>;
type Sample = Record<string, unknown> & { id: string };

// Extension requests on the sample plan (stories only): one waiting on an action and on a recommendation, one refused.
const requests: Record<string, unknown[]> = {
  'cpr-a-sanctuary': [{ id: 'ext-sanctuary', requestedDate: '2024-06-30', reason: 'The refuge provider changes in April.', by: 'PC Jones', at: '2024-01-10T09:30:00.000Z' }],
  'cpr-a-strategic-assessment': [
    {
      id: 'ext-assessment',
      requestedDate: '2024-05-31',
      reason: 'Police data for Q3 arrives late.',
      by: 'Community Safety Officer',
      at: '2024-01-05T10:00:00.000Z',
      decision: { outcome: 'refused', reason: 'The assessment is needed for the March JSG.', reference: 'JSG 12 January 2024, minute 7', by: 'Chair of the JSG', at: '2024-01-12T15:00:00.000Z' },
    },
  ],
  'cpr-rec-5': [{ id: 'ext-membership', requestedDate: '2024-03-31', reason: 'Membership review waits for the new terms of reference.', by: 'S. Khan', at: '2024-01-08T11:00:00.000Z' }],
};
// The council owns the sample's audit recommendations, so a partner story of it can update them.
const withRequests = (record: Sample) => ({ ...('auditId' in record ? { ownerAgency: SAMPLE_AGENCY } : {}), ...record, ...(requests[record.id] ? { extensionRequests: requests[record.id] } : {}) });

export const SAMPLE_AGENCY = 'Castle Point Borough Council';

/** Opens a fresh database named for the story and fills it with the sample plans. */
export async function seedSample(name: string): Promise<void> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  const store = await ActionPlanStore.open(name);
  for (const collection of ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] as const) {
    await store.applyPulled(collection, ((db as Db)[collection] ?? []).map((record) => withRequests(record as Sample)));
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
