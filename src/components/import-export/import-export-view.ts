import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { PlanController } from '../../controllers/plan.js';
import { AnnounceController } from '../../controllers/announce.js';
import { t, formatDate, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { describeError } from '../../i18n/issues.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import {
  ACTION_COLUMNS,
  actionsToCsv,
  actionsToXlsx,
  columnLabel,
  exportPlan,
  loadSnapshot,
  parseSnapshot,
  publishSnapshot,
  recognisedHeadings,
  suggestMapping,
  type ColumnMapping,
  type CsvRowError,
  type Snapshot,
} from '../../io/index.js';
import type { ReadActionsResult, TimescaleRow } from '../../io/read-actions.js';
import type { Sheet } from '../../io/sheet.js';

// Reading files (timescales, workbooks) is fetched when a file is first chosen.
type Reader = typeof import('../../io/read-actions.js');
import { downloadFile } from '../shared/download.js';
import { heading } from '../../context/heading.js';
import { View } from '../shared/lazy.js';
import type { ApImportExport } from './import-export.js';

useAdminMessages();

export { styles } from './import-export.styles.js';

const EXPORTS = ['xlsx', 'csv', 'json', 'publish'] as const;
const EXPORT_TYPES: Record<(typeof EXPORTS)[number], string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  publish: 'application/json',
};
// Errors listed on screen; the rest are counted, so 10,000 bad rows stay quick to show.
const ERRORS_SHOWN = 50;
const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = ['priorityId', 'title', 'leadAgency', 'targetDate', 'status'] as const;
// Distinct timescales listed with their reading; 10,000 rows rarely have more than a few dozen.
const TIMESCALES_SHOWN = 50;

/** One sheet ready to map: the heading row found under any title rows, the rows under it. */
interface SheetStep {
  file: string;
  sheets: Sheet[];
  sheet: number;
  headers: string[];
  rows: Sheet['rows'];
  /** Spreadsheet row number of rows[0]. */
  firstRow: number;
  mapping: ColumnMapping;
  splitCommas: boolean;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; file: string }
  | ({ kind: 'map' } & SheetStep)
  | { kind: 'checking'; file: string; done: number; total: number }
  | { kind: 'errors'; file: string; errors: CsvRowError[]; rows: number }
  | { kind: 'ready'; file: string; result: ReadActionsResult }
  | { kind: 'snapshot'; file: string; snapshot: Snapshot };

/** A sheet's heading row and the rows under it, with the columns guessed from the headings. */
function sheetStep(reader: Reader, file: string, sheets: Sheet[], sheet: number, splitCommas = false): SheetStep {
  const all = sheets[sheet].rows;
  const heading = reader.findHeadingRow(all, recognisedHeadings);
  const headers = (all[heading] ?? []).map(reader.cellText);
  return { file, sheets, sheet, headers, rows: all.slice(heading + 1), firstRow: heading + 2, mapping: suggestMapping(headers), splitCommas };
}

/** The body of `<ap-import-export>`, loaded with the element's first connection. */
export class ImportExportView extends View<ApImportExport> {
  #plan = new PlanController(this.host, { collections: ['plans'] });
  #announcer = new AnnounceController(this.host);
  #abort?: AbortController;
  #reader?: Reader;

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

  override hostDisconnected(): void {
    this.#abort?.abort();
  }

  #fail(error: unknown): void {
    this.busy = false;
    this.step = { kind: 'choose' };
    this.message = describeError(error, this.#locale);
    this.#announcer.announce(this.message);
  }

