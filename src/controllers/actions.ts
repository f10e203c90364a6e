// The plan's actions and priorities in memory: read once, then patched from the change feed by id, with each action's RAG cached.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { computeRag, emptyCounts, type Action, type Priority, type RagCounts, type RagResult, type RagRules } from '../model/index.js';
import type { ActionPlanStore, StoreChange } from '../store/index.js';
import { PlanController } from './plan.js';

type Host = ReactiveControllerHost & HTMLElement;

/** RAG of an action and counts of a list, as of the plan's today and rules. */
export interface RagSource {
  rag(action: Action): RagResult;
  /** RAG counts per group (key '' for all when no `groupKey`), as model's `countRag`. */
  count(actions: readonly Action[], groupKey?: (action: Action) => string): Map<string, RagCounts>;
}

// A change naming more actions than this (an import, a first pull) is cheaper to read as one query.
const RELOAD_FROM = 500;

// Widgets that hear the same change share one read of it, and so the same action objects.
const changed = new WeakMap<StoreChange, Promise<(Action | undefined)[]>>();
const rags = new WeakMap<Action, { today: string; rules: RagRules; result: RagResult }>();

/** `computeRag`, worked out once per action object, day and rules, whichever widget asks first. */
export function ragOf(action: Action, today: string, rules: RagRules): RagResult {
  const cached = rags.get(action);
  if (cached?.today === today && cached.rules === rules) return cached.result;
  const result = computeRag(action, today, rules);
  rags.set(action, { today, rules, result });
  return result;
}

export class PlanActionsController implements ReactiveController, RagSource {
  readonly plan: PlanController;
  /** The plan's actions (no tombstones): a new array after each change, the same objects for actions that did not change. */
  actions: Action[] = [];
  priorities: Priority[] = [];
  /** True once the plan's records have been read. */
  loaded = false;
  #byId = new Map<string, Action>();
  #loadedFrom?: { store: ActionPlanStore; planId: string };
  #work: Promise<void> = Promise.resolve();

  constructor(private readonly host: Host) {
    host.addController(this);
    // Changes re-render the host once their records are read, not before.
    this.plan = new PlanController(host, {
      collections: ['actions', 'priorities'],
      onChange: (change) => {
        this.#queue(() => this.#apply(change));
        return false;
      },
    });
  }

  hostUpdate(): void {
    const { store, planId } = this.plan.plan ?? {};
    if (store && planId !== undefined && (store !== this.#loadedFrom?.store || planId !== this.#loadedFrom.planId)) {
      this.#loadedFrom = { store, planId };
      this.#queue(() => this.#load(store, planId));
    }
  }

  /** Settles once every change heard so far shows in `actions`. */
  get settled(): Promise<void> {
    return this.#work;
  }

  rag(action: Action): RagResult {
    return ragOf(action, this.plan.plan!.today, this.plan.plan!.ragRules);
  }

  count(actions: readonly Action[], groupKey: (action: Action) => string = () => ''): Map<string, RagCounts> {
    const groups = new Map<string, RagCounts>();
    for (const action of actions) {
      const key = groupKey(action);
      const counts = groups.get(key) ?? groups.set(key, emptyCounts()).get(key)!;
      const { state } = this.rag(action);
      if (state === 'cancelled') counts.cancelled++;
      else if (state === 'carried-forward') counts.carriedForward++;
      else (counts[state]++, counts.total++);
    }
    return groups;
  }

  // One read at a time, in the order the changes came, so a late read never undoes a newer one.
  #queue(read: () => Promise<void>): void {
    const next = this.#work.then(read);
    this.#work = next.then(
      () => this.host.requestUpdate(),
      () => undefined,
    );
    // A read still under way when the page removes the plan (and closes its store) is no loss.
    next.catch((error) => {
      if (this.host.isConnected) throw error;
    });
  }

  async #load(store: ActionPlanStore, planId: string): Promise<void> {
    const [actions, priorities] = await Promise.all([store.query('actions', { value: planId }), store.query('priorities', { value: planId })]);
    this.#byId = new Map(actions.map((action) => [action.id, action]));
    this.actions = actions;
    this.priorities = priorities;
    this.loaded = true;
  }

  async #apply(change: StoreChange): Promise<void> {
    if (!this.#loadedFrom) return;
    const { store, planId } = this.#loadedFrom;
    if (change.collection === 'priorities') {
      this.priorities = await store.query('priorities', { value: planId });
      return;
    }
    if (change.ids.length === 0 || change.ids.length > RELOAD_FROM) return this.#load(store, planId);
    const read = changed.get(change) ?? (change.records ? Promise.resolve(change.records as Action[]) : store.getMany('actions', change.ids));
    changed.set(change, read);
    const records = await read;
    change.ids.forEach((id, i) => {
      const action = records[i];
      if (action && !action.deleted && action.planId === planId) this.#byId.set(id, action);
      else this.#byId.delete(id);
    });
    this.actions = [...this.#byId.values()];
  }
}
