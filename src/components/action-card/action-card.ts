import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { StoreRead } from '../../controllers/store-read.js';
import { PlanController } from '../../controllers/plan.js';
import { ragOf } from '../../controllers/actions.js';
import { AnnounceController } from '../../controllers/announce.js';
import { ExtensionRequestController } from '../../controllers/extension-request.js';
import { describeExtension, extensionList } from '../shared/extensions.js';
import { HeadingLevel, heading } from '../../context/heading.js';
import { whoCan } from '../shared/who-can.js';
import { apEvent } from '../../events.js';
import { daysBetween, effectiveTarget, needsTargetDate, openRequest, type Action, type HistoryEntry, type Milestone, type Priority } from '../../model/index.js';
import {
  describeReason,
  fieldLabel,
  formatDate,
  formatDateTime,
  formatMoney,
  formatRelativeDays,
  ragDescription,
  ragLabel,
  statusLabel,
  t,
  type Locale,
} from '../../i18n/index.js';
import type { ActionPlanStore } from '../../store/index.js';
import { Lazy, addStyles, lazyStatus } from '../shared/lazy.js';
import type { CardEditor, EditorCard } from './editor.js';
import { styles } from './action-card.styles.js';

interface CardData {
  action?: Action;
  priority?: Priority;
  history: HistoryEntry[];
  /** The record this tab had just written when the read began: the read is at least as new. */
  readAfter?: Action;
  /** The store it was read from: a read from another person's store is never shown. */
  store?: ActionPlanStore;
}

/**
 * One action of the plan, live from the store: a change in this tab, another tab or a sync
 * re-renders it. Give it `action-id`, or set `.action` (a board passes the action it already
 * has, so a `compact` card reads nothing from the store).
 *
 * The full card shows timescales, milestones on a timeline, progress, status, the RAG tag with
 * its reasons (and any override), funding, updates and change history, and an editor.
 * A `compact` card shows title, owner, target, RAG and progress; Enter or a click on it fires a
 * cancelable `ap-open-action` and, unless a listener calls `preventDefault()`, opens the full
 * card in a modal dialog.
 *
 * @summary One action with its timescales, RAG status and reasons, updates and editor.
 * @event ap-action-change - The user saved the action; `detail`: `{ action, previous, fields }`.
 * @event ap-open-action - A compact card was opened (cancelable); `detail`: `{ actionId }`.
 * @csspart card - The card's outline.
 * @csspart title - The action's title (a button on a compact card).
 * @csspart rag-tag - The RAG tag (text: Red, Amber, Green, Complete, Not started, Cancelled).
 * @csspart conflict - The "Conflict" badge.
 * @csspart reasons - The list of reasons for the RAG.
 * @csspart details - Lead agency, owner, status, dates, progress and funding.
 * @csspart timeline - The timeline bar with milestones and today's marker.
 * @csspart progress - The progress meter.
 * @csspart editor - The edit form.
 * @csspart who-can - Says who can update the action, where the signed-in person cannot.
 * @csspart extensions - The extension requests and their decisions ("Extension requested: 30 June 2024 (waiting for a decision)").
 * @csspart extension-request - The "Request a new target date" form (approvals required, not an officer).
 * @csspart error-summary - The list of problems shown when a save is refused.
 * @csspart button - Every button.
 * @csspart dialog - The dialog a compact card opens.
 * @cssproperty --ap-rag-red-background - Red tag fill (also -amber-, -green-, -blue-, -grey-).
 * @cssproperty --ap-rag-red-text - Red tag text (also -amber-, -green-, -blue-, -grey-).
 * @cssproperty --ap-color-border - Card border.
 * @cssproperty --ap-color-focus - Focus ring.
 * @cssproperty --ap-color-error - Error messages and error borders.
 * @cssproperty --ap-color-link - Buttons that look like links.
 * @cssproperty --ap-color-button - Primary button.
 */
export class ApActionCard extends HeadingLevel(LitElement) {
  static override styles = styles;

  /** Id of the action to show. */
  @property({ attribute: 'action-id' }) actionId = '';

  /** The action to show, when the page already has it; the store's copy wins once it is read (full card). */
  @property({ attribute: false }) action?: Action;

  /** A short card for a board column. */
  @property({ type: Boolean }) compact = false;

  /**
   * Tab index of a compact card's title button. A container that moves focus between cards itself
   * (the board's roving tabindex) sets -1, so each card is one tab stop, not two.
   */
  @property({ attribute: false }) titleTabIndex?: number;

