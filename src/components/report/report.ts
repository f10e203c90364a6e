import { property } from 'lit/decorators.js';
import { LazyElement } from '../shared/lazy.js';
import type { ReportView } from './report-view.js';

/**
 * The quarterly report for the steering group and scrutiny: RAG status by priority, exceptions
 * (overdue, revised targets, no update this quarter, due in the next 30 days, target date needed), changes this
 * quarter, audit recommendations, extension requests made and decided this quarter, and a
 * "status for the minutes" table that copies cleanly into
 * Word or Outlook. Prints on A4 (add `@page { size: A4; margin: 15mm }` to the page's own CSS).
 *
 * @summary Quarterly committee report with a status table for the minutes; prints cleanly.
 * @csspart header - The report's title and period.
 * @csspart minutes - The "status for the minutes" table.
 * @csspart copy-button - The button that copies the minutes table.
 * @cssproperty --ap-color-border - Table rule colour.
 * @cssproperty --ap-color-button - Copy button colour.
 * @cssproperty --ap-color-focus - Focus outline colour.
 */
export class ApReport extends LazyElement<ReportView> {
  /** Financial-year quarter to report on, like "2023/24 Q3"; by default the quarter of the plan's date. */
  @property() quarter?: string;

  protected loadView() {
    return import('./report-view.js');
  }
}
