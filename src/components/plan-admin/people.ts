// The People tab of <ap-plan-admin>: who may do what in the plan (officers only, on an endpoint with sign-in).
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ROLES, type Member, type Role } from '../../model/index.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { PlanContext } from '../../context/index.js';
import { heading } from '../../context/heading.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The table's columns; on a phone each row stacks, each cell named by its column (data-label).
const COLUMNS = ['field.user', 'field.role', 'field.agencies', 'field.email'] as const;
// Each language by its own name, as GOV.UK and Welsh government services show them.
const LANGUAGES = [
  ['en-GB', 'English'],
  ['cy', 'Cymraeg'],
] as const;

interface PeopleContext {
  plan(): PlanContext;
  t(key: MessageKey, params?: MessageParams): string;
  /** Runs a store write and shows its message (or the error) in the admin's status line. */
  write(body: () => Promise<string>): Promise<void>;
  focus(id: string): void;
}

type MemberDetails = Pick<Member, 'user' | 'role' | 'agencies' | 'email' | 'language' | 'reminders'>;

/** The tab's state and template; the admin element renders it and is re-rendered by it. */
export class PeopleTab {
  /** The member whose Change form is open. */
  changing?: string;
  /** The member whose removal waits for a yes. */
  removing?: string;
  errors: Record<string, string> = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: PeopleContext,
  ) {}

  /** Forget open forms and errors (another tab or plan). */
  reset(): void {
    this.changing = this.removing = undefined;
    this.errors = {};
  }

  #update(): void {
    this.host.requestUpdate();
  }

  #error(id: string) {
    const error = this.errors[id];
    return error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;
  }

  #describedBy(id: string, hint: boolean): string | typeof nothing {
    return [hint && `${id}-hint`, this.errors[id] && `${id}-error`].filter(Boolean).join(' ') || nothing;
  }

  /** The member form (GOV.UK fields: label, hint, error), ids prefixed with `prefix-`. */
  #fields(prefix: string, member?: Member) {
    const { t } = this.context;
    const id = (name: string) => `${prefix}-${name}`;
    const invalid = (name: string) => (this.errors[id(name)] ? 'true' : 'false');
    return html`<div class="field">
        <label for=${id('user')}>${t('field.user')}</label>
        <p class="hint" id="${id('user')}-hint">${t('admin.people.user-hint')}</p>
        ${this.#error(id('user'))}
        <input id=${id('user')} name=${id('user')} .value=${member?.user ?? ''} ?readonly=${!!member} spellcheck="false" autocomplete="off" aria-invalid=${invalid('user')} aria-describedby=${this.#describedBy(id('user'), true)} />
      </div>
      <fieldset class="field" aria-describedby=${this.#describedBy(id('role'), false)}>
        <legend>${t('field.role')}</legend>
        ${this.#error(id('role'))}
        ${ROLES.map(
          (role) => html`<label class="check"
            ><input type="radio" id="${id('role')}-${role}" name=${id('role')} value=${role} .checked=${member?.role === role} />${t(`role.${role}`)}</label
          >`,
        )}
      </fieldset>
      <div class="field">
        <label for=${id('agencies')}>${t('field.agencies')}</label>
        <p class="hint" id="${id('agencies')}-hint">${t('admin.people.agencies-hint')}</p>
        ${this.#error(id('agencies'))}
        <textarea id=${id('agencies')} name=${id('agencies')} rows="3" .value=${member?.agencies.join('\n') ?? ''} aria-invalid=${invalid('agencies')} aria-describedby=${this.#describedBy(id('agencies'), true)}></textarea>
      </div>
      <div class="field">
        <label for=${id('email')}>${t('field.email')}</label>
        ${this.#error(id('email'))}
        <input id=${id('email')} name=${id('email')} type="email" spellcheck="false" autocomplete="off" .value=${member?.email ?? ''} aria-invalid=${invalid('email')} aria-describedby=${this.#describedBy(id('email'), false)} />
      </div>
      <div class="field">
        <label for=${id('language')}>${t('field.language')}</label>
        <select id=${id('language')} name=${id('language')}>
          ${LANGUAGES.map(([code, name]) => html`<option value=${code} lang=${code} .selected=${(member?.language ?? 'en-GB') === code}>${name}</option>`)}
        </select>
      </div>
      <label class="check"><input type="checkbox" id=${id('reminders')} name=${id('reminders')} ?checked=${member?.reminders ?? true} />${t('admin.people.reminders-label')}</label>`;
  }

  /** The tab, its heading at `level` and its forms' one below. */
  render(members: readonly Member[], planName: string, level: number) {
    const { t } = this.context;
    const people = [...members].sort((a, b) => a.user.localeCompare(b.user));
    const changing = people.find((m) => m.id === this.changing);
    return html`${heading(level, t('admin.people.heading'))}
      <p>${t('admin.people.intro', { name: planName })}</p>
      ${people.length
        ? html`<div class="table-wrap people"><table>
            <thead>
              <tr>
                ${COLUMNS.map((key) => html`<th scope="col">${t(key)}</th>`)}
                <td></td>
              </tr>
            </thead>
            <tbody>
              ${people.map((member) => this.#row(member))}
            </tbody>
          </table></div>`
        : html`<p>${t('admin.people.none')}</p>`}
      ${changing
        ? html`<form @submit=${(e: SubmitEvent) => this.#save(e, people, changing)} novalidate>
            ${heading(level + 1, t('admin.people.change', { user: changing.user }))}
            ${this.#fields('change', changing)}
            <p>
              <button part="button">${t('admin.people.change-button')}</button>
              <button part="button" type="button" class="secondary" @click=${() => this.#close()}>${t('admin.cancel')}</button>
            </p>
          </form>`
        : nothing}
      <form @submit=${(e: SubmitEvent) => this.#save(e, people)} novalidate>
        ${heading(level + 1, t('admin.people.add'))}
        ${this.#fields('new')}
        <p><button part="button">${t('admin.people.add-button')}</button></p>
      </form>`;
  }

  #row(member: Member) {
    const { t } = this.context;
    return html`<tr>
        <th scope="row">${member.user}</th>
        <td data-label=${t('field.role')}>${t(`role.${member.role}`)}</td>
        <td data-label=${t('field.agencies')}>${member.agencies.join(', ')}</td>
        <td data-label=${t('field.email')}>${member.email ?? ''}</td>
        <td class="buttons">
          <button part="button" class="secondary" id="change-${member.id}" @click=${() => this.#open(member)}>${t('admin.people.change-short')}<span class="ap-visually-hidden"> ${member.user}</span></button>
          <button part="button" class="secondary" id="remove-${member.id}" @click=${() => this.#askRemove(member)}>${t('admin.people.remove')}<span class="ap-visually-hidden"> ${member.user}</span></button>
        </td>
      </tr>
      ${this.removing === member.id
        ? html`<tr>
            <td colspan="5">
              <div part="warning" class="warning-box" role="alert">
                <p><strong>${t('admin.people.remove-confirm', { user: member.user })}</strong></p>
                <p>
                  <button part="button" class="danger" id="remove-yes" @click=${() => this.#remove(member)}>${t('admin.people.remove-yes')}</button>
                  <button part="button" class="secondary" @click=${() => this.#close(`remove-${member.id}`)}>${t('admin.cancel')}</button>
                </p>
              </div>
            </td>
          </tr>`
        : nothing}`;
  }

  #open(member: Member): void {
    this.reset();
    this.changing = member.id;
    this.#update();
    this.context.focus('change-agencies');
  }

  #askRemove(member: Member): void {
    this.reset();
    this.removing = member.id;
    this.#update();
    this.context.focus('remove-yes');
  }

  #close(focus?: string): void {
    this.reset();
    this.#update();
    if (focus) this.context.focus(focus);
  }

  /** Reads and checks a member form; on errors shows them and focuses the first. */
  #read(form: HTMLFormElement, prefix: string, people: readonly Member[], current?: Member): MemberDetails | undefined {
    const { t } = this.context;
    const field = (name: string) => form.elements.namedItem(`${prefix}-${name}`) as HTMLInputElement | null;
    const user = field('user')!.value.trim();
    const role = form.querySelector<HTMLInputElement>(`input[name="${prefix}-role"]:checked`)?.value as Role | undefined;
    const agencies = [...new Set((form.elements.namedItem(`${prefix}-agencies`) as HTMLTextAreaElement).value.split('\n').map((a) => a.trim()).filter(Boolean))];
    const email = field('email')!.value.trim() || undefined;
    const errors: Record<string, string> = {};
    if (!user) errors[`${prefix}-user`] = t('admin.people.user-required');
    else if (!current && people.some((m) => m.user.toLowerCase() === user.toLowerCase())) errors[`${prefix}-user`] = t('admin.people.user-taken', { user });
    if (!role) errors[`${prefix}-role`] = t('admin.people.role-required');
    if (role === 'partner' && agencies.length === 0) errors[`${prefix}-agencies`] = t('admin.people.agencies-required');
    if (email && !EMAIL.test(email)) errors[`${prefix}-email`] = t('admin.people.email-invalid');
    this.errors = errors;
    this.#update();
    const first = Object.keys(errors)[0];
    if (first) this.context.focus(first === `${prefix}-role` ? `${prefix}-role-${ROLES[0]}` : first);
    const language = (form.elements.namedItem(`${prefix}-language`) as HTMLSelectElement).value as Member['language'];
    return first ? undefined : { user, role: role!, agencies, email, language, reminders: field('reminders')!.checked };
  }

  #save(event: SubmitEvent, people: readonly Member[], current?: Member): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const details = this.#read(form, current ? 'change' : 'new', people, current);
    if (!details) return;
    const { store, planId, user } = this.context.plan();
    void this.context.write(async () => {
      if (current) {
        await store!.put('members', { ...current, ...details }, { by: user });
        this.reset();
        return this.context.t('admin.people.changed', { user: details.user });
      }
      await store!.put('members', { id: crypto.randomUUID(), planId, ...details }, { by: user });
      form.reset();
      return this.context.t('admin.people.added', { user: details.user });
    });
  }

  #remove(member: Member): void {
    const { store, user } = this.context.plan();
    void this.context.write(async () => {
      await store!.remove('members', member.id, { by: user });
      this.reset();
      return this.context.t('admin.people.removed', { user: member.user });
    });
  }
}
