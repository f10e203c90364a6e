// The board's moves come on first use (board-moves.ts, a chunk of its own in the drop-in): fetched
// when a card someone may move is first focused or pointed at. This part stays in the entry, so a
// key, a press or a "Move to…" choice made before they have come happens when they do.
import type { ReactiveControllerHost } from 'lit';
import { Lazy } from '../../controllers/lazy.js';
import type { Action } from '../../model/index.js';
import type { PlanContext } from '../../context/index.js';
import type { Column, Grab, GroupBy } from './columns.js';
import type { Mover } from './board-moves.js';

/** A card's place on the board: its column's index and its index in that column. */
export interface Position {
  column: number;
  index: number;
}

/** Where the card `id` is among `columns`, if it is shown. */
export function positionOf(columns: readonly Column[], id: string): Position | undefined {
  for (let column = 0; column < columns.length; column++) {
    const index = columns[column]!.actions.findIndex((a) => a.id === id);
    if (index >= 0) return { column, index };
  }
  return undefined;
}

/** What the moves ask of the board. */
export interface MovesBoard {
  host: ReactiveControllerHost & { renderRoot: ParentNode };
  plan(): PlanContext;
  columns(): readonly Column[];
  column(key: string): Column | undefined;
  columnTitle(column?: Column): string;
  grouping(): GroupBy;
  /** Whether cards may be moved into the column. */
  accepts(column?: Column): column is Column;
  action(id: string): Action | undefined;
  grab(): Grab | undefined;
  /** Shows the card on the move where it would land (and closes the "Move to…" menu), or none. */
  setGrab(grab?: Grab): void;
  announce(text: string): void;
  focusCard(id: string): Promise<void>;
  /** Resolves when the board has read the store again after a write. */
  settled(): Promise<unknown>;
  /** A move was written: the board fires its event, and clears a problem shown. */
  moved(detail: { action: Action; previous: Action; fields: string[] }): void;
  /** A move could not be written: the board shows why. */
  failed(problem: string): void;
}

/** Hands the user's moves to the moves module: at once when it is there, else in order when it comes. */
export class LazyMoves {
  readonly #mover: Lazy<Mover>;
  // What was asked before the module came, in order; undefined when nothing waits.
  #queue?: ((mover: Mover) => void)[];

  /** `failed`: tells the user a move asked for cannot be made, as the module could not be loaded. */
  constructor(
    host: ReactiveControllerHost,
    board: MovesBoard,
    private readonly failed: () => void,
  ) {
    this.#mover = new Lazy(host, async () => new (await import('./board-moves.js')).Mover(board));
  }

  /** Whether the module could not be loaded (the "Move to…" menu says so). */
  get error(): Error | undefined {
    return this.#mover.error;
  }

  /** A card may be about to move: fetch the module now, so that it is there when asked for. */
  preload(): void {
    this.#mover.get().catch(() => undefined);
  }

  /** Whether a move asked for waits for the module (keys then go to it, after that move). */
  get waiting(): boolean {
    return !!this.#queue;
  }

  /** Forgets what waits (Tab leaves the board before the card was picked up). */
  forget(): void {
    this.#queue = undefined;
  }

  /** Runs `run` with the module: now if it is there, else when it comes, after what was asked before. */
  run(run: (mover: Mover) => void): void {
    const mover = this.#mover.value;
    if (mover) return run(mover);
    if (this.#queue) return void this.#queue.push(run);
    const queue = (this.#queue = [run]);
    this.#mover.get().then(
      (loaded) => {
        if (this.#queue !== queue) return;
        this.#queue = undefined;
        for (const waiting of queue) waiting(loaded);
      },
      () => {
        if (this.#queue !== queue) return;
        this.#queue = undefined;
        this.failed();
      },
    );
  }

  /**
   * Starts a pointer drag of the card `id` from (x, y): before the module has come, the drag begins
   * when it does if the button is still down (the pointer's moves meanwhile are not needed: the next
   * one is measured from where it went down). A press that ends first was a click.
   */
  drag(id: string, x: number, y: number): void {
    const mover = this.#mover.value;
    if (mover) return mover.drag(id, x, y);
    const up = new AbortController();
    for (const type of ['pointerup', 'pointercancel']) window.addEventListener(type, () => up.abort(), { signal: up.signal, once: true });
    this.#mover.get().then(
      (loaded) => {
        if (up.signal.aborted) return;
        up.abort();
        loaded.drag(id, x, y);
      },
      () => up.abort(),
    );
  }
}
