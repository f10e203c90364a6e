// Actions to and from the CSV a council already keeps: header mapping, per-row errors, export. No DOM.
import { isIsoDate, safeParseRecord, ACTION_STATUSES, type Action, type Priority } from '../model/index.js';
import { LOCALES, describeIssue, formatMoney, statusLabel, t, type Locale, type MessageKey } from '../i18n/index.js';
import { fromCsvCell, toCsv } from './csv.js';

/** Columns an action CSV can have, in export order. */
export const ACTION_COLUMNS = [
  'id',
  'priorityId',
  'title',
  'description',
  'leadAgency',
  'owner',
  'startDate',
  'targetDate',
  'revisedTargetDate',
  'status',
  'progress',
  'public',
  'fundingAllocated',
  'fundingSpent',
  'fundingSource',
] as const;
export type ActionColumn = (typeof ACTION_COLUMNS)[number];
/** Columns a file must have a mapping for. */
export const REQUIRED_COLUMNS: readonly ActionColumn[] = ['priorityId', 'title'];

// Other headings councils use in their spreadsheets (normalised: lower case, letters and digits only).
const ALIASES: Partial<Record<ActionColumn, string[]>> = {
  priorityId: ['priorityarea', 'theme', 'heading'],
  title: ['action', 'actions', 'actiontitle', 'camgweithredu'],
  leadAgency: ['lead', 'leadorganisation', 'agency', 'leadpartner'],
  owner: ['namedowner', 'responsibleofficer', 'actionowner'],
  targetDate: ['estimatedtimescale', 'timescale', 'timescales', 'duedate', 'deadline'],
  revisedTargetDate: ['revisedtimescale', 'reviseddate'],
  progress: ['complete', 'progresspercent', 'percentcomplete'],
};

// The funding columns are parts of one field; every other column is named as its field is.
const FUNDING_LABELS: Partial<Record<ActionColumn, MessageKey>> = {
  fundingAllocated: 'csv.funding-allocated',
  fundingSpent: 'csv.funding-spent',
  fundingSource: 'csv.funding-source',
};

/** The column heading in `locale`: "Target date", "Dyddiad targed". */
export const columnLabel = (column: ActionColumn, locale: Locale): string => t(locale, FUNDING_LABELS[column] ?? (`field.${column}` as MessageKey));

const normalise = (s: string) => s.toLocaleLowerCase('en-GB').replace(/[^\p{L}\p{N}]/gu, '');

/** Which file column (index) holds each action field. */
export type ColumnMapping = Partial<Record<ActionColumn, number>>;

/** A first guess at the mapping from the file's headings, in either language. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const names = headers.map(normalise);
  for (const column of ACTION_COLUMNS) {
    const known = [columnLabel(column, 'en-GB'), columnLabel(column, 'cy'), column].map(normalise).concat(ALIASES[column] ?? []);
    const index = names.findIndex((name, i) => known.includes(name) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[column] = index;
  }
  return mapping;
}

/** The mapping leaves out a column every action needs. */
export class MissingColumnsError extends Error {
  override name = 'MissingColumnsError';

  constructor(readonly columns: ActionColumn[]) {
    super(`The CSV file needs these columns: ${columns.map((column) => columnLabel(column, 'en-GB')).join(', ')}.`);
  }
}

/** One problem with one cell: `row` is the spreadsheet row number (the heading row is 1). */
export interface CsvRowError {
  row: number;
  /** The file's heading for the cell, or the column's label when the file has none. */
  column: string;
  message: string;
}

export interface ReadActionsOptions {
  planId: string;
  priorities: readonly Priority[];
  /** Ids already in the plan: a row reusing one is an error, never an overwrite. */
  existingIds?: ReadonlySet<string>;
  locale?: Locale;
  /** Called between chunks so a page can show progress and stay responsive. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Milliseconds of work between yields to the page (default 40), so input and painting are never held up long. */
  sliceMs?: number;
}

export interface ReadActionsResult {
  /** Valid actions ready for `store.importLocal`: only when `errors` is empty should they be written. */
  actions: Action[];
  errors: CsvRowError[];
  /** Data rows read (the heading row not counted). */
  rows: number;
}

const YES = ['yes', 'y', 'true', '1', 'ie'];
const NO = ['no', 'n', 'false', '0', 'na', ''];

// UK spreadsheets write 31/01/2024; anything unreadable goes through as typed so the schema names it.
function readDate(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : value;
  return isIsoDate(iso) ? iso : value;
}

// Cells arrive trimmed and never empty.
const readNumber = (value: string): number | string => {
  const n = Number(value.replace(/[£,%\s]/g, ''));
  return Number.isFinite(n) ? n : value;
};

function readStatus(value: string): string {
  const name = normalise(value);
  return ACTION_STATUSES.find((status) => normalise(status) === name || LOCALES.some((l) => normalise(statusLabel(status, l)) === name)) ?? value;
}

const readPence = (value: string) => {
  const pounds = readNumber(value);
  return typeof pounds === 'number' ? Math.round(pounds * 100) : pounds;
};

