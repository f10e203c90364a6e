import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { PlanController } from '../../controllers/plan.js';
import { apEvent } from '../../events.js';
import {
  canCarry,
  datedItems,
  decidesExtensions,
  defaultRolloverChoice,
  dueSoonByOwner,
  nextPeriod,
  nextPlanId,
  planRollover,
  type Action,
  type DueItem,
  type Member,
  type Plan,
  type Priority,
  type Recommendation,
} from '../../model/index.js';
import { formatDate, formatRelativeDays, statusLabel, t, type Locale, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { describeError } from '../../i18n/issues.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import { clearPlanFromDevice } from '../../store/clear.js';
import { toIcs } from '../../io/ics.js';
import { applyPackRow, packActions, partnersOf, readUpdatePack, toUpdatePackCsv, UpdatePackError, type PackRow } from '../../io/update-pack.js';
import { downloadFile } from '../shared/download.js';
import { heading } from '../../context/heading.js';
import { PeopleTab } from './people.js';
import { RequestsPanel } from './requests.js';
import { View } from '../shared/lazy.js';
import { ADMIN_VIEWS, type ApPlanAdmin, type AdminView } from './plan-admin.js';

useAdminMessages();

export { styles } from './plan-admin.styles.js';

// What anyone may open; the rest are the CSP officers' (People only where the endpoint has sign-in).
const OPEN_VIEWS: readonly AdminView[] = ['plans', 'due', 'clear'];

interface AdminData {
  plans: Plan[];
  priorities: Priority[];
  actions: Action[];
  recommendations: Recommendation[];
  members: Member[];
  /** Outbox entries of this plan not yet synced. */
  pending: number;
}

const PERIOD = /^\d{4}\/\d{2}$/;
const PLAN_FIELDS = ['name', 'period', 'description'] as const;

/** A copy of `set` with `value` added, or removed if it was there. */
function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const copy = new Set(set);
  if (!copy.delete(value)) copy.add(value);
  return copy;
}

/** The body of `<ap-plan-admin>`, loaded with the element's first connection. */
export class PlanAdminView extends View<ApPlanAdmin> {
  @state() private status = '';
  @state() private errors: Record<string, string> = {};
  @state() private excluded = new Set<string>();
  @state() private partner = '';
  @state() private packRows?: PackRow[];
  @state() private skipped = new Set<number>();
  @state() private confirmingClear = false;
  /** Next year's plan after a roll-over, offered to switch to. */
  @state() private rolledTo = '';
  #reloads = 0;
  #shownPlanId = '';

