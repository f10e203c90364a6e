import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { headingLevelContext, planContext, type PlanContext } from '../../context/index.js';
import { HeadingLevel } from '../../context/heading.js';
import { apEvent } from '../../events.js';
import { approvalsRequired, defaultRagRules, isIsoDate, rightsFor, todayInLondon, type ApprovalSetting, type Person, type PlanFilter, type RagRules } from '../../model/index.js';
import { hasCatalogue, loadCatalogue, t } from '../../i18n/index.js';
import { resolveLocale } from '../../i18n/page-locale.js';
import type { LinkedRecordController } from '../../controllers/linked-record.js';
import { ActionPlanStore, DataClearedError } from '../../store/index.js';
import type { PersonCheck, RestAdapter, SyncAdapter, SyncEngine, SyncState, TokenProvider } from '../../sync/index.js';
import { Lazy } from '../shared/lazy.js';
import { styles } from './plan.styles.js';

const DEFAULT_NAME = 'action-plan-widgets';
// Nobody's rights: while the endpoint has not yet said who is signed in.
const NOBODY: Person = { id: '', name: '', writesHistory: false, plans: {} };

/**
 * The root of an action plan. Opens the plan's IndexedDB store, keeps the plan's shared filter
 * and provides both (with today's date, the user, the language and the RAG rules) to every
 * `ap-` element inside it.
 *
 * With an `endpoint` it asks `GET {endpoint}/me` who is signed in, keeps one database per person
 * on this browser (`{name}~{person id}`) and provides their rights in the plan; a 404 there means
 * an endpoint without sign-in, and everyone may do everything.
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
export class ApPlan extends HeadingLevel(LitElement) {
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

  /** An async function that returns a fresh bearer token (as MSAL's acquireTokenSilent): asked before each request to the endpoint, and once more (`forceRefresh`) after a 401. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Headers sent to the endpoint (tokens: a property, never an attribute, so they stay out of the DOM). */
  @property({ attribute: false }) headers: Record<string, string> = {};

  /** A custom adapter (`{ pull, push }`) instead of the REST one built from `endpoint`. */
  @property({ attribute: false }) adapter?: SyncAdapter;

  /** A sync engine configured by the page (clock, intervals, ...); `<ap-plan>` starts and stops it. Without one, `endpoint` makes one. */
  @property({ attribute: false }) sync?: SyncEngine;

  @state() private syncState?: SyncState;
  /** The shown plan's `approvals` setting, read from the store. */
  @state() private approvals?: ApprovalSetting;
  @state() private filter: PlanFilter = {};
  @state() private error?: Error;
  /**
   * Who is signed in (`GET {endpoint}/me`): null when the endpoint has no sign-in, undefined until it
   * has said. Without an endpoint a page may set it to preview what a person sees (the endpoint enforces).
   */
  @property({ attribute: false }) person?: Person | null;

  // Controllers, not @provide: its decorator code would be in every page's download for three fields.
  readonly #provider = new ContextProvider(this, { context: planContext });
  readonly #widgetLevel = new ContextProvider(this, { context: headingLevelContext, initialValue: 2 });

  /** What the widgets inside are given: the store, plan, today, the person and their rights, the filter, sync. */
  get context(): PlanContext | undefined {
    return this.#provider.value;
  }

  #ownedStore?: ActionPlanStore;
  #ownedSync?: SyncEngine;
  #restAdapter?: RestAdapter;
  #runningSync?: SyncEngine;
  #unsubscribeSync?: () => void;
  #needsOpen = false;
  #opening?: string;
  #srcLoad?: AbortController;
  #retryOpen?: ReturnType<typeof setTimeout>;
  #unsubscribePlan?: () => void;
  // A page opened on a link to one record (#action-{id}, #recommendation-{id}: the reminder emails'
  // links) fetches the code that shows it; it then follows later links itself.
  #linked?: LinkedRecordController;
  #followLink = (): void => {
    if (this.#linked || !/^#(action|recommendation)-./.test(location.hash)) return;
    import('../../controllers/linked-record.js').then(
      ({ LinkedRecordController }) => (this.#linked ??= new LinkedRecordController(this)),
      () => this.#report(new Error(t(resolveLocale(this, this.locale), 'lazy.failed'))),
    );
  };
  // Sync code is fetched only where there is something to sync with; the snapshot reader only with `src`.
  #syncCode = new Lazy(this, () => import('../../sync/live.js'));
  #snapshotCode = new Lazy(this, () => import('../../io/snapshot.js'));
  // The Welsh messages, on a Welsh page only.
  #welsh = new Lazy(this, () => loadCatalogue('cy'));

  constructor() {
    super();
    this.addEventListener('ap-filter-change', (event) => (this.filter = { ...event.detail }));
    // Someone is using the page: fetch the writes' code now, while there is a connection to fetch it with.
    const prepare = () => void ActionPlanStore.prepareWrites().catch(() => undefined);
    for (const type of ['focusin', 'pointerdown']) this.addEventListener(type, prepare, { once: true });
    this.addEventListener('ap-show-conflict', (event) => this.querySelector('ap-sync-status')?.showConflict(event.detail.recordId));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#followLink);
    this.#followLink();
    this.#needsOpen = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#followLink);
    clearTimeout(this.#retryOpen);
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
    if ((changed.has('name') || changed.has('endpoint')) && this.#ownedStore && this.hasUpdated) this.#closeOwned();
    if (this.#needsOpen && !this.store) void this.#open();
    if ((changed.has('src') || changed.has('store')) && this.src && this.store) void this.#loadSrc(this.store, this.src);
    this.#needsOpen = false;
    this.#wireSync(changed);
    if (changed.has('store') || changed.has('planId')) this.#watchPlan();
    const locale = resolveLocale(this, this.locale);
    // The widgets wait for their language (they show "Loading" without a store), not to flash English.
    const speaks = hasCatalogue(locale);
    if (!speaks) this.#load(this.#welsh).catch(() => undefined);
    this.#widgetLevel.setValue(this.level);
    this.#provider.setValue({
      store: speaks ? this.store : undefined,
      planId: this.planId,
      today: this.effectiveToday,
      user: this.person?.name || this.user,
      readonly: this.readonly,
      person: this.person ?? undefined,
      // Nobody's rights until the endpoint has said who this is; everyone's where nobody signs in.
      rights: rightsFor(this.person ?? (this.person === undefined && this.#signsIn ? NOBODY : undefined), this.planId),
      locale,
      ragRules: this.ragRules,
      filter: this.filter,
      setFilter: (filter) => (this.filter = { ...filter }),
      sync: this.#runningSync,
      syncState: this.syncState,
      // A person known: the endpoint has sign-in (ours), where an absent setting reads required.
      approvalsRequired: approvalsRequired({ approvals: this.approvals }, !!this.person),
    });
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
    const settings = ['store', 'endpoint', 'adapter', 'sync', 'planId', 'syncInterval', 'user', 'tokenProvider'];
    if (!settings.some((name) => changed.has(name)) && this.#runningSync) return;
    this.#stopSync();
    const { store } = this;
    if (!store || !this.planId || this.src) return;
    if (!this.sync && !this.adapter && !this.endpoint) return;
    const code = this.#syncCode.value;
    // Once the sync code has come, the update it asks for wires sync here (a failure is reported by #load).
    if (!code) return void this.#load(this.#syncCode).catch(() => undefined);
    const { SyncEngine } = code;
    const adapter = this.adapter ?? (this.endpoint ? (this.#restAdapter = this.#newRestAdapter(code)) : undefined);
    const checkPerson = this.#signsIn ? (signal: AbortSignal) => this.#checkPerson(signal) : undefined;
    const engine = this.sync ?? (adapter && (this.#ownedSync = new SyncEngine({ store, adapter, planId: this.planId, scope: `${this.endpoint ?? 'adapter'}|${this.planId}`, intervalMs: Math.max(1, this.syncInterval) * 1000, user: this.person?.name || this.user, checkPerson })));
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

  /** Sign-in is asked about where `<ap-plan>` talks to the endpoint itself. */
  get #signsIn(): boolean {
    return !!this.endpoint && !this.adapter && !this.sync && !this.src;
  }

  #newRestAdapter({ RestAdapter }: typeof import('../../sync/live.js')): RestAdapter {
    return new RestAdapter(this.endpoint!, { headers: this.headers, tokenProvider: this.tokenProvider && ((options) => this.tokenProvider!(options)) });
  }

  // The last person seen at this endpoint, so the plan opens offline on their database.
  get #rememberKey(): string {
    return `ap-person:${this.name || DEFAULT_NAME}|${this.endpoint}`;
  }

  #remember(person: Person | null): void {
    try {
      localStorage.setItem(this.#rememberKey, JSON.stringify(person));
    } catch {
      // Storage refused (private mode): the plan then needs the endpoint to open.
    }
  }

  #remembered(): Person | null | undefined {
    try {
      const saved = localStorage.getItem(this.#rememberKey);
      return saved === null ? undefined : (JSON.parse(saved) as Person | null);
    } catch {
      return undefined;
    }
  }

  /** Asks who is signed in; on a change of person the plan switches to their database and this sync stops. */
  async #checkPerson(signal: AbortSignal): Promise<PersonCheck> {
    const person = (await this.#restAdapter!.me(signal)) ?? null;
    const before = this.person;
    if ((person?.id ?? null) !== (before?.id ?? null) && this.#ownedStore) {
      this.#closeOwned(person);
      throw new this.#syncCode.value!.SyncHttpError('auth', t(resolveLocale(this, this.locale), 'plan.person-changed'));
    }
    const changed = JSON.stringify(person) !== JSON.stringify(before);
    if (changed) {
      this.person = person;
      this.#remember(person);
    }
    return { changed, writesHistory: person?.writesHistory ?? false };
  }

  /** Closes this element's store (a change of name, endpoint or person); the next update opens the right one. */
  #closeOwned(person?: Person | null): void {
    this.#stopSync();
    this.#ownedStore?.close();
    this.store = this.#ownedStore = undefined;
    this.#known = person;
    this.#needsOpen = true;
    this.requestUpdate();
  }

  #known?: Person | null;

  /** Who is signed in, from the endpoint, else the last person seen here; undefined when neither can say. */
  async #whoIsSignedIn(): Promise<Person | null | undefined> {
    if (!this.#signsIn) return null;
    const known = this.#known;
    this.#known = undefined;
    if (known !== undefined) return known;
    try {
      const person = (await this.#newRestAdapter(await this.#load(this.#syncCode)).me()) ?? null;
      this.#remember(person);
      return person;
    } catch (error) {
      const remembered = this.#remembered();
      if (remembered === undefined) this.#report(new Error(t(resolveLocale(this, this.locale), 'plan.who-unknown', { error: (error as Error).message })));
      return remembered;
    }
  }

  async #open(): Promise<void> {
    const opening = `${this.name}|${this.endpoint}|${Math.random()}`;
    this.#opening = opening;
    clearTimeout(this.#retryOpen);
    try {
      const person = await this.#whoIsSignedIn();
      if (this.#opening !== opening || !this.isConnected) return;
      if (person === undefined) {
        // Nobody known and the endpoint cannot say yet: ask again rather than open someone's data.
        this.#retryOpen = setTimeout(() => void this.#open(), Math.max(1, this.syncInterval) * 1000);
        return;
      }
      const base = this.name || DEFAULT_NAME;
      const store = await ActionPlanStore.open(person ? `${base}~${person.id}` : base);
      if (this.#opening !== opening || !this.isConnected) return store.close();
      store.addEventListener('fault', (event) => this.#report((event as CustomEvent<Error>).detail));
      store.addEventListener('cleared', () => {
        this.#report(new DataClearedError(this.syncState?.pending));
        void this.#runningSync?.syncNow();
      });
      // Without sign-in a person the page set (a preview) stays.
      if (this.#signsIn) this.person = person;
      this.#ownedStore = this.store = store;
      this.error = undefined;
    } catch (error) {
      this.#report(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (this.#opening === opening) this.#opening = undefined;
    }
  }

  // A published snapshot replaces the plan's copy in this browser; plan-id defaults to the snapshot's plan.
  async #loadSrc(store: ActionPlanStore, src: string): Promise<void> {
    this.#srcLoad?.abort();
    const load = (this.#srcLoad = new AbortController());
    try {
      const { loadPublished } = await this.#load(this.#snapshotCode);
      const snapshot = await loadPublished(store, new URL(src, document.baseURI).href, load.signal);
      if (!this.planId) this.planId = snapshot.plan.id;
    } catch (error) {
      if (!load.signal.aborted) this.#report(error as Error);
    }
  }

  /** A part of the plan's code; a failure to fetch it (offline, the file gone) is reported in words. */
  #load<T>(code: Lazy<T>): Promise<T> {
    return code.get().catch(() => {
      const error = new Error(t(resolveLocale(this, this.locale), 'lazy.failed'));
      this.#report(error);
      throw error;
    });
  }

  #report(error: Error): void {
    this.error = error;
    this.dispatchEvent(apEvent('ap-error', { error, message: error.message }));
  }

  protected override render() {
    const locale = resolveLocale(this, this.locale);
    return html`<p part="message" role="alert" ?hidden=${!this.error}>${this.error?.message}</p>
      <slot></slot>
      ${this.#linked?.render(t(locale, 'card.close'), t(locale, 'plan.linked-action')) ?? nothing}`;
  }
}
