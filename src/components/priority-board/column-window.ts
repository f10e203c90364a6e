// Windowing of long columns: only the cards in view of the column's scroller, plus overscan, are in
// the DOM; the list's ::before and ::after stand in for the cards above and below those rendered.
// Loaded when the board first has a long column (a chunk of its own in the drop-in).
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { addStyles } from '../shared/lazy.js';
import type { Action } from '../../model/index.js';
import type { Column } from './columns.js';

const OVERSCAN_PX = 120;
/** A card's height until one has been measured. */
const CARD_PX = 160;

/** The cards a long column renders, [start, end), the height of those above and below, and what that was worked out from. */
type Slice = { start: number; end: number; before: number; after: number; actions: Action[]; measured: number; top: number; height: number };

// A long (.virtual) column keeps its cards in place itself when measured heights change, so the browser's
// anchoring would move them twice; its ::before and ::after, sized from code, stand in for the cards not rendered.
const styles = css`
  .cards.virtual {
    display: block;
    height: var(--ap-board-column-height, 70vh);
    overflow: auto;
    overflow-anchor: none;
  }
  .virtual::before,
  .virtual::after {
    content: '';
    display: block;
    height: var(--ap-window-before);
  }
  .virtual::after {
    height: var(--ap-window-after);
  }
`;

const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0);

export class ColumnWindowController implements ReactiveController {
  // Measured card heights by action id; a card not yet measured counts as their average.
  readonly #heights = new Map<string, number>();
  #heightSum = 0;
  // Counts the updates to #heights, so that a column re-anchors only after one.
  #measured = 0;
  // What each long column renders, and its scroller, by column key. A scroller's position and height
  // come from its scroll events and the resize observer: reading them while rendering would force a layout.
  readonly #windows = new Map<string, Slice>();
  readonly #scrollers = new Map<string, { list: HTMLElement; top: number; height?: number }>();
  // Each card and scroller is observed once: observing one again reports its size again.
  readonly #observed = new Set<Element>();
  readonly #resize = new ResizeObserver((entries) => {
    let measured = false;
    let resized = false;
    for (const entry of entries) {
      const target = entry.target as HTMLElement;
      const scroller = this.#scrollers.get(target.dataset.column!);
      if (scroller?.list === target) {
        resized ||= scroller.height !== target.clientHeight;
        scroller.height = target.clientHeight;
        continue;
      }
      const id = target.dataset.id!;
      const height = entry.borderBoxSize[0]!.blockSize;
      const known = this.#heights.get(id);
      if (!height || height === known) continue;
      this.#heightSum += height - (known ?? 0);
      this.#heights.set(id, height);
      measured = true;
    }
    if (measured) this.#measured++;
    // Next frame: re-rendering inside the observer's callback resizes observed cards again in the
    // same frame, which the browser reports as a "ResizeObserver loop" error.
    if (measured || resized) requestAnimationFrame(() => this.host.requestUpdate());
  });

  /** `column(key)`: the column the board shows under that key now. */
  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly column: (key: string) => Column | undefined,
  ) {
    host.addController(this);
    addStyles(host.renderRoot as ShadowRoot, styles);
  }

  /** The column's cards as a list that renders only those near its scroller's view. */
  render(column: Column, headingId: string, renderCard: (action: Action, position: number) => unknown) {
    const { start, end } = this.#window(column);
    return html`<ul class="cards virtual" data-column=${column.key} aria-labelledby=${headingId} @scroll=${this.#onScroll}>
      ${repeat(column.actions.slice(start, end), (a) => a.id, (a, i) => renderCard(a, start + i))}
    </ul>`;
  }

  /** Scrolls a long column to its `index`th card, so the next render puts it in the DOM; false for a column not windowed. */
  reveal(column: Column, index: number): boolean {
    const scroller = this.#scrollers.get(column.key);
    if (!scroller) return false;
    const { list } = scroller;
    list.scrollTop = sum(this.#sizes(column.actions).slice(0, index)) - list.clientHeight / 2;
    scroller.top = list.scrollTop;
    return true;
  }

  hostUpdated(): void {
    for (const list of this.host.renderRoot.querySelectorAll<HTMLElement>('ul.virtual')) {
      const key = list.dataset.column!;
      const { before, after } = this.#windows.get(key)!;
      // A scroller just made starts at the top.
      if (this.#scrollers.get(key)?.list !== list) this.#scrollers.set(key, { list, top: 0 });
      list.style.setProperty('--ap-window-before', `${before}px`);
      list.style.setProperty('--ap-window-after', `${after}px`);
      for (const element of [list, ...list.children]) {
        if (!this.#observed.has(element)) this.#observed.add(element), this.#resize.observe(element);
      }
    }
    for (const [key, { list }] of this.#scrollers) if (!list.isConnected) this.#scrollers.delete(key);
    for (const element of this.#observed) if (!element.isConnected) this.#observed.delete(element), this.#resize.unobserve(element);
  }

  #sizes(actions: Action[]): number[] {
    const average = this.#heights.size ? this.#heightSum / this.#heights.size : CARD_PX;
    return actions.map((a) => this.#heights.get(a.id) ?? average);
  }

  /** The cards of a long column within overscan of its scroller's view, worked out again only after a scroll, a resize, a measurement or other cards. */
  #window(column: Column): Slice {
    const shown = this.#windows.get(column.key);
    const scroller = this.#scrollers.get(column.key);
    const height = scroller?.height || innerHeight;
    if (shown?.actions === column.actions && shown.measured === this.#measured && shown.top === (scroller?.top ?? 0) && shown.height === height) return shown;
    const sizes = this.#sizes(column.actions);
    // Heights measured since then move the cards: keep the first card rendered then where it was in view.
    if (scroller && shown && shown.measured !== this.#measured) {
      scroller.list.scrollTop += sum(sizes.slice(0, shown.start)) - shown.before;
      scroller.top = scroller.list.scrollTop;
    }
    const top = scroller?.top ?? 0;
    let start = 0;
    let y = 0;
    while (start < sizes.length - 1 && y + sizes[start]! <= top - OVERSCAN_PX) y += sizes[start++]!;
    const before = y;
    let end = start;
    while (end < sizes.length && y < top + height + OVERSCAN_PX) y += sizes[end++]!;
    const slice = { start, end, before, after: sum(sizes.slice(end)), actions: column.actions, measured: this.#measured, top, height };
    this.#windows.set(column.key, slice);
    return slice;
  }

  #onScroll = (event: Event): void => {
    const list = event.target as HTMLElement;
    const column = this.column(list.dataset.column!);
    const scroller = column && this.#scrollers.get(column.key);
    if (!scroller) return;
    scroller.top = list.scrollTop;
    const shown = this.#windows.get(column.key);
    const slice = this.#window(column);
    if (slice.start !== shown?.start || slice.end !== shown.end) this.host.requestUpdate();
  };
}
