import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { StoreRead } from '../../controllers/store-read.js';
import { PlanController } from '../../controllers/plan.js';
import { AnnounceController } from '../../controllers/announce.js';
import { ExtensionRequestController } from '../../controllers/extension-request.js';
import { extensionList } from '../shared/extensions.js';
import { HeadingLevel, heading } from '../../context/heading.js';
import { whoCan } from '../shared/who-can.js';
import { RATINGS, RECOMMENDATION_STATUSES, effectiveTarget, implementationSummary, isRecommendationOverdue, type Action, type Rating, type Recommendation } from '../../model/index.js';
import { formatDate, ratingLabel, statusLabel, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { options } from '../shared/fields.js';
import { LazyDialog } from '../shared/lazy.js';
import type { AuditDialog, AuditDialogForm, DialogTracker } from './audit-dialog.js';
import { styles } from './audit-tracker.styles.js';

type SortKey = 'ref' | 'recommendation' | 'rating' | 'owner' | 'agreedAction' | 'target' | 'status' | 'evidence' | 'linked';
type RatingScheme = 'high-medium-low' | 'priority' | 'fundamental';
/** The dialogs the tracker renders itself; the others are in audit-dialog.ts, loaded when one is first opened. */
type Dialog = { kind: 'action'; actionId: string } | { kind: 'extension'; recId: string };

const COLUMNS: [SortKey, MessageKey][] = [
  ['ref', 'field.ref'],
  ['recommendation', 'field.recommendation'],
  ['rating', 'field.rating'],
  ['owner', 'field.owner'],
  ['agreedAction', 'field.agreedAction'],
  ['target', 'field.targetDate'],
  ['status', 'field.status'],
  ['evidence', 'field.evidence'],
  ['linked', 'field.linkedActionIds'],
];
// Tags take the RAG colours by meaning: bad red, under way amber, done green, new blue, the rest grey.
const TAG_RAG: Record<string, string> = { high: 'red', medium: 'amber', low: 'blue', open: 'blue', 'in-progress': 'amber', implemented: 'green', verified: 'green' };
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * The recommendations of one audit as a GOV.UK-style table, with the committee's summary
 * ("5 of 7 implemented - 1 overdue (High)"), sorting, filters and the recommendation workflow:
 * Open, In progress, Implemented, Verified (needs evidence), Not accepted (needs a reason),
 * Superseded (needs the replacing recommendation); a revised target needs a reason and is kept.
 *
 * @summary Audit recommendations: status, targets and revisions, evidence, linked actions.
 * @event ap-action-change - The user created an action linked to a recommendation; `detail`: `{ action, fields }`.
 * @csspart who-can - Says the signed-in person can read but not change the plan, or who can update a recommendation they may not.
 * @csspart summary - The "x of y implemented" line and the breakdown by rating.
 * @csspart filters - Status, rating and overdue filters.
 * @csspart table - The recommendations table.
 * @csspart rating-tag - A rating tag.
 * @csspart status-tag - A status tag (and the Overdue tag).
 * @csspart button - Every button.
 * @csspart dialog - The audit, recommendation, linked action and extension request dialogs.
 * @csspart extensions - A recommendation's extension requests and their decisions.
 * @csspart extension-request - The "Request a new target date" form (approvals required, not an officer).
 * @cssproperty --ap-color-border - Table rules.
 * @cssproperty --ap-color-focus - Focus ring.
 * @cssproperty --ap-color-error - Error messages.
 * @cssproperty --ap-color-link - Links and link-style buttons.
 */
export class ApAuditTracker extends HeadingLevel(LitElement) {
  static override styles = styles;

  /** Id of the audit whose recommendations are shown. */
  @property({ attribute: 'audit-id' }) auditId = '';

  /** Words for the ratings: `high-medium-low` (default), `priority` (Priority 1/2/3) or `fundamental` (Fundamental/Important/Desirable). */
  @property({ attribute: 'rating-labels' }) ratingScheme: RatingScheme = 'high-medium-low';

  /** Own words for the ratings, e.g. `{ high: 'Red', medium: 'Amber', low: 'Green' }`; wins over `rating-labels`. */
  @property({ attribute: false }) ratingLabels?: Partial<Record<Rating, string>>;

  @state() private sortKey: SortKey = 'ref';
  @state() private descending = false;
  @state() private filterStatus = '';
  @state() private filterRating = '';
  @state() private filterOverdue = false;
  @state() private dialog?: Dialog;

  readonly #plan = new PlanController(this, { collections: ['audits', 'recommendations', 'actions', 'priorities'] });
  readonly #announcer = new AnnounceController(this);
  readonly #extension = new ExtensionRequestController(this, {
    plan: () => this.#plan.plan,
    collection: 'recommendations',
    announce: (text) => this.#announcer.announce(text),
    onDone: () => this.renderRoot.querySelector('dialog')?.close(),
  });
  readonly #form = new LazyDialog<AuditDialog, AuditDialogForm>(this, async () => {
    const { AuditDialogForm } = await import('./audit-dialog.js');
    return (dialog) => new AuditDialogForm(this.#dialogTracker, dialog);
  });
  /** A recommendation a link named (`#recommendation-{id}`), shown once its row is in the table. */
  #linked?: string;

  readonly #data = new StoreRead(this, {
    task: async ([store, planId, auditId]) => {
      if (!store || !auditId) return undefined;
      const [audit, recs, actions, priorities] = await Promise.all([
        store.get('audits', auditId),
        store.query('recommendations', { index: 'auditId', value: auditId }),
        store.query('actions', { value: planId }),
        store.query('priorities', { value: planId }),
      ]);
      return {
        audit: audit && !audit.deleted && audit.planId === planId ? audit : undefined,
        recs: recs.filter((r) => r.planId === planId),
        actions,
        priorities: priorities.filter((p) => !p.retired),
      };
    },
    args: () => [this.#plan.plan?.store, this.#plan.plan?.planId, this.auditId, this.#plan.revision] as const,
  });

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  #t(key: MessageKey, params?: Record<string, string | number | undefined>): string {
    return t(this.#locale, key, params);
  }

  #rating(rating: Rating): string {
    if (this.ratingLabels?.[rating]) return this.ratingLabels[rating]!;
    return this.ratingScheme === 'priority' || this.ratingScheme === 'fundamental' ? this.#t(`rating-${this.ratingScheme}.${rating}`) : ratingLabel(rating, this.#locale);
  }

  /** Scrolls to the recommendation's row and focuses it (a link to `#recommendation-{id}`); false when this audit does not have it. */
  showRecommendation(id: string): boolean {
    const recs = this.#data.value?.recs;
    if (recs && !recs.some((r) => r.id === id && !r.deleted)) return false;
    this.#linked = id;
    this.requestUpdate();
    return true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const row = this.#linked && this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(this.#linked)}"]`);
    if (!row) return;
    this.#linked = undefined;
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }

  protected override render() {
    const plan = this.#plan.plan;
    const data = this.#data.value;
    if (!plan || !data) return html`${this.#announcer.region()}`;
    // Audits and new recommendations are the officers'; a partner updates the recommendations their agency owns.
    const editable = !plan.readonly && plan.rights.officer;
    // Viewers and people outside the plan change nothing: one line says so, not one per row.
    const readOnly = plan.rights.role === 'viewer' || plan.rights.role === 'public';
    if (!data.audit) {
      return html`<p>${this.#t('audit.no-audit', { id: this.auditId })}</p>
        ${editable ? html`<button part="button" type="button" class="primary" @click=${() => this.#form.open({ kind: 'audit' })}>${this.#t('audit.create-audit')}</button>` : nothing}
        ${this.#form.render()} ${this.#renderDialog()} ${this.#announcer.region()}`;
    }
    const { audit, recs } = data;
    const shown = this.#sorted(
      recs.filter(
        (r) =>
          (!this.filterStatus || r.status === this.filterStatus) &&
          (!this.filterRating || r.rating === this.filterRating) &&
          (!this.filterOverdue || isRecommendationOverdue(r, plan.today)),
      ),
    );
    return html`${heading(this.level, audit.title)}
      <p class="meta">
        ${[audit.auditor, audit.date && formatDate(audit.date, this.#locale), audit.assurance && `${this.#t('field.assurance')}: ${audit.assurance}`].filter(Boolean).join(' · ')}
        ${editable ? html`<button part="button" type="button" class="link" @click=${() => this.#form.open({ kind: 'audit' })}>${this.#t('audit.edit-audit')}</button>` : nothing}
      </p>
      ${this.#renderSummary(recs)} ${this.#renderFilters()}
      <p class="hint">${this.#t('audit.showing', { shown: shown.length, total: recs.length })}</p>
      ${readOnly ? html`<p part="who-can" class="hint">${this.#t('rights.read-only')}</p>` : nothing}
      <div class="table-wrap" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table">
          <caption id="caption" class="ap-visually-hidden">${this.#t('audit.label')}: ${audit.title}</caption>
          <thead>
            <tr>
              ${COLUMNS.map(([key, label]) => this.#renderHeader(key, label))}
            </tr>
          </thead>
          <tbody>
            ${shown.length ? shown.map((rec) => this.#renderRow(rec, data.actions, plan.readonly ? 'read' : plan.rights.editRecommendation(rec) ? 'edit' : readOnly ? 'read' : 'ask')) : html`<tr><td colspan=${COLUMNS.length}>${this.#t('audit.no-recommendations')}</td></tr>`}
          </tbody>
        </table>
      </div>
      ${editable ? html`<button part="button" type="button" class="secondary" @click=${() => this.#form.open({ kind: 'recommendation' })}>${this.#t('audit.add-recommendation')}</button>` : nothing}
      ${this.#form.render()} ${this.#renderDialog()} ${this.#announcer.region()}`;
  }

  #renderSummary(recs: Recommendation[]) {
    const today = this.#plan.plan!.today;
    const summary = implementationSummary(recs, today);
    const overdueRatings = RATINGS.filter((r) => summary.overdueByRating[r] > 0);
    const ratings = overdueRatings.length === 1 ? this.#rating(overdueRatings[0]!) : overdueRatings.map((r) => `${summary.overdueByRating[r]} ${this.#rating(r)}`).join(', ');
    const overdue = summary.overdue ? this.#t('audit.overdue-count', { count: summary.overdue, ratings }) : this.#t('audit.none-overdue');
    return html`<div part="summary" class="summary">
      <p class="headline">${this.#t('audit.summary', { implemented: summary.implemented, total: summary.total })} – ${overdue}${summary.revisions ? html`; ${this.#t('audit.revised-total', { count: summary.revisions })}` : nothing}</p>
      <ul>
        ${RATINGS.map((rating) => {
          const byRating = implementationSummary(recs.filter((r) => r.rating === rating), today);
          return byRating.total ? html`<li>${this.#t('audit.by-rating', { rating: this.#rating(rating), implemented: byRating.implemented, total: byRating.total })}</li>` : nothing;
        })}
      </ul>
    </div>`;
  }

  #renderFilters() {
    const select = (id: string, label: string, value: string, choices: string[][], set: (v: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>${options(choices, value, this.#t('widget.any'))}</select>
      </div>`;
    return html`<div part="filters" class="filters" role="group" aria-label=${this.#t('board.filters')}>
      ${select('filter-status', this.#t('field.status'), this.filterStatus, RECOMMENDATION_STATUSES.map((s) => [s, statusLabel(s, this.#locale)]), (v) => (this.filterStatus = v))}
      ${select('filter-rating', this.#t('field.rating'), this.filterRating, RATINGS.map((r) => [r, this.#rating(r)]), (v) => (this.filterRating = v))}
      <div class="field checkbox">
        <input id="filter-overdue" type="checkbox" .checked=${this.filterOverdue} @change=${(e: Event) => (this.filterOverdue = (e.target as HTMLInputElement).checked)} />
        <label for="filter-overdue">${this.#t('board.filter-overdue')}</label>
      </div>
    </div>`;
  }

  #renderHeader(key: SortKey, label: MessageKey) {
    const sorted = this.sortKey === key;
    return html`<th scope="col" aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'}>
      <button part="button" type="button" class="sort" data-sort=${key} @click=${() => this.#sortBy(key)}>
        ${this.#t(label)}<span class="ap-visually-hidden">${sorted ? '' : `, ${this.#t('audit.sort-by', { column: this.#t(label) })}`}</span>
        <span aria-hidden="true">${sorted ? (this.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  #sortBy(key: SortKey): void {
    this.descending = this.sortKey === key ? !this.descending : false;
    this.sortKey = key;
  }

  #sorted(recs: Recommendation[]): Recommendation[] {
    const value = (r: Recommendation): string | number => {
      switch (this.sortKey) {
        case 'rating':
          return r.rating ? RATINGS.indexOf(r.rating) : RATINGS.length;
        case 'status':
          return RECOMMENDATION_STATUSES.indexOf(r.status);
        case 'target':
          return effectiveTarget(r) ?? '9999';
        case 'evidence':
          return r.evidence.length;
        case 'linked':
          return r.linkedActionIds.length;
        default:
          return r[this.sortKey] ?? '';
      }
    };
    const direction = this.descending ? -1 : 1;
    return [...recs].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return direction * order || collator.compare(a.ref ?? '', b.ref ?? '') || collator.compare(a.id, b.id);
    });
  }

  /** `ask`: the person may change other records but not this one, so the row says who can. */
  #renderRow(rec: Recommendation, actions: Action[], rights: 'edit' | 'ask' | 'read') {
    const editable = rights === 'edit';
    const locale = this.#locale;
    const today = this.#plan.plan!.today;
    const revisions = rec.revisions.length;
    const linked = rec.linkedActionIds.map((id) => actions.find((a) => a.id === id) ?? { id, title: id });
    const reference = rec.ref ?? '';
    return html`<tr data-id=${rec.id} tabindex="-1">
      <td>
        ${reference}
        ${editable
          ? html`<button part="button" type="button" class="link" aria-label=${this.#t('audit.edit', { ref: reference || rec.recommendation })} @click=${() => this.#form.open({ kind: 'recommendation', rec })}>
              ${this.#t('audit.edit-short')}
            </button>`
          : nothing}
      </td>
      <td>
        ${rec.recommendation}
        ${rec.finding
          ? html`<details>
              <summary>${this.#t('audit.finding')}</summary>
              <p>${rec.finding}</p>
            </details>`
          : nothing}
        ${rights === 'ask' ? whoCan('recommendation', rec.ownerAgency, locale) : nothing}
      </td>
      <td>${rec.rating ? html`<strong part="rating-tag" class="tag rag-${TAG_RAG[rec.rating]}">${this.#rating(rec.rating)}</strong>` : nothing}</td>
      <td>${rec.owner ?? ''}</td>
      <td>${rec.agreedAction ?? ''}</td>
      <td class="date">
        ${rec.revisedTargetDate && rec.targetDate && rec.revisedTargetDate !== rec.targetDate
          ? html`<s><span class="ap-visually-hidden">${this.#t('audit.original-target')}: </span>${formatDate(rec.targetDate, locale)}</s><br />${formatDate(rec.revisedTargetDate, locale)}`
          : formatDate(effectiveTarget(rec) ?? '', locale)}
        ${revisions ? html`<br /><span class="hint">${revisions === 1 ? this.#t('audit.revised-once') : this.#t('audit.revised-times', { count: revisions })}</span>` : nothing}
        ${extensionList(rec.extensionRequests, locale)}
        ${this.#extension.offered && editable
          ? html`<div>${this.#extension.button(rec.id, `${this.#t('extension.request')}: ${reference || rec.recommendation}`, () => this.#openDialog({ kind: 'extension', recId: rec.id }))}</div>`
          : nothing}
      </td>
      <td>
        <strong part="status-tag" class="tag rag-${TAG_RAG[rec.status] ?? 'grey'}">${statusLabel(rec.status, locale)}</strong>
        ${isRecommendationOverdue(rec, today) ? html`<strong part="status-tag" class="tag rag-red">${this.#t('audit.overdue')}</strong>` : nothing}
        ${rec.status === 'not-accepted' && rec.reason ? html`<p class="hint">${rec.reason}</p>` : nothing}
      </td>
      <td>
        ${rec.evidence.length
          ? html`<ul>
              ${rec.evidence.map((e) => html`<li><a href=${e.url} rel="noopener noreferrer" target="_blank">${e.label}</a></li>`)}
            </ul>`
          : ''}
      </td>
      <td>
        ${linked.length
          ? html`<ul class="plain">
              ${linked.map((a) => html`<li><button part="button" type="button" class="link" aria-haspopup="dialog" @click=${() => this.#openDialog({ kind: 'action', actionId: a.id })}>${a.title}</button></li>`)}
            </ul>`
          : ''}
      </td>
    </tr>`;
  }

  // ---- Dialogs: a linked action and an extension request here; the audit and a recommendation in audit-dialog.ts.

  readonly #dialogTracker: DialogTracker = {
    host: this,
    plan: () => this.#plan.plan!,
    auditId: () => this.auditId,
    data: () => this.#data.value!,
    rating: (rating) => this.#rating(rating),
    extensionOffered: () => this.#extension.offered,
    announce: (text) => this.#announcer.announce(text),
    close: () => this.#form.close(),
  };

  #openDialog(dialog: Dialog): void {
    if (dialog.kind === 'extension') this.#extension.start(dialog.recId);
    this.dialog = dialog;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  #renderDialog() {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    if (dialog.kind === 'extension') {
      const rec = this.#data.value?.recs.find((r) => r.id === dialog.recId);
      return html`<dialog part="dialog" aria-labelledby="extension-request-title" @close=${() => (this.dialog = undefined)}>
        ${rec && this.#extension.recordId === rec.id ? this.#extension.form(rec, 2) : nothing}
      </dialog>`;
    }
    return html`<dialog part="dialog" aria-label=${this.#t('audit.action-dialog')} @close=${() => (this.dialog = undefined)}>
      <form method="dialog"><button part="button" class="secondary" autofocus>${this.#t('widget.close')}</button></form>
      <ap-action-card action-id=${dialog.actionId} heading-level="2"></ap-action-card>
    </dialog>`;
  }
}