  /** Shows the "Conflict" badge: a sync found the same field changed here and on the server. */
  @property({ type: Boolean, reflect: true }) conflict = false;

  /** The open edit form; its code is fetched when Edit is first pressed. */
  @state() private editor?: CardEditor;
  #editorCode = new Lazy(this, () => import('./editor.js'));
  /** A compact card's dialog is in the page only while open: a board shows hundreds of cards that are never opened. */
  @state() private opened = false;

  readonly #plan = new PlanController(this, {
    collections: ['actions', 'priorities', 'history'],
    // A compact card given its action reads nothing from the store; any card ignores edits of other actions.
    onChange: (change) => {
      if (this.compact && this.action) return false;
      if (change.collection !== 'actions') return true;
      if (change.ids.length > 0 && !change.ids.includes(this.#id ?? '')) return false;
      this.#written = (change.records?.find((record) => record.id === this.#id) as Action | undefined) ?? this.#written;
      return true;
    },
  });
  // The action as this tab just committed it, from the change feed: shown at once while the task reads its history.
  #written?: Action;
  readonly #announcer = new AnnounceController(this);
  readonly #extension = new ExtensionRequestController(this, {
    plan: () => this.#plan.plan,
    collection: 'actions',
    announce: (text) => this.#announcer.announce(text),
    onDone: (saved, previous) => saved && this.dispatchEvent(apEvent('ap-action-change', { action: saved as Action, previous: previous as Action, fields: ['extensionRequests'] })),
  });
  #focusAfterRender?: string;

  readonly #data = new StoreRead(this, {
    task: async ([store, id, compact, planId]): Promise<CardData> => {
      if (!store || !id || (compact && this.action)) return { history: [] };
      const readAfter = this.#written;
      // All read at once: the priority is nearly always the one the card showed before.
      const shown = compact ? undefined : this.#data.value?.action?.priorityId;
      const [action, history, guessed] = await Promise.all([
        store.get('actions', id),
        compact ? [] : store.query('history', { index: 'recordId', value: id }),
        shown ? store.get('priorities', shown) : undefined,
      ]);
      if (!action || action.planId !== planId) {
        // Gone from the store (purged: the person may no longer see it), and not written again since the read began.
        if (this.#written === readAfter) this.#written = undefined;
        if (!this.action) console.warn(`<ap-action-card>: no action "${id}" in plan "${planId}".`);
        return { history: [] };
      }
      if (compact) return { action, history: [], readAfter, store };
      const priority = guessed?.id === action.priorityId ? guessed : await store.get('priorities', action.priorityId);
      return { action, priority, history: history.sort((a, b) => b.at.localeCompare(a.at)), readAfter, store };
    },
    args: () => [this.#plan.plan?.store, this.#id, this.compact, this.#plan.plan?.planId, this.#plan.revision] as const,
  });

  get #id(): string | undefined {
    return this.actionId || this.action?.id;
  }

  get #shown(): Action | undefined {
    const data = this.#data.value?.store === this.#plan.plan?.store ? this.#data.value : undefined;
    const stored = this.#written && data?.readAfter !== this.#written ? this.#written : data?.action;
    return stored && !stored.deleted ? stored : this.action;
  }

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  protected override willUpdate(): void {
    // A compact card given its action has nothing to read: not running the task spares it a second render.
    this.#data.autoRun = !(this.compact && this.action);
    // Another store (another person signed in): what this tab wrote to the last one is not theirs to see.
    const store = this.#plan.plan?.store;
    if (store !== this.#store) [this.#store, this.#written] = [store, undefined];
  }

  #store?: ActionPlanStore;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  protected override render() {
    const action = this.#shown;
    const plan = this.#plan.plan;
    if (!action || !plan) return html`${this.#announcer.region()}`;
    return this.compact ? this.#renderCompact(action) : this.#renderFull(action);
  }

  #rag(action: Action) {
    const plan = this.#plan.plan!;
    return ragOf(action, plan.today, plan.ragRules);
  }

  /** The RAG tag, with what screen readers hear after it ("Amber (at risk)"): colour is never the only signal. */
  #ragTag(action: Action) {
    const { state, rag } = this.#rag(action);
    const description = rag && ragDescription(rag, this.#locale);
    return html`<strong part="rag-tag" class="tag rag-${state}">${ragLabel(state, this.#locale)}<span class="ap-visually-hidden">${description ? ` (${description})` : ''}</span></strong>`;
  }

  #conflictBadge() {
    // Set by the page, or from the plan's sync when it holds an open conflict on this action.
    const open = this.#plan.plan?.syncState?.conflicts.some((c) => c.collection === 'actions' && c.recordId === this.#id);
    // A button: it takes the user to the conflict in <ap-sync-status> to resolve it.
    return this.conflict || open
      ? html`<button part="conflict" type="button" class="tag conflict" @click=${this.#showConflict}>
          ${t(this.#locale, 'card.conflict')}<span class="ap-visually-hidden">${t(this.#locale, 'card.conflict-resolve')}</span>
        </button>`
      : nothing;
  }

  #showConflict(event: Event): void {
    // The compact card would otherwise open its dialog too.
    event.stopPropagation();
    this.dispatchEvent(apEvent('ap-show-conflict', { collection: 'actions', recordId: this.#id ?? '' }));
  }

  #targetText(action: Action): string {
    const target = effectiveTarget(action);
    if (!target && action.ongoing) return t(this.#locale, 'card.ongoing');
    if (!target && needsTargetDate(action)) return `${t(this.#locale, 'card.target-needed')} (${action.timescaleText})`;
    if (!target) return t(this.#locale, 'card.no-date');
    const date = formatDate(target, this.#locale);
    if (action.status === 'complete' || action.status === 'cancelled') return date;
    return `${date} (${formatRelativeDays(daysBetween(this.#plan.plan!.today, target), this.#locale)})`;
  }

  /** The progress row of the details list. */
  #progress(action: Action) {
    const term = t(this.#locale, 'field.progress');
    const label = t(this.#locale, 'card.progress-value', { progress: action.progress });
    return html`<div><dt>${term}</dt><dd><span class="progress"
      ><meter part="progress" min="0" max="100" low="0" high="100" optimum="100" .value=${action.progress} aria-label=${term}>${label}</meter>
      <span>${label}</span></span></dd></div>`;
  }

  #renderCompact(action: Action) {
    const locale = this.#locale;
    // Few nested templates and no whitespace between tags: a board renders hundreds of these, and each template or node costs.
    return html`<article part="card" class="card compact" @click=${this.#openFromCard}
      >${heading(
        this.level,
        html`<button part="title button" class="link" type="button" aria-haspopup="dialog" tabindex=${ifDefined(this.titleTabIndex)} @click=${this.#open}>${action.title}</button>`,
        { class: 'title' },
      )}<p class="tags"
        >${this.#ragTag(action)} ${this.#conflictBadge()}</p
      ><dl part="details"
        ><div><dt>${t(locale, 'field.owner')}</dt><dd>${action.owner || t(locale, 'card.none')}</dd></div
        ><div><dt>${t(locale, 'card.target')}</dt><dd>${this.#targetText(action)}</dd></div
        >${this.#progress(action)}</dl
      >${this.#waiting(action)}</article
      >${this.opened
        ? html`<dialog part="dialog" aria-label=${action.title} @close=${() => (this.opened = false)}>
            <form method="dialog"><button part="button" class="secondary" autofocus>${t(locale, 'card.close')}</button></form>
            <ap-action-card .actionId=${action.id} .action=${action} heading-level="2"></ap-action-card>
          </dialog>`
        : nothing}`;
  }

  #waiting(action: Action) {
    const open = openRequest(action);
    return open ? html`<p class="extension">${describeExtension(open, this.#locale)}</p>` : nothing;
  }

  #openFromCard(event: Event): void {
    // A click anywhere on the card opens it, as the title button does; text selection is left alone.
    if (event.target === event.currentTarget || !(event.composedPath()[0] as Element).closest?.('button')) void this.#open();
  }

  async #open(event?: Event): Promise<void> {
    event?.stopPropagation();
    const id = this.#shown?.id;
    if (!id || !this.dispatchEvent(apEvent('ap-open-action', { actionId: id }, true))) return;
    this.opened = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog?.open) dialog?.showModal();
  }

  #detail(term: string, value: unknown) {
    return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  }

  #renderFull(action: Action) {
    const locale = this.#locale;
    const plan = this.#plan.plan!;
    const result = this.#rag(action);
    const data = this.#data.value;
    const latest = action.updates.at(-1);
    return html`<article part="card" class="card" aria-labelledby="action-title">
      ${data?.priority ? html`<p class="caption">${data.priority.title}</p>` : nothing}
      ${heading(this.level, action.title, { id: 'action-title', part: 'title', class: 'title' })}
      <p class="tags">${this.#ragTag(action)} ${this.#conflictBadge()}</p>
      <ul part="reasons" class="reasons">
        ${result.reasons.map((reason) => html`<li>${describeReason(reason, locale)}</li>`)}
        ${result.overrideLapsed
          ? html`<li>${t(locale, 'card.override-lapsed', { rag: ragLabel(result.overrideLapsed.rag, locale), date: formatDateTime(result.overrideLapsed.at, locale) })}</li>`
          : nothing}
      </ul>
      <dl part="details">
        ${this.#detail(t(locale, 'field.leadAgency'), action.leadAgency || t(locale, 'card.none'))}
        ${action.partners?.length ? this.#detail(t(locale, 'field.partners'), action.partners.join('; ')) : nothing}
        ${this.#detail(t(locale, 'field.owner'), action.owner || t(locale, 'card.none'))}
        ${this.#detail(t(locale, 'field.status'), statusLabel(action.status, locale))}
        ${this.#detail(t(locale, 'field.startDate'), action.startDate ? formatDate(action.startDate, locale) : t(locale, 'card.no-date'))}
        ${this.#detail(t(locale, 'field.targetDate'), this.#timescale(action))}
        ${this.#progress(action)}
        ${action.funding
          ? this.#detail(
              t(locale, 'field.funding'),
              `${t(locale, 'card.funding', { allocated: formatMoney(action.funding.allocatedPence, locale), spent: formatMoney(action.funding.spentPence, locale) })}${action.funding.source ? ` (${action.funding.source})` : ''}`,
            )
          : nothing}
      </dl>
      ${extensionList(action.extensionRequests, locale)}
      ${this.#extension.offered && plan.rights.editAction(action, data?.priority)
        ? this.#extension.recordId === action.id
          ? this.#extension.form(action, this.level + 1)
          : html`<p>${this.#extension.button(action.id)}</p>`
        : nothing}
      ${this.#timeline(action)}
      ${heading(this.level + 1, t(locale, 'card.latest-update'))}
      ${latest ? html`<p class="update">${latest.text} <span class="meta">${this.#byline(latest.by, latest.at)}</span></p>` : html`<p>${t(locale, 'card.no-updates')}</p>`}
      ${action.updates.length > 1
        ? html`<details>
            <summary>${t(locale, 'card.all-updates', { count: action.updates.length })}</summary>
            <ol class="log">
              ${[...action.updates].reverse().map((u) => html`<li>${u.text} <span class="meta">${this.#byline(u.by, u.at)}${u.progress !== undefined ? `, ${u.progress}%` : ''}</span></li>`)}
            </ol>
          </details>`
        : nothing}
      ${data?.history.length ? this.#history(data.history) : nothing}
      ${plan.readonly
        ? nothing
        : !plan.rights.editAction(action, data?.priority)
          ? whoCan('action', action.leadAgency, locale)
          : this.editor
            ? this.editor.render(action)
            : html`<p><button part="button" id="edit" type="button" @click=${this.#edit}>${t(locale, 'card.edit')}</button></p>
                ${this.#editorCode.error ? lazyStatus(this, this.#editorCode) : nothing}`}
      ${this.#announcer.region()}
    </article>`;
  }

  #timescale(action: Action) {
    const locale = this.#locale;
    if (!action.revisedTargetDate) return this.#targetText(action);
    const count = action.revisions.length;
    return html`${action.targetDate ? html`<del>${formatDate(action.targetDate, locale)}</del> ` : nothing}${this.#targetText(action)}
      ${count
        ? html`<details class="revisions">
            <summary>${t(locale, count === 1 ? 'card.revised-once' : 'card.revised-times', { count })}</summary>
            <ol>
              ${action.revisions.map(
                (r) => html`<li>${t(locale, 'card.revision', { from: r.previousDate ? formatDate(r.previousDate, locale) : '-', to: formatDate(r.date, locale), by: r.by, reason: r.reason })}</li>`,
              )}
            </ol>
          </details>`
        : nothing}`;
  }

  #milestoneState(m: Milestone): 'done' | 'due' | 'overdue' {
    return m.doneDate ? 'done' : m.dueDate < this.#plan.plan!.today ? 'overdue' : 'due';
  }

  #timeline(action: Action) {
    const locale = this.#locale;
    const today = this.#plan.plan!.today;
    const dates = [action.startDate, action.targetDate, action.revisedTargetDate, ...action.milestones.map((m) => m.dueDate), today].filter((d): d is string => !!d).sort();
    const first = dates[0];
    const span = Math.max(1, daysBetween(first, dates.at(-1)!));
    const x = (date: string) => `${2 + (96 * daysBetween(first, date)) / span}%`;
    const target = effectiveTarget(action);
    return html`<div part="timeline" class="timeline">
      <svg aria-hidden="true" width="100%" height="32" focusable="false">
        ${action.startDate && target ? svg`<rect class="span" x=${x(action.startDate)} width=${`${(96 * Math.max(0, daysBetween(action.startDate, target))) / span}%`} y="12" height="8"></rect>` : nothing}
        ${action.milestones.map((m) => svg`<circle class=${`milestone ${this.#milestoneState(m)}`} cx=${x(m.dueDate)} cy="16" r="6"></circle>`)}
        <line class="today" x1=${x(today)} x2=${x(today)} y1="2" y2="30"></line>
      </svg>
      <p class="meta">${t(locale, 'card.today', { date: formatDate(today, locale) })}</p>
      ${action.milestones.length
        ? html`<ul class="milestones">
            ${action.milestones.map((m) => {
              const state = this.#milestoneState(m);
              return html`<li class=${state}>
                <span class="marker" aria-hidden="true"></span>${m.title}:
                ${state === 'done'
                  ? t(locale, 'card.milestone-done', { date: formatDate(m.doneDate!, locale) })
                  : t(locale, `card.milestone-${state}`, { date: formatDate(m.dueDate, locale), relative: formatRelativeDays(daysBetween(today, m.dueDate), locale) })}
              </li>`;
            })}
          </ul>`
        : nothing}
    </div>`;
  }

  /** "J. Smith, 7 December 2026 at 10:00", or the date alone when no name was recorded. */
  #byline(by: string | undefined, at: string): string {
    return [by, formatDateTime(at, this.#locale)].filter(Boolean).join(', ');
  }

  #history(history: HistoryEntry[]) {
    const locale = this.#locale;
    const value = (v: unknown) =>
      v === undefined || v === null || v === '' ? t(locale, 'card.none') : typeof v === 'object' ? t(locale, 'card.changed') : /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDate(String(v), locale) : String(v);
    return html`<details class="history">
      <summary>${t(locale, 'card.history', { count: history.length })}</summary>
      <ol class="log">
        ${history.map(
          (entry) => html`<li>
            <span class="meta">${this.#byline(entry.by, entry.at)}</span>
            <ul>
              ${entry.changes.map((c) =>
                html`<li>${c.field === 'created' ? t(locale, 'card.created') : Array.isArray(c.to) || typeof c.to === 'object' ? t(locale, 'card.change-list', { field: fieldLabel(c.field, locale) }) : t(locale, 'card.change', { field: fieldLabel(c.field, locale), from: value(c.from), to: value(c.to) })}</li>`,
              )}
            </ul>
          </li>`,
        )}
      </ol>
    </details>`;
  }

  // ---- editing ----

  async #edit(): Promise<void> {
    try {
      const { CardEditor, styles } = await this.#editorCode.get();
      addStyles(this.renderRoot as ShadowRoot, styles);
      this.editor = new CardEditor(this.#editing);
    } catch {
      // The card says the editor could not be loaded (render shows the load's failure).
    }
  }

  readonly #editing: EditorCard = {
    host: this,
    plan: () => this.#plan.plan!,
    action: () => this.#shown!,
    locked: () => this.#locked,
    level: () => this.level,
    extensionOffered: () => this.#extension.offered,
    announce: (text) => this.#announcer.announce(text),
    focusAfterRender: (selector) => (this.#focusAfterRender = selector),
    close: (message) => {
      this.editor = undefined;
      this.#focusAfterRender = '#edit';
      this.#announcer.announce(t(this.#locale, message));
    },
    saved: (action, previous, fields) => this.dispatchEvent(apEvent('ap-action-change', { action, previous, fields })),
  };

  /** Fields this person may not change (a partner cannot move an action out of their agency). */
  get #locked(): readonly string[] {
    const action = this.#shown;
    return action ? this.#plan.plan!.rights.lockedActionFields(action, this.#data.value?.priority) : [];
  }
}
