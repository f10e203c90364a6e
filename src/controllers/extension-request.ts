// "Request a new target date": the form the action card and the audit tracker offer when approvals are
// required. The form itself (extension-form.ts) is loaded when it is first opened.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PlanContext } from '../context/index.js';
import { asksForExtensions, type Extendable } from '../model/index.js';
import { t, type Locale } from '../i18n/index.js';
import { Lazy, lazyStatus } from './lazy.js';
import type { ExtensionForm, FormOwner } from './extension-form.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface ExtensionRequestOptions {
  plan: () => PlanContext | undefined;
  collection: 'actions' | 'recommendations';
  announce: (text: string) => void;
  /** After the request is saved or the form cancelled. */
  onDone?: (saved?: Extendable, previous?: Extendable) => void;
}

export class ExtensionRequestController implements ReactiveController {
  /** The record whose form is open. */
  recordId?: string;
  /** The open form, once its code has come. */
  #form?: ExtensionForm;
  #code: Lazy<typeof import('./extension-form.js')>;
  #owner: FormOwner;
  #focus?: string;

  constructor(private readonly host: Host, private readonly options: ExtensionRequestOptions) {
    host.addController(this);
    this.#code = new Lazy(host, () => import('./extension-form.js'));
    this.#owner = {
      host: this.host,
      plan: () => this.options.plan()!,
      collection: this.options.collection,
      announce: (text) => this.options.announce(text),
      focus: (selector) => (this.#focus = selector),
      stop: (saved, previous) => {
        this.#focus = `[data-request-for="${CSS.escape(this.recordId ?? '')}"]`;
        this.recordId = this.#form = undefined;
        this.host.requestUpdate();
        this.options.onDone?.(saved, previous);
      },
    };
  }

  hostUpdated(): void {
    // Kept until the element is there: the form renders only once its code has come.
    const target = this.#focus && this.host.renderRoot.querySelector<HTMLElement>(this.#focus);
    if (!target) return;
    target.focus();
    this.#focus = undefined;
  }

  get #locale(): Locale {
    return this.options.plan()?.locale ?? 'en-GB';
  }

  /** Whether this person asks for a new date (approvals required, not an officer, not read-only). */
  get offered(): boolean {
    const plan = this.options.plan();
    return !!plan && !plan.readonly && asksForExtensions(plan.approvalsRequired, plan.rights.role);
  }

  start(recordId: string): void {
    this.recordId = recordId;
    this.#form = undefined;
    this.host.requestUpdate();
    this.#code.get().then(
      ({ ExtensionForm }) => {
        // Not if the form was closed, or opened on another record, while its code loaded.
        if (this.recordId !== recordId || this.#form) return;
        this.#form = new ExtensionForm(this.#owner);
        this.host.requestUpdate();
      },
      // form() says the form could not be loaded.
      () => undefined,
    );
  }

  /** The button that opens the form; `label` names the record where several are listed; `open` shows the form elsewhere (a dialog). */
  button(recordId: string, label?: string, open = () => this.start(recordId)) {
    return html`<button part="button" data-request-for=${recordId} class="secondary" type="button" aria-label=${label ?? nothing} @click=${open}>
      ${t(this.#locale, 'extension.request')}
    </button>`;
  }

  /** The form for `record` (while its code loads, or if it could not be, a status saying so); its heading at `level` (one below a card's title, 2 in a dialog). */
  form(record: Extendable, level: number) {
    return this.#form ? this.#form.render(record, level) : lazyStatus(this.host, this.#code);
  }
}
