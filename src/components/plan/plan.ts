import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { planContext, type PlanContext } from '../../context/index.js';
import { apEvent, type PlanFilter } from '../../events.js';
import { defaultRagRules, isIsoDate, todayInLondon, type RagRules } from '../../model/index.js';
import { resolveLocale } from '../../i18n/index.js';
import { ActionPlanStore } from '../../store/index.js';
import { loadPublished } from '../../io/snapshot.js';
import { styles } from './plan.styles.js';

const DEFAULT_NAME = 'action-plan-widgets';

/**
 * The root of an action plan. Opens the plan's IndexedDB store, keeps the plan's shared filter
 * and provides both (with today's date, the user, the language and the RAG rules) to every
 * `ap-` element inside it.
 *
 * @summary Root of an action plan: store, shared filter and settings for the widgets inside it.
 * @slot - The plan's widgets: `<ap-rag-summary>`, `<ap-priority-board>`, `<ap-action-card>`...
 * @csspart message - The message shown when the plan's data cannot be opened.
 * @event ap-error - The store could not be opened or was closed by another tab; `detail.message` says what to do.
 * @cssproperty --ap-font-family - Font for every widget (inherits the page's by default).
 * @cssproperty --ap-color-text - Text colour.
 */
export class ApPlan extends LitElement {
  static override styles = styles;

  /** IndexedDB database name: one per plan set, so two intranet pages can share or keep apart their data. */
  @property() name = DEFAULT_NAME;

  /** Which plan the widgets show. */
  @property({ attribute: 'plan-id' }) planId = '';

  /** Base URL of the JSON endpoint to sync with; without it the widgets use this browser's storage only. */
  @property() endpoint?: string;

  /** Seconds between syncs with the endpoint. */
  @property({ attribute: 'sync-interval', type: Number }) syncInterval = 30;

  /** URL of a published read-only snapshot (JSON) to show instead of syncing. */
  @property() src?: string;

  /** Shows the plan without any editing controls. The endpoint still enforces access. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Name recorded as `updatedBy` and in the history on this browser's edits. */
  @property() user = '';

  /** The date RAG status is worked out for (ISO `YYYY-MM-DD`); today in the UK when absent. */
  @property() today?: string;

  /** Language (`en-GB` or `cy`); by default the closest `lang` attribute. */
  @property() locale?: string;

  /** The open store. Set it to share one store between several plans; otherwise opened from `name`. */
  @property({ attribute: false }) store?: ActionPlanStore;

  /** RAG thresholds (DOMAIN.md defaults). */
  @property({ attribute: false }) ragRules: RagRules = defaultRagRules;

  @state() private filter: PlanFilter = {};
  @state() private error?: Error;

  @provide({ context: planContext }) context?: PlanContext;

  #ownedStore?: ActionPlanStore;
  #needsOpen = false;
  #opening?: string;
  #srcLoad?: AbortController;

  constructor() {
    super();
    this.addEventListener('ap-filter-change', (event) => (this.filter = { ...event.detail }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#needsOpen = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#ownedStore?.close();
    if (this.store === this.#ownedStore) this.store = undefined;
    this.#ownedStore = undefined;
  }

  /** The date RAG status is computed for: `today` when it is a valid ISO date. */
  get effectiveToday(): string {
    return this.today && isIsoDate(this.today) ? this.today : todayInLondon();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('today') && this.today && !isIsoDate(this.today)) {
      console.warn(`<ap-plan today="${this.today}"> is not a date written YYYY-MM-DD; using today's date instead.`);
    }
    if (changed.has('name') && this.#ownedStore && this.#ownedStore.name !== this.name) {
      this.#ownedStore.close();
      this.store = this.#ownedStore = undefined;
      this.#needsOpen = true;
    }
    if (this.#needsOpen && !this.store) void this.#open(this.name);
    if ((changed.has('src') || changed.has('store')) && this.src && this.store) void this.#loadSrc(this.store, this.src);
    this.#needsOpen = false;
    this.context = {
      store: this.store,
      planId: this.planId,
      today: this.effectiveToday,
      user: this.user,
      readonly: this.readonly,
      locale: resolveLocale(this, this.locale),
      ragRules: this.ragRules,
      filter: this.filter,
      setFilter: (filter) => (this.filter = { ...filter }),
    };
  }

  async #open(name: string): Promise<void> {
    this.#opening = name;
    try {
      const store = await ActionPlanStore.open(name || DEFAULT_NAME);
      if (this.#opening !== name || !this.isConnected) return store.close();
      store.addEventListener('fault', (event) => this.#report((event as CustomEvent<Error>).detail));
      this.#ownedStore = this.store = store;
      this.error = undefined;
    } catch (error) {
      this.#report(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (this.#opening === name) this.#opening = undefined;
    }
  }

  // A published snapshot replaces the plan's copy in this browser; plan-id defaults to the snapshot's plan.
  async #loadSrc(store: ActionPlanStore, src: string): Promise<void> {
    this.#srcLoad?.abort();
    const load = (this.#srcLoad = new AbortController());
    try {
      const snapshot = await loadPublished(store, new URL(src, document.baseURI).href, load.signal);
      if (!this.planId) this.planId = snapshot.plan.id;
    } catch (error) {
      if (!load.signal.aborted) this.#report(error as Error);
    }
  }

  #report(error: Error): void {
    this.error = error;
    this.dispatchEvent(apEvent('ap-error', { error, message: error.message }));
  }

  protected override render() {
    return html`<p part="message" role="alert" ?hidden=${!this.error}>${this.error?.message}</p>
      <slot></slot>`;
  }
}
