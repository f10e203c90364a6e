// The board's keys: roving focus between cards and find-as-you-type here; Space picks a card up, and
// while it is on the move the keys go to the board's moves (board-moves.ts, loaded on first use).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Column } from './columns.js';
import { positionOf } from './moves.js';

const TYPEAHEAD_MS = 700;

export interface KeyboardMoves {
  columns(): readonly Column[];
  focusCard(id: string): Promise<void>;
  /** Picks the card up, or says why it may not move. */
  pickUp(id: string): void;
  /** Whether a card is on the move, or about to be (keys then go to `keyWhileMoving`). */
  moving(): boolean;
  /** A key pressed while a card is on the move: whether the board took it. */
  keyWhileMoving(key: string): boolean;
  /** Closes the "Move to…" menu, if one is open (Escape outside a card). */
  closeMenu(): void;
  /** Opens the card as its title does (Enter). */
  openCard(id: string): void;
}

export class KeyboardMovesController implements ReactiveController {
  #typeahead = '';
  #typeaheadTimer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly board: KeyboardMoves,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#typeaheadTimer);
  }

  /** The board's keydown listener. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const item = event.composedPath()[0] as HTMLElement;
    if (item.dataset?.id === undefined || item.localName !== 'li') {
      if (event.key === 'Escape') this.board.closeMenu();
      return;
    }
    const handled = this.board.moving() ? this.board.keyWhileMoving(event.key) : this.#keyWhileBrowsing(event, item.dataset.id);
    if (handled) event.preventDefault();
  };

  #keyWhileBrowsing(event: KeyboardEvent, id: string): boolean {
    const columns = this.board.columns();
    const here = positionOf(columns, id);
    if (!here) return false;
    const filled = (c: Column) => c.actions.length > 0;
    const go = (columnIndex: number, index: number) => {
      const target = columns[columnIndex]?.actions;
      if (target?.length) void this.board.focusCard(target[Math.max(0, Math.min(index, target.length - 1))]!.id);
    };
    const sideways = (step: number) => {
      for (let c = here.column + step; c >= 0 && c < columns.length; c += step) if (filled(columns[c]!)) return go(c, here.index);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(here.column, here.index + 1),
      ArrowUp: () => go(here.column, here.index - 1),
      ArrowRight: () => sideways(1),
      ArrowLeft: () => sideways(-1),
      Home: () => go(event.ctrlKey ? columns.findIndex(filled) : here.column, 0),
      End: () => go(event.ctrlKey ? columns.findLastIndex(filled) : here.column, Infinity),
      ' ': () => this.board.pickUp(id),
      Enter: () => this.board.openCard(id),
    };
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    const act = keys[event.key] ?? (typed ? () => this.#findAsYouType(event.key, id) : undefined);
    act?.();
    return !!act;
  }

  #findAsYouType(char: string, fromId: string): void {
    clearTimeout(this.#typeaheadTimer);
    this.#typeahead += char.toLocaleLowerCase();
    this.#typeaheadTimer = setTimeout(() => (this.#typeahead = ''), TYPEAHEAD_MS);
    const all = this.board.columns().flatMap((c) => c.actions);
    const start = all.findIndex((a) => a.id === fromId);
    // A fresh search starts after the current card; a continued one may stay on it.
    const offset = this.#typeahead.length === 1 ? 1 : 0;
    for (let i = 0; i < all.length; i++) {
      const action = all[(start + offset + i) % all.length]!;
      if (action.title.toLocaleLowerCase().startsWith(this.#typeahead)) return void this.board.focusCard(action.id);
    }
  }
}
