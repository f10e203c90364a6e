// Actions to and from the spreadsheet a council already keeps: columns, header mapping, export. No DOM.
import type { Action, Priority } from '../model/index.js';
import { formatMoney, statusLabel, t, type Locale, type MessageKey } from '../i18n/index.js';
import { useAdminMessages } from '../i18n/admin-messages.js';
import { useEveryLocale } from '../i18n/every-locale.js';
import { toCsv } from './csv.js';

useAdminMessages();

// Files and emails may be in any language: every catalogue is needed at once.
useEveryLocale();

/** Columns an action CSV can have, in export order. */
export const ACTION_COLUMNS = [
  'id',
  'priorityId',
  'title',
  'description',
  'leadAgency',
  'partners',
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
  'rag',
  'update',
] as const;
export type ActionColumn = (typeof ACTION_COLUMNS)[number];
/** Columns a file must have a mapping for (the priority may come from section rows instead). */
export const REQUIRED_COLUMNS: readonly ActionColumn[] = ['title'];
// Read on import only: exported, they would come back as overrides and updates the plan never had.
const IMPORT_ONLY: readonly ActionColumn[] = ['rag', 'update'];
/** Columns an export has, in order. */
export const EXPORT_COLUMNS = ACTION_COLUMNS.filter((column) => !IMPORT_ONLY.includes(column));

// Other headings councils use in their spreadsheets (normalised: lower case, letters and digits only).
const ALIASES: Partial<Record<ActionColumn, string[]>> = {
  priorityId: ['priorityarea', 'theme', 'heading'],
  title: ['action', 'actions', 'actiontitle', 'camgweithredu'],
  leadAgency: ['lead', 'leadorganisation', 'agency', 'leadpartner'],
  partners: ['supportingagencies', 'supportingpartners', 'partneragencies', 'keypartners', 'partnersinvolved'],
  owner: ['namedowner', 'responsibleofficer', 'actionowner'],
  targetDate: ['estimatedtimescale', 'timescale', 'timescales', 'duedate', 'deadline'],
  revisedTargetDate: ['revisedtimescale', 'reviseddate'],
  progress: ['complete', 'progresspercent', 'percentcomplete'],
  rag: ['ragstatus', 'ragrating', 'statusrag'],
  update: ['progressupdate', 'latestupdate', 'comments', 'commentary', 'diweddariad'],
};

// The funding columns are parts of one field, and an update one of many; every other column is named as its field is.
const OWN_LABELS: Partial<Record<ActionColumn, MessageKey>> = {
  fundingAllocated: 'csv.funding-allocated',
  fundingSpent: 'csv.funding-spent',
  fundingSource: 'csv.funding-source',
  update: 'csv.update',
};

/** The column heading in `locale`: "Target date", "Dyddiad targed". */
export const columnLabel = (column: ActionColumn, locale: Locale): string => t(locale, OWN_LABELS[column] ?? (`field.${column}` as MessageKey));

/** Lower case, letters and digits only: how headings and names are compared. */
export const normalise = (s: string) => s.toLocaleLowerCase('en-GB').replace(/[^\p{L}\p{N}]/gu, '');

/** Which file column (index) holds each action field. */
export type ColumnMapping = Partial<Record<ActionColumn, number>>;

/** How many of `headers` name a column we know. */
export const recognisedHeadings = (headers: readonly string[]): number => Object.keys(suggestMapping(headers)).length;

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
    super(`The file needs these columns: ${columns.map((column) => columnLabel(column, 'en-GB')).join(', ')}.`);
  }
}

/** One problem with one cell: `row` is the spreadsheet row number (the heading row is 1). */
export interface CsvRowError {
  row: number;
  /** The file's heading for the cell, or the column's label when the file has none. */
  column: string;
  message: string;
}

/** What a target cell says: the date, "Ongoing", or the timescale kept as written ("TBC"). */
const targetText = (action: Action, locale: Locale) => action.targetDate ?? (action.ongoing ? t(locale, 'card.ongoing') : (action.timescaleText ?? ''));

/** The plan's actions as rows of typed cells, headings first, in `locale`; re-imports with `suggestMapping`. */
export function actionRows(actions: readonly Action[], priorities: readonly Priority[], locale: Locale = 'en-GB'): string[][] {
  const priorityTitles = new Map(priorities.map((priority) => [priority.id, priority.title]));
  const pounds = (pence: number | undefined) => (pence === undefined ? '' : formatMoney(pence, 'en-GB').replace(/[£,]/g, ''));
  const rows = actions.map((action) => {
    // The other columns are the action's own field as text.
    const value: Partial<Record<ActionColumn, string>> = {
      priorityId: priorityTitles.get(action.priorityId) ?? action.priorityId,
      partners: action.partners.join('; '),
      targetDate: targetText(action, locale),
      status: statusLabel(action.status, locale),
      public: t(locale, action.public ? 'csv.yes' : 'csv.no'),
      fundingAllocated: pounds(action.funding?.allocatedPence),
      fundingSpent: pounds(action.funding?.spentPence),
      fundingSource: action.funding?.source ?? '',
    };
    return EXPORT_COLUMNS.map((column) => value[column] ?? String(action[column as keyof Action] ?? ''));
  });
  return [EXPORT_COLUMNS.map((column) => columnLabel(column, locale)), ...rows];
}

/** The plan's actions as CSV, one row per action, headings in `locale`; re-imports with `suggestMapping`. */
export function actionsToCsv(actions: readonly Action[], priorities: readonly Priority[], locale: Locale = 'en-GB'): string {
  return toCsv(actionRows(actions, priorities, locale));
}
