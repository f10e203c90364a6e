// Connects an element to its <ap-plan>: the context, plus a re-render on every matching store change.
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { planContext, type PlanContext } from '../context/index.js';
import type { Collection } from '../model/index.js';
import type { StoreChange } from '../store/index.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface PlanControllerOptions {
  /** Store collections whose changes this element shows. */
  collections: Collection[];
  /** Called for each matching change, after `revision` moves on. */
  onChange?: (change: StoreChange) => void;
}

export class PlanController implements ReactiveController {
  plan?: PlanContext;
  /** Moves on with every matching store change: use it as a task argument to reload. */
  revision = 0;
  #unsubscribe?: () => void;
  #consumer: ContextConsumer<typeof planContext, Host>;

  constructor(private readonly host: Host, private readonly options: PlanControllerOptions) {
    host.addController(this);
    this.#consumer = new ContextConsumer(host, {
      context: planContext,
      subscribe: true,
      callback: (plan) => this.#provide(plan),
    });
  }

  hostConnected(): void {
    // Give <ap-plan> a frame to upgrade before deciding it is missing.
    requestAnimationFrame(() => {
      if (this.host.isConnected && !this.#consumer.value) {
        console.warn(`<${this.host.localName}> shows nothing until it is placed inside an <ap-plan> element.`);
      }
    });
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
        this.revision++;
        this.options.onChange?.(change);
        this.host.requestUpdate();
      });
    }
    this.host.requestUpdate();
  }
}
