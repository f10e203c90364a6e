// The plan's actions as an Excel workbook (write-excel-file, loaded on use): dates as date cells,
// progress as a percent cell, money as numbers, headings that import back. No DOM.
import { isIsoDate, type Action, type Priority } from '../model/index.js';
import type { Locale } from '../i18n/index.js';
import { EXPORT_COLUMNS, actionRows, type ActionColumn } from './actions-csv.js';

const DATES: readonly ActionColumn[] = ['startDate', 'targetDate', 'revisedTargetDate'];
const MONEY: readonly ActionColumn[] = ['fundingAllocated', 'fundingSpent'];

/** The actions as an .xlsx file, one row per action, headings in `locale`. */
export async function actionsToXlsx(actions: readonly Action[], priorities: readonly Priority[], locale: Locale = 'en-GB'): Promise<Blob> {
  // Its own chunk, fetched on the first Excel download.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const [headings, ...rows] = actionRows(actions, priorities, locale);
  const cell = (text: string, column: ActionColumn) => {
    if (DATES.includes(column) && isIsoDate(text)) return { value: new Date(`${text}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
    if (column === 'progress' && text !== '') return { value: Number(text) / 100, type: Number, format: '0%' };
    if (MONEY.includes(column) && text !== '') return { value: Number(text), type: Number, format: '#,##0.00' };
    // Text as text, never a formula: write-excel-file writes it as a string cell.
    return { value: text, type: String };
  };
  const sheet = [headings.map((heading) => ({ value: heading, type: String, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((text, i) => cell(text, EXPORT_COLUMNS[i])))];
  return writeXlsxFile(sheet, { sheet: 'Actions', stickyRowsCount: 1, columns: EXPORT_COLUMNS.map((column) => ({ width: column === 'title' || column === 'description' ? 50 : 18 })) }).toBlob();
}
