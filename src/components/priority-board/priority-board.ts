import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { PlanActionsController } from '../../controllers/actions.js';
import { AnnounceController, visuallyHidden } from '../../controllers/announce.js';
import { apEvent } from '../../events.js';
import {
  ACTION_STATUSES,
  RAGS,
  effectiveTarget,
  financialQuarter,
  isEmptyFilter,
  matchesFilter,
  quarterBounds,
  type Action,
  type ActionStatus,
  type IsoDate,
  type PlanFilter,
  type Priority,
  type Rag,
} from '../../model/index.js';
import { ragLabel, statusLabel, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { GROUP_BYS, buildColumns, editsBetween, patchColumns, type Column, type Grab, type GroupBy } from './columns.js';
import { headingLevelContext } from '../../context/index.js';
import { HeadingLevel, heading } from '../../context/heading.js';
import { field } from '../shared/fields.js';
import { loadOnce } from '../../load-once.js';
import { LazyDialog, lazyStatus } from '../shared/lazy.js';
import type { BoardDialog, BoardDialogForm, DialogBoard } from './board-dialog.js';
import type { ColumnWindowController } from './column-window.js';
import { KeyboardMovesController } from './keyboard-moves.js';
import { LazyMoves, positionOf, type MovesBoard } from './moves.js';
import { styles } from './priority-board.styles.js';

/** Columns this long or longer show only the cards in view (column-window.ts). */
const WINDOW_FROM = 40;

// The windowing of long columns, fetched when a board first has one (a chunk of its own in the
// drop-in) and kept for every board: one made after it has come windows from its first render.
// A failure is not tried again: the page shows every card instead.
const windowCode = loadOnce(() => import('./column-window.js'));
let WindowController: typeof ColumnWindowController | undefined;
let windowFailed = false;

const FILTER_LABELS: Record<Exclude<keyof PlanFilter, 'overdue' | 'needsDate'>, MessageKey> = {
  rag: 'field.rag',
  status: 'field.status',
  priorityId: 'field.priorityId',
  lead: 'field.leadAgency',
  owner: 'field.owner',
  dueWithinDays: 'board.filter-due-within',
  quarter: 'board.filter-quarter',
  search: 'board.search',
};

/**
 * The plan's actions as cards in columns, grouped by priority, status, RAG or lead agency, with
 * filters. Cards move between columns by pointer drag, by keyboard (Space, arrows, Space) or by
 * their "Move to…" button; the order within a column is kept as a fractional rank, so a move
 * rewrites one action. Long columns are virtualised.
 *
 * @summary Board of the plan's actions: columns, filters, drag and keyboard moves, priority management.
 * @event ap-action-change - The user moved or added an action; `detail`: `{ action, previous, fields }`.
 * @event ap-filter-change - The user removed a filter the plan holds (set by a sibling such as `<ap-rag-summary>`).
 * @csspart filters - The filter form.
 * @csspart active-filters - The filters set elsewhere on the page, each with a remove button.
 * @csspart columns - The row of columns.
 * @csspart column - One column.
 * @csspart column-header - A column's name, lead, count and RAG breakdown.
 * @csspart card - The list item around each compact action card (the keyboard focus stop).
 * @csspart move-menu - The "Move to…" list of columns.
 * @csspart button - Every button.
 * @csspart dialog - The add action, priority and retire dialogs.
 * @cssproperty --ap-board-column-width - Width of a column (default 18rem).
 * @cssproperty --ap-board-column-height - Height of a long (virtualised) column (default 70vh).
 * @cssproperty --ap-color-border - Borders.
 * @cssproperty --ap-color-focus - Focus ring.
 * @cssproperty --ap-color-error - Error messages.
 * @cssproperty --ap-color-button - Primary button.
 */
export class ApPriorityBoard extends HeadingLevel(LitElement) {
  static override styles = [styles, visuallyHidden];

  /** Column grouping: `priority` (default), `status`, `rag` (computed, so no moves) or `lead` (lead agency). */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'priority';
  @property({ attribute: 'filter-rag' }) filterRag?: Rag;
  @property({ attribute: 'filter-status' }) filterStatus?: ActionStatus;
  @property({ attribute: 'filter-priority' }) filterPriority?: string;
  @property({ attribute: 'filter-lead' }) filterLead?: string;
  @property({ attribute: 'filter-owner' }) filterOwner?: string;
  /** Only actions whose target date has passed and that are not complete or cancelled. */
  @property({ attribute: 'filter-overdue', type: Boolean }) filterOverdue = false;
  /** Only open actions imported with a timescale that is not a date ("Target date needed"). */
  @property({ attribute: 'filter-needs-date', type: Boolean }) filterNeedsDate = false;
  /** Only open actions due within this many days. */
  @property({ attribute: 'due-within', type: Number }) dueWithin?: number;
  /** Only actions whose target date falls in this financial quarter, e.g. "2023/24 Q4". */
  @property() quarter?: string;
  /** Only actions whose title, description, owner or lead agency contain this text. */
  @property() search?: string;

  @state() private focusId?: string;
  @state() private grab?: Grab;
  @state() private menuFor?: string;
  @state() private error?: string;
  // A card's title is one below its column's heading. A controller, not @provide: its decorator code would be in every page's download for one field.
  readonly #cardLevel = new ContextProvider(this, { context: headingLevelContext, initialValue: 3 });

  readonly #data = new PlanActionsController(this);
  readonly #plan = this.#data.plan;
  readonly #announcer = new AnnounceController(this);
  #columns: Column[] = [];
  readonly #keyboard = new KeyboardMovesController(this, {
    columns: () => this.#columns,
    focusCard: (id) => this.#focusCard(id),
    pickUp: (id) => this.#pickUp(id),
    moving: () => !!this.grab || this.#moves.waiting,
    keyWhileMoving: (key) => {
      // Tab leaves the board as usual; a card about to be picked up then stays where it is.
      if (key === 'Tab' && !this.grab) this.#moves.forget();
      else this.#moves.run((mover) => this.grab && mover.key(key));
      return key !== 'Tab';
    },
    closeMenu: () => {
      if (this.menuFor) this.#closeMenu();
    },
    openCard: (id) => this.#cardTitle(id)?.click(),
  });
  readonly #moves = new LazyMoves(this, this.#movesBoard(), () => this.#announcer.announce(this.#t('lazy.failed')));
  #window?: ColumnWindowController;
  readonly #dialog = new LazyDialog<BoardDialog, BoardDialogForm>(this, async () => {
    const { BoardDialogForm } = await import('./board-dialog.js');
    return (dialog) => new BoardDialogForm(this.#dialogBoard, dialog);
  });

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  #t(key: MessageKey, params?: Record<string, string | number | undefined>): string {
    return t(this.#locale, key, params);
  }

  get #ownFilter(): PlanFilter {
    return {
      rag: this.filterRag || undefined,
      status: this.filterStatus || undefined,
      priorityId: this.filterPriority || undefined,
      lead: this.filterLead || undefined,
      owner: this.filterOwner || undefined,
      overdue: this.filterOverdue || undefined,
      needsDate: this.filterNeedsDate || undefined,
      dueWithinDays: Number.isFinite(this.dueWithin) ? this.dueWithin : undefined,
      quarter: this.quarter || undefined,
      search: this.search || undefined,
    };
  }

  get #movable(): boolean {
    return !this.#plan.plan?.readonly && this.groupBy !== 'rag';
  }

  /** The signed-in person may move this action: edit it, and change the field its columns set. */
  #mayMove(id: string): boolean {
    const action = this.#action(id);
    const { rights } = this.#plan.plan!;
    const priority = this.#data.priorities.find((p) => p.id === action?.priorityId);
    const field = { priority: 'priorityId', lead: 'leadAgency', status: 'status', rag: 'status' }[this.#grouping];
    return !!action && rights.editAction(action, priority) && !rights.lockedActionFields(action, priority).includes(field);
  }

  get #grouping(): GroupBy {
    return GROUP_BYS.includes(this.groupBy) ? this.groupBy : 'priority';
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#cardLevel.setValue(Math.min(this.level + 1, 6));
    if (changed.has('groupBy') && !GROUP_BYS.includes(this.groupBy)) {
      console.warn(`<ap-priority-board group-by="${this.groupBy}"> is not one of ${GROUP_BYS.join(', ')}; grouping by priority.`);
    }
  }

  protected override render() {
    const plan = this.#plan.plan;
    const data = this.#data;
    if (!plan || !data.loaded) return html`${this.#announcer.region()}`;
    const { shown, quarterError } = this.#view(plan.filter, plan.today, data);
    const focusId = this.focusId && positionOf(this.#columns, this.focusId) ? this.focusId : this.#columns.find((c) => c.actions.length)?.actions[0]?.id;
    return html`${this.#renderFilters(data.actions, data.priorities, quarterError)}
      <p class="summary">${this.#t('board.showing', { shown: shown.length, total: data.actions.length })}</p>
      <p id="instructions" class="hint">${this.#t('board.instructions')}</p>
      ${this.groupBy === 'rag' ? html`<p class="hint" part="rag-note">${this.#t('board.rag-fixed')}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.#grouping === 'priority' && !plan.readonly && plan.rights.officer
        ? html`<button part="button" type="button" class="secondary" @click=${() => this.#dialog.open({ kind: 'priority' })}>${this.#t('board.add-priority')}</button>`
        : nothing}
      <div
        part="columns"
        class="columns"
        role="group"
        aria-label=${this.#t('board.label')}
        @keydown=${this.#keyboard.onKeydown}
        @pointerdown=${this.#onPointerDown}
        @focusin=${this.#preload}
        @pointerover=${this.#preload}
      >
        ${repeat(this.#columns, (column) => column.key, (column, i) => this.#renderColumn(column, i, focusId))}
      </div>
      ${this.#dialog.render()} ${this.#announcer.region()}`;
  }

  #memo?: { inputs: unknown[]; shown: Action[]; quarterError: string };
  #lists?: { actions: Action[]; lead: string[]; owner: string[]; quarter: string[] };
  // Quarter label by target date: a plan has far fewer dates than actions.
  #quarters = new Map<IsoDate, string>();

  // Recomputed only when data, filters, grouping or a move change, so roving focus over 2,000 cards stays cheap.
  #view(planFilter: PlanFilter, today: string, data: PlanActionsController) {
    const own = this.#ownFilter;
    const rules = this.#plan.plan!.ragRules;
    const inputs = [data.actions, data.priorities, planFilter, today, rules, this.#grouping, this.grab, ...Object.values(own)];
    const memo = this.#memo;
    // Whether the inputs are those of the last view, from the `from`th on.
    const same = (from: number) => memo?.inputs.length === inputs.length && inputs.every((value, i) => i < from || value === memo.inputs[i]);
    if (same(0)) return memo!;
    let quarterError = '';
    try {
      if (own.quarter) quarterBounds(own.quarter);
    } catch (error) {
      quarterError = (error as Error).message;
      own.quarter = undefined;
    }
    // RAG from the cache: matchesFilter would work it out afresh for every action.
    const passes = ({ rag, ...rest }: PlanFilter) => (a: Action) => matchesFilter(a, rest, today, rules) && (!rag || data.rag(a).rag === rag);
    const filters = [planFilter, own].filter((filter) => !isEmptyFilter(filter)).map(passes);
    const shows = (a: Action) => filters.every((passing) => passing(a));
    // Only actions edited in place (a status change): swap them into their columns instead of grouping and sorting every action again.
    const edits = !this.grab && same(1) ? editsBetween(memo!.inputs[0] as Action[], data.actions)?.filter(([before, after]) => shows(before) || shows(after)) : undefined;
    const patched = edits?.every(([before, after]) => shows(before) && shows(after)) && patchColumns(this.#columns, edits, this.#grouping, data);
    if (patched) {
      const swap = new Map(edits);
      this.#columns = patched;
      return (this.#memo = { inputs, shown: filters.length ? memo!.shown.map((a) => swap.get(a) ?? a) : data.actions, quarterError });
    }
    const shown = filters.length ? data.actions.filter(shows) : data.actions;
    this.#columns = buildColumns(shown, data.priorities, this.#grouping, data, this.grab);
    return (this.#memo = { inputs, shown, quarterError });
  }

  #column(key: string): Column | undefined {
    return this.#columns.find((c) => c.key === key);
  }

  /** Whether cards may be moved into the column: not the RAG board's "none" nor the unassigned priority. */
  #accepts(column?: Column): column is Column {
    // A priority column takes actions only from those who may add to it (officers, its lead).
    return !!column && column.key !== 'none' && !(this.#grouping === 'priority' && !(column.priority && this.#plan.plan!.rights.createAction(column.priority)));
  }

  #columnTitle(column?: Column): string {
    if (!column) return '';
    switch (this.#grouping) {
      case 'priority':
        return column.priority?.title ?? this.#t('board.unassigned');
      case 'status':
        return statusLabel(column.key as ActionStatus, this.#locale);
      case 'rag':
        return column.key === 'none' ? this.#t('board.no-rag') : ragLabel(column.key as Rag, this.#locale);
      case 'lead':
        return column.key || this.#t('board.no-lead');
    }
  }

  #renderFilters(actions: Action[], priorities: Priority[], quarterError: string) {
    const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');
    const edits = this.#lists && editsBetween(this.#lists.actions, actions);
    // Edits that keep every lead, owner and target date keep the lists.
    if (edits?.every(([a, b]) => a.leadAgency === b.leadAgency && a.owner === b.owner && effectiveTarget(a) === effectiveTarget(b))) this.#lists!.actions = actions;
    else {
      const distinct = (pick: (a: Action) => string | undefined) => {
        const values = new Set<string>();
        for (const action of actions) values.add(pick(action)?.trim() ?? '');
        values.delete('');
        return [...values].sort(byName);
      };
      const quarterOf = (date: IsoDate) => this.#quarters.get(date) ?? this.#quarters.set(date, financialQuarter(date).label).get(date)!;
      this.#lists = {
        actions,
        lead: distinct((a) => a.leadAgency),
        owner: distinct((a) => a.owner),
        quarter: distinct((a) => effectiveTarget(a) && quarterOf(effectiveTarget(a)!)),
      };
    }
    const lists = this.#lists!;
    // The value chosen stays an option even when no action has it (any more).
    const distinct = (values: string[], current?: string) => (!current || values.includes(current) ? values : [...values, current].sort(byName)).map((v) => [v, v]);
    const select = (label: MessageKey, id: string, name: 'filterRag' | 'filterStatus' | 'filterPriority' | 'filterLead' | 'filterOwner' | 'quarter', options: string[][]) =>
      field(
        `filter-${id}`,
        this.#t(label),
        html`<select id="filter-${id}" name=${name} @change=${this.#onFilter}>
          <option value="" ?selected=${!this[name]}>${this.#t('widget.any')}</option>
          ${options.map(([v, text]) => html`<option value=${v!} ?selected=${v === this[name]}>${text}</option>`)}
        </select>`,
      );
    const active = Object.entries(this.#plan.plan!.filter).filter(([, v]) => v !== undefined && v !== '' && v !== false);
    return html`<form part="filters" class="filters" aria-label=${this.#t('board.filters')} @submit=${(e: Event) => e.preventDefault()}>
        ${field('filter-search', this.#t('board.search'), html`<input id="filter-search" name="search" type="search" .value=${this.search ?? ''} @input=${this.#onFilter} />`)}
        ${select('field.rag', 'rag', 'filterRag', RAGS.map((r) => [r, ragLabel(r, this.#locale)]))}
        ${select('field.status', 'status', 'filterStatus', ACTION_STATUSES.map((s) => [s, statusLabel(s, this.#locale)]))}
        ${select('field.priorityId', 'priority', 'filterPriority', priorities.filter((p) => !p.retired).map((p) => [p.id, p.title]))}
        ${select('field.leadAgency', 'lead', 'filterLead', distinct(lists.lead, this.filterLead))}
        ${select('field.owner', 'owner', 'filterOwner', distinct(lists.owner, this.filterOwner))}
        ${select('board.filter-quarter', 'quarter', 'quarter', distinct(lists.quarter, this.quarter))}
        ${field(
          'filter-due',
          this.#t('board.filter-due-within'),
          html`<input id="filter-due" name="dueWithin" type="number" min="0" inputmode="numeric" .value=${Number.isFinite(this.dueWithin) ? String(this.dueWithin) : ''} @input=${this.#onFilter} />`,
        )}
        <div class="field checkbox">
          <input id="filter-overdue" name="filterOverdue" type="checkbox" .checked=${this.filterOverdue} @change=${this.#onFilter} />
          <label for="filter-overdue">${this.#t('board.filter-overdue')}</label>
        </div>
        <div class="field checkbox">
          <input id="filter-needs-date" name="filterNeedsDate" type="checkbox" .checked=${this.filterNeedsDate} @change=${this.#onFilter} />
          <label for="filter-needs-date">${this.#t('card.target-needed')}</label>
        </div>
        ${isEmptyFilter(this.#ownFilter) ? nothing : html`<button part="button" type="button" class="link" @click=${this.#clearOwnFilter}>${this.#t('board.clear-filters')}</button>`}
        ${quarterError ? html`<p class="error" role="alert">${quarterError}</p>` : nothing}
      </form>
      ${active.length
        ? html`<div part="active-filters" class="active-filters">
            <span>${this.#t('board.plan-filter')}</span>
            ${active.map(([key, value]) => {
              const text = this.#describeFilter(key as keyof PlanFilter, value, priorities);
              return html`<button part="button" type="button" class="chip" aria-label=${this.#t('board.remove-filter', { filter: text })} @click=${() => this.#removePlanFilter(key as keyof PlanFilter)}>
                ${text} <span aria-hidden="true">×</span>
              </button>`;
            })}
          </div>`
        : nothing}`;
  }

  #describeFilter(key: keyof PlanFilter, value: unknown, priorities: Priority[]): string {
    const locale = this.#locale;
    if (key === 'overdue') return t(locale, 'board.filter-overdue');
    if (key === 'needsDate') return t(locale, 'card.target-needed');
    const label = FILTER_LABELS[key];
    const text =
      key === 'rag'
        ? ragLabel(value as Rag, locale)
        : key === 'status'
          ? statusLabel(value as ActionStatus, locale)
          : key === 'priorityId'
            ? (priorities.find((p) => p.id === value)?.title ?? value)
            : key === 'search'
              ? `“${value}”`
              : value;
    return `${t(locale, label)}: ${text}`;
  }

  #removePlanFilter(key: keyof PlanFilter): void {
    const rest = { ...this.#plan.plan!.filter };
    delete rest[key];
    this.dispatchEvent(apEvent('ap-filter-change', rest));
  }

  // Each filter control is named after the property it sets.
  #onFilter(event: Event): void {
    const { name, value, checked, type } = event.target as HTMLInputElement;
    Object.assign(this, { [name]: type === 'checkbox' ? checked : value === '' ? undefined : type === 'number' ? Number(value) : value });
  }

  #clearOwnFilter(): void {
    this.search = this.filterRag = this.filterStatus = this.filterPriority = this.filterLead = this.filterOwner = this.quarter = this.dueWithin = undefined;
    this.filterOverdue = false;
    this.filterNeedsDate = false;
  }

  #renderColumn(column: Column, index: number, focusId?: string) {
    const title = this.#columnTitle(column);
    const headingId = `column-${index}`;
    const lead = column.priority?.lead;
    const count = column.actions.length;
    const canEdit = this.#grouping === 'priority' && !this.#plan.plan!.readonly && this.#plan.plan!.rights.officer && column.priority;
    const renderCard = (action: Action, position: number) => this.#renderCard(action, position, column, focusId);
    return html`<section part="column" class="column" aria-labelledby=${headingId}>
      <header part="column-header">
        ${heading(this.level, title, { id: headingId })}
        ${lead ? html`<p class="lead">${this.#t('board.lead', { lead })}</p>` : nothing}
        <p class="count">${count === 1 ? this.#t('board.count-one') : this.#t('board.count', { count })}</p>
        <ul class="rag-breakdown">
          ${RAGS.filter((rag) => column.counts[rag] > 0).map((rag) => html`<li class="tag rag-${rag}">${column.counts[rag]} ${ragLabel(rag, this.#locale)}</li>`)}
        </ul>
        ${canEdit ? this.#renderPriorityTools(column.priority!, title, index) : nothing}
      </header>
      ${count === 0
        ? html`<p class="empty">${this.#t('board.empty-column')}</p>`
        : count >= WINDOW_FROM && this.#longColumns()
          ? this.#window!.render(column, headingId, renderCard)
          : html`<ul class="cards" data-column=${column.key} aria-labelledby=${headingId}>
              ${repeat(count >= WINDOW_FROM && !windowFailed ? column.actions.slice(0, WINDOW_FROM) : column.actions, (a) => a.id, renderCard)}
            </ul>`}
      ${this.#movable && this.#accepts(column) && (this.#grouping === 'priority' || this.#plan.plan!.rights.officer)
        ? html`<button part="button" type="button" class="secondary add" @click=${() => this.#dialog.open({ kind: 'action', column: column.key })}>
            ${this.#t('board.add-action')}<span class="ap-visually-hidden">: ${title}</span>
          </button>`
        : nothing}
    </section>`;
  }

  /**
   * Whether long columns are windowed: once the code has come. Until then a long column shows its
   * first cards (drawing thousands only to window them a moment later would hold the page up), and
   * all of them if the code cannot come.
   */
  #longColumns(): boolean {
    if (WindowController) this.#window ??= new WindowController(this, (key) => this.#column(key));
    else if (!windowFailed) {
      void windowCode()
        .then((module) => (WindowController = module.ColumnWindowController), () => (windowFailed = true))
        .then(() => this.requestUpdate());
    }
    return !!this.#window;
  }

  #renderPriorityTools(priority: Priority, title: string, index: number) {
    const last = this.#columns.filter((c) => c.priority).length - 1;
    return html`<div class="tools">
      <button part="button" type="button" class="link" @click=${() => this.#dialog.open({ kind: 'priority', priority })}>
        ${this.#t('board.edit-priority')}<span class="ap-visually-hidden">: ${title}</span>
      </button>
      <button part="button" type="button" class="link" ?disabled=${index === 0} @click=${() => this.#moves.run((mover) => void mover.reorderPriority(index, -1))}>
        <span aria-hidden="true">←</span><span class="ap-visually-hidden">${this.#t('board.move-left', { title })}</span>
      </button>
      <button part="button" type="button" class="link" ?disabled=${index >= last} @click=${() => this.#moves.run((mover) => void mover.reorderPriority(index, 1))}>
        <span aria-hidden="true">→</span><span class="ap-visually-hidden">${this.#t('board.move-right', { title })}</span>
      </button>
      <button part="button" type="button" class="link" @click=${() => this.#retire(priority)}>${this.#t('board.retire-priority', { title })}</button>
    </div>`;
  }

  #renderCard(action: Action, position: number, column: Column, focusId?: string) {
    const active = action.id === focusId;
    const grabbed = this.grab?.id === action.id;
    const menuOpen = this.menuFor === action.id;
    return html`<li
      part="card"
      class="card ${grabbed ? 'grabbed' : ''}"
      tabindex=${active ? 0 : -1}
      data-id=${action.id}
      data-column=${column.key}
      aria-posinset=${position + 1}
      aria-setsize=${column.actions.length}
      aria-describedby="instructions"
      @focus=${() => (this.focusId = action.id)}
    >
      <ap-action-card compact .action=${action} .titleTabIndex=${-1}></ap-action-card>
      ${this.#movable && this.#mayMove(action.id)
        ? html`<button
              part="button"
              type="button"
              class="link move-button"
              tabindex=${active ? 0 : -1}
              aria-expanded=${menuOpen ? 'true' : 'false'}
              aria-controls="move-${action.id}"
              @click=${() => this.#toggleMenu(menuOpen ? undefined : action.id)}
            >
              ${this.#t('board.move-to')}<span class="ap-visually-hidden"> ${action.title}</span>
            </button>
            <ul part="move-menu" class="move-menu" id="move-${action.id}" ?hidden=${!menuOpen} aria-label=${this.#t('board.move-menu', { title: action.title })}>
              ${!menuOpen
                ? nothing
                : this.#moves.error
                  ? html`<li>${lazyStatus(this, this.#moves)}</li>`
                  : this.#columns
                      .filter((c) => c !== column && this.#accepts(c))
                      .map(
                        (c) =>
                          html`<li>
                            <button part="button" type="button" class="link" @click=${() => this.#moveTo(action, c.key)}>${this.#t('board.move-to-column', { column: this.#columnTitle(c) })}</button>
                          </li>`,
                      )}
            </ul>`
        : nothing}
    </li>`;
  }

  // ---- Moves: the grab the keyboard and the pointer share, the "Move to…" menu, and the write a move makes.

  #action(id: string): Action | undefined {
    return this.#data.actions.find((a) => a.id === id);
  }

  #cardTitle(id: string): HTMLElement | null | undefined {
    return this.#cardElement(id)?.querySelector('ap-action-card')?.shadowRoot?.querySelector<HTMLElement>('[part~="title"]');
  }

  #pickUp(id: string): void {
    if (!this.#movable) return this.#announcer.announce(this.#t(this.#plan.plan?.readonly ? 'board.readonly' : 'board.rag-fixed'));
    if (!this.#mayMove(id)) return this.#announcer.announce(this.#t('board.may-not-move'));
    this.#moves.run((mover) => mover.pickUp(id));
  }

  #toggleMenu(id?: string): void {
    this.menuFor = id;
    // Its moves, which a press that did not focus the button (Safari's) has not asked for yet.
    if (id) this.#moves.preload();
  }

  #closeMenu(): void {
    const id = this.menuFor!;
    this.menuFor = undefined;
    void this.updateComplete.then(() => this.#cardElement(id)?.querySelector<HTMLElement>('.move-button')?.focus());
  }

  #moveTo(action: Action, columnKey: string): void {
    this.menuFor = undefined;
    this.#moves.run((mover) => void mover.moveTo(action, columnKey));
  }

  /** A card someone may move, focused or pointed at: they may be about to move it. */
  #preload = (event: Event): void => {
    const id = this.#cardId(event);
    if (id && this.#movable && this.#mayMove(id)) this.#moves.preload();
  };

  /** A press on a card may start a drag, but not one on its "Move to…" button or menu. */
  #onPointerDown = (event: PointerEvent): void => {
    const path = event.composedPath() as HTMLElement[];
    const onButton = path.some((el) => el.classList?.contains('move-button') || el.parentElement?.classList?.contains('move-menu'));
    const id = this.#cardId(event);
    if (id && !onButton && event.button === 0 && this.#movable && this.#mayMove(id)) this.#moves.drag(id, event.clientX, event.clientY);
  };

  #cardId(event: Event): string | undefined {
    return (event.composedPath() as HTMLElement[]).find((el) => el.localName === 'li' && el.dataset?.id)?.dataset.id;
  }

  #movesBoard(): MovesBoard {
    return {
      host: this,
      plan: () => this.#plan.plan!,
      columns: () => this.#columns,
      column: (key) => this.#column(key),
      columnTitle: (column) => this.#columnTitle(column),
      grouping: () => this.#grouping,
      accepts: (column): column is Column => this.#accepts(column),
      action: (id) => this.#action(id),
      grab: () => this.grab,
      setGrab: (grab) => {
        this.grab = grab;
        if (grab) this.menuFor = undefined;
      },
      announce: (text) => this.#announcer.announce(text),
      focusCard: (id) => this.#focusCard(id),
      settled: () => this.#data.settled,
      moved: (detail) => {
        this.error = undefined;
        this.dispatchEvent(apEvent('ap-action-change', detail));
      },
      failed: (problem) => (this.error = problem),
    };
  }

  #cardElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);
  }

  /** Focuses a card, first scrolling a long column to where the card is when it is not in the DOM. */
  async #focusCard(id: string): Promise<void> {
    this.focusId = id;
    await this.updateComplete;
    const at = positionOf(this.#columns, id);
    if (at && !this.#cardElement(id) && this.#window?.reveal(this.#columns[at.column]!, at.index)) {
      this.requestUpdate();
      await this.updateComplete;
    }
    this.#cardElement(id)?.focus();
  }

  // ---- Dialogs (board-dialog.ts, loaded when one is first opened), retiring and ordering priorities.

  readonly #dialogBoard: DialogBoard = {
    host: this,
    plan: () => this.#plan.plan!,
    priorities: () => this.#data.priorities,
    grouping: () => this.#grouping,
    column: (key) => this.#column(key),
    columnTitle: (column) => this.#columnTitle(column),
    announce: (text) => this.#announcer.announce(text),
    added: (action) => {
      this.dispatchEvent(apEvent('ap-action-change', { action, fields: ['created'] }));
      this.focusId = action.id;
    },
    close: () => this.#dialog.close(),
  };

  async #retire(priority: Priority): Promise<void> {
    const plan = this.#plan.plan!;
    const open = this.#data.actions.filter((a) => a.priorityId === priority.id && a.status !== 'complete' && a.status !== 'cancelled');
    if (open.length) return this.#dialog.open({ kind: 'retire', priority, open });
    await plan.store!.put('priorities', { ...priority, retired: true }, { by: plan.user });
    this.#announcer.announce(this.#t('board.retired', { title: priority.title }));
  }
}
