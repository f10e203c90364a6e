// The board's moves, loaded when a card is first focused or pointed at (a chunk of its own in the
// drop-in; moves.ts hands them what the user does): the one grab the keys and the pointer
// (pointer-drag.ts) pick up, move and drop, the "Move to…" menu's moves, the write a move makes, and
// a priority column moved left or right.
import { css } from 'lit';
import { t, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import type { Action } from '../../model/index.js';
import type { Grab } from './columns.js';
import { positionOf, type MovesBoard } from './moves.js';
import { movePatch, rankAt } from './placing.js';
import { PointerDragController } from './pointer-drag.js';
import { addStyles } from '../shared/lazy.js';

useAdminMessages();

// The card on the move (no card is before this code has come).
const styles = css`
  .card.grabbed {
    outline: 3px dashed var(--ap-color-text, #0b0c0c);
    outline-offset: 2px;
  }
`;

export class Mover {
  readonly #pointer: PointerDragController;

  constructor(private readonly board: MovesBoard) {
    addStyles(board.host.renderRoot as ShadowRoot, styles);
    this.#pointer = new PointerDragController(board.host, {
      columns: () => board.columns(),
      grab: () => board.grab(),
      accepts: (column) => board.accepts(column),
      pickUp: (id) => this.pickUp(id),
      moveGrab: (to) => this.#moveGrab(to),
      drop: () => this.#drop(),
      cancel: () => this.#cancel(),
    });
  }

  #say(key: MessageKey, params?: MessageParams): void {
    this.board.announce(t(this.board.plan().locale, key, params));
  }

  /** Starts a pointer drag of the card `id` from (x, y): it picks the card up once the pointer has moved a few pixels. */
  drag(id: string, x: number, y: number): void {
    this.#pointer.start(id, x, y);
  }

  /** Picks the card up where it is now (the board has checked that it may move). */
  pickUp(id: string): void {
    const { board } = this;
    const here = positionOf(board.columns(), id);
    if (!here) return;
    const from = { column: board.columns()[here.column]!.key, index: here.index };
    board.setGrab({ id, from, to: { ...from } });
    this.#announceGrab('board.picked-up');
    void board.focusCard(id);
  }

  /** A key pressed on the card picked up: the arrows, Home and End move it, Space or Enter drop it, Escape or Tab put it back. */
  key(key: string): void {
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
      this.#moveGrab({ column: column.key, index: Math.max(0, Math.min(to, room)) });
      void board.focusCard(grab.id);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(c, index + 1),
      ArrowUp: () => moveTo(c, index - 1),
      ArrowRight: () => moveTo(c + 1, index),
      ArrowLeft: () => moveTo(c - 1, index),
      Home: () => moveTo(c, 0),
      End: () => moveTo(c, Infinity),
      ' ': () => void this.#drop(),
      Enter: () => void this.#drop(),
      Escape: () => this.#cancel(),
      // Tab leaves the board as usual, putting the card back.
      Tab: () => this.#cancel(),
    };
    keys[key]?.();
  }

  #moveGrab(to: Grab['to']): void {
    this.board.setGrab({ ...this.board.grab()!, to });
    this.#announceGrab('board.position');
  }

  #announceGrab(key: 'board.picked-up' | 'board.position' | 'board.dropped'): void {
    const { board } = this;
    const grab = board.grab()!;
    const column = board.column(grab.to.column)!;
    const count = column.actions.filter((a) => a.id !== grab.id).length + 1;
    this.#say(key, { title: board.action(grab.id)?.title, column: board.columnTitle(column), position: grab.to.index + 1, count });
  }

  #cancel(): void {
    const { board } = this;
    const grab = board.grab();
    if (!grab) return;
    board.setGrab(undefined);
    this.#say('board.cancelled', { title: board.action(grab.id)?.title, column: board.columnTitle(board.column(grab.from.column)) });
    void board.focusCard(grab.id);
  }

  async #drop(): Promise<void> {
    const { board } = this;
    const grab = board.grab()!;
    this.#announceGrab('board.dropped');
    if (grab.to.column !== grab.from.column || grab.to.index !== grab.from.index) {
      const column = board.column(grab.to.column)!;
      await this.#write(grab.id, grab.to.column, column.actions.filter((a) => a.id !== grab.id), grab.to.index);
    }
    board.setGrab(undefined);
    await board.focusCard(grab.id);
  }

  /** The "Move to…" menu's choice: the card goes to the end of the column. */
  async moveTo(action: Action, columnKey: string): Promise<void> {
    const { board } = this;
    const column = board.column(columnKey)!;
    const others = column.actions.filter((a) => a.id !== action.id);
    await this.#write(action.id, columnKey, others, others.length);
    this.#say('board.dropped', { title: action.title, column: board.columnTitle(column), position: others.length + 1, count: others.length + 1 });
    await board.focusCard(action.id);
  }

  /** Moves the `index`th priority's column one place left (-1) or right (1). */
  async reorderPriority(index: number, step: -1 | 1): Promise<void> {
    const plan = this.board.plan();
    const ordered = this.board.columns().flatMap((c) => (c.priority ? [c.priority] : []));
    const orderAt = (i: number) => ordered[i]?.order ?? i + 1;
    const moving = ordered[index]!;
    // One write, as for ranks: halfway between the neighbour it passes and the one beyond.
    const beyond = ordered[index + 2 * step] ? (orderAt(index + step) + orderAt(index + 2 * step)) / 2 : orderAt(index + step) + step;
    await plan.store!.put('priorities', { ...moving, order: beyond }, { by: plan.user });
    this.#say('board.priority-saved', { title: moving.title });
  }

  /** The one write a move makes: the moved action's column field and rank. */
  async #write(id: string, columnKey: string, others: Action[], index: number): Promise<void> {
    const { board } = this;
    const plan = board.plan();
    const previous = board.action(id)!;
    const patch = { ...movePatch(board.grouping(), columnKey), rank: rankAt(others, index) };
    const fields = Object.keys(patch).filter((field) => previous[field as keyof Action] !== patch[field as keyof typeof patch]);
    try {
      const action = await plan.store!.put('actions', { ...previous, ...patch }, { by: plan.user });
      // Keep showing the move until the board has re-read the store, so the card never jumps back.
      await board.settled();
      await board.host.updateComplete;
      board.moved({ action, previous, fields });
    } catch (error) {
      // The words for a refused write are fetched with the first one (a storage error says itself).
      board.failed(await import('../../i18n/issues.js').then(({ describeError }) => describeError(error, plan.locale), () => (error as Error).message));
    }
  }
}
