// Connects an element to its <ap-plan>: the context, plus a re-render on every matching store change.
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { planContext, type PlanContext } from '../context/index.js';
import type { RecordKind } from '../model/index.js';
import type { StoreChange } from '../store/index.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface PlanControllerOptions {
  /** Store collections whose changes this element shows. */
  collections: RecordKind[];
  /** Called for each matching change, before `revision` moves on; return false to skip it (no revision, no re-render). */
  onChange?: (change: StoreChange) => boolean | void;
}

// Hosts connected without a plan yet; one frame callback checks them all (a board connects hundreds of cards).
const unplaced = new Set<PlanController>();

function checkUnplaced(): void {
  for (const controller of unplaced) controller.warnIfUnplaced();
  unplaced.clear();
}

export class PlanController implements ReactiveController {
  plan?: PlanContext;
  /** Moves on with every matching store change: use it as a task argument to reload. */
  revision = 0;
  #unsubscribe?: () => void;

  constructor(private readonly host: Host, private readonly options: PlanControllerOptions) {
    // Added first, so the context (when there is a plan) has arrived by the time hostConnected below runs.
    new ContextConsumer(host, {
      context: planContext,
      subscribe: true,
      callback: (plan) => this.#provide(plan),
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Give <ap-plan> a frame to upgrade before deciding it is missing.
    if (this.plan || unplaced.has(this)) return;
    if (unplaced.size === 0) requestAnimationFrame(checkUnplaced);
    unplaced.add(this);
  }

  /** Warns (once the frame has passed) when the host is still on the page without a plan. */
  warnIfUnplaced(): void {
    if (this.host.isConnected && !this.plan) {
      console.warn(`<${this.host.localName}> shows nothing until it is placed inside an <ap-plan> element.`);
    }
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #provide(plan: PlanContext | undefined): void {
    const storeChanged = plan?.store !== this.plan?.store || plan?.planId !== this.plan?.planId;
    this.plan = plan;
    if (storeChanged || !this.#unsubscribe) {
      this.#unsubscribe?.();
      this.#unsubscribe = plan?.store?.subscribe({ collection: this.options.collections, planId: plan.planId }, (change) => {
        if (this.options.onChange?.(change) === false) return;
        this.revision++;
        this.host.requestUpdate();
      });
    }
    this.host.requestUpdate();
  }
}
