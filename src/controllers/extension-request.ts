// "Request a new target date": the form the action card and the audit tracker offer when approvals are required.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PlanContext } from '../context/index.js';
import { asksForExtensions, requestExtension, type Extendable, type ExtensionProblem } from '../model/index.js';
import { describeExtensionProblem, formatDate, t, type Locale } from '../i18n/index.js';
import { heading } from '../context/heading.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface ExtensionRequestOptions {
  plan: () => PlanContext | undefined;
  collection: 'actions' | 'recommendations';
  announce: (text: string) => void;
  /** After the request is saved or the form cancelled. */
  onDone?: (saved?: Extendable, previous?: Extendable) => void;
}

const FIELD_IDS = { requestedDate: 'requested-date-input', reason: 'extension-reason-input' } as const;

export class ExtensionRequestController implements ReactiveController {
  /** The record whose form is open. */
  recordId?: string;
  #requestedDate = '';
  #reason = '';
  #problems: ExtensionProblem[] = [];
  #focus?: string;

  constructor(private readonly host: Host, private readonly options: ExtensionRequestOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.#focus) return;
    this.host.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
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
    this.#requestedDate = this.#reason = '';
    this.#problems = [];
    this.#focus = `#${FIELD_IDS.requestedDate}`;
    this.host.requestUpdate();
  }

  #stop(saved?: Extendable, previous?: Extendable): void {
    this.#focus = `[data-request-for="${CSS.escape(this.recordId ?? '')}"]`;
    this.recordId = undefined;
    this.#problems = [];
    this.host.requestUpdate();
    this.options.onDone?.(saved, previous);
  }

  /** The button that opens the form; `label` names the record where several are listed; `open` shows the form elsewhere (a dialog). */
  button(recordId: string, label?: string, open = () => this.start(recordId)) {
    return html`<button part="button" data-request-for=${recordId} class="secondary" type="button" aria-label=${label ?? nothing} @click=${open}>
      ${t(this.#locale, 'extension.request')}
    </button>`;
  }

  async #send(event: Event, record: Extendable): Promise<void> {
    event.preventDefault();
    const plan = this.options.plan()!;
    const input = { id: crypto.randomUUID(), requestedDate: this.#requestedDate, reason: this.#reason, by: plan.user, at: new Date().toISOString() };
    const result = requestExtension(record, input, plan.today);
    if (result.ok) {
      const saved = await plan.store!.put(this.options.collection, result.record as never, { by: plan.user });
      this.options.announce(t(this.#locale, 'extension.sent', { date: formatDate(input.requestedDate, this.#locale) }));
      return this.#stop(saved as Extendable, record);
    }
    this.#problems = result.problems;
    this.#focus = '#extension-errors';
    this.host.requestUpdate();
  }

  #fieldError(field: keyof typeof FIELD_IDS) {
    const problem = this.#problems.find((p) => p.field === field);
    return problem
      ? html`<p class="error-message" id=${`${FIELD_IDS[field]}-error`}><span class="ap-visually-hidden">${t(this.#locale, 'card.error-prefix')}</span> ${describeExtensionProblem(problem, this.#locale)}</p>`
      : nothing;
  }

  #control(field: keyof typeof FIELD_IDS, label: string, control: (describedBy: string | typeof nothing, invalid: boolean) => unknown) {
    const invalid = this.#problems.some((p) => p.field === field);
    return html`<div class=${`field${invalid ? ' invalid' : ''}`}>
      <label for=${FIELD_IDS[field]}>${label}</label>
      ${this.#fieldError(field)} ${control(invalid ? `${FIELD_IDS[field]}-error` : nothing, invalid)}
    </div>`;
  }

  /** The form for `record`: new date and reason, with GOV.UK error messages; its heading at `level` (one below a card's title, 2 in a dialog). */
  form(record: Extendable, level: number) {
    const locale = this.#locale;
    const summary = this.#problems.length
      ? html`<div class="error-summary" id="extension-errors" tabindex="-1" role="alert" aria-labelledby="extension-errors-title">
          ${heading(level + 1, t(locale, 'card.error-summary'), { id: 'extension-errors-title' })}
          <ul>
            ${this.#problems.map(
              (p) => html`<li><a href=${`#${FIELD_IDS[p.field ?? 'requestedDate']}`} @click=${(e: Event) => this.#focusField(e, p.field ?? 'requestedDate')}>${describeExtensionProblem(p, locale)}</a></li>`,
            )}
          </ul>
        </div>`
      : nothing;
    return html`<form class="extension-request" part="extension-request" novalidate aria-labelledby="extension-request-title" @submit=${(e: Event) => this.#send(e, record)}>
      ${heading(level, t(locale, 'extension.request'), { id: 'extension-request-title' })}
      <p class="hint">${t(locale, 'extension.request-hint')}</p>
      ${summary}
      ${this.#control(
        'requestedDate',
        t(locale, 'extension.requested-date'),
        (describedBy, invalid) =>
          html`<input id=${FIELD_IDS.requestedDate} type="date" .value=${this.#requestedDate} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => (this.#requestedDate = (e.target as HTMLInputElement).value)} />`,
      )}
      ${this.#control(
        'reason',
        t(locale, 'extension.reason'),
        (describedBy, invalid) =>
          html`<textarea id=${FIELD_IDS.reason} rows="3" .value=${this.#reason} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => (this.#reason = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      <div class="buttons">
        <button part="button" class="primary" type="submit">${t(locale, 'extension.send')}</button>
        <button part="button" class="secondary" type="button" @click=${() => this.#stop()}>${t(locale, 'card.cancel')}</button>
      </div>
    </form>`;
  }

  #focusField(event: Event, field: keyof typeof FIELD_IDS): void {
    event.preventDefault();
    // Fragment links do not reach into a shadow root, so move focus ourselves.
    this.host.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[field]}`)?.focus();
  }
}
