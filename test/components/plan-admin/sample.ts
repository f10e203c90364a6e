// The sample plans of demo/data/db.json, loaded the way stories/seed.ts does (as pulled records).
import { ActionPlanStore } from '../../../src/store/index.js';
import { parseCsv, toCsv } from '../../../src/io/csv.js';
import { COLLECTIONS, parseRecord, type Action, type Collection, type RecordOf } from '../../../src/model/index.js';

export const CPR = 'castle-point-rochford-2023-24';
type Db = Record<Collection, unknown[]>;

let sample: Promise<Db> | undefined;
export const sampleDb = () => (sample ??= fetch('/demo/data/db.json').then((response) => response.json() as Promise<Db>));

/** Sample records of one plan, parsed (defaults applied). */
export async function sampleRecords<C extends Collection>(collection: C, planId = CPR): Promise<RecordOf<C>[]> {
  return (await sampleDb())[collection].map((raw) => parseRecord(collection, raw)).filter((record) => record.planId === planId);
}

export async function seedStore(name: string): Promise<ActionPlanStore> {
  const store = await ActionPlanStore.open(name);
  const db = await sampleDb();
  for (const collection of COLLECTIONS) await store.applyPulled(collection, db[collection] ?? []);
  return store;
}

export const isOpen = (a: Action) => a.status !== 'complete' && a.status !== 'cancelled';

/** What a partner types into their pack, by action id: as they would in a spreadsheet. */
export function fillPack(csv: string, fills: Record<string, Partial<Record<'New status' | 'New progress (%)' | 'Update', string>>>): string {
  const [header, ...rows] = parseCsv(csv);
  const filled = rows.map((row) => {
    const fill = fills[row[header.indexOf('Action ID')]] ?? {};
    return header.map((heading, i) => fill[heading as keyof typeof fill] ?? row[i]);
  });
  return toCsv([header, ...filled]);
}
