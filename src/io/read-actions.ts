// Reading a council's rows into actions: typed cells, timescales, section rows, RAG, updates and
// partners, with per-row errors. Loaded with the spreadsheet readers once a file is chosen. No DOM.
import { parseRecord, safeParseRecord, ACTION_STATUSES, OVERRIDE_RAGS, RAGS, type Action, type Priority } from '../model/index.js';
import { LOCALES, ragLabel, statusLabel, t, type Locale } from '../i18n/index.js';
import { describeIssue } from '../i18n/issues.js';
import { useAdminMessages } from '../i18n/admin-messages.js';
import { useEveryLocale } from '../i18n/every-locale.js';
import { fromCsvCell } from './csv.js';
import { MissingColumnsError, REQUIRED_COLUMNS, columnLabel, normalise, type ActionColumn, type ColumnMapping, type CsvRowError } from './actions-csv.js';
import { cellText, isBlankRow, type Cell } from './sheet.js';
import { readTimescale, type Timescale } from './timescale.js';

useAdminMessages();

// Files and emails may be in any language: every catalogue is needed at once.
useEveryLocale();

// Everything the import needs once a file is chosen, in one chunk.
export { cellText, findHeadingRow, readSpreadsheet } from './sheet.js';

export interface ReadActionsOptions {
  planId: string;
  priorities: readonly Priority[];
  /** Ids already in the plan: a row reusing one is an error, never an overwrite. */
  existingIds?: ReadonlySet<string>;
  locale?: Locale;
  /** Who is importing: the RAG override and first progress update carry their name. */
  by?: string;
  /** The moment of the import (default now). */
  now?: Date;
  /** Split partners on commas and " and " too ("Police, Fire and Crime Commissioner" is one name otherwise). */
  splitCommas?: boolean;
  /** The spreadsheet row number of `rows[0]` (default 2: the row under a heading in row 1). */
  firstRow?: number;
  /** Called between chunks so a page can show progress and stay responsive. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Milliseconds of work between yields to the page (default 40), so input and painting are never held up long. */
  sliceMs?: number;
}

/** One timescale cell and how it was read, for the preview ("March 2024 -> 31 March 2024"). */
export interface TimescaleRow {
  row: number;
  column: 'startDate' | 'targetDate' | 'revisedTargetDate';
  text: string;
  reading: Timescale;
}

export interface ReadActionsResult {
  /** Valid actions ready for `store.importLocal`: only when `errors` is empty should they be written. */
  actions: Action[];
  /** Priorities the file names that the plan does not have, to be created with the actions. */
  priorities: Priority[];
  errors: CsvRowError[];
  /** Every timescale cell that was filled, and its reading. */
  timescales: TimescaleRow[];
  /** Rows whose progress was a number from 0 to 1 in a column of whole percentages, read as a share of 100. */
  scaledProgress: number[];
  /** Data rows read (the heading row, blank rows and section rows not counted). */
  rows: number;
}

const YES = ['yes', 'y', 'true', '1', 'ie'];
const NO = ['no', 'n', 'false', '0', 'na', ''];

// Cells arrive trimmed and never empty: "60", "60%", "£1,200", or a number cell.
function readNumber(cell: Cell): { value: number | string; percent: boolean } {
  if (typeof cell === 'number') return { value: cell, percent: false };
  const text = cellText(cell);
  const n = Number(text.replace(/[£,%\s]/g, ''));
  return { value: Number.isFinite(n) ? n : text, percent: text.endsWith('%') };
}

function readStatus(value: string): string {
  const name = normalise(value);
  return ACTION_STATUSES.find((status) => normalise(status) === name || LOCALES.some((l) => normalise(statusLabel(status, l)) === name)) ?? value;
}

const readPence = (value: Cell) => {
  const pounds = readNumber(value).value;
  return typeof pounds === 'number' ? Math.round(pounds * 100) : pounds;
};

// RAG words and letters in either language; Blue and Grey also by their colour.
const RAG_WORDS = new Map<string, (typeof RAGS)[number]>([
  ['r', 'red'],
  ['a', 'amber'],
  ['g', 'green'],
  ['blue', 'blue'],
  ['b', 'blue'],
  ['grey', 'grey'],
  ['gray', 'grey'],
  ['glas', 'blue'],
  ['llwyd', 'grey'],
  ...RAGS.flatMap((rag) => [rag, ...LOCALES.map((l) => ragLabel(rag, l))].map((word) => [normalise(word), rag] as [string, (typeof RAGS)[number]])),
]);

