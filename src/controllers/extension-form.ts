// The "Request a new target date" form: its fields, checks and save. Loaded when the form is first
// opened (a chunk of its own in the drop-in): most people never ask for more time.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { PlanContext } from '../context/index.js';
import { requestExtension, type Extendable, type ExtensionProblem } from '../model/index.js';
import { formatDate, t, type Locale } from '../i18n/index.js';
import { describeExtensionProblem } from '../i18n/extension-problems.js';
import { useAdminMessages } from '../i18n/admin-messages.js';
import { heading } from '../context/heading.js';

useAdminMessages();

/** What the form needs of the controller that opened it. */
export interface FormOwner {
  host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  plan(): PlanContext;
  collection: 'actions' | 'recommendations';
  announce(text: string): void;
  /** Moves focus to `selector` once the host has rendered. */
  focus(selector: string): void;
  /** Closes the form: `saved` after a request is saved, nothing when cancelled. */
  stop(saved?: Extendable, previous?: Extendable): void;
}

const FIELD_IDS = { requestedDate: 'requested-date-input', reason: 'extension-reason-input' } as const;

/** The open form of one record: what has been typed and what was wrong with it. */
export class ExtensionForm {
  #requestedDate = '';
  #reason = '';
  #problems: ExtensionProblem[] = [];

  constructor(private readonly owner: FormOwner) {
    owner.focus(`#${FIELD_IDS.requestedDate}`);
  }

  get #locale(): Locale {
    return this.owner.plan().locale;
  }

  async #send(event: Event, record: Extendable): Promise<void> {
    event.preventDefault();
    const plan = this.owner.plan();
    const input = { id: crypto.randomUUID(), requestedDate: this.#requestedDate, reason: this.#reason, by: plan.user, at: new Date().toISOString() };
    const result = requestExtension(record, input, plan.today);
    if (result.ok) {
      const saved = await plan.store!.put(this.owner.collection, result.record as never, { by: plan.user });
      this.owner.announce(t(this.#locale, 'extension.sent', { date: formatDate(input.requestedDate, this.#locale) }));
      return this.owner.stop(saved as Extendable, record);
    }
    this.#problems = result.problems;
    this.owner.focus('#extension-errors');
    this.owner.host.requestUpdate();
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

  /** The form for `record`, its heading at `level`. */
  render(record: Extendable, level: number) {
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
        <button part="button" class="secondary" type="button" @click=${() => this.owner.stop()}>${t(locale, 'card.cancel')}</button>
      </div>
    </form>`;
  }

  #focusField(event: Event, field: keyof typeof FIELD_IDS): void {
    event.preventDefault();
    // Fragment links do not reach into a shadow root, so move focus ourselves.
    this.owner.host.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[field]}`)?.focus();
  }
}
