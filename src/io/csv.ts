// RFC 4180 CSV: quoted fields with commas, quotes and newlines; CRLF or LF; a leading BOM. No DOM.

/** A CSV file that cannot be read as rows (an unclosed quote). `line` is 1-based. */
export class CsvSyntaxError extends SyntaxError {
  override name = 'CsvSyntaxError';

  constructor(readonly line: number) {
    super(`The CSV file has a quote opened on line ${line} that is never closed.`);
  }
}

/** Rows of cells. Blank lines are skipped; every cell is text. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
    } else cell += char;
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

// A spreadsheet runs a cell starting like a formula: prefix it so an exported title cannot (OWASP CSV injection).
const FORMULA = /^[=+\-@\t\r]/;

/** Escapes one cell: quotes when needed, formula-like text made inert with a leading apostrophe. */
function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV text with CRLF line ends and a BOM, so Excel opens it as UTF-8. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Undoes the apostrophe `toCsv` puts before formula-like text. */
export const fromCsvCell = (value: string): string => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
