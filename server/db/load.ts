// Loads a json-server db.json or our JSON export into the database: every record validated, its
// version kept, updatedAt stamped now (so every client pulls it), ids already there skipped.
import { describeValidation } from '../../src/i18n/issues.js';
import { RECORD_KINDS, safeParseRecord, type RecordKind } from '../../src/model/schemas.js';
import type { Db } from './db.js';
import { insertMany, stamp, type WireRecord } from './records.js';

// Records per INSERT statement: a few MB of JSON at most.
const BATCH = 1000;

export interface Quarantined {
  collection: RecordKind;
  id: string;
  problem: string;
}

export interface LoadReport {
  loaded: number;
  skipped: number;
  quarantined: Quarantined[];
}

export class LoadFileError extends Error {
  override name = 'LoadFileError';
}

/** The records of each collection in `data`: db.json has a list per collection, an export has one `plan`. */
function recordsIn(data: unknown): Record<RecordKind, unknown[]> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new LoadFileError('The file is not a json-server db.json or a JSON export of a plan: it must be one JSON object.');
  const file = data as Record<string, unknown>;
  const lists = file.format === 'action-plan-snapshot' ? { ...file, plans: file.plan === undefined ? [] : [file.plan] } : file;
  return Object.fromEntries(RECORD_KINDS.map((collection) => [collection, Array.isArray(lists[collection]) ? lists[collection] : []])) as Record<RecordKind, unknown[]>;
}

const idOf = (input: unknown) => String((input as { id?: unknown } | null)?.id ?? '(no id)').slice(0, 80);

export async function loadRecords(db: Db, data: unknown, updatedBy = 'Import'): Promise<LoadReport> {
  const report: LoadReport = { loaded: 0, skipped: 0, quarantined: [] };
  const byPlan = new Map<string, { collection: RecordKind; record: WireRecord }[]>();
  const lists = recordsIn(data);
  for (const collection of RECORD_KINDS) {
    for (const input of lists[collection]) {
      const result = safeParseRecord(collection, input);
      if (!result.ok) {
        report.quarantined.push({ collection, id: idOf(input), problem: describeValidation(result.error, 'en-GB') });
        continue;
      }
      const record = result.record as unknown as WireRecord;
      if (!byPlan.has(record.planId)) byPlan.set(record.planId, []);
      byPlan.get(record.planId)!.push({ collection, record });
    }
  }
  // One transaction and one stamp per plan: its records arrive together, in one checkpoint.
  for (const [planId, records] of byPlan) {
    await db.transaction(async (tx) => {
      const updatedAt = await stamp(tx, planId);
      for (const collection of RECORD_KINDS) {
        // Version 0 means never on a server; here it is, at version 1.
        const stored = records.filter((entry) => entry.collection === collection).map(({ record }) => ({ ...record, version: Math.max(record.version, 1), updatedAt, updatedBy: record.updatedBy || updatedBy }));
        for (let start = 0; start < stored.length; start += BATCH) {
          const batch = stored.slice(start, start + BATCH);
          const inserted = (await insertMany(tx, collection, batch)).length;
          report.loaded += inserted;
          report.skipped += batch.length - inserted;
        }
      }
    });
  }
  return report;
}

/** Empties every collection (AP_RESET=1 on the demo). */
export async function clearRecords(db: Db): Promise<void> {
  await db.exec(`TRUNCATE ${RECORD_KINDS.join(', ')}, plan_clock`);
}

export async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM plans LIMIT 1');
  return rows.length === 0;
}
