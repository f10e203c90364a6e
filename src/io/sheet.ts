// Spreadsheet files as rows of cells: CSV in the encodings UK Excel saves, and .xlsx (read-excel-file, loaded on use).
import { parseCsv } from './csv.js';

/** One cell as the file holds it: text, a number, a yes/no, a date (midnight UTC of the day shown) or nothing. */
export type Cell = string | number | boolean | Date | null;

/** One sheet of a workbook (a CSV file is one sheet named after the file). */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** A file we cannot read as a spreadsheet: `.xls`, `.xlsm`, a password-protected workbook. */
export class SpreadsheetFormatError extends Error {
  override name = 'SpreadsheetFormatError';

  constructor(readonly file: string) {
    super(`${file} cannot be read here: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV, without a password, then choose that file.`);
  }
}

/**
 * CSV bytes as text: UTF-8 with or without a BOM ("CSV UTF-8"), else Windows-1252, which is
 * what Excel's "CSV (Comma delimited)" writes on a UK PC.
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// An OLE compound file: a .xls workbook, or an .xlsx encrypted with a password.
const isCompoundFile = (head: Uint8Array) => head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b;

/** True for a file we read as a workbook rather than as CSV. */
export const isWorkbookName = (name: string) => /\.(xlsx|xlsm|xlsb|xls)$/i.test(name);

/** Every sheet of an .xlsx file, or the one sheet of a CSV file. Throws SpreadsheetFormatError, CsvSyntaxError. */
export async function readSpreadsheet(file: File): Promise<Sheet[]> {
  const bytes = await file.arrayBuffer();
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (isCompoundFile(head) || /\.(xlsm|xlsb|xls)$/i.test(file.name) || (isWorkbookName(file.name) && !isZip(head))) throw new SpreadsheetFormatError(file.name);
  if (!isZip(head)) return [{ name: file.name, rows: parseCsv(decodeCsv(bytes)) }];
  // Its own chunk, fetched the first time a workbook is chosen; the main-thread reader, since workers from blob: URLs break a strict CSP.
  const { default: readXlsxFile } = await import('read-excel-file/browser');
  try {
    const sheets = await readXlsxFile(bytes, { trim: true });
    return sheets.map(({ sheet, data }) => ({ name: sheet, rows: data as Cell[][] }));
  } catch {
    throw new SpreadsheetFormatError(file.name);
  }
}

/** A cell as text: dates as YYYY-MM-DD, numbers as written, nothing as ''. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export const isBlankRow = (row: readonly Cell[]) => row.every((cell) => cellText(cell) === '');

/**
 * The index of the heading row: the first with two or more headings `recognised` knows, so
 * title rows above it are skipped; 0 when none has.
 */
export function findHeadingRow(rows: readonly (readonly Cell[])[], recognised: (headings: string[]) => number): number {
  const index = rows.findIndex((row) => recognised(row.map(cellText)) >= 2);
  return Math.max(0, index);
}