  async #choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.message = '';
    try {
      if (/\.json$/i.test(file.name) || file.type === 'application/json') {
        this.step = { kind: 'snapshot', file: file.name, snapshot: parseSnapshot(await file.text()) };
      } else {
        this.step = { kind: 'reading', file: file.name };
        const reader = (this.#reader ??= await import('../../io/read-actions.js'));
        const step = sheetStep(reader, file.name, await reader.readSpreadsheet(file), 0);
        this.step = { kind: 'map', ...step };
        this.#announcer.announce(this.#t('io.mapping-ready', { file: file.name, count: step.rows.length }));
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

  #pickSheet(sheet: number): void {
    if (this.step.kind !== 'map') return;
    this.step = { kind: 'map', ...sheetStep(this.#reader!, this.step.file, this.step.sheets, sheet, this.step.splitCommas) };
  }

  async #check(): Promise<void> {
    const plan = this.#plan.plan;
    if (this.step.kind !== 'map' || !plan?.store) return;
    const { file, headers, rows, mapping, firstRow, splitCommas } = this.step;
    this.#abort = new AbortController();
    const [priorities, existing] = await Promise.all([
      plan.store.query('priorities', { value: plan.planId }),
      plan.store.query('actions', { value: plan.planId, includeDeleted: true }),
    ]);
    this.step = { kind: 'checking', file, done: 0, total: rows.length };
    try {
      const result = await this.#reader!.readActions(headers, rows, mapping, {
        planId: plan.planId,
        priorities,
        existingIds: new Set(existing.map((action) => action.id)),
        locale: this.#locale,
        by: plan.user,
        firstRow,
        splitCommas,
        signal: this.#abort.signal,
        onProgress: (done, total) => (this.step = { kind: 'checking', file, done, total }),
      });
      this.step = result.errors.length
        ? { kind: 'errors', file, errors: result.errors, rows: result.rows }
        : { kind: 'ready', file, result };
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
        const { actions, priorities } = this.step.result;
        await plan.store.importLocalAll(
          [
            { collection: 'priorities', inputs: priorities },
            { collection: 'actions', inputs: actions },
          ],
          { by: plan.user },
        );
        done = this.#t('io.imported', { count: actions.length });
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
      const live = full.actions.filter((action) => !action.deleted);
      let body: string | Blob;
      let file: string;
      if (kind === 'xlsx') {
        body = await actionsToXlsx(live, full.priorities, this.#locale);
        file = `${plan.planId}-actions.xlsx`;
      } else if (kind === 'csv') {
        body = actionsToCsv(live, full.priorities, this.#locale);
        file = `${plan.planId}-actions.csv`;
      } else {
        body = `${JSON.stringify(kind === 'json' ? full : publishSnapshot(full), null, 2)}\n`;
        file = kind === 'json' ? `${plan.planId}-${plan.today}.json` : `${plan.planId}-public.json`;
      }
      downloadFile(file, EXPORT_TYPES[kind], body);
      this.#announcer.announce(this.#t('io.exported', { file }));
    } catch (error) {
      this.#fail(error);
    }
  }

  override render() {
    const plan = this.#plan.plan;
    const ready = !!plan?.store && !!plan.planId;
    return html`${this.#announcer.region()}
      <section aria-labelledby="import-heading" ?hidden=${(plan?.readonly ?? false) || !(plan?.rights.officer ?? true)}>
        ${heading(this.host.bodyLevel, this.#t('io.import-heading'), { id: 'import-heading' })}
        ${this.step.kind === 'choose' ? this.#renderChoose(ready) : this.#renderStep()}
      </section>
      <section aria-labelledby="export-heading">
        ${heading(this.host.bodyLevel, this.#t('io.export-heading'), { id: 'export-heading' })}
        <p class="hint">${this.#t('io.publish-hint')}</p>
        <div class="buttons">
          ${EXPORTS.map((kind) => html`<button type="button" class="secondary" ?disabled=${!ready} @click=${() => this.#download(kind)}>${this.#t(`io.export-${kind}`)}</button>`)}
        </div>
      </section>`;
  }

  #renderChoose(ready: boolean) {
    return html`<p class="hint" id="file-hint">${this.#t('io.import-hint')}</p>
      <label for="file">${this.#t('io.file')}</label>
      <input id="file" type="file" accept=".xlsx,.xls,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.csv,text/csv,.json,application/json" aria-describedby="file-hint" ?disabled=${!ready} @change=${(event: Event) => this.#choose(event)} />
      <p role="status" ?hidden=${!this.message}>${this.message}</p>`;
  }

  #renderStep() {
    const step = this.step;
    const cancel = html`<button type="button" class="secondary" @click=${() => this.#cancel()}>${this.#t('io.cancel')}</button>`;
    switch (step.kind) {
      case 'reading':
        return html`<p role="status">${this.#t('io.reading', { file: step.file })}</p>`;
      case 'map':
        return this.#renderMapping(step, cancel);
      case 'checking':
        return html`<label for="progress">${this.#t('io.checking', { done: step.done, total: step.total })}</label>
          <progress id="progress" max=${step.total} value=${step.done}></progress>
          <div class="buttons">${cancel}</div>`;
      case 'errors':
        return html`<div part="errors" class="error-summary" role="alert" tabindex="-1">
            ${heading(this.host.bodyLevel + 1, this.#t('io.errors-heading', { count: step.errors.length }))}
            <p>${this.#t('io.errors-hint', { file: step.file })}</p>
            <ul>
              ${step.errors.slice(0, ERRORS_SHOWN).map((error) => html`<li>${this.#t('io.error-row', { ...error })}</li>`)}
            </ul>
            ${step.errors.length > ERRORS_SHOWN ? html`<p>${this.#t('io.more-errors', { count: step.errors.length - ERRORS_SHOWN })}</p>` : nothing}
          </div>
          <div class="buttons">
            <button type="button" class="primary" @click=${() => this.#cancel()}>${this.#t('io.choose-again')}</button>
          </div>`;
      case 'ready':
        return html`${this.#renderPreview(step.result)}
        ${this.#renderConfirm(
          this.#t('io.ready', { count: step.result.actions.length }),
          step.result.priorities.length
            ? this.#t('io.confirm-with-priorities', { count: step.result.actions.length, priorities: step.result.priorities.length })
            : this.#t('io.confirm', { count: step.result.actions.length }),
          cancel,
        )}`;
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
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#confirm()}>${confirm}</button>
        ${cancel}
      </div>`;
  }

  #renderMapping(step: Extract<Step, { kind: 'map' }>, cancel: unknown) {
    const preview = step.rows.slice(0, PREVIEW_ROWS);
    return html`${heading(this.host.bodyLevel + 1, this.#t('io.mapping-heading'))}
      <p class="hint">${this.#t('io.mapping-hint', { file: step.file })}</p>
      ${step.sheets.length > 1
        ? html`<label for="sheet">${this.#t('io.sheet')}</label>
            <select id="sheet" @change=${(event: Event) => this.#pickSheet(Number((event.target as HTMLSelectElement).value))}>
              ${step.sheets.map((sheet, index) => html`<option value=${index} ?selected=${index === step.sheet}>${sheet.name}</option>`)}
            </select>`
        : nothing}
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
      <div class="checkbox">
        <input
          id="split-commas"
          type="checkbox"
          aria-describedby="split-commas-hint"
          .checked=${step.splitCommas}
          @change=${(event: Event) => (this.step = { ...step, splitCommas: (event.target as HTMLInputElement).checked })}
        />
        <label for="split-commas">${this.#t('io.split-commas')}</label>
        <p class="hint" id="split-commas-hint">${this.#t('io.split-commas-hint')}</p>
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
                <td>${i + step.firstRow}</td>
                ${PREVIEW_COLUMNS.map((column) => html`<td>${step.mapping[column] === undefined ? '' : this.#reader!.cellText(row[step.mapping[column]!])}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => this.#check()}>${this.#t('io.check', { count: step.rows.length })}</button>
        ${cancel}
      </div>`;
  }

  /** What the confirmation will do beyond the count: priorities it creates, each timescale's reading, rows that need a date. */
  #renderPreview(result: ReadActionsResult) {
    const groups = new Map<string, { first: TimescaleRow; rows: number[] }>();
    for (const timescale of result.timescales) {
      const key = `${timescale.column}\n${timescale.text}`;
      const group = groups.get(key) ?? groups.set(key, { first: timescale, rows: [] }).get(key)!;
      group.rows.push(timescale.row);
    }
    const needsDate = result.actions.filter((action) => action.timescaleText).length;
    const shown = [...groups.values()].slice(0, TIMESCALES_SHOWN);
    const readAs = ({ reading }: TimescaleRow) =>
      reading.kind === 'date' ? formatDate(reading.date, this.#locale) : this.#t(reading.kind === 'ongoing' ? 'io.reading-ongoing' : 'io.reading-text');
    return html`${result.priorities.length
        ? html`${heading(this.host.bodyLevel + 1, this.#t('io.new-priorities', { count: result.priorities.length }))}
            <p class="hint">${this.#t('io.new-priorities-hint')}</p>
            <ul class="new-priorities">
              ${result.priorities.map((priority) => html`<li>${priority.title}</li>`)}
            </ul>`
        : nothing}
      ${shown.length
        ? html`<div part="timescales" class="table-wrap" tabindex="0" role="region" aria-labelledby="timescales-caption">
            <table>
              <caption id="timescales-caption">${this.#t('io.timescales')}</caption>
              <thead>
                <tr>
                  <th scope="col">${this.#t('io.column')}</th>
                  <th scope="col">${this.#t('io.in-file')}</th>
                  <th scope="col">${this.#t('io.read-as')}</th>
                  <th scope="col">${this.#t('io.rows')}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  ({ first, rows }) => html`<tr class=${first.reading.kind === 'text' && first.column === 'targetDate' ? 'needs-date' : ''}>
                    <td>${columnLabel(first.column, this.#locale)}</td>
                    <th scope="row">${first.text}</th>
                    <td>${readAs(first)}</td>
                    <td>${rows.length > 10 ? `${rows.slice(0, 10).join(', ')}…` : rows.join(', ')}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${groups.size > shown.length ? html`<p>${this.#t('io.more-timescales', { count: groups.size - shown.length })}</p>` : nothing}`
        : nothing}
      ${needsDate ? html`<p class="notice">${this.#t('io.needs-date', { count: needsDate })}</p>` : nothing}
      ${result.scaledProgress.length ? html`<p class="notice">${this.#t('io.scaled-progress', { rows: result.scaledProgress.join(', ') })}</p>` : nothing}`;
  }
}

export { ImportExportView as View };
