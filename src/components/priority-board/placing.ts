// Pure: what a move or an addition writes, the column's field and a rank (a module apart from
// columns.ts: only the board's moves and dialogs, loaded on first use, need it). No DOM.
import { rankBetween, type Action } from '../../model/index.js';
import type { GroupBy } from './columns.js';

/** The fields a move into `column` of a `groupBy` board changes (besides rank). */
export function movePatch(groupBy: GroupBy, column: string): Partial<Action> {
  if (groupBy === 'priority') return { priorityId: column };
  if (groupBy === 'status') return { status: column as Action['status'] };
  return { leadAgency: column || undefined };
}

/** A rank between the cards either side of `index` in `others` (the column without the moving card). */
export function rankAt(others: readonly Action[], index: number): string {
  const before = others[index - 1]?.rank;
  const after = others[index]?.rank;
  try {
    return rankBetween(before, after);
  } catch {
    // Neighbours that share a rank (two offline edits): land just after the one before.
    return rankBetween(before);
  }
}
