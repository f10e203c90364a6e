// What the keyboard and pointer controllers ask of the board: its columns and the one grab both move.
import type { Column, Grab } from './columns.js';

/** A card's place on the board: its column's index and its index in that column. */
export interface Position {
  column: number;
  index: number;
}

export interface BoardMoves {
  columns(): readonly Column[];
  grab(): Grab | undefined;
  /** Whether cards may be moved into the column. */
  accepts(column?: Column): column is Column;
  /** Picks the card up, or says why it may not move. */
  pickUp(id: string, here: Position): void;
  /** Shows the grabbed card landing at `to` and says where that is. */
  moveGrab(to: Grab['to']): void;
  drop(): Promise<void>;
  /** Puts the grabbed card back where it came from. */
  cancel(): void;
  focusCard(id: string): Promise<void>;
}

/** Where the card `id` is among `columns`, if it is shown. */
export function positionOf(columns: readonly Column[], id: string): Position | undefined {
  for (let column = 0; column < columns.length; column++) {
    const index = columns[column]!.actions.findIndex((a) => a.id === id);
    if (index >= 0) return { column, index };
  }
  return undefined;
}
