import { html, nothing } from 'lit';
import { Task } from '@lit/task';
import { PlanController } from '../../controllers/plan.js';
import { AnnounceController } from '../../controllers/announce.js';
import { financialQuarter, RAGS, RATINGS } from '../../model/index.js';
import { formatDate, formatDayOf, ragLabel, ratingLabel, statusLabel, t, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import { describeExtension } from '../shared/extensions.js';
import { heading } from '../../context/heading.js';
import { quarterlyReport, DUE_SOON_DAYS, type QuarterlyReport, type ReportRow } from './report-data.js';
import { View } from '../shared/lazy.js';
import type { ApReport } from './report.js';

useAdminMessages();

export { styles } from './report.styles.js';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body of `<ap-report>`, loaded with the element's first connection. */
export class ReportView extends View<ApReport> {
  #plan = new PlanController(this.host, { collections: ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] });
  #announcer = new AnnounceController(this.host);

  #data = new Task(this, {
    task: async ([store, planId]) => {
      if (!store || !planId) return undefined;
      const [plan, priorities, actions, audits, recommendations, history] = await Promise.all([
        store.get('plans', planId),
        store.query('priorities', { value: planId }),
        store.query('actions', { value: planId }),
        store.query('audits', { value: planId }),
        store.query('recommendations', { value: planId }),
        store.query('history', { value: planId }),
      ]);
      return { plan, input: { priorities, actions, audits, recommendations, history } };
    },
    args: () => [this.#plan.plan?.store, this.#plan.plan?.planId, this.#plan.revision] as const,
  });

  get #locale() {
    return this.#plan.plan?.locale ?? 'en-GB';
  }

  #t(key: MessageKey, params?: MessageParams): string {
    return t(this.#locale, key, params);
  }

  /** The date in words; '' for none (formatDate returns what is not a date as it is). */
  #date(date?: string): string {
    return formatDate(date ?? '', this.#locale);
  }

  /** Copies the minutes table as HTML with its own borders (Word keeps them) and as tab-separated text. */
  async #copy(): Promise<void> {
    const table = this.renderRoot.querySelector('[part=minutes]') as HTMLTableElement;
    const cells = [...table.rows].map((row) => [...row.cells].map((cell) => ({ header: cell.tagName === 'TH', text: cell.textContent!.replace(/\s+/g, ' ').trim() })));
    const cell = ({ header, text }: { header: boolean; text: string }) => (header ? `<th align="left">${escapeHtml(text)}</th>` : `<td>${escapeHtml(text)}</td>`);
    const markup = `<table border="1" cellpadding="4" cellspacing="0">${cells.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</table>`;
    const plain = cells.map((row) => row.map((c) => c.text).join('\t')).join('\n');
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([markup], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) }),
      ]);
      this.#announcer.announce(this.#t('report.copied'));
    } catch {
      this.#announcer.announce(this.#t('report.copy-failed'));
    }
  }

  override render() {
    const plan = this.#plan.plan;
    const data = this.#data.value;
    if (!plan || !data?.plan) return html`${this.#announcer.region()}<p>${this.#t('report.loading')}</p>`;
    const quarter = this.host.quarter || financialQuarter(plan.today).label;
    let report: QuarterlyReport;
    try {
      report = quarterlyReport(data.input, quarter, plan.today, plan.ragRules);
    } catch (error) {
      return html`<p role="alert">${(error as Error).message}</p>`;
    }
    return html`${this.#announcer.region()}
      <header part="header">
        ${heading(this.host.bodyLevel, this.#t('report.title', { plan: data.plan.name, quarter: report.quarter }))}
        <p>${this.#t('report.period', { start: this.#date(report.start), end: this.#date(report.end), date: this.#date(report.asOf) })}</p>
      </header>
      ${this.#renderRag(report)} ${this.#renderExceptions(report)} ${this.#renderChanges(report)} ${this.#renderAudits(report)} ${this.#renderExtensions(report)}
      ${this.#renderMinutes(report)}`;
  }

  #renderRag(report: QuarterlyReport) {
    const row = (title: string, counts: QuarterlyReport['totals'], header = false) =>
      html`<tr class=${header ? 'total' : ''}>
        <th scope="row">${title}</th>
        ${RAGS.map((state) => html`<td>${counts[state]}</td>`)}
        <td>${counts.total}</td>
      </tr>`;
    return html`<section>
      ${heading(this.host.bodyLevel + 1, this.#t('report.rag-heading'))}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${this.#t('report.priority')}</th>
              ${RAGS.map((state) => html`<th scope="col"><span class="tag rag-${state}">${ragLabel(state, this.#locale)}</span></th>`)}
              <th scope="col">${this.#t('report.total')}</th>
            </tr>
          </thead>
          <tbody>
            ${report.byPriority.map(({ priority, counts }) => row(priority.title, counts))} ${row(this.#t('report.all-priorities'), report.totals, true)}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #list(title: string, rows: ReportRow[], detail: (row: ReportRow) => string) {
    return html`${heading(this.host.bodyLevel + 2, title)}
      ${rows.length
        ? html`<ul>
            ${rows.map((row) => html`<li><strong>${row.action.title}</strong>${row.action.leadAgency ? ` (${row.action.leadAgency})` : ''}: ${detail(row)}</li>`)}
          </ul>`
        : html`<p>${this.#t('report.none')}</p>`}`;
  }

  #target = (row: ReportRow) => (row.target ? this.#t('report.target', { date: this.#date(row.target) }) : '');
  #status = (row: ReportRow) => `${row.rag.rag ? ragLabel(row.rag.state, this.#locale) : statusLabel(row.action.status, this.#locale)}, ${this.#target(row)}`;

  #renderExceptions(report: QuarterlyReport) {
    const { overdue, revised, noUpdate, dueSoon, needsDate } = report.exceptions;
    const revisedText = (row: ReportRow) => {
      const count = row.action.revisions.length;
      return this.#t(count === 1 ? 'report.revised-once' : 'report.revised-times', { count, date: this.#date(row.target) });
    };
    return html`<section>
      ${heading(this.host.bodyLevel + 1, this.#t('report.exceptions-heading'))}
      ${this.#list(this.#t('report.overdue', { count: overdue.length }), overdue, this.#target)}
      ${this.#list(this.#t('report.revised', { count: revised.length }), revised, revisedText)}
      ${this.#list(this.#t('report.no-update', { count: noUpdate.length }), noUpdate, this.#status)}
      ${this.#list(this.#t('report.due-soon', { days: DUE_SOON_DAYS, count: dueSoon.length }), dueSoon, this.#target)}
      ${this.#list(this.#t('report.needs-date', { count: needsDate.length }), needsDate, (row) => this.#t('report.timescale', { text: row.action.timescaleText }))}
    </section>`;
  }

  #renderChanges(report: QuarterlyReport) {
    const { completed, slipped, added } = report.changes;
    return html`<section>
      ${heading(this.host.bodyLevel + 1, this.#t('report.changes-heading'))}
      ${this.#list(this.#t('report.completed', { count: completed.length }), completed, this.#target)}
      ${this.#list(this.#t('report.slipped', { count: slipped.length }), slipped, this.#status)}
      ${this.#list(this.#t('report.added', { count: added.length }), added, this.#status)}
    </section>`;
  }

  #renderAudits(report: QuarterlyReport) {
    if (!report.audits.length) return nothing;
    return html`<section>
      ${heading(this.host.bodyLevel + 1, this.#t('report.audits-heading'))}
      ${report.audits.map(
        ({ audit, summary, recommendations }) => html`${heading(this.host.bodyLevel + 2, audit.title)}
          <p>
            ${this.#t('report.implemented', {
              implemented: summary.implemented,
              total: summary.total,
              overdue: summary.overdue,
              revisions: summary.revisions,
              ...Object.fromEntries(RATINGS.map((rating) => [rating, summary.overdueByRating[rating]])),
            })}
          </p>
          <div class="table-wrap">
            <table>
              ${this.#head(['report.ref', 'field.recommendation', 'report.rating', 'field.status', 'field.targetDate', 'report.times-revised', 'report.overdue-column'])}
              <tbody>
                ${recommendations.map(
                  ({ recommendation: rec, overdue }) => html`<tr>
                    <td>${rec.ref ?? ''}</td>
                    <td>${rec.recommendation}</td>
                    <td>${rec.rating ? ratingLabel(rec.rating, this.#locale) : ''}</td>
                    <td>${statusLabel(rec.status, this.#locale)}</td>
                    <td>${this.#date(rec.revisedTargetDate || rec.targetDate)}</td>
                    <td>${rec.revisions.length}</td>
                    <td>${this.#t(overdue ? 'report.yes' : 'report.no')}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
      )}
    </section>`;
  }

  #renderExtensions({ extensions }: QuarterlyReport) {
    const decision = ({ decision }: QuarterlyReport['extensions']['rows'][number]['request']) =>
      decision ? this.#t(`report.extension.${decision.outcome}`, { by: decision.by, date: formatDayOf(decision.at, this.#locale), reason: decision.reason }) : this.#t('report.extension.waiting');
    return html`<section>
      ${heading(this.host.bodyLevel + 1, this.#t('report.extensions-heading'))}
      <p>${this.#t('report.extensions-summary', { requested: extensions.requested, approved: extensions.approved, refused: extensions.refused, waiting: extensions.waiting })}</p>
      ${extensions.rows.length
        ? html`<div class="table-wrap">
            <table>
              ${this.#head(['report.extension.record', 'report.extension.asked', 'report.extension.reason', 'report.extension.decision', 'report.extension.reference'])}
              <tbody>
                ${extensions.rows.map(
                  ({ title, request }) => html`<tr>
                    <td>${title}</td>
                    <td>${this.#date(request.requestedDate)}</td>
                    <td>${request.reason} (${request.by}, ${formatDayOf(request.at, this.#locale)})</td>
                    <td>${decision(request)}</td>
                    <td>${request.decision?.reference ?? ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${this.#t('report.extensions-none')}</p>`}
    </section>`;
  }

  #head(keys: MessageKey[]) {
    return html`<thead>
      <tr>
        ${keys.map((key) => html`<th scope="col">${this.#t(key)}</th>`)}
      </tr>
    </thead>`;
  }

  #renderMinutes(report: QuarterlyReport) {
    return html`<section class="minutes">
      ${heading(this.host.bodyLevel + 1, this.#t('report.minutes-heading'))}
      <p class="hint">${this.#t('report.minutes-hint')}</p>
      <button type="button" class="primary" part="copy-button" @click=${() => this.#copy()}>${this.#t('report.copy')}</button>
      <div class="table-wrap">
        <table part="minutes">
          ${this.#head(['report.action', 'report.priority', 'field.leadAgency', 'field.targetDate', 'report.rag', 'report.progress', 'report.latest-update', 'report.extension.column'])}
          <tbody>
            ${report.minutes.map((row) => {
              const latest = row.action.updates.filter((update) => update.at.slice(0, 10) <= report.asOf).at(-1);
              const extension = report.extensions.rows.findLast((r) => r.collection === 'actions' && r.recordId === row.action.id);
              return html`<tr>
                <td>${row.action.title}</td>
                <td>${row.priority?.title ?? ''}</td>
                <td>${row.action.leadAgency ?? ''}</td>
                <td>${this.#date(row.target)}</td>
                <td><span class="tag rag-${row.rag.state}">${ragLabel(row.rag.state, this.#locale)}</span></td>
                <td>${row.action.progress}%</td>
                <td>${latest ? `${this.#date(latest.at.slice(0, 10))}: ${latest.text}` : ''}</td>
                <td>${extension ? describeExtension(extension.request, this.#locale) : ''}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}

export { ReportView as View };
