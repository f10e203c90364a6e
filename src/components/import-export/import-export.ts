import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { PlanController } from '../../controllers/plan.js';
import { AnnounceController } from '../../controllers/announce.js';
import { t, formatDate, type MessageKey, type MessageParams } from '../../i18n/index.js';
import {
  ACTION_COLUMNS,
  actionsToCsv,
  columnLabel,
  exportPlan,
  loadSnapshot,
  parseCsv,
  parseSnapshot,
  publishSnapshot,
  readActions,
  suggestMapping,
  type ColumnMapping,
  type CsvRowError,
  type Snapshot,
} from '../../io/index.js';
import type { Action } from '../../model/index.js';
import { downloadFile } from '../shared/download.js';
import { styles } from './import-export.styles.js';

const EXPORTS = ['csv', 'json', 'publish'] as const;
// Errors listed on screen; the rest are counted, so 10,000 bad rows stay quick to show.
const ERRORS_SHOWN = 50;
const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = ['priorityId', 'title', 'leadAgency', 'targetDate', 'status'] as const;

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: string; headers: string[]; rows: string[][]; mapping: ColumnMapping }
  | { kind: 'checking'; file: string; done: number; total: number }
  | { kind: 'errors'; file: string; errors: CsvRowError[]; rows: number }
  | { kind: 'ready'; file: string; actions: Action[] }
  | { kind: 'snapshot'; file: string; snapshot: Snapshot };

/**
 * Imports actions from a council's CSV file (match the columns, check every row, then confirm)
 * or a JSON export of the plan, and downloads the plan as CSV, as full JSON, or as the public
 * Publish file for the council website. Nothing is written until the user confirms; an import
 * is one transaction.
 *
 * @summary Import actions from CSV or JSON; export CSV, JSON and the public Publish file.
 * @csspart errors - The list of problems found in a file, with row numbers and columns.
 * @csspart ready - The box saying how many actions are ready to import.
 * @cssproperty --ap-color-button - Main button colour.
 * @cssproperty --ap-color-focus - Focus outline colour.
 * @cssproperty --ap-color-red - Border of the problem list.
 */
export class ApImportExport extends LitElement {
  static override styles = styles;

  #plan = new PlanController(this, { collections: ['plans'] });
  #announcer = new AnnounceController(this);
  #abort?: AbortController;

  @state() private step: Step = { kind: 'choose' };
  @state() private busy = false;
  /** The outcome of the last import, or why it failed. */
  @state() private message = '';

  get #locale() {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  #t(key: MessageKey, params?: MessageParams): string {
    return t(this.#locale, key, params);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  #fail(error: unknown): void {
    this.busy = false;
    this.step = { kind: 'choose' };
    this.#announcer.announce((error as Error).message);
    this.message = (error as Error).message;
  }

