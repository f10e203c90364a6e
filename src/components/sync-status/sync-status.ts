import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { PlanController } from '../../controllers/plan.js';
import { apEvent } from '../../events.js';
import { fieldLabel, t, type Locale } from '../../i18n/index.js';
import { HeadingLevel, heading } from '../../context/heading.js';
import type { AnyRecord } from '../../model/index.js';
import type { Conflict, DeadLetter } from '../../store/index.js';
import { styles } from './sync-status.styles.js';

// The words a record is known by, for a heading.
const titleOf = (record: AnyRecord) => {
  const named = record as { title?: string; name?: string; recommendation?: string };
  return named.title ?? named.name ?? named.recommendation ?? record.id;
};

// Stamped by whoever writes: not part of what the person changed.
const STAMPED = new Set(['version', 'updatedAt', 'updatedBy']);
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The fields a refused change set, against the copy it was made on (all of them for a new record), one per line. */
function describeChange(record: AnyRecord, base: AnyRecord | undefined, locale: Locale): string {
  const before = (base ?? {}) as Record<string, unknown>;
  const lines = Object.entries(record)
    .filter(([field, value]) => !STAMPED.has(field) && value !== undefined && shown(value) !== shown(before[field]))
    .map(([field, value]) => `${fieldLabel(field, locale)}: ${field === 'updates' && Array.isArray(value) ? (value.at(-1) as { text?: string })?.text ?? '' : shown(value)}`);
  return [titleOf(record), ...lines].join('\n');
}

function relativeTime(iso: string, now: Date, locale: Locale): string {
  const minutes = Math.round((Date.parse(iso) - now.getTime()) / 60_000);
  const format = new Intl.RelativeTimeFormat(Intl.RelativeTimeFormat.supportedLocalesOf(locale).length ? locale : 'en-GB', { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / 1440), 'day');
}

/**
 * Shows how the plan's sync with its endpoint stands: online or offline, changes waiting, when it
 * last synced, errors with a Retry button, changes that clash (each field's two values side by
 * side, Keep mine / Keep theirs, or an edited merge for text) and changes the server refused
 * (Retry / Discard). Changes are announced politely; it never moves focus on its own.
 *
 * @summary Sync status: pending changes, last synced, errors, conflicts and refused changes.
 * @csspart status - The status line (a polite live region).
 * @csspart conflicts - The list of changes that clash.
 * @csspart dead-letters - The list of changes the server refused.
 * @csspart refused - The list of changes the signed-in person may not make (403).
 * @csspart button - Every button.
 * @cssproperty --ap-color-border - Borders; the status line's left rule.
 * @cssproperty --ap-color-error - The status line's rule when offline or failing.
 * @cssproperty --ap-color-button - Primary buttons.
 * @cssproperty --ap-color-focus - Focus ring.
 */
export class ApSyncStatus extends HeadingLevel(LitElement) {
  static override styles = styles;

