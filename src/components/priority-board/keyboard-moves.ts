// The board's keys: roving focus between cards, find-as-you-type, and pick up / move / drop with Space and the arrows.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Column } from './columns.js';
import { positionOf, type BoardMoves } from './moves.js';

const TYPEAHEAD_MS = 700;

export interface KeyboardMoves extends BoardMoves {
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
    const handled = this.board.grab() ? this.#keyWhileGrabbed(event) : this.#keyWhileBrowsing(event, item.dataset.id);
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
      ' ': () => this.board.pickUp(id, here),
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

  #keyWhileGrabbed(event: KeyboardEvent): boolean {
    const { board } = this;
    const grab = board.grab()!;
    const columns = board.columns();
    const c = columns.findIndex((column) => column.key === grab.to.column);
    const { index } = grab.to;
    const moveTo = (columnIndex: number, to: number) => {
      const column = columns[columnIndex];
      if (!board.accepts(column)) return;
      // Positions in the target column without the moving card: 0..length.
      const room = column.actions.filter((a) => a.id !== grab.id).length;
      board.moveGrab({ column: column.key, index: Math.max(0, Math.min(to, room)) });
      void board.focusCard(grab.id);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(c, index + 1),
      ArrowUp: () => moveTo(c, index - 1),
      ArrowRight: () => moveTo(c + 1, index),
      ArrowLeft: () => moveTo(c - 1, index),
      Home: () => moveTo(c, 0),
      End: () => moveTo(c, Infinity),
      ' ': () => void board.drop(),
      Enter: () => void board.drop(),
      Escape: () => board.cancel(),
      // Tab leaves the board as usual, putting the card back.
      Tab: () => board.cancel(),
    };
    keys[event.key]?.();
    return event.key !== 'Tab';
  }
}
