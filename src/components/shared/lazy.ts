// Parts of an element loaded on first use: in the drop-in build each is a chunk beside the entry
// file, so a page fetches the report, the admin tabs or import and export only where they are.
import { LitElement, adoptStyles, html, nothing, supportsAdoptingStyleSheets, type CSSResultGroup, type CSSResultOrNative, type PropertyValues, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { HeadingLevel } from '../../context/heading.js';
import { Lazy, lazyStatus } from '../../controllers/lazy.js';

// Elements find them here; they live a layer down, as a controller (the extension request form's) uses them too.
export { Lazy, lazyStatus };

/** Adds a part's styles, when it has loaded, to those the element's shadow root already has (its own, other parts'). */
export function addStyles(root: ShadowRoot, styles: CSSResultGroup): void {
  const list = ([styles] as unknown[]).flat(Infinity) as CSSResultOrNative[];
  // Without adoptable sheets, lit adds <style> elements after those already there.
  if (!supportsAdoptingStyleSheets) return adoptStyles(root, list);
  const sheets = list.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet))];
}

/** A dialog's content, made when it opens. */
export interface DialogForm {
  render(): unknown;
}

/**
 * A modal dialog whose form is a module loaded when one is first opened (`load` gives what makes
 * the form of the dialog `D`). The first time, it opens at once with the loading status (or the
 * failure), and its first control takes focus when the form has come, as `showModal()` gives it;
 * after that, it opens with its form.
 */
export class LazyDialog<D, F extends DialogForm> {
  #open?: D;
  /** The open dialog's form, once its module has come. */
  #form?: F;
  readonly #code: Lazy<(dialog: D) => F>;

  constructor(
    private readonly host: LitElement,
    load: () => Promise<(dialog: D) => F>,
  ) {
    this.#code = new Lazy(host, load);
  }

  async open(dialog: D): Promise<void> {
    this.#open = dialog;
    this.#form = this.#code.value?.(dialog);
    // The form once the code has come, unless the dialog was closed (or opened for another record) by then; render() shows a failure.
    const loading = !this.#form && this.#code.get().then((make) => this.#open === dialog && (this.#form = make(dialog)), () => false);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#element()?.showModal();
    if (!(await loading)) return;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#element()?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  close(): void {
    this.#element()?.close();
  }

  #element(): HTMLDialogElement | null | undefined {
    return this.#open ? this.host.renderRoot.querySelector('dialog') : undefined;
  }

  #closed = (): void => {
    this.#open = this.#form = undefined;
    this.host.requestUpdate();
  };

  /** The dialog while open; until its form has come, the status names it. */
  render() {
    if (!this.#open) return nothing;
    return html`<dialog part="dialog" aria-labelledby="dialog-heading" @close=${this.#closed}>
      ${this.#form ? this.#form.render() : html`<div id="dialog-heading">${lazyStatus(this.host, this.#code)}</div>`}
    </dialog>`;
  }
}

/**
 * The body of an element, loaded on first use: it keeps its state in fields marked `@state()`
 * (each change renders the host again) and hands its controllers to the host. Lit calls event
 * listeners with the host as `this`, so a view's listeners are arrow functions.
 */
export abstract class View<H extends LitElement = LitElement> implements ReactiveControllerHost, ReactiveController {
  constructor(readonly host: H) {
    host.addController(this);
  }

  // Lit's legacy @state() calls this: the field becomes an accessor that renders the host on change.
  static createProperty(name: PropertyKey): void {
    const key = Symbol(String(name));
    Object.defineProperty(this.prototype, name, {
      configurable: true,
      get(this: Record<symbol, unknown>) {
        return this[key];
      },
      set(this: View & Record<symbol, unknown>, value: unknown) {
        if (Object.is(this[key], value)) return;
        this[key] = value;
        this.host.requestUpdate();
      },
    });
  }

  addController(controller: ReactiveController): void {
    this.host.addController(controller);
  }

  removeController(controller: ReactiveController): void {
    this.host.removeController(controller);
  }

  requestUpdate(): void {
    this.host.requestUpdate();
  }

  get updateComplete(): Promise<boolean> {
    return this.host.updateComplete;
  }

  get renderRoot(): HTMLElement | DocumentFragment {
    return this.host.renderRoot;
  }

  hostDisconnected?(): void;
  willUpdate?(changed: PropertyValues): void;
  abstract render(): unknown;
}

export interface ViewModule<V extends View> {
  View: new (host: V['host']) => V;
  styles: CSSResultGroup;
}

/** An element whose body (a `View` and its styles) is a module loaded when it is first connected. */
export abstract class LazyElement<V extends View> extends HeadingLevel(LitElement) {
  protected readonly body = new Lazy<V>(this, async () => {
    const { View: Body, styles } = await this.loadView();
    adoptStyles(this.renderRoot as ShadowRoot, ([styles] as unknown[]).flat(Infinity) as CSSResultOrNative[]);
    return new Body(this);
  });

  protected abstract loadView(): Promise<ViewModule<V>>;

  /** @internal The level of the body's top headings (`level` is the element's own). */
  get bodyLevel(): number {
    return this.level;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A failure is shown by render().
    this.body.get().catch(() => undefined);
  }

  #bodyUpdated = false;

  protected override willUpdate(changed: PropertyValues): void {
    const body = this.body.value;
    if (!body) return;
    // The body's first update sees every property as set, as the element's own first update did.
    const properties = (this.constructor as typeof LitElement).elementProperties;
    body.willUpdate?.(this.#bodyUpdated ? changed : new Map([...properties.keys()].map((name) => [name, undefined])));
    this.#bodyUpdated = true;
  }

  protected override render() {
    return this.body.value ? this.body.value.render() : lazyStatus(this, this.body);
  }
}
