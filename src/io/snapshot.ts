// Plan snapshots (CONTRACT.md "Publishing"): the full JSON export, its re-import, and the public Publish export.
import { isPublished, PUBLIC_FIELDS, safeParseRecord, type Action, type Audit, type Collection, type HistoryEntry, type Plan, type Priority, type Recommendation } from '../model/index.js';
import { describeValidation } from '../i18n/issues.js';
import type { ActionPlanStore } from '../store/index.js';

export interface Snapshot {
  format: 'action-plan-snapshot';
  formatVersion: 1;
  exportedAt: string;
  /** The date the snapshot describes (ISO `YYYY-MM-DD`). */
  asOf: string;
  plan: Plan;
  priorities: Priority[];
  actions: Action[];
  audits: Audit[];
  recommendations: Recommendation[];
  /** Only in a full export: the audit trail. */
  history?: HistoryEntry[];
}

const LISTS = ['priorities', 'actions', 'audits', 'recommendations', 'history'] as const;
const HEADER = { format: 'action-plan-snapshot', formatVersion: 1 } as const;

/** A file that is not an action plan snapshot, or one with records that break the data model. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';

  constructor(message: string, readonly issues: { collection: Collection; recordId?: string; message: string }[] = []) {
    super(issues.length ? `${message} ${issues.slice(0, 3).map((issue) => `${issue.recordId ?? issue.collection}: ${issue.message}`).join(' ')}` : message);
  }
}

/** Everything about one plan, tombstones and history included: re-imports to the same data. */
export async function exportPlan(store: ActionPlanStore, planId: string, asOf: string, now = new Date()): Promise<Snapshot> {
  const plan = await store.get('plans', planId);
  if (!plan) throw new SnapshotError(`There is no plan "${planId}" in this browser's storage to export.`);
  const all = <C extends Collection>(collection: C) => store.query(collection, { value: planId, includeDeleted: true });
  const [priorities, actions, audits, recommendations, history] = await Promise.all([all('priorities'), all('actions'), all('audits'), all('recommendations'), all('history')]);
  return { ...HEADER, exportedAt: now.toISOString(), asOf, plan, priorities, actions, audits, recommendations, history };
}

/** Reads a snapshot file's JSON; throws SnapshotError (naming the bad records) rather than returning a partial plan. */
export function parseSnapshot(json: string | unknown): Snapshot {
  let input: unknown = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch {
      throw new SnapshotError('The file is not JSON: export it again from the plan.');
    }
  }
  const file = input as Partial<Record<keyof Snapshot, unknown>> | null;
  if (file?.format !== 'action-plan-snapshot' || file.formatVersion !== 1) {
    throw new SnapshotError('The file is not an action plan snapshot (format "action-plan-snapshot", version 1).');
  }
  const issues: SnapshotError['issues'] = [];
  const parse = <C extends Collection>(collection: C, raws: unknown) =>
    (Array.isArray(raws) ? raws : []).flatMap((raw) => {
      const result = safeParseRecord(collection, raw);
      if (result.ok) return [result.record];
      issues.push({ collection, recordId: (raw as { id?: string } | null)?.id, message: describeValidation(result.error, 'en-GB') });
      return [];
    });
  const [plan] = parse('plans', [file.plan]);
  const snapshot: Snapshot = {
    ...HEADER,
    exportedAt: String(file.exportedAt ?? ''),
    asOf: String(file.asOf ?? ''),
    plan: plan as Plan,
    priorities: parse('priorities', file.priorities),
    actions: parse('actions', file.actions),
    audits: parse('audits', file.audits),
    recommendations: parse('recommendations', file.recommendations),
  };
  // A Publish export has no history: leave it absent rather than empty.
  if (file.history !== undefined) snapshot.history = parse('history', file.history);
  if (issues.length) throw new SnapshotError(`The snapshot has ${issues.length} record(s) that break the data model; nothing was imported.`, issues);
  return snapshot;
}

/**
 * Stores a snapshot's records as the endpoint's would be (versions kept, no outbox). With
 * `replace`, the plan's records missing from the snapshot become tombstones, as a newer
 * published file no longer lists them.
 */
export async function loadSnapshot(store: ActionPlanStore, snapshot: Snapshot, { replace = false } = {}): Promise<void> {
  await store.applyPulled('plans', [snapshot.plan]);
  for (const collection of LISTS) {
    const records: { id: string }[] = snapshot[collection] ?? [];
    const ids = new Set(records.map((record) => record.id));
    const gone = replace && snapshot[collection] ? (await store.query(collection, { value: snapshot.plan.id })).filter((record) => !ids.has(record.id)) : [];
    await store.applyPulled(collection, [...records, ...gone.map((record) => ({ ...record, deleted: true }))]);
  }
}

/** Fetches a published snapshot file and puts it in the store in place of the plan's older copy. */
export async function loadPublished(store: ActionPlanStore, url: string, signal?: AbortSignal): Promise<Snapshot> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SnapshotError(`The published plan ${url} could not be loaded: check the connection and the src address.`);
  }
  if (!response.ok) throw new SnapshotError(`The published plan ${url} could not be loaded (HTTP ${response.status}): check the src address.`);
  const snapshot = parseSnapshot(await response.text());
  await loadSnapshot(store, snapshot, { replace: true });
  return snapshot;
}

const pick = <T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]])) as Pick<T, K>;

/**
 * The Publish export for the council website: actions marked public and not restricted, without owners, progress
 * update texts, revision reasons, overrides, or funding not marked public. No history.
 */
export function publishSnapshot(full: Snapshot): Snapshot {
  const live = <T extends { deleted: boolean }>(records: readonly T[]) => records.filter((record) => !record.deleted);
  const actions = live(full.actions)
    .filter(isPublished)
    .map((action) => ({
      ...pick(action, PUBLIC_FIELDS.actions),
      milestones: action.milestones.map((milestone) => pick(milestone, PUBLIC_FIELDS.milestones)),
      ...(action.funding?.public ? { funding: pick(action.funding, PUBLIC_FIELDS.funding) } : {}),
    })) as Action[];
  const publicIds = new Set(actions.map((action) => action.id));
  return {
    ...HEADER,
    exportedAt: full.exportedAt,
    asOf: full.asOf,
    plan: pick(full.plan, PUBLIC_FIELDS.plans) as Plan,
    priorities: live(full.priorities).map((priority) => pick(priority, PUBLIC_FIELDS.priorities)) as Priority[],
    actions,
    audits: live(full.audits).map((audit) => pick(audit, PUBLIC_FIELDS.audits)) as Audit[],
    recommendations: live(full.recommendations).map((rec) => ({
      ...pick(rec, PUBLIC_FIELDS.recommendations),
      linkedActionIds: rec.linkedActionIds.filter((id) => publicIds.has(id)),
    })) as Recommendation[],
  };
}