  async #choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.message = '';
    try {
      const text = await file.text();
      if (/\.json$/i.test(file.name) || file.type === 'application/json') {
        this.step = { kind: 'snapshot', file: file.name, snapshot: parseSnapshot(text) };
      } else {
        const [headers = [], ...rows] = parseCsv(text);
        this.step = { kind: 'map', file: file.name, headers, rows, mapping: suggestMapping(headers) };
        this.#announcer.announce(this.#t('io.mapping-ready', { file: file.name, count: rows.length }));
      }
    } catch (error) {
      this.#fail(error);
    } finally {
      input.value = '';
    }
  }

  #remap(column: (typeof ACTION_COLUMNS)[number], value: string): void {
    if (this.step.kind !== 'map') return;
    const mapping = { ...this.step.mapping };
    if (value === '') delete mapping[column];
    else mapping[column] = Number(value);
    this.step = { ...this.step, mapping };
  }

  async #check(): Promise<void> {
    const plan = this.#plan.plan;
    if (this.step.kind !== 'map' || !plan?.store) return;
    const { file, headers, rows, mapping } = this.step;
    this.#abort = new AbortController();
    const [priorities, existing] = await Promise.all([
      plan.store.query('priorities', { value: plan.planId }),
      plan.store.query('actions', { value: plan.planId, includeDeleted: true }),
    ]);
    this.step = { kind: 'checking', file, done: 0, total: rows.length };
    try {
      const result = await readActions(headers, rows, mapping, {
        planId: plan.planId,
        priorities,
        existingIds: new Set(existing.map((action) => action.id)),
        locale: this.#locale,
        signal: this.#abort.signal,
        onProgress: (done, total) => (this.step = { kind: 'checking', file, done, total }),
      });
      this.step = result.errors.length
        ? { kind: 'errors', file, errors: result.errors, rows: result.rows }
        : { kind: 'ready', file, actions: result.actions };
      this.#announcer.announce(
        result.errors.length ? this.#t('io.errors-heading', { count: result.errors.length }) : this.#t('io.ready', { count: result.actions.length }),
      );
    } catch (error) {
      if (!this.#abort.signal.aborted) this.#fail(error);
    }
  }

  async #confirm(): Promise<void> {
    const plan = this.#plan.plan;
    if (!plan?.store || (this.step.kind !== 'ready' && this.step.kind !== 'snapshot')) return;
    this.busy = true;
    try {
      let done: string;
      if (this.step.kind === 'ready') {
        await plan.store.importLocal('actions', this.step.actions, { by: plan.user });
        done = this.#t('io.imported', { count: this.step.actions.length });
      } else {
        await loadSnapshot(plan.store, this.step.snapshot);
        done = this.#t('io.snapshot-imported', { plan: this.step.snapshot.plan.name });
      }
      this.busy = false;
      this.step = { kind: 'choose' };
      this.message = done;
      this.#announcer.announce(done);
    } catch (error) {
      this.#fail(error);
    }
  }

  #cancel(): void {
    this.#abort?.abort();
    this.step = { kind: 'choose' };
    this.message = '';
    this.#announcer.announce(this.#t('io.cancelled'));
  }

  async #download(kind: (typeof EXPORTS)[number]): Promise<void> {
    const plan = this.#plan.plan;
    if (!plan?.store) return;
    try {
      const full = await exportPlan(plan.store, plan.planId, plan.today);
      let body: string;
      let file: string;
      if (kind === 'csv') {
        body = actionsToCsv(full.actions.filter((action) => !action.deleted), full.priorities, this.#locale);
        file = `${plan.planId}-actions.csv`;
      } else {
        body = `${JSON.stringify(kind === 'json' ? full : publishSnapshot(full), null, 2)}\n`;
        file = kind === 'json' ? `${plan.planId}-${plan.today}.json` : `${plan.planId}-public.json`;
      }
      downloadFile(file, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', body);
      this.#announcer.announce(this.#t('io.exported', { file }));
    } catch (error) {
      this.#fail(error);
    }
  }

  protected override render() {
    const plan = this.#plan.plan;
    const ready = !!plan?.store && !!plan.planId;
    return html`${this.#announcer.region()}
      <section aria-labelledby="import-heading" ?hidden=${(plan?.readonly ?? false) || !(plan?.rights.officer ?? true)}>
        <h2 id="import-heading">${this.#t('io.import-heading')}</h2>
        ${this.step.kind === 'choose' ? this.#renderChoose(ready) : this.#renderStep()}
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">${this.#t('io.export-heading')}</h2>
        <p class="hint">${this.#t('io.publish-hint')}</p>
        <div class="buttons">
          ${EXPORTS.map((kind) => html`<button type="button" class="secondary" ?disabled=${!ready} @click=${() => this.#download(kind)}>${this.#t(`io.export-${kind}`)}</button>`)}
        </div>
      </section>`;
  }

  #renderChoose(ready: boolean) {
    return html`<p class="hint" id="file-hint">${this.#t('io.import-hint')}</p>
      <label for="file">${this.#t('io.file')}</label>
      <input id="file" type="file" accept=".csv,text/csv,.json,application/json" aria-describedby="file-hint" ?disabled=${!ready} @change=${this.#choose} />
      <p role="status" ?hidden=${!this.message}>${this.message}</p>`;
  }

  #renderStep() {
    const step = this.step;
    const cancel = html`<button type="button" class="secondary" @click=${this.#cancel}>${this.#t('io.cancel')}</button>`;
    switch (step.kind) {
      case 'map':
        return this.#renderMapping(step, cancel);
      case 'checking':
        return html`<label for="progress">${this.#t('io.checking', { done: step.done, total: step.total })}</label>
          <progress id="progress" max=${step.total} value=${step.done}></progress>
          <div class="buttons">${cancel}</div>`;
      case 'errors':
        return html`<div part="errors" class="error-summary" role="alert" tabindex="-1">
            <h3>${this.#t('io.errors-heading', { count: step.errors.length })}</h3>
            <p>${this.#t('io.errors-hint', { file: step.file })}</p>
            <ul>
              ${step.errors.slice(0, ERRORS_SHOWN).map((error) => html`<li>${this.#t('io.error-row', { ...error })}</li>`)}
            </ul>
            ${step.errors.length > ERRORS_SHOWN ? html`<p>${this.#t('io.more-errors', { count: step.errors.length - ERRORS_SHOWN })}</p>` : nothing}
          </div>
          <div class="buttons">
            <button type="button" class="primary" @click=${this.#cancel}>${this.#t('io.choose-again')}</button>
          </div>`;
      case 'ready':
        return this.#renderConfirm(this.#t('io.ready', { count: step.actions.length }), this.#t('io.confirm', { count: step.actions.length }), cancel);
      case 'snapshot':
        return this.#renderConfirm(
          this.#t('io.snapshot-ready', { file: step.file, plan: step.snapshot.plan.name, count: step.snapshot.actions.length, date: formatDate(step.snapshot.asOf, this.#locale) }),
          this.#t('io.confirm-snapshot'),
          cancel,
        );
    }
    return nothing;
  }

  #renderConfirm(text: string, confirm: string, cancel: unknown) {
    return html`<p part="ready">${text}</p>
      <div class="buttons">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.#confirm}>${confirm}</button>
        ${cancel}
      </div>`;
  }

  #renderMapping(step: Extract<Step, { kind: 'map' }>, cancel: unknown) {
    const preview = step.rows.slice(0, PREVIEW_ROWS);
    return html`<h3>${this.#t('io.mapping-heading')}</h3>
      <p class="hint">${this.#t('io.mapping-hint', { file: step.file })}</p>
      <div class="mapping">
        ${ACTION_COLUMNS.map(
          (column) => html`<div>
            <label for=${`map-${column}`}>${columnLabel(column, this.#locale)}</label>
            <select id=${`map-${column}`} @change=${(event: Event) => this.#remap(column, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${step.mapping[column] === undefined}>${this.#t('io.not-in-file')}</option>
              ${step.headers.map((header, index) => html`<option value=${index} ?selected=${step.mapping[column] === index}>${header}</option>`)}
            </select>
          </div>`,
        )}
      </div>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="preview-caption">
        <table>
          <caption id="preview-caption">${this.#t('io.preview', { count: preview.length, total: step.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">${this.#t('io.row')}</th>
              ${PREVIEW_COLUMNS.map((column) => html`<th scope="col">${columnLabel(column, this.#locale)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${preview.map(
              (row, i) => html`<tr>
                <td>${i + 2}</td>
                ${PREVIEW_COLUMNS.map((column) => html`<td>${step.mapping[column] === undefined ? '' : row[step.mapping[column]!]}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="buttons">
        <button type="button" class="primary" @click=${this.#check}>${this.#t('io.check', { count: step.rows.length })}</button>
        ${cancel}
      </div>`;
  }
}