/**
 * Reads data rows (no heading row) into actions. Every bad cell is reported with its row and
 * column; nothing is thrown for bad data. Throws MissingColumnsError if the mapping lacks a
 * required column, and the signal's reason if aborted.
 */
export async function readActions(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ReadActionsOptions,
): Promise<ReadActionsResult> {
  const missing = REQUIRED_COLUMNS.filter((column) => mapping[column] === undefined);
  if (missing.length) throw new MissingColumnsError(missing);
  const locale = options.locale ?? 'en-GB';
  const sliceMs = options.sliceMs ?? 40;
  const priorityIds = new Map<string, string>();
  for (const priority of options.priorities) {
    priorityIds.set(normalise(priority.title), priority.id).set(normalise(priority.id), priority.id);
  }
  const seen = new Set<string>();
  const result: ReadActionsResult = { actions: [], errors: [], rows: rows.length };
  const heading = (column: ActionColumn) => headers[mapping[column] ?? -1]?.trim() || columnLabel(column, locale);

  let sliceStart = performance.now();
  for (let i = 0; i < rows.length; i++) {
    if (performance.now() - sliceStart > sliceMs) {
      options.onProgress?.(i, rows.length);
      // Let the page paint and handle input before the next slice.
      await new Promise((resolve) => setTimeout(resolve));
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    const row = i + 2;
    const cell = (column: ActionColumn) => {
      const index = mapping[column];
      return index === undefined ? '' : fromCsvCell((rows[i][index] ?? '').trim());
    };
    const fail = (column: ActionColumn, message: string) => result.errors.push({ row, column: heading(column), message });
    const id = cell('id') || crypto.randomUUID();
    const input: Record<string, unknown> = { planId: options.planId, id };
    const priority = cell('priorityId');
    input.priorityId = priorityIds.get(normalise(priority)) ?? '';
    if (priority && !priorityIds.has(normalise(priority))) fail('priorityId', t(locale, 'csv.unknown-priority', { priority }));
    for (const column of ['title', 'description', 'leadAgency', 'owner'] as const) input[column] = cell(column) || undefined;
    for (const column of ['startDate', 'targetDate', 'revisedTargetDate'] as const) input[column] = cell(column) ? readDate(cell(column)) : undefined;
    if (cell('status')) input.status = readStatus(cell('status'));
    if (cell('progress')) input.progress = readNumber(cell('progress'));
    const isPublic = normalise(cell('public'));
    input.public = YES.includes(isPublic) ? true : NO.includes(isPublic) ? false : cell('public');
    if (cell('fundingAllocated') || cell('fundingSpent') || cell('fundingSource')) {
      input.funding = { allocatedPence: readPence(cell('fundingAllocated') || '0'), spentPence: readPence(cell('fundingSpent') || '0'), source: cell('fundingSource') || undefined };
    }
    if (seen.has(id)) fail('id', t(locale, 'csv.duplicate-id', { id }));
    else if (options.existingIds?.has(id)) fail('id', t(locale, 'csv.existing-id', { id }));
    seen.add(id);

    const parsed = safeParseRecord('actions', input);
    if (!parsed.ok) {
      for (const issue of parsed.error.issues) {
        // The priority was reported above if it was given but unknown.
        if (issue.path === 'priorityId' && priority) continue;
        const field = issue.path.split('.')[0];
        const column = field === 'funding' ? (issue.path.endsWith('spentPence') ? 'fundingSpent' : 'fundingAllocated') : (field as ActionColumn);
        fail(column, describeIssue({ ...issue, path: issue.path.replace(/^funding\./, '') }, locale));
      }
    } else if (!result.errors.some((error) => error.row === row)) result.actions.push(parsed.record);
  }
  options.onProgress?.(rows.length, rows.length);
  return result;
}

/** The plan's actions as CSV, one row per action, headings in `locale`; re-imports with `suggestMapping`. */
export function actionsToCsv(actions: readonly Action[], priorities: readonly Priority[], locale: Locale = 'en-GB'): string {
  const priorityTitles = new Map(priorities.map((priority) => [priority.id, priority.title]));
  const pounds = (pence: number | undefined) => (pence === undefined ? '' : formatMoney(pence, 'en-GB').replace(/[£,]/g, ''));
  const rows = actions.map((action) => {
    // The other columns are the action's own field as text.
    const value: Partial<Record<ActionColumn, string>> = {
      priorityId: priorityTitles.get(action.priorityId) ?? action.priorityId,
      status: statusLabel(action.status, locale),
      public: t(locale, action.public ? 'csv.yes' : 'csv.no'),
      fundingAllocated: pounds(action.funding?.allocatedPence),
      fundingSpent: pounds(action.funding?.spentPence),
      fundingSource: action.funding?.source ?? '',
    };
    return ACTION_COLUMNS.map((column) => value[column] ?? String(action[column as keyof Action] ?? ''));
  });
  return toCsv([ACTION_COLUMNS.map((column) => columnLabel(column, locale)), ...rows]);
}
