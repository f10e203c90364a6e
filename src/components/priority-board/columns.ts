// Pure: groups the plan's actions into board columns. No DOM.
import { ACTION_STATUSES, RAGS, compareRank, emptyCounts, type Action, type Priority, type RagCounts } from '../../model/index.js';
import type { RagSource } from '../../controllers/actions.js';

export type GroupBy = 'priority' | 'status' | 'rag' | 'lead';
export const GROUP_BYS: readonly GroupBy[] = ['priority', 'status', 'rag', 'lead'];

export interface Column {
  /** Priority id, status, RAG (`none`: cancelled or carried forward) or lead agency ('' for none). */
  key: string;
  priority?: Priority;
  actions: Action[];
  counts: RagCounts;
}

/** A card on the move: where it came from and where it would land (index in the column without it). */
export interface Grab {
  id: string;
  from: { column: string; index: number };
  to: { column: string; index: number };
}

export const UNASSIGNED = '';

function keyOf(action: Action, groupBy: GroupBy, rags: RagSource): string {
  switch (groupBy) {
    case 'priority':
      return action.priorityId;
    case 'status':
      return action.status;
    case 'rag':
      return rags.rag(action).rag ?? 'none';
    case 'lead':
      return action.leadAgency?.trim() ?? UNASSIGNED;
  }
}

/** The board's columns in order, each with its (filtered) actions sorted by rank, and the grabbed card shown where it would land. */
export function buildColumns(
  actions: readonly Action[],
  priorities: readonly Priority[],
  groupBy: GroupBy,
  rags: RagSource,
  grab?: Grab,
): Column[] {
  const groups = new Map<string, Action[]>();
  for (const action of actions) {
    const key = keyOf(action, groupBy, rags);
    groups.get(key)?.push(action) ?? groups.set(key, [action]);
  }
  let keys: string[];
  const live = priorities.filter((p) => !p.deleted && !p.retired).sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title, 'en-GB'));
  if (groupBy === 'priority') {
    keys = live.map((p) => p.id);
    const retired = new Set(priorities.filter((p) => p.retired).map((p) => p.id));
    // Actions whose priority is unknown (not merely retired) still need a home on the board.
    const orphans = [...groups.keys()].filter((key) => !keys.includes(key) && !retired.has(key)).flatMap((key) => groups.get(key)!);
    if (orphans.length) keys.push(UNASSIGNED), groups.set(UNASSIGNED, orphans);
  } else if (groupBy === 'status') keys = [...ACTION_STATUSES];
  else if (groupBy === 'rag') keys = [...RAGS, 'none'];
  else keys = [...groups.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b, 'en-GB')));

  const moving = grab && actions.find((a) => a.id === grab.id);
  return keys.map((key) => {
    const sorted = (groups.get(key) ?? []).filter((a) => a !== moving).sort(compareRank);
    const counts = rags.count(sorted).get('') ?? emptyCounts();
    if (moving && grab.to.column === key) sorted.splice(Math.min(grab.to.index, sorted.length), 0, moving);
    return { key, priority: live.find((p) => p.id === key), actions: sorted, counts };
  });
}

/** The pairs [before, after] of actions edited in place (same position), or undefined when any was added or removed. */
export function editsBetween(before: readonly Action[], after: readonly Action[]): [Action, Action][] | undefined {
  // The same list (the board drawn again for focus or typing): nothing to compare.
  if (before === after) return [];
  if (before.length !== after.length) return undefined;
  const edits: [Action, Action][] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (before[i]!.id !== after[i]!.id) return undefined;
    edits.push([before[i]!, after[i]!]);
  }
  return edits;
}

/**
 * `columns` with the edited actions swapped in where they were, when none changes column or place
 * (key, rank or title); undefined when one does, and the columns must be built again.
 */
export function patchColumns(columns: readonly Column[], edits: readonly [Action, Action][], groupBy: GroupBy, rags: RagSource): Column[] | undefined {
  const next = [...columns];
  for (const [before, after] of edits) {
    const key = keyOf(before, groupBy, rags);
    const c = next.findIndex((column) => column.key === key);
    const i = next[c]?.actions.indexOf(before) ?? -1;
    if (i < 0 || keyOf(after, groupBy, rags) !== key || after.rank !== before.rank || after.title !== before.title) return undefined;
    const actions = [...next[c]!.actions];
    actions[i] = after;
    next[c] = { ...next[c]!, actions, counts: rags.count(actions).get('') ?? emptyCounts() };
  }
  return next;
}