/** "Amber/Green" takes the worse of the two; undefined when a part is not a RAG word. */
function readRag(value: string): (typeof RAGS)[number] | undefined {
  const parts = value.split(/[/\\-]|\s+to\s+/).map((part) => RAG_WORDS.get(normalise(part)));
  if (parts.some((part) => !part)) return undefined;
  const worst = ['red', 'amber', 'green', 'blue', 'grey'] as const;
  return worst.find((rag) => parts.includes(rag));
}

/** Partner agencies in one cell: one per line, or split by ; and |, and by commas and "and" when asked. */
export function splitPartners(value: string, splitCommas = false): string[] {
  const separators = splitCommas ? /[;|\r\n]+|,|\s+and\s+|\s*&\s*/i : /[;|\r\n]+/;
  return value
    .split(separators)
    .map((name) => name.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
}

const DATE_COLUMNS = ['startDate', 'targetDate', 'revisedTargetDate'] as const;
const NUMERIC_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

// A section row names a priority in its first cell and has nothing else.
const sectionTitle = (row: readonly Cell[]) => (cellText(row[0]) && row.slice(1).every((cell) => cellText(cell) === '') ? cellText(row[0]) : '');

/**
 * Reads data rows (no heading row) into actions, and the priorities they name that the plan
 * lacks. Every bad cell is reported with its row and column; nothing is thrown for bad data.
 * Throws MissingColumnsError if the mapping lacks a required column, and the signal's reason if
 * aborted.
 */
export async function readActions(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  mapping: ColumnMapping,
  options: ReadActionsOptions,
): Promise<ReadActionsResult> {
  const missing = REQUIRED_COLUMNS.filter((column) => mapping[column] === undefined);
  if (missing.length) throw new MissingColumnsError(missing);
  const locale = options.locale ?? 'en-GB';
  const sliceMs = options.sliceMs ?? 40;
  const at = (options.now ?? new Date()).toISOString();
  const by = options.by ?? '';
  const priorityIds = new Map<string, string>();
  for (const priority of options.priorities) {
    priorityIds.set(normalise(priority.title), priority.id).set(normalise(priority.id), priority.id);
  }
  let order = Math.max(0, ...options.priorities.map((priority) => priority.order ?? 0));
  const seen = new Set<string>();
  const result: ReadActionsResult = { actions: [], priorities: [], errors: [], timescales: [], scaledProgress: [], rows: 0 };
  const heading = (column: ActionColumn) => headers[mapping[column] ?? -1]?.trim() || columnLabel(column, locale);
  const raw = (row: readonly Cell[], column: ActionColumn): Cell => {
    const cell = mapping[column] === undefined ? null : (row[mapping[column]] ?? null);
    return typeof cell === 'string' ? fromCsvCell(cell.trim()) : cell;
  };
  // A column of percent cells holds 0.6 for 60%; in a column of whole percentages 0.6 is still 60%.
  const progressCells = rows.map((row) => readNumber(raw(row, 'progress'))).filter((n) => typeof n.value === 'number' && !n.percent);
  const fractions = progressCells.every((n) => (n.value as number) <= 1);
  // Date cells all on the 1st are a column of months ("Mar-24"), as Excel stores them.
  const monthColumns = new Set(
    DATE_COLUMNS.filter((column) => {
      const dates = rows.map((row) => raw(row, column)).filter((cell): cell is Date => cell instanceof Date);
      return dates.length > 0 && dates.every((date) => date.getUTCDate() === 1);
    }),
  );
  let section = '';

  let sliceStart = performance.now();
  for (let i = 0; i < rows.length; i++) {
    if (performance.now() - sliceStart > sliceMs) {
      options.onProgress?.(i, rows.length);
      // Let the page paint and handle input before the next slice.
      await new Promise((resolve) => setTimeout(resolve));
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    const cells = rows[i];
    if (isBlankRow(cells)) continue;
    if (sectionTitle(cells) && mapping.title !== 0) {
      section = sectionTitle(cells);
      continue;
    }
    result.rows++;
    const row = i + (options.firstRow ?? 2);
    const cell = (column: ActionColumn) => cellText(raw(cells, column));
    const fail = (column: ActionColumn, message: string) => result.errors.push({ row, column: heading(column), message });
    const id = cell('id') || crypto.randomUUID();
    const input: Record<string, any> = { planId: options.planId, id };
    // A priority written once (a section row, or merged cells down the column) holds for the rows under it.
    const priority = cell('priorityId') || section;
    section = priority;
    input.priorityId = priority && priorityFor(priority);
    for (const column of ['title', 'description', 'leadAgency', 'owner'] as const) input[column] = cell(column) || undefined;
    for (const column of DATE_COLUMNS) {
      const value = raw(cells, column);
      if (value === null || cellText(value) === '') continue;
      const text = value instanceof Date ? cellText(value) : String(value);
      const reading = readTimescale(value instanceof Date ? value : text, column === 'startDate' ? 'start' : 'end', monthColumns.has(column));
      result.timescales.push({ row, column, text, reading });
      if (reading.kind === 'date') input[column] = reading.date;
      else if (reading.kind === 'ongoing') input.ongoing ||= column === 'targetDate';
      // A target kept as words ("TBC") still imports; a start written as words, or a date that is not real (31/02/2024), is wrong.
      else if (column === 'targetDate' && !NUMERIC_DATE.test(text)) input.timescaleText = text;
      else input[column] = text;
    }
    if (cell('partners')) input.partners = splitPartners(cell('partners'), options.splitCommas);
    if (cell('status')) input.status = readStatus(cell('status'));
    if (cell('progress')) {
      const { value, percent } = readNumber(raw(cells, 'progress'));
      const share = typeof value === 'number' && !percent && value > 0 && (value < 1 || (value === 1 && fractions));
      if (share && !fractions) result.scaledProgress.push(row);
      input.progress = share ? Math.round((value as number) * 100) : value;
    }
    if (cell('rag')) {
      const rag = readRag(cell('rag'));
      if (!rag) fail('rag', t(locale, 'csv.unknown-rag', { value: cell('rag') }));
      else if ((OVERRIDE_RAGS as readonly string[]).includes(rag)) input.ragOverride = { rag, reason: t(locale, 'csv.rag-reason'), by, at };
      else if (mapping.status === undefined) input.status = rag === 'blue' ? 'complete' : 'not-started';
    }
    if (cell('update')) input.updates = [{ id: crypto.randomUUID(), at, by, text: cell('update') }];
    const isPublic = normalise(cell('public'));
    input.public = YES.includes(isPublic) ? true : NO.includes(isPublic) ? false : cell('public');
    if (cell('fundingAllocated') || cell('fundingSpent') || cell('fundingSource')) {
      input.funding = { allocatedPence: readPence(cell('fundingAllocated') || '0'), spentPence: readPence(cell('fundingSpent') || '0') };
      if (cell('fundingSource')) input.funding.source = cell('fundingSource');
    }
    if (seen.has(id)) fail('id', t(locale, 'csv.duplicate-id', { id }));
    else if (options.existingIds?.has(id)) fail('id', t(locale, 'csv.existing-id', { id }));
    seen.add(id);

    const parsed = safeParseRecord('actions', input);
    if (!parsed.ok) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.split('.')[0];
        const column = field === 'funding' ? (issue.path.endsWith('spentPence') ? 'fundingSpent' : 'fundingAllocated') : (field as ActionColumn);
        fail(column, describeIssue({ ...issue, path: issue.path.replace(/^funding\./, '') }, locale));
      }
    } else if (!result.errors.some((error) => error.row === row)) result.actions.push(parsed.record);
  }
  options.onProgress?.(rows.length, rows.length);
  return result;

  // The plan's priority of that title or id, or a new one made once for every row naming it.
  function priorityFor(name: string): string {
    const key = normalise(name);
    let id = priorityIds.get(key);
    if (!id) {
      id = crypto.randomUUID();
      priorityIds.set(key, id);
      result.priorities.push(parseRecord('priorities', { id, planId: options.planId, title: name, order: ++order }));
    }
    return id;
  }
}
