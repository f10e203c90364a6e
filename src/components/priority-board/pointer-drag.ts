// Pointer drag: the same grab as the keyboard's, landing where the pointer is (part of the board's
// moves, loaded on first use: the board's pointerdown listener starts it).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Column, Grab } from './columns.js';

const DRAG_THRESHOLD_PX = 5;

/** What a drag does to the board's one grab. */
export interface PointerMoves {
  columns(): readonly Column[];
  grab(): Grab | undefined;
  accepts(column?: Column): column is Column;
  pickUp(id: string): void;
  moveGrab(to: Grab['to']): void;
  drop(): Promise<void>;
  cancel(): void;
}

export class PointerDragController implements ReactiveController {
  #pointer?: { id: string; x: number; y: number; dragging: boolean };
  #listeners?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly board: PointerMoves,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#end();
  }

  /** A press on the card `id` at (x, y), one the board has checked may move it: a drag starts once the pointer has moved a few pixels. */
  start(id: string, x: number, y: number): void {
    this.#end();
    this.#pointer = { id, x, y, dragging: false };
    const { signal } = (this.#listeners = new AbortController());
    window.addEventListener('pointermove', this.#onMove, { signal });
    window.addEventListener('pointerup', this.#onUp, { signal });
    window.addEventListener('pointercancel', this.#onCancel, { signal });
  }

  #onMove = (event: PointerEvent): void => {
    const pointer = this.#pointer;
    if (!pointer) return;
    if (!pointer.dragging) {
      if (Math.hypot(event.clientX - pointer.x, event.clientY - pointer.y) < DRAG_THRESHOLD_PX) return;
      pointer.dragging = true;
      this.board.pickUp(pointer.id);
    }
    const target = this.#dropTarget(event.clientX, event.clientY);
    const grab = this.board.grab();
    if (grab && target && (target.column !== grab.to.column || target.index !== grab.to.index)) this.board.moveGrab(target);
  };

  #onUp = (): void => {
    const dragging = this.#pointer?.dragging;
    this.#end();
    if (!dragging || !this.board.grab()) return;
    // The click that follows a drag must not open the card.
    window.addEventListener('click', this.#swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', this.#swallow, { capture: true }));
    void this.board.drop();
  };

  #swallow = (event: Event) => event.stopPropagation();

  #onCancel = (): void => {
    this.#end();
    this.board.cancel();
  };

  #end(): void {
    this.#pointer = undefined;
    this.#listeners?.abort();
  }

  /** The column under the pointer and the index among its other cards that the pointer is above. */
  #dropTarget(x: number, y: number): Grab['to'] | undefined {
    const sections = [...this.host.renderRoot.querySelectorAll<HTMLElement>('section.column')];
    const c = sections.findIndex((section) => {
      const box = section.getBoundingClientRect();
      return x >= box.left && x <= box.right;
    });
    const column = this.board.columns()[c];
    if (!this.board.accepts(column)) return undefined;
    const grabbed = this.board.grab()?.id;
    const cards = [...sections[c]!.querySelectorAll<HTMLElement>('li.card')].filter((li) => li.dataset.id !== grabbed);
    const below = cards.find((li) => {
      const box = li.getBoundingClientRect();
      return y < box.top + box.height / 2;
    });
    const others = column.actions.filter((a) => a.id !== grabbed);
    const index = below ? others.findIndex((a) => a.id === below.dataset.id) : cards.length ? others.findIndex((a) => a.id === cards.at(-1)!.dataset.id) + 1 : 0;
    return { column: column.key, index };
  }
}
