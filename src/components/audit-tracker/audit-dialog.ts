// The audit tracker's dialogs, loaded when one is first opened (a chunk of its own in the drop-in):
// the audit, and a recommendation with its workflow, revised target, evidence and linked actions.
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  RATINGS,
  ValidationError,
  WorkflowError,
  allowedStatuses,
  checkRecommendation,
  effectiveTarget,
  evidenceLink,
  parseRecord,
  rankBetween,
  reviseTarget,
  type Action,
  type Audit,
  type Evidence,
  type Priority,
  type Rating,
  type Recommendation,
} from '../../model/index.js';
import { formatDate, statusLabel, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { describeIssue, describeWorkflowError } from '../../i18n/issues.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import type { PlanContext } from '../../context/index.js';
import { apEvent } from '../../events.js';
import { field, options } from '../shared/fields.js';
import { formDialog, optionalText } from '../priority-board/form-dialog.js';

useAdminMessages();

export type AuditDialog = { kind: 'audit' } | { kind: 'recommendation'; rec?: Recommendation };

/** What the tracker has read: its audit (none yet when it is to be created) and the plan's records it links to. */
export interface AuditData {
  audit?: Audit;
  recs: Recommendation[];
  actions: Action[];
  priorities: Priority[];
}

/** What the dialogs need of their tracker. */
export interface DialogTracker {
  host: ReactiveControllerHost & EventTarget & { renderRoot: HTMLElement | DocumentFragment };
  plan(): PlanContext;
  auditId(): string;
  data(): AuditData;
  /** The rating's word in the tracker's scheme. */
  rating(rating: Rating): string;
  /** Whether target dates change by extension request (approvals required, not an officer). */
  extensionOffered(): boolean;
  announce(text: string): void;
  close(): void;
}

const text = (form: FormData, name: string) => optionalText(form.get(name));
const texts = (form: FormData, names: string[]) => Object.fromEntries(names.map((name) => [name, text(form, name)]));

/** One open dialog: its form, the evidence listed so far, the problems with its last submit, and the save. */
export class AuditDialogForm {
  #issues: string[] = [];
  #evidence: Evidence[];

  constructor(
    private readonly tracker: DialogTracker,
    private readonly dialog: AuditDialog,
  ) {
    this.#evidence = dialog.kind === 'recommendation' ? [...(dialog.rec?.evidence ?? [])] : [];
  }

  get #locale(): Locale {
    return this.tracker.plan().locale;
  }

  #t(key: MessageKey, params?: Record<string, string | number | undefined>): string {
    return t(this.#locale, key, params);
  }

  #update(): Promise<boolean> {
    this.tracker.host.requestUpdate();
    return this.tracker.host.updateComplete;
  }

  render() {
    const { dialog } = this;
    const heading =
      dialog.kind === 'audit' ? this.#t(this.tracker.data().audit ? 'audit.edit-audit' : 'audit.create-audit') : dialog.rec ? this.#t('audit.edit', { ref: dialog.rec.ref ?? '' }) : this.#t('audit.add-recommendation');
    return formDialog({
      heading,
      issues: this.#issues,
      fields: dialog.kind === 'audit' ? this.#auditFields() : this.#recommendationFields(dialog.rec),
      labels: { problem: this.#t('widget.problem'), submit: this.#t('widget.save'), cancel: this.#t('widget.cancel') },
      onSubmit: (event) => void this.#onSubmit(event),
    });
  }

  #field(name: string, label: MessageKey, control: TemplateResult) {
    return field(`d-${name}`, this.#t(label), control);
  }

  #input(name: string, label: MessageKey, value = '', type = 'text', required = false) {
    return this.#field(name, label, html`<input id="d-${name}" name=${name} type=${type} .value=${value} ?required=${required} />`);
  }

  #textarea(name: string, label: MessageKey, value = '', required = false) {
    return this.#field(name, label, html`<textarea id="d-${name}" name=${name} rows="3" .value=${value} ?required=${required}></textarea>`);
  }

  #select(name: string, label: MessageKey, choices: string[][], current?: string, blank?: string) {
    return this.#field(name, label, html`<select id="d-${name}" name=${name}>${options(choices, current, blank)}</select>`);
  }

  #auditFields() {
    const audit = this.tracker.data().audit;
    return html`${this.#input('title', 'field.title', audit?.title, 'text', true)} ${this.#input('auditor', 'field.auditor', audit?.auditor)}
    ${this.#input('date', 'field.date', audit?.date, 'date')} ${this.#input('assurance', 'field.assurance', audit?.assurance)}`;
  }

  #recommendationFields(rec?: Recommendation) {
    const data = this.tracker.data();
    const offered = this.tracker.extensionOffered();
    const status = rec?.status ?? 'open';
    return html`${this.#input('ref', 'field.ref', rec?.ref)} ${this.#textarea('recommendation', 'field.recommendation', rec?.recommendation, true)}
      ${this.#textarea('finding', 'field.finding', rec?.finding)}
      ${this.#select('rating', 'field.rating', RATINGS.map((r) => [r, this.tracker.rating(r)]), rec?.rating, '')}
      ${this.#input('owner', 'field.owner', rec?.owner)} ${this.#textarea('agreedAction', 'field.agreedAction', rec?.agreedAction)}
      ${rec?.targetDate || (rec && offered)
        ? html`<p>${this.#t('field.targetDate')}: ${formatDate(effectiveTarget(rec) ?? '', this.#locale)}</p>
            ${offered
              ? html`<p class="hint">${this.#t('extension.request-hint')}</p>`
              : html`${this.#input('newTarget', 'audit.revise-target', '', 'date')} ${this.#textarea('revisionReason', 'audit.revision-reason')}`}`
        : this.#input('targetDate', 'field.targetDate', '', 'date')}
      ${this.#select('status', 'field.status', allowedStatuses(status).map((s) => [s, statusLabel(s, this.#locale)]), status)}
      ${this.#textarea('reason', 'field.reason', rec?.reason)}
      ${this.#select(
        'supersededBy',
        'field.supersededBy',
        data.recs.filter((r) => r.id !== rec?.id).map((r) => [r.id, `${r.ref ?? ''} ${r.recommendation}`.trim()]),
        rec?.supersededBy,
        this.#t('audit.none'),
      )}
      <fieldset>
        <legend>${this.#t('field.evidence')}</legend>
        <ul class="evidence">
          ${this.#evidence.map(
            (e, i) => html`<li>
              <a href=${e.url} rel="noopener noreferrer" target="_blank">${e.label}</a>
              <button part="button" type="button" class="link" @click=${() => this.#removeEvidence(i)}>
                ${this.#t('widget.cancel')}<span class="ap-visually-hidden"> ${e.label}</span>
              </button>
            </li>`,
          )}
        </ul>
        ${this.#input('evidenceLabel', 'field.label')} ${this.#input('evidenceUrl', 'field.url', '', 'url')}
        <button part="button" type="button" class="secondary" @click=${this.#addEvidence}>${this.#t('audit.evidence-add')}</button>
      </fieldset>
      <fieldset>
        <legend>${this.#t('audit.linked-to')}</legend>
        <div class="checkboxes">
          ${data.actions.map(
            (a) => html`<div class="field checkbox">
              <input id="link-${a.id}" type="checkbox" name="linked" value=${a.id} .checked=${rec?.linkedActionIds.includes(a.id) ?? false} />
              <label for="link-${a.id}">${a.title}</label>
            </div>`,
          )}
        </div>
        ${this.#select('newActionPriority', 'audit.create-action', data.priorities.map((p) => [p.id, p.title]), undefined, this.#t('audit.no-new-action'))}
      </fieldset>`;
  }

  #removeEvidence(index: number): void {
    this.#evidence = this.#evidence.filter((_, i) => i !== index);
    void this.#update();
  }

  // Lit calls listeners with the tracker as `this`.
  #addEvidence = (): void => {
    const root = this.tracker.host.renderRoot;
    const label = root.querySelector<HTMLInputElement>('#d-evidenceLabel')!;
    const url = root.querySelector<HTMLInputElement>('#d-evidenceUrl')!;
    try {
      this.#evidence = [...this.#evidence, evidenceLink(label.value, url.value)];
      this.#issues = [];
      void this.#update();
      label.value = url.value = '';
      label.focus();
    } catch (error) {
      void this.#refuse(error);
    }
  };

  async #refuse(error: unknown): Promise<void> {
    if (error instanceof ValidationError) this.#issues = error.issues.map((issue) => describeIssue(issue, this.#locale));
    else if (error instanceof WorkflowError) this.#issues = [describeWorkflowError(error, this.#locale)];
    else throw error;
    await this.#update();
    this.tracker.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const plan = this.tracker.plan();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      if (this.dialog.kind === 'audit') {
        const audit = this.tracker.data().audit ?? ({ id: this.tracker.auditId(), planId: plan.planId } as Audit);
        const input = { ...audit, ...texts(form, ['auditor', 'date', 'assurance']), title: text(form, 'title') ?? '' };
        await plan.store!.put('audits', parseRecord('audits', input), { by: plan.user });
        this.tracker.announce(this.#t('audit.audit-saved'));
      } else {
        await this.#saveRecommendation(this.dialog.rec, form);
      }
      this.tracker.close();
    } catch (error) {
      await this.#refuse(error);
    }
  }

  async #saveRecommendation(before: Recommendation | undefined, form: FormData): Promise<void> {
    const plan = this.tracker.plan();
    const data = this.tracker.data();
    const at = new Date().toISOString();
    let rec = parseRecord('recommendations', {
      ...(before ?? { id: crypto.randomUUID(), planId: plan.planId, auditId: this.tracker.auditId() }),
      ...texts(form, ['ref', 'finding', 'rating', 'owner', 'agreedAction', 'reason', 'supersededBy']),
      recommendation: text(form, 'recommendation') ?? '',
      targetDate: before?.targetDate ?? text(form, 'targetDate'),
      status: text(form, 'status') ?? 'open',
      evidence: this.#evidence,
      linkedActionIds: form.getAll('linked').map(String),
    });
    const newTarget = text(form, 'newTarget');
    if (newTarget || text(form, 'revisionReason')) rec = reviseTarget(rec, newTarget ?? '', text(form, 'revisionReason') ?? '', plan.user, at);
    checkRecommendation(before, rec, data.recs.map((r) => r.id));
    const priorityId = text(form, 'newActionPriority');
    let action: Action | undefined;
    if (priorityId) {
      const ranks = data.actions.filter((a) => a.priorityId === priorityId && a.rank).map((a) => a.rank!).sort();
      action = parseRecord('actions', {
        id: crypto.randomUUID(),
        planId: plan.planId,
        priorityId,
        title: rec.agreedAction ?? rec.recommendation,
        owner: rec.owner,
        targetDate: effectiveTarget(rec),
        rank: rankBetween(ranks.at(-1)),
      });
      rec = { ...rec, linkedActionIds: [...rec.linkedActionIds, action.id] };
    }
    if (action) {
      const saved = await plan.store!.put('actions', action, { by: plan.user });
      this.tracker.host.dispatchEvent(apEvent('ap-action-change', { action: saved, fields: ['created'] }));
    }
    await plan.store!.put('recommendations', rec, { by: plan.user });
    this.tracker.announce(this.#t('audit.saved', { ref: rec.ref ?? rec.recommendation }));
  }
}
