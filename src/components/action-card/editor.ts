// The card's edit form, loaded when Edit is first pressed: a page whose cards are only read never
// fetches it (a chunk of its own in the drop-in).
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ragOf } from '../../controllers/actions.js';
import type { PlanContext } from '../../context/index.js';
import { heading } from '../../context/heading.js';
import { ACTION_STATUSES, OVERRIDE_RAGS, ValidationError, type Action, type Milestone } from '../../model/index.js';
import { ragLabel, statusLabel, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { describeIssue } from '../../i18n/issues.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import { applyDraft, draftOf, validateDraft, type Draft, type DraftError } from './draft.js';

export { editorStyles as styles } from './editor.styles.js';

useAdminMessages();

/** What the editor needs of its card. */
export interface EditorCard {
  host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  plan(): PlanContext;
  /** The action as the card shows it now. */
  action(): Action;
  /** Fields this person may not change (a partner cannot move an action out of their agency). */
  locked(): readonly string[];
  /** The level of the card's title. */
  level(): number;
  /** Whether target dates change by extension request (approvals required, not an officer). */
  extensionOffered(): boolean;
  announce(text: string): void;
  /** Moves focus to `selector` once the card has rendered. */
  focusAfterRender(selector: string): void;
  /** Ends editing, saying `message`. */
  close(message: MessageKey): void;
  saved(action: Action, previous: Action, fields: string[]): void;
}

/** The edit form of one action: its draft, its checks and the save. */
export class CardEditor {
  #draft: Draft;
  #errors: DraftError[] = [];

  constructor(private readonly card: EditorCard) {
    this.#draft = draftOf(card.action());
    card.focusAfterRender(card.locked().includes('leadAgency') ? '#status-input' : '#title-input');
  }

  get #locale(): Locale {
    return this.card.plan().locale;
  }

  #set<K extends keyof Draft>(field: K, value: Draft[K]): void {
    this.#draft = { ...this.#draft, [field]: value };
    this.card.host.requestUpdate();
  }

  #setMilestone(index: number, change: Partial<Milestone>): void {
    this.#set(
      'milestones',
      this.#draft.milestones.map((m, i) => (i === index ? { ...m, ...change } : m)),
    );
  }

  #addMilestone = (): void => {
    this.#set('milestones', [...this.#draft.milestones, { id: crypto.randomUUID(), title: '', dueDate: '' }]);
    this.card.focusAfterRender(`#milestone-${this.#draft.milestones.length - 1}-title-input`);
  };

  #removeMilestone(index: number): void {
    const removed = this.#draft.milestones[index];
    this.#set(
      'milestones',
      this.#draft.milestones.filter((_, i) => i !== index),
    );
    this.card.announce(t(this.#locale, 'card.milestone-removed', { title: removed.title }));
    this.card.focusAfterRender('#add-milestone');
  }

  #save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const plan = this.card.plan();
    const previous = this.card.action();
    this.#errors = validateDraft(previous, this.#draft, this.#locale);
    if (!this.#errors.length) {
      try {
        const action = await plan.store!.put('actions', applyDraft(previous, this.#draft, plan.user), { by: plan.user });
        const fields = Object.keys({ ...previous, ...action }).filter((key) => !['updatedAt', 'updatedBy', 'version'].includes(key) && JSON.stringify(previous[key as keyof Action]) !== JSON.stringify(action[key as keyof Action]));
        this.card.close('card.saved');
        this.card.saved(action, previous, fields);
        return;
      } catch (error) {
        // The store refused it (a rule the form does not check, or storage full): say so and keep the draft.
        this.#errors = error instanceof ValidationError ? error.issues.map((issue) => ({ field: 'title', message: describeIssue(issue, this.#locale) })) : [{ field: 'title', message: (error as Error).message }];
      }
    }
    this.card.host.requestUpdate();
    await this.card.host.updateComplete;
    this.card.host.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
  };

  #error(field: string) {
    const error = this.#errors.find((e) => e.field === field);
    return error ? html`<p class="error-message" id=${`${field}-error`}><span class="ap-visually-hidden">${t(this.#locale, 'card.error-prefix')}</span> ${error.message}</p>` : nothing;
  }

  #input(id: string, label: string, type: string, value: string, set: (value: string) => void, hint?: string) {
    const invalid = this.#errors.some((e) => e.field === id);
    const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class=${`field${invalid ? ' invalid' : ''}`}>
      <label for=${`${id}-input`}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${this.#error(id)}
      <input
        id=${`${id}-input`}
        type=${type}
        .value=${value}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        inputmode=${type === 'number' ? 'numeric' : nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  #field(id: Exclude<keyof Draft, 'status' | 'override' | 'milestones'>, label: MessageKey, type = 'text', hint?: string) {
    return this.#input(id, t(this.#locale, label), type, this.#draft[id], (value) => this.#set(id, value), hint);
  }

  #select<K extends 'status' | 'override'>(id: K, label: string, options: [Draft[K], string][]) {
    return html`<div class="field">
      <label for=${`${id}-input`}>${label}</label>
      <select id=${`${id}-input`} @change=${(e: Event) => this.#set(id, (e.target as HTMLSelectElement).value as Draft[K])}>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.#draft[id] === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  render(action: Action) {
    const locale = this.#locale;
    const plan = this.card.plan();
    const draft = this.#draft;
    const locked = this.card.locked();
    const level = this.card.level();
    // What a partner comes to do goes first: status, progress and the update.
    const partner = locked.includes('leadAgency');
    const update = html`${this.#select(
        'status',
        t(locale, 'field.status'),
        ACTION_STATUSES.map((s) => [s, statusLabel(s, locale)]),
      )}
      ${this.#field('progress', 'card.progress-label', 'number')}
      <div class="field">
        <label for="update-input">${t(locale, 'card.update')}</label>
        <textarea id="update-input" rows="3" .value=${draft.update} @input=${(e: Event) => this.#set('update', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>`;
    return html`<form part="editor" class="editor" novalidate @submit=${this.#save}>
      ${this.#errors.length
        ? html`<div part="error-summary" id="error-summary" class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            ${heading(level + 1, t(locale, 'card.error-summary'), { id: 'error-summary-title' })}
            <ul>
              ${this.#errors.map((e) => html`<li><a href=${`#${e.field}-input`} @click=${(ev: Event) => this.#focusField(ev, e.field)}>${e.message}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      ${partner ? update : nothing} ${this.#field('title', 'field.title')}
      ${locked.includes('leadAgency')
        ? html`<p class="locked"><strong>${t(locale, 'field.leadAgency')}:</strong> ${action.leadAgency || t(locale, 'card.none')} <span class="hint">${t(locale, 'rights.locked')}</span></p>`
        : this.#field('leadAgency', 'field.leadAgency')}
      ${this.#field('owner', 'field.owner')} ${this.#field('startDate', 'field.startDate', 'date')}
      ${this.card.extensionOffered()
        ? html`<p class="hint">${t(locale, 'extension.request-hint')}</p>`
        : html`${this.#field('targetDate', 'field.targetDate', 'date')} ${this.#field('revisedTargetDate', 'field.revisedTargetDate', 'date')}`}
      ${this.#field('reason', 'card.reason', 'text', t(locale, 'card.reason-hint'))} ${partner ? nothing : update}
      ${locked.includes('visibility')
        ? html`<p class="locked">
            ${t(locale, action.public ? 'rights.exposure-public' : 'rights.exposure-private')} ${t(locale, action.visibility === 'restricted' ? 'rights.exposure-restricted' : 'rights.exposure-partnership')}
            <span class="hint">${t(locale, 'rights.locked')}</span>
          </p>`
        : nothing}
      <fieldset>
        <legend>${t(locale, 'field.milestones')}</legend>
        ${draft.milestones.map((m, i) => this.#milestoneEditor(m, i))}
        <button part="button" id="add-milestone" class="secondary" type="button" @click=${this.#addMilestone}>${t(locale, 'card.add-milestone')}</button>
      </fieldset>
      <fieldset>
        <legend>${t(locale, 'card.override')}</legend>
        ${this.#select('override', t(locale, 'card.override-rag'), [
          ['', t(locale, 'card.override-none', { rag: ragLabel(ragOf({ ...action, ragOverride: undefined }, plan.today, plan.ragRules).state, locale) })],
          ...OVERRIDE_RAGS.map((r): [Draft['override'], string] => [r, ragLabel(r, locale)]),
        ])}
        ${this.#field('overrideReason', 'card.override-reason')}
      </fieldset>
      <div class="buttons">
        <button part="button" type="submit">${t(locale, 'card.save')}</button>
        <button part="button" class="secondary" type="button" @click=${() => this.card.close('card.cancelled')}>${t(locale, 'card.cancel')}</button>
      </div>
    </form>`;
  }

  #milestoneEditor(m: Milestone, i: number) {
    const locale = this.#locale;
    const n = i + 1;
    const set = (change: Partial<Milestone>) => this.#setMilestone(i, change);
    return html`<div class="milestone-row">
      ${this.#input(`milestone-${i}-title`, t(locale, 'card.milestone-title-label', { n }), 'text', m.title, (title) => set({ title }))}
      ${this.#input(`milestone-${i}-due`, t(locale, 'card.milestone-due-label', { n }), 'date', m.dueDate, (dueDate) => set({ dueDate }))}
      <div class="checkbox">
        <input
          id=${`milestone-${i}-done-input`}
          type="checkbox"
          .checked=${!!m.doneDate}
          @change=${(e: Event) => set({ doneDate: (e.target as HTMLInputElement).checked ? this.card.plan().today : undefined })}
        />
        <label for=${`milestone-${i}-done-input`}>${t(locale, 'card.milestone-done-label', { n })}</label>
      </div>
      <button part="button" class="secondary" type="button" @click=${() => this.#removeMilestone(i)}>${t(locale, 'card.remove-milestone', { n })}</button>
    </div>`;
  }

  #focusField(event: Event, field: string): void {
    event.preventDefault();
    // Fragment links do not reach into a shadow root, so move focus ourselves.
    this.card.host.renderRoot.querySelector<HTMLElement>(`#${field}-input`)?.focus();
  }
}
