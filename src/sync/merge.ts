// Three-way merge of one record by field, against the synced base copy. Pure.
import { mergeExtensionRequests, type AnyRecord, type Extendable } from '../model/index.js';
import type { ConflictField } from '../store/index.js';

// The server stamps these; they never conflict.
const STAMPED = new Set(['version', 'updatedAt', 'updatedBy']);
// Append-only logs: a union by id, never a conflict.
const UNIONS = new Set(['updates', 'revisions', 'changes']);
// Lists merged item by item (by id), each item three-way.
const BY_ITEM = new Set(['milestones']);
// Merged by id with the first decision winning (src/model/extensions.ts), after the other fields.
const REQUESTS = 'extensionRequests';

/** Deep equality of JSON values, ignoring key order. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

type Item = { id: string };
const byId = (items: unknown) => new Map(((items as Item[] | undefined) ?? []).map((item) => [item.id, item]));

function union(mine: unknown, theirs: unknown): Item[] {
  const merged = byId(theirs);
  for (const [id, item] of byId(mine)) if (!merged.has(id)) merged.set(id, item);
  return [...merged.values()];
}

/** Three-way pick of one value: no conflict when the two sides agree or only one changed. */
function pick(base: unknown, mine: unknown, theirs: unknown): { value: unknown; conflict: boolean } {
  if (same(mine, theirs) || same(base, mine)) return { value: theirs, conflict: false };
  if (same(base, theirs)) return { value: mine, conflict: false };
  return { value: mine, conflict: true };
}

function mergeItems(base: unknown, mine: unknown, theirs: unknown): { value: Item[]; conflict: boolean } {
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  const value: Item[] = [];
  let conflict = false;
  for (const id of new Set([...t.keys(), ...m.keys()])) {
    const merged = pick(b.get(id), m.get(id), t.get(id));
    conflict ||= merged.conflict;
    if (merged.value !== undefined) value.push(merged.value as Item);
  }
  return { value, conflict };
}

export interface MergeResult<T extends AnyRecord> {
  /** The merged record, on the server's version; for conflicting fields it holds mine. */
  merged: T;
  conflicts: ConflictField[];
}

/** Merges my local edit and the server's record, both made from `base` (undefined: no common base). */
export function mergeRecords<T extends AnyRecord>(base: T | undefined, mine: T, theirs: T): MergeResult<T> {
  const merged: Record<string, unknown> = { ...theirs };
  const conflicts: ConflictField[] = [];
  const b = (base ?? {}) as Record<string, unknown>;
  const [m, t] = [mine as Record<string, unknown>, theirs as Record<string, unknown>];
  for (const field of new Set([...Object.keys(m), ...Object.keys(t)])) {
    if (STAMPED.has(field) || field === REQUESTS) continue;
    if (UNIONS.has(field)) {
      merged[field] = union(m[field], t[field]);
      continue;
    }
    const result = BY_ITEM.has(field) ? mergeItems(b[field], m[field], t[field]) : pick(b[field], m[field], t[field]);
    if (result.value === undefined) delete merged[field];
    else merged[field] = result.value;
    if (result.conflict) conflicts.push({ field, base: b[field], mine: m[field], theirs: t[field] });
  }
  if (REQUESTS in m || REQUESTS in t) return { merged: mergeExtensionRequests(merged as Extendable, mine as Extendable, theirs as Extendable) as T, conflicts };
  return { merged: merged as T, conflicts };
}