  #plan = new PlanController(this.host, { collections: ['plans', 'priorities', 'actions', 'recommendations', 'members'] });
  #people = new PeopleTab(this, {
    plan: () => this.#plan.plan!,
    t: (key, params) => this.#t(key, params),
    write: (body) => this.#write(body),
    focus: (id) => this.#focus(id),
  });
  #requests = new RequestsPanel(this.host, { plan: () => this.#plan.plan, status: (text) => (this.status = text) });

  #data = new Task(this, {
    task: async ([store, planId]): Promise<AdminData | undefined> => {
      if (!store) return undefined;
      const [plans, priorities, actions, recommendations, members, outbox] = await Promise.all([
        store.query('plans'),
        store.query('priorities', { value: planId }),
        store.query('actions', { value: planId }),
        store.query('recommendations', { value: planId }),
        store.query('members', { value: planId }),
        store.outbox(),
      ]);
      // A history entry rides along with each edit: count the edits the user made.
      const pending = outbox.filter((entry) => entry.record.planId === planId && entry.collection !== 'history').length;
      return { plans: plans.sort((a, b) => (b.period ?? '').localeCompare(a.period ?? '') || a.name.localeCompare(b.name)), priorities, actions, recommendations, members, pending };
    },
    args: () => [this.#plan.plan?.store, this.#plan.plan?.planId ?? '', this.#plan.revision, this.#reloads] as const,
  });

  get #locale(): Locale {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  #t(key: MessageKey, params?: MessageParams): string {
    return t(this.#locale, key, params);
  }

  override willUpdate(changed: PropertyValues): void {
    // A different plan: forget choices made for the one before.
    const planId = this.#plan.plan?.planId ?? '';
    if (planId !== this.#shownPlanId) {
      this.#shownPlanId = planId;
      this.excluded = new Set();
      this.packRows = undefined;
      this.confirmingClear = false;
      this.rolledTo = '';
      this.#people.reset();
    }
    if (changed.has('view')) {
      if (!ADMIN_VIEWS.includes(this.host.view)) {
        console.warn(`<ap-plan-admin view="${this.host.view}"> is not one of ${ADMIN_VIEWS.join(', ')}; showing plans.`);
        this.host.view = 'plans';
      }
      this.errors = {};
      this.#people.reset();
    }
  }

  #reload(message: string): void {
    this.status = message;
    this.#reloads++;
    this.requestUpdate();
  }

  async #write(body: () => Promise<string>): Promise<void> {
    try {
      this.#reload(await body());
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.status = describeError(err, this.#locale);
      this.host.dispatchEvent(apEvent('ap-error', { error: err, message: this.status }));
    }
  }

  /** Shows `planId` in the closest `<ap-plan>`. */
  selectPlan(planId: string): void {
    const root = this.host.closest('ap-plan');
    const previousPlanId = root?.planId ?? '';
    if (root) root.planId = planId;
    const plan = this.#data.value?.plans.find((p) => p.id === planId);
    this.status = plan ? this.#t('admin.plans.showing', { name: plan.name }) : this.#t('admin.clear.none-shown');
    this.host.dispatchEvent(apEvent('ap-plan-select', { planId, previousPlanId }));
  }

  /** The tabs this person may use: the officers' tasks (Requests among them) only for officers. */
  get #views(): readonly AdminView[] {
    const plan = this.#plan.plan;
    if (!plan || plan.readonly) return OPEN_VIEWS;
    if (!plan.rights.officer) return OPEN_VIEWS;
    return ADMIN_VIEWS.filter((view) => (view !== 'people' || plan.person) && (view !== 'requests' || decidesExtensions(plan.rights.role)));
  }

  /** The open tab: Plans in place of one the person may not use (yet: rights arrive once the endpoint says who they are). */
  get #view(): AdminView {
    return this.#views.includes(this.host.view) ? this.host.view : 'plans';
  }

  override render() {
    const plan = this.#plan.plan;
    if (!plan?.store) return html`<p>${this.#t('admin.loading')}</p>`;
    const data = this.#data.value;
    const current = data?.plans.find((p) => p.id === plan.planId);
    const shown = this.#view;
    return html`<div role="tablist" part="tabs" aria-label=${this.#t('admin.label')} @keydown=${(event: KeyboardEvent) => this.#onTabKey(event)}>
        ${this.#views.map(
          (view) => html`<button
            role="tab"
            part="tab"
            id="tab-${view}"
            aria-controls="panel"
            aria-selected=${view === shown ? 'true' : 'false'}
            tabindex=${view === shown ? 0 : -1}
            @click=${() => this.#open(view)}
          >
            ${this.#t(`admin.tab.${view}`)}
          </button>`,
        )}
      </div>
      <p role="status" part="status" class="status">${this.status}</p>
      <section id="panel" role="tabpanel" part="panel" aria-labelledby="tab-${shown}">
        ${!data
          ? html`<p>${this.#t('admin.loading')}</p>`
          : shown === 'plans' || !current
            ? this.#renderPlans(data, current)
            : shown === 'requests'
              ? this.#requests.render(data.actions, data.recommendations, this.host.bodyLevel)
              : shown === 'rollover'
                ? this.#renderRollover(data, current)
                : shown === 'updates'
                  ? this.#renderUpdates(data)
                  : shown === 'people'
                    ? this.#people.render(data.members, current.name, this.host.bodyLevel)
                    : shown === 'due'
                      ? this.#renderDue(data)
                      : this.#renderClear(data, current)}
      </section>`;
  }

  #open(view: AdminView): void {
    this.host.view = view;
    this.status = '';
  }

  // Tabs pattern (WAI-ARIA APG): arrows, Home and End move between tabs and open them.
  #onTabKey(event: KeyboardEvent): void {
    const views = this.#views;
    const index = views.indexOf(this.#view);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: views.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.#open(views[(moves[event.key] + views.length) % views.length]);
    this.#focus(`tab-${this.host.view}`);
  }

  #focus(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  #error(id: string) {
    const error = this.errors[id];
    return error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;
  }

  /** Name, period and description of a plan (GOV.UK fields: label, hint, error), ids prefixed with `prefix-`. */
  #planFields(prefix: string, values: Partial<Pick<Plan, (typeof PLAN_FIELDS)[number]>> = {}) {
    return PLAN_FIELDS.map((key) => {
      const name = `${prefix}-${key}`;
      const hint = key === 'period' ? this.#t('admin.plans.period-hint') : '';
      const describedBy = [hint && `${name}-hint`, this.errors[name] && `${name}-error`].filter(Boolean).join(' ');
      return html`<div class="field">
        <label for=${name}>${this.#t(`field.${key}`)}</label>
        ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing} ${this.#error(name)}
        ${key === 'description'
          ? html`<textarea id=${name} name=${name} rows="3" .value=${values[key] ?? ''}></textarea>`
          : html`<input id=${name} name=${name} .value=${values[key] ?? ''} ?required=${key === 'name'} aria-invalid=${this.errors[name] ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />`}
      </div>`;
    });
  }

  #renderPlans(data: AdminData, current?: Plan) {
    return html`${heading(this.host.bodyLevel, this.#t('admin.plans.heading'))}
      ${data.plans.length
        ? html`<div class="table-wrap"><table>
            <thead>
              <tr><th scope="col">${this.#t('field.name')}</th><th scope="col">${this.#t('field.period')}</th><th scope="col"><span class="ap-visually-hidden">${this.#t('admin.plans.show')}</span></th></tr>
            </thead>
            <tbody>
              ${data.plans.map(
                (plan) => html`<tr>
                  <th scope="row">${plan.name}</th>
                  <td>${plan.period ?? ''}</td>
                  <td>
                    ${plan.id === current?.id
                      ? html`<strong>${this.#t('admin.plans.current')}</strong>`
                      : html`<button part="button" class="secondary" @click=${() => this.selectPlan(plan.id)}>
                          ${this.#t('admin.plans.show')}<span class="ap-visually-hidden"> ${plan.name}</span>
                        </button>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p>${this.#t('admin.plans.none')}</p>`}
      ${!this.#views.includes('rollover')
        ? nothing
        : html`${current
        ? html`<form @submit=${(e: SubmitEvent) => this.#savePlan(e, current)} novalidate>
            ${heading(this.host.bodyLevel + 1, this.#t('admin.plans.edit', { name: current.name }))}
            ${this.#planFields('edit', current)}
            <button part="button">${this.#t('admin.plans.save')}</button>
          </form>`
        : nothing}
      <form @submit=${(e: SubmitEvent) => this.#savePlan(e)} novalidate>
        ${heading(this.host.bodyLevel + 1, this.#t('admin.plans.create'))}
        ${this.#planFields('new')}
        <button part="button">${this.#t('admin.plans.create-button')}</button>
      </form>`}`;
  }

  /** Validates a plan form; on errors shows them and focuses the first. */
  #readPlanForm(form: HTMLFormElement, prefix: string) {
    // Blank optional fields are left out of the record, not stored as ''.
    const value = (name: string) => (form.elements.namedItem(`${prefix}-${name}`) as HTMLInputElement | HTMLTextAreaElement).value.trim() || undefined;
    const details = { name: value('name') ?? '', period: value('period'), description: value('description') };
    const errors: Record<string, string> = {};
    if (!details.name) errors[`${prefix}-name`] = this.#t('admin.plans.name-required');
    if (details.period && !PERIOD.test(details.period)) errors[`${prefix}-period`] = this.#t('admin.plans.period-invalid');
    this.errors = errors;
    const first = Object.keys(errors)[0];
    if (first) this.#focus(first);
    return first ? undefined : details;
  }

  #savePlan(event: SubmitEvent, current?: Plan): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const details = this.#readPlanForm(form, current ? 'edit' : 'new');
    const plan = this.#plan.plan!;
    if (!details) return;
    void this.#write(async () => {
      if (current) {
        await plan.store!.put('plans', { ...current, ...details }, { by: plan.user });
        return this.#t('admin.plans.saved', { name: details.name });
      }
      const id = crypto.randomUUID();
      await plan.store!.importLocal('plans', [{ id, planId: id, ...details }], { by: plan.user });
      form.reset();
      return this.#t('admin.plans.created', { name: details.name });
    });
  }

  #renderRollover(data: AdminData, current: Plan) {
    const choice = this.#choice(data);
    const next = nextPeriod(current.period);
    const left = data.actions.filter((a) => !choice.actionIds.includes(a.id)).length;
    const carriedAlready = data.actions.filter((a) => a.carriedForwardTo);
    return html`${heading(this.host.bodyLevel, this.#t('admin.rollover.heading'))}
      <p>${this.#t('admin.rollover.intro', { name: current.name })}</p>
      <form @submit=${(e: SubmitEvent) => this.#rollOver(e, data, current)} novalidate>
        ${this.#planFields('next', { name: next && current.period ? current.name.replace(current.period, next) : '', period: next, description: current.description })}
        ${data.priorities
          .filter((p) => !p.retired)
          .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title))
          .map((priority) => {
            const open = data.actions.filter((a) => a.priorityId === priority.id && canCarry(a));
            const carried = !this.excluded.has(priority.id);
            return html`<fieldset>
              <legend>
                <label class="check"
                  ><input type="checkbox" .checked=${carried} @change=${() => (this.excluded = toggled(this.excluded, priority.id))} />${this.#t('admin.rollover.priority', { title: priority.title })}</label
                >
              </legend>
              ${open.length
                ? html`<ul class="checks">
                    ${open.map(
                      (action) => html`<li>
                        <label class="check"
                          ><input type="checkbox" ?disabled=${!carried} .checked=${carried && !this.excluded.has(action.id)} @change=${() => (this.excluded = toggled(this.excluded, action.id))} />${action.title}
                          (${statusLabel(action.status, this.#locale)})</label
                        >
                      </li>`,
                    )}
                  </ul>`
                : html`<p class="hint">${this.#t('admin.rollover.no-open')}</p>`}
            </fieldset>`;
          })}
        <p>${this.#t('admin.rollover.summary', { actions: choice.actionIds.length, priorities: choice.priorityIds.length, left, period: current.period ?? '' })}</p>
        ${carriedAlready.length ? html`<p class="hint">${this.#t('admin.rollover.already', { count: carriedAlready.length })}</p>` : nothing}
        <button part="button">${this.#t('admin.rollover.button', { period: next || this.#t('admin.rollover.next-year') })}</button>
      </form>
      ${this.rolledTo ? html`<p><button part="button" class="secondary" @click=${() => this.selectPlan(this.rolledTo)}>${this.#t('admin.rollover.show')}</button></p>` : nothing}`;
  }

  #choice(data: AdminData) {
    const choice = defaultRolloverChoice(data.priorities, data.actions);
    const priorityIds = choice.priorityIds.filter((id) => !this.excluded.has(id));
    return { priorityIds, actionIds: choice.actionIds.filter((id) => !this.excluded.has(id) && priorityIds.includes(data.actions.find((a) => a.id === id)!.priorityId)) };
  }

  #rollOver(event: SubmitEvent, data: AdminData, current: Plan): void {
    event.preventDefault();
    const details = this.#readPlanForm(event.target as HTMLFormElement, 'next');
    if (!details) return;
    const { store, user } = this.#plan.plan!;
    void this.#write(async () => {
      const planId = nextPlanId(current);
      const [existingPlan, existingPriorities, existingActions] = await Promise.all([
        store!.get('plans', planId),
        store!.query('priorities', { value: planId, includeDeleted: true }),
        store!.query('actions', { value: planId, includeDeleted: true }),
      ]);
      const rollover = planRollover({
        plan: current,
        priorities: data.priorities,
        actions: data.actions,
        choice: this.#choice(data),
        existing: { plan: existingPlan, priorityIds: existingPriorities.map((p) => p.id), actionIds: existingActions.map((a) => a.id) },
        details,
      });
      if (rollover.plan) await store!.importLocal('plans', [rollover.plan], { by: user });
      // Copies first, then the links back: a failure in between leaves copies a re-run finds by id.
      await store!.importLocal('priorities', rollover.priorities, { by: user });
      await store!.importLocal('actions', rollover.actions, { by: user });
      for (const action of rollover.carried) await store!.put('actions', action, { by: user });
      this.rolledTo = planId;
      return this.#t('admin.rollover.done', { actions: rollover.carried.length, priorities: rollover.priorities.length, name: rollover.plan?.name ?? existingPlan!.name });
    });
  }

  #renderUpdates(data: AdminData) {
    const partners = partnersOf(data.actions);
    const partner = partners.includes(this.partner) ? this.partner : partners[0] ?? '';
    const actions = packActions(data.actions, partner);
    return html`${heading(this.host.bodyLevel, this.#t('admin.updates.heading'))}
      <p class="no-print">${this.#t('admin.updates.intro')}</p>
      <div class="field no-print">
        <label for="partner">${this.#t('admin.updates.partner')}</label>
        <select id="partner" @change=${(e: Event) => (this.partner = (e.target as HTMLSelectElement).value)}>
          ${partners.map((name) => html`<option .selected=${name === partner} value=${name}>${name}</option>`)}
        </select>
      </div>
      <p class="no-print">
        <button part="button" ?disabled=${!actions.length} @click=${() => downloadFile(`update-pack-${partner}.csv`, 'text/csv', toUpdatePackCsv(data.actions, partner, this.#locale))}>
          ${this.#t('admin.updates.download')}
        </button>
        <button part="button" class="secondary" ?disabled=${!actions.length} @click=${() => window.print()}>${this.#t('admin.updates.print')}</button>
      </p>
      <div class="pack">
        ${heading(this.host.bodyLevel + 1, this.#t('admin.updates.pack-title', { partner }), { id: 'pack-title' })}
        <div class="table-wrap" role="region" aria-labelledby="pack-title" tabindex="0">
        <table>
          <thead>
            <tr>
              ${(['field.title', 'field.status', 'field.progress', 'field.targetDate', 'admin.updates.update'] as const).map((key) => html`<th scope="col">${this.#t(key)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${actions.map(
              (a) => html`<tr>
                <th scope="row">${a.title}<br /><small>${a.id}</small></th>
                <td>${statusLabel(a.status, this.#locale)}</td>
                <td>${a.progress}%</td>
                <td>${formatDate(a.revisedTargetDate ?? a.targetDate ?? '', this.#locale)}</td>
                <td class="blank"></td>
              </tr>`,
            )}
          </tbody>
        </table>
        </div>
      </div>
      <div class="field no-print">
        <label for="pack-file">${this.#t('admin.updates.import')}</label>
        ${this.#error('pack-file')}
        <input id="pack-file" type="file" accept=".csv,text/csv" aria-describedby=${this.errors['pack-file'] ? 'pack-file-error' : nothing} @change=${(e: Event) => this.#readPack(e, data)} />
      </div>
      ${this.packRows ? this.#renderPreview(this.packRows) : nothing}`;
  }

  async #readPack(event: Event, data: AdminData): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const rows = readUpdatePack(await file.text(), data.actions);
      this.errors = {};
      this.packRows = rows;
      // Rows that would overwrite a newer edit, or cannot apply, are left out unless the user ticks them.
      this.skipped = new Set(rows.flatMap((row, i) => (row.conflict || row.problem ? [i] : [])));
      this.status = this.#t('admin.updates.read', { count: rows.length });
    } catch (error) {
      this.packRows = undefined;
      this.errors = { 'pack-file': error instanceof UpdatePackError ? this.#t('admin.updates.not-a-pack') : error instanceof Error ? error.message : String(error) };
      input.value = '';
    }
  }

  #renderPreview(rows: PackRow[]) {
    const chosen = rows.filter((_, i) => !this.skipped.has(i)).length;
    const locale = this.#locale;
    return html`${heading(this.host.bodyLevel + 1, this.#t('admin.updates.preview'), { class: 'no-print' })}
      ${rows.length
        ? html`<ul class="preview no-print">
            ${rows.map((row, i) => {
              const action = row.action;
              const changes = [
                row.status && action && row.status !== action.status ? this.#t('admin.updates.change', { field: this.#t('field.status'), from: statusLabel(action.status, locale), to: statusLabel(row.status, locale) }) : '',
                row.progress !== undefined && action && row.progress !== action.progress ? this.#t('admin.updates.change', { field: this.#t('field.progress'), from: `${action.progress}%`, to: `${row.progress}%` }) : '',
                row.text ? this.#t('admin.updates.text', { text: row.text }) : '',
              ].filter(Boolean);
              return html`<li class=${row.conflict || row.problem ? 'flagged' : ''}>
                <label class="check"
                  ><input type="checkbox" ?disabled=${!!row.problem} .checked=${!this.skipped.has(i)} @change=${() => (this.skipped = toggled(this.skipped, i))} />${action?.title ?? row.actionId}</label
                >
                <ul>
                  ${changes.map((change) => html`<li>${change}</li>`)}
                </ul>
                ${row.problem ? html`<p class="error">${this.#t(`admin.updates.problem.${row.problem}`, { id: row.actionId })}</p>` : nothing}
                ${row.conflict && !row.problem
                  ? html`<p class="warning"><strong>${this.#t('admin.updates.conflict-tag')}</strong> ${this.#t('admin.updates.conflict', { by: action!.updatedBy, date: formatDate(action!.updatedAt.slice(0, 10), locale) })}</p>`
                  : nothing}
              </li>`;
            })}
          </ul>`
        : html`<p>${this.#t('admin.updates.empty')}</p>`}
      <p class="no-print">
        <button part="button" ?disabled=${!chosen} @click=${() => this.#applyPack(rows)}>${this.#t('admin.updates.apply', { count: chosen })}</button>
        <button part="button" class="secondary" @click=${() => this.#cancelPack()}>${this.#t('admin.cancel')}</button>
      </p>`;
  }

  #cancelPack(): void {
    this.packRows = undefined;
    this.status = this.#t('admin.updates.cancelled');
    this.renderRoot.querySelector<HTMLInputElement>('#pack-file')!.value = '';
  }

  #applyPack(rows: PackRow[]): void {
    const { store } = this.#plan.plan!;
    const chosen = rows.filter((row, i) => !this.skipped.has(i) && !row.problem);
    void this.#write(async () => {
      for (const row of chosen) {
        // The action as it is now, so an edit made since the preview is kept.
        const action = await store!.get('actions', row.actionId);
        if (action) await store!.put('actions', applyPackRow(action, row, new Date()), { by: row.partner });
      }
      this.packRows = undefined;
      return this.#t('admin.updates.applied', { count: chosen.length });
    });
  }

  #renderDue(data: AdminData) {
    const { today, locale } = this.#plan.plan!;
    const items = datedItems(data.actions, data.recommendations, today);
    const byOwner = dueSoonByOwner(items, today, this.host.dueWithin);
    return html`${heading(this.host.bodyLevel, this.#t('admin.due.heading'))}
      <div class="field">
        <label for="due-within">${this.#t('admin.due.days')}</label>
        <input
          id="due-within"
          type="number"
          min="0"
          max="366"
          inputmode="numeric"
          .value=${String(this.host.dueWithin)}
          @change=${(e: Event) => (this.host.dueWithin = Math.max(0, Math.min(366, Number((e.target as HTMLInputElement).value) || 0)))}
        />
      </div>
      <p>
        <button part="button" ?disabled=${!items.length} @click=${() => this.#downloadIcs(items)}>${this.#t('admin.due.ics')}</button>
      </p>
      ${byOwner.size
        ? [...byOwner].map(
            ([owner, due]) => html`${heading(this.host.bodyLevel + 1, owner || this.#t('admin.due.no-owner'))}
              <ul class="due">
                ${due.map(
                  (item) => html`<li class=${item.days < 0 ? 'overdue' : ''}>
                    <strong>${this.#t(`admin.due.kind.${item.kind}`)}:</strong> ${item.title}${item.actionTitle ? ` (${item.actionTitle})` : ''}<br />
                    ${formatDate(item.dueDate, locale)}, ${formatRelativeDays(item.days, locale)}
                  </li>`,
                )}
              </ul>`,
          )
        : html`<p>${this.#t('admin.due.none', { days: this.host.dueWithin })}</p>`}`;
  }

  #downloadIcs(items: DueItem[]): void {
    const plan = this.#data.value?.plans.find((p) => p.id === this.#plan.plan?.planId);
    const events = items.map((item) => ({
      uid: `${item.key}-${item.kind}@action-plan-widgets`,
      date: item.dueDate,
      summary: `${this.#t(`admin.due.kind.${item.kind}`)}: ${item.title}`,
      description: [item.actionTitle, item.owner && `${this.#t('field.owner')}: ${item.owner}`].filter(Boolean).join('\n'),
    }));
    downloadFile(`${plan?.id ?? 'plan'}.ics`, 'text/calendar', toIcs(events, { name: plan?.name ?? '' }));
  }

  #renderClear(data: AdminData, current: Plan) {
    return html`${heading(this.host.bodyLevel, this.#t('admin.clear.heading'))}
      <p>${this.#t('admin.clear.intro', { name: current.name })}</p>
      ${this.confirmingClear
        ? html`<div part="warning" class="warning-box" role="alert">
            <p><strong>${data.pending ? this.#t('admin.clear.pending', { count: data.pending }) : this.#t('admin.clear.synced')}</strong></p>
            ${data.pending
              ? html`${this.#error('clear-confirm')}
                  <label class="check"
                    ><input id="clear-confirm" type="checkbox" aria-describedby=${this.errors['clear-confirm'] ? 'clear-confirm-error' : nothing} />${this.#t('admin.clear.confirm', {
                      count: data.pending,
                    })}</label
                  >`
              : nothing}
            <p>
              <button part="button" class="danger" @click=${() => this.#clear(data, current)}>${this.#t('admin.clear.yes')}</button>
              <button part="button" class="secondary" @click=${() => (this.confirmingClear = false)}>${this.#t('admin.cancel')}</button>
            </p>
          </div>`
        : html`<button part="button" class="danger" @click=${() => (this.confirmingClear = true)}>${this.#t('admin.clear.button')}</button>`}`;
  }

  #clear(data: AdminData, current: Plan): void {
    const confirm = this.renderRoot.querySelector<HTMLInputElement>('#clear-confirm');
    if (data.pending && !confirm?.checked) {
      this.errors = { 'clear-confirm': this.#t('admin.clear.refused', { count: data.pending }) };
      this.#focus('clear-confirm');
      return;
    }
    void this.#write(async () => {
      await clearPlanFromDevice(this.#plan.plan!.store!, current.id);
      this.confirmingClear = false;
      this.selectPlan('');
      this.host.view = 'plans';
      return this.#t('admin.clear.done', { name: current.name });
    });
  }
}

export { PlanAdminView as View };
