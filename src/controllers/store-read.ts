// A read of the store that runs again when what it reads from changes: @lit/task's Task as the card
// and the audit tracker use it (`value`, `autoRun`), kept to that because both are on every page.
// The parts loaded on first use keep Task.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface StoreReadOptions<A extends readonly unknown[], T> {
  task: (args: A) => Promise<T>;
  /** What the read depends on: it runs again when any of these is a different value. */
  args: () => A;
}

export class StoreRead<A extends readonly unknown[], T> implements ReactiveController {
  /** The latest read's result: undefined until one has finished, or when the latest failed. */
  value?: T;
  /** False: updates do not run the read (a compact card given its action has nothing to read). */
  autoRun = true;
  #args?: A;
  #latest = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StoreReadOptions<A, T>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.autoRun) return;
    const args = this.options.args();
    const before = this.#args;
    this.#args = args;
    if (before?.length === args.length && before.every((value, i) => value === args[i])) return;
    const call = ++this.#latest;
    // Only the latest read counts: an earlier one finishing after it would show older data.
    this.options.task(args).then(
      (value) => call === this.#latest && this.#settle(value),
      () => call === this.#latest && this.#settle(undefined),
    );
  }

  #settle(value: T | undefined): void {
    this.value = value;
    this.host.requestUpdate();
  }
}