  readonly #plan = new PlanController(this, { collections: [] });
  @state() private done = '';
  /** Each refused change as text (Copy), by dead-letter seq: read once, with the copy it was made on. */
  #changes = new Map<number, string>();
  #tick?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // "Last synced 2 minutes ago" moves on by itself.
    this.#tick = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
  }

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  /** After a choice removes its buttons, focus goes to the status line instead of being lost. */
  async #settled(work: Promise<void>): Promise<void> {
    await work;
    this.done = t(this.#locale, 'sync.resolved');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  }

  /** Scrolls to the conflict on a record and focuses its first choice (a card's Conflict badge asks for this). */
  showConflict(recordId: string): void {
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-record-id]')].find((li) => li.dataset.recordId === recordId);
    item?.scrollIntoView({ block: 'center' });
    item?.querySelector('button')?.focus();
  }

  #resolve(conflict: Conflict, choice: 'mine' | 'theirs' | Record<string, unknown>) {
    void this.#settled(this.#plan.plan!.sync!.resolve(conflict, choice));
  }

  #summary(): string[] {
    const locale = this.#locale;
    const sync = this.#plan.plan?.syncState;
    if (!sync) return [];
    // Retrying after an error keeps saying so, rather than flickering between two messages.
    const shown = sync.state === 'syncing' && sync.error ? 'error' : sync.state;
    const lines = [t(locale, `sync.${shown}`, { error: sync.error ?? '' })];
    if (sync.missing?.length) lines.push(t(locale, 'sync.missing', { collections: sync.missing.join(', '), json: sync.missing.map((name) => `"${name}": []`).join(', ') }));
    if (sync.pending > 0) lines.push(sync.pending === 1 ? t(locale, 'sync.pending-one') : t(locale, 'sync.pending', { count: sync.pending }));
    if (sync.quarantined > 0) lines.push(t(locale, 'sync.quarantined', { count: sync.quarantined }));
    if (sync.lastSynced) lines.push(t(locale, 'sync.last-synced', { when: relativeTime(sync.lastSynced, new Date(), locale) }));
    if (this.done) lines.push(this.done);
    return lines;
  }

  #value(value: unknown): string {
    if (value === undefined || value === null || value === '') return t(this.#locale, 'sync.empty');
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  #conflict(conflict: Conflict) {
    const locale = this.#locale;
    const title = titleOf(conflict.mine);
    const texts = conflict.fields.filter((field) => typeof field.mine === 'string' && typeof field.theirs === 'string');
    return html`<li data-record-id=${conflict.recordId}>
      <p><strong>${t(locale, conflict.kind === 'deleted' ? 'sync.conflict-deleted' : 'sync.conflict-edited', { title })}</strong></p>
      ${conflict.fields.length
        ? html`<table>
            <thead><tr><th scope="col">${t(locale, 'sync.field')}</th><th scope="col">${t(locale, 'sync.mine')}</th><th scope="col">${t(locale, 'sync.theirs')}</th></tr></thead>
            <tbody>
              ${conflict.fields.map((field) => html`<tr><th scope="row">${fieldLabel(field.field, locale)}</th><td>${this.#value(field.mine)}</td><td>${this.#value(field.theirs)}</td></tr>`)}
            </tbody>
          </table>`
        : nothing}
      <div class="buttons">
        <button part="button" class="primary" @click=${() => this.#resolve(conflict, 'mine')}>${t(locale, 'sync.keep-mine')}<span class="ap-visually-hidden">: ${title}</span></button>
        <button part="button" class="secondary" @click=${() => this.#resolve(conflict, 'theirs')}>${t(locale, 'sync.keep-theirs')}<span class="ap-visually-hidden">: ${title}</span></button>
      </div>
      ${texts.map((field) => {
        const id = `merge-${conflict.id}-${field.field}`.replace(/[^\w-]/g, '_');
        const label = fieldLabel(field.field, locale).toLocaleLowerCase();
        return html`<label for=${id}>${t(locale, 'sync.edit-merge', { field: label })}</label>
          <textarea id=${id} .value=${field.mine as string}></textarea>
          <button part="button" class="secondary" @click=${() => this.#resolve(conflict, { [field.field]: this.renderRoot.querySelector<HTMLTextAreaElement>(`#${id}`)!.value })}>
            ${t(locale, 'sync.save-merge', { field: label })}
          </button>`;
      })}
    </li>`;
  }

  #changeText(letter: DeadLetter): string | undefined {
    const text = this.#changes.get(letter.seq!);
    const store = this.#plan.plan?.store;
    if (text === undefined && store) {
      this.#changes.set(letter.seq!, '');
      void store.base(letter.collection, letter.recordId).then((base) => {
        this.#changes.set(letter.seq!, describeChange(letter.record, letter.op === 'create' ? undefined : base, this.#locale));
        this.requestUpdate();
      });
    }
    return text;
  }

  async #copy(letter: DeadLetter): Promise<void> {
    const locale = this.#locale;
    try {
      await navigator.clipboard.writeText(this.#changes.get(letter.seq!) ?? '');
      this.done = t(locale, 'sync.copied', { title: titleOf(letter.record) });
    } catch {
      // No clipboard (permission, older browser): the change is on screen to select and copy.
      this.done = t(locale, 'sync.copy-failed');
    }
  }

  /** A change the signed-in person may not make: the server's reason, what they changed, Copy and Discard. */
  #refused(letter: DeadLetter) {
    const locale = this.#locale;
    const title = titleOf(letter.record);
    const id = `change-${letter.seq}`;
    return html`<li>
      <p>${t(locale, 'sync.refused-item', { title, reason: letter.reason })}</p>
      <pre id=${id} class="change" tabindex="0" aria-label=${t(locale, 'sync.mine')}>${this.#changeText(letter)}</pre>
      <div class="buttons">
        <button part="button" class="primary" aria-describedby=${id} @click=${() => void this.#copy(letter)}>${t(locale, 'sync.copy')}<span class="ap-visually-hidden">: ${title}</span></button>
        <button part="button" class="secondary" @click=${() => void this.#settled(this.#plan.plan!.sync!.settle(letter, 'discard'))}>${t(locale, 'sync.discard')}<span class="ap-visually-hidden">: ${title}</span></button>
      </div>
    </li>`;
  }

  #signIn(): void {
    this.dispatchEvent(apEvent('ap-sign-in', {}));
    void this.#plan.plan?.sync?.syncNow();
  }

  #deadLetter(letter: DeadLetter) {
    const locale = this.#locale;
    const title = titleOf(letter.record);
    const settle = (choice: 'retry' | 'discard') => void this.#settled(this.#plan.plan!.sync!.settle(letter, choice));
    return html`<li>
      <p>${t(locale, 'sync.dead-letter', { title, reason: letter.reason })}</p>
      <div class="buttons">
        <button part="button" class="primary" @click=${() => settle('retry')}>${t(locale, 'sync.retry')}<span class="ap-visually-hidden">: ${title}</span></button>
        <button part="button" class="secondary" @click=${() => settle('discard')}>${t(locale, 'sync.discard')}<span class="ap-visually-hidden">: ${title}</span></button>
      </div>
    </li>`;
  }

  protected override render() {
    const locale = this.#locale;
    const sync = this.#plan.plan?.syncState;
    const signedOut = sync?.state === 'signed-out';
    const refused = sync?.deadLetters.filter((letter) => letter.status === 403) ?? [];
    const others = sync?.deadLetters.filter((letter) => letter.status !== 403) ?? [];
    return html`<section aria-label=${t(locale, 'sync.label')}>
      <p part="status" class="status state-${sync?.state ?? 'idle'}" role="status" tabindex="-1">${this.#summary().join(' ')}</p>
      <button part="button" class="primary" ?hidden=${!signedOut} @click=${this.#signIn}>${t(locale, 'sync.sign-in')}</button>
      <button part="button" class=${signedOut ? 'secondary' : 'primary'} ?hidden=${!sync?.error} @click=${() => void this.#plan.plan?.sync?.syncNow()}>${t(locale, 'sync.retry')}</button>
      <div ?hidden=${!sync?.conflicts.length}>
        ${heading(this.level, t(locale, 'sync.conflicts', { count: sync?.conflicts.length ?? 0 }))}
        <ul part="conflicts">${sync?.conflicts.map((conflict) => this.#conflict(conflict))}</ul>
      </div>
      <div ?hidden=${!refused.length}>
        ${heading(this.level, t(locale, 'sync.refused', { count: refused.length }))}
        <ul part="refused">${refused.map((letter) => this.#refused(letter))}</ul>
      </div>
      <div ?hidden=${!others.length}>
        ${heading(this.level, t(locale, 'sync.dead-letters', { count: others.length }))}
        <ul part="dead-letters">${others.map((letter) => this.#deadLetter(letter))}</ul>
      </div>
    </section>`;
  }
}
