import { LazyElement } from '../shared/lazy.js';
import type { ImportExportView } from './import-export-view.js';

/**
 * Imports actions from a council's Excel workbook or CSV file (match the columns, check every
 * row, see how each timescale was read, then confirm) or a JSON export of the plan, and downloads
 * the plan as Excel, CSV, full JSON, or the public Publish file for the council website. Nothing
 * is written until the user confirms; an import (with any priorities it creates) is one transaction.
 *
 * @summary Import actions from Excel, CSV or JSON; export Excel, CSV, JSON and the public Publish file.
 * @csspart errors - The list of problems found in a file, with row numbers and columns.
 * @csspart ready - The box saying how many actions are ready to import.
 * @csspart timescales - The table of timescales as written in the file and as read.
 * @cssproperty --ap-color-button - Main button colour.
 * @cssproperty --ap-color-focus - Focus outline colour.
 * @cssproperty --ap-color-red - Border of the problem list.
 */
export class ApImportExport extends LazyElement<ImportExportView> {
  protected loadView() {
    return import('./import-export-view.js');
  }
}
