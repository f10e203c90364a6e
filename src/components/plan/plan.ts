import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { planContext, type PlanContext } from '../../context/index.js';
import { apEvent, type PlanFilter } from '../../events.js';
import { approvalsRequired, defaultRagRules, isIsoDate, todayInLondon, type ApprovalSetting, type MemberRole, type RagRules } from '../../model/index.js';
import { resolveLocale, t } from '../../i18n/index.js';
import { LinkedRecordController } from '../../controllers/linked-record.js';
import { ActionPlanStore, DataClearedError } from '../../store/index.js';
import { RestAdapter, SyncEngine, type SyncAdapter, type SyncState } from '../../sync/index.js';
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
 * @csspart dialog - The dialog that shows the action a link names (`#action-{id}`) when no full card of it is on the page.
 * @csspart button - The dialog's Close button.
 * @event ap-error - The store could not be opened or was closed by another tab; `detail.message` says what to do.
 * @event ap-sync-state - Sync moved on: `detail`: `{ state, pending, lastSynced, conflicts, deadLetters, error }`.
 * @event ap-conflict - A sync found the same field changed here and on the server: `detail`: `{ collection, recordId, fields }`.
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

  /** Headers sent to the endpoint (tokens: a property, never an attribute, so they stay out of the DOM). */
  @property({ attribute: false }) headers: Record<string, string> = {};

  /** A custom adapter (`{ pull, push }`) instead of the REST one built from `endpoint`. */
  @property({ attribute: false }) adapter?: SyncAdapter;

  /** A sync engine configured by the page (clock, intervals, ...); `<ap-plan>` starts and stops it. Without one, `endpoint` makes one. */
  @property({ attribute: false }) sync?: SyncEngine;

  /**
   * The person's role in this plan (`officer`, `lead`, `partner`, `viewer`), where sign-in says it:
   * the widgets offer what it allows (an officer decides extension requests, others ask). The
   * endpoint still enforces access.
   */
  @property({ attribute: false }) memberRole?: MemberRole;

  @state() private syncState?: SyncState;
  /** The shown plan's `approvals` setting, read from the store. */
  @state() private approvals?: ApprovalSetting;
  @state() private filter: PlanFilter = {};
  @state() private error?: Error;

  @provide({ context: planContext }) context?: PlanContext;

  #ownedStore?: ActionPlanStore;
  #ownedSync?: SyncEngine;
  #restAdapter?: RestAdapter;
  #runningSync?: SyncEngine;
  #unsubscribeSync?: () => void;
  #needsOpen = false;
  #opening?: string;
  #srcLoad?: AbortController;
  #unsubscribePlan?: () => void;
  #linked = new LinkedRecordController(this);

  constructor() {
    super();
    this.addEventListener('ap-filter-change', (event) => (this.filter = { ...event.detail }));
    this.addEventListener('ap-show-conflict', (event) => this.querySelector('ap-sync-status')?.showConflict(event.detail.recordId));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#needsOpen = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopSync();
    this.#unsubscribePlan?.();
    this.#unsubscribePlan = undefined;
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
    if (!this.hasUpdated && !this.planId && !this.src) console.warn('<ap-plan> has no plan-id: the widgets show nothing until it names a plan.');
    if (changed.has('name') && this.#ownedStore && this.#ownedStore.name !== this.name) {
      this.#ownedStore.close();
      this.store = this.#ownedStore = undefined;
      this.#needsOpen = true;
    }
    if (this.#needsOpen && !this.store) void this.#open(this.name);
    if ((changed.has('src') || changed.has('store')) && this.src && this.store) void this.#loadSrc(this.store, this.src);
    this.#needsOpen = false;
    this.#wireSync(changed);
    if (changed.has('store') || changed.has('planId')) this.#watchPlan();
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
      sync: this.#runningSync,
      syncState: this.syncState,
      role: this.memberRole,
      // Roles known: the endpoint is one with sign-in (ours), where an absent setting reads required.
      approvalsRequired: approvalsRequired({ approvals: this.approvals }, this.memberRole !== undefined),
    };
  }

  /** Keeps the plan's approvals setting as the store has it. */
  #watchPlan(): void {
    this.#unsubscribePlan?.();
    const { store, planId } = this;
    this.approvals = undefined;
    if (!store || !planId) return;
    const read = () =>
      void store.get('plans', planId).then((plan) => {
        if (this.store === store && this.planId === planId) this.approvals = plan?.approvals;
      });
    this.#unsubscribePlan = store.subscribe({ collection: 'plans', ids: [planId] }, read);
    read();
  }

  /** Starts sync once the store is open and there is an endpoint (or adapter or engine); restarts it when they change. */
  #wireSync(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('headers') && this.adapter === undefined && this.#ownedSync) this.#restAdapter!.headers = { ...this.headers };
    const settings = ['store', 'endpoint', 'adapter', 'sync', 'planId', 'syncInterval', 'user'];
    if (!settings.some((name) => changed.has(name)) && this.#runningSync) return;
    this.#stopSync();
    const { store } = this;
    if (!store || !this.planId || this.src) return;
    const adapter = this.adapter ?? (this.endpoint ? (this.#restAdapter = new RestAdapter(this.endpoint, { headers: this.headers })) : undefined);
    const engine = this.sync ?? (adapter && (this.#ownedSync = new SyncEngine({ store, adapter, planId: this.planId, scope: `${this.endpoint ?? 'adapter'}|${this.planId}`, intervalMs: Math.max(1, this.syncInterval) * 1000, user: this.user })));
    if (!engine) return;
    this.#runningSync = engine;
    let conflicts = new Set<string>();
    let announced = '';
    this.#unsubscribeSync = engine.subscribe((state) => {
      this.syncState = state;
      const { conflicts: open, deadLetters } = state;
      const detail = { state: state.state, pending: state.pending, lastSynced: state.lastSynced, error: state.error, conflicts: open.length, deadLetters: deadLetters.length };
      // Events only when something they report changed, not on every refresh.
      if (JSON.stringify(detail) === announced) return;
      announced = JSON.stringify(detail);
      this.dispatchEvent(apEvent('ap-sync-state', detail));
      for (const conflict of open.filter((c) => !conflicts.has(c.id))) {
        this.dispatchEvent(apEvent('ap-conflict', { collection: conflict.collection, recordId: conflict.recordId, fields: conflict.fields.map((f) => f.field) }));
      }
      conflicts = new Set(open.map((c) => c.id));
    });
    engine.start();
  }

  #stopSync(): void {
    this.#unsubscribeSync?.();
    this.#runningSync?.stop();
    this.#runningSync = this.#ownedSync = this.#unsubscribeSync = undefined;
    this.syncState = undefined;
  }

  async #open(name: string): Promise<void> {
    this.#opening = name;
    try {
      const store = await ActionPlanStore.open(name || DEFAULT_NAME);
      if (this.#opening !== name || !this.isConnected) return store.close();
      store.addEventListener('fault', (event) => this.#report((event as CustomEvent<Error>).detail));
      store.addEventListener('cleared', () => {
        this.#report(new DataClearedError(this.syncState?.pending));
        void this.#runningSync?.syncNow();
      });
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
    const locale = resolveLocale(this, this.locale);
    return html`<p part="message" role="alert" ?hidden=${!this.error}>${this.error?.message}</p>
      <slot></slot>
      ${this.#linked.render(t(locale, 'card.close'), t(locale, 'plan.linked-action'))}`;
  }
}
