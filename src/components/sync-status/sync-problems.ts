// What <ap-sync-status> lists once something went wrong: changes that clash (Keep mine, Keep theirs or
// an edited merge) and changes the server refused. Loaded when there is first one to show (a chunk of
// its own in the drop-in): most pages only ever show the status line.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { PlanContext } from '../../context/index.js';
import { heading } from '../../context/heading.js';
import { fieldLabel, t, type Locale } from '../../i18n/index.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import type { AnyRecord } from '../../model/index.js';
import type { Conflict, DeadLetter } from '../../store/index.js';
import type { SyncState } from '../../sync/index.js';

export { problemStyles as styles } from './sync-problems.styles.js';

useAdminMessages();

/** What the lists need of the status element. */
export interface StatusElement {
  host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  plan(): PlanContext;
  /** The level of the lists' headings. */
  level(): number;
  /** Waits for a choice's work, then says it is done and moves focus to the status line (its buttons are gone). */
  settled(work: Promise<void>): void;
  /** Adds `text` to the status line. */
  say(text: string): void;
}

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

/** The lists of conflicts, refused changes and dead letters, with their choices. */
export class SyncProblems {
  /** Each refused change as text (Copy), by dead-letter seq: read once, with the copy it was made on. */
  #changes = new Map<number, string>();

  constructor(private readonly status: StatusElement) {}

  get #locale(): Locale {
    return this.status.plan().locale;
  }

  #resolve(conflict: Conflict, choice: 'mine' | 'theirs' | Record<string, unknown>) {
    this.status.settled(this.status.plan().sync!.resolve(conflict, choice));
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
          <button part="button" class="secondary" @click=${() => this.#resolve(conflict, { [field.field]: this.status.host.renderRoot.querySelector<HTMLTextAreaElement>(`#${id}`)!.value })}>
            ${t(locale, 'sync.save-merge', { field: label })}
          </button>`;
      })}
    </li>`;
  }

  #changeText(letter: DeadLetter): string | undefined {
    const text = this.#changes.get(letter.seq!);
    const store = this.status.plan().store;
    if (text === undefined && store) {
      this.#changes.set(letter.seq!, '');
      void store.base(letter.collection, letter.recordId).then((base) => {
        this.#changes.set(letter.seq!, describeChange(letter.record, letter.op === 'create' ? undefined : base, this.#locale));
        this.status.host.requestUpdate();
      });
    }
    return text;
  }

  async #copy(letter: DeadLetter): Promise<void> {
    const locale = this.#locale;
    try {
      await navigator.clipboard.writeText(this.#changes.get(letter.seq!) ?? '');
      this.status.say(t(locale, 'sync.copied', { title: titleOf(letter.record) }));
    } catch {
      // No clipboard (permission, older browser): the change is on screen to select and copy.
      this.status.say(t(locale, 'sync.copy-failed'));
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
        <button part="button" class="secondary" @click=${() => this.status.settled(this.status.plan().sync!.settle(letter, 'discard'))}>${t(locale, 'sync.discard')}<span class="ap-visually-hidden">: ${title}</span></button>
      </div>
    </li>`;
  }

  #deadLetter(letter: DeadLetter) {
    const locale = this.#locale;
    const title = titleOf(letter.record);
    const settle = (choice: 'retry' | 'discard') => this.status.settled(this.status.plan().sync!.settle(letter, choice));
    return html`<li>
      <p>${t(locale, 'sync.dead-letter', { title, reason: letter.reason })}</p>
      <div class="buttons">
        <button part="button" class="primary" @click=${() => settle('retry')}>${t(locale, 'sync.retry')}<span class="ap-visually-hidden">: ${title}</span></button>
        <button part="button" class="secondary" @click=${() => settle('discard')}>${t(locale, 'sync.discard')}<span class="ap-visually-hidden">: ${title}</span></button>
      </div>
    </li>`;
  }

  render(sync: SyncState) {
    const locale = this.#locale;
    const level = this.status.level();
    const refused = sync.deadLetters.filter((letter) => letter.status === 403);
    const others = sync.deadLetters.filter((letter) => letter.status !== 403);
    return html`<div ?hidden=${!sync.conflicts.length}>
        ${heading(level, t(locale, 'sync.conflicts', { count: sync.conflicts.length }))}
        <ul part="conflicts">${sync.conflicts.map((conflict) => this.#conflict(conflict))}</ul>
      </div>
      <div ?hidden=${!refused.length}>
        ${heading(level, t(locale, 'sync.refused', { count: refused.length }))}
        <ul part="refused">${refused.map((letter) => this.#refused(letter))}</ul>
      </div>
      <div ?hidden=${!others.length}>
        ${heading(level, t(locale, 'sync.dead-letters', { count: others.length }))}
        <ul part="dead-letters">${others.map((letter) => this.#deadLetter(letter))}</ul>
      </div>`;
  }
}
