// Update packs: a CSV of one partner's actions that they fill in without an intranet account, and
// reading the filled pack back as a preview of changes.
import { ACTION_STATUSES, type Action, type ActionStatus } from '../model/schemas.js';
import { LOCALES, statusLabel, t, type Locale } from '../i18n/index.js';
import { useAdminMessages } from '../i18n/admin-messages.js';
import { useEveryLocale } from '../i18n/every-locale.js';
import { fromCsvCell, parseCsv, toCsv } from './csv.js';

useAdminMessages();

// Files and emails may be in any language: every catalogue is needed at once.
useEveryLocale();

/** The pack's columns, in order; a filled pack is matched by heading in either language, so partners may reorder columns. */
export const PACK_COLUMNS = ['id', 'title', 'leadAgency', 'owner', 'status', 'progress', 'targetDate', 'lastChanged', 'partner', 'newStatus', 'newProgress', 'update'] as const;
type Column = (typeof PACK_COLUMNS)[number];

/** The file is not an update pack (a column is missing); nothing was read from it. */
export class UpdatePackError extends Error {
  override name = 'UpdatePackError';
  constructor(readonly missing: string[]) {
    super(`This file is not an update pack: it has no ${missing.map((m) => `"${m}"`).join(', ')} column. Export a new pack and fill that in.`);
  }
}

/** Lead agencies and owners named on the actions, for choosing whose pack to export. */
export function partnersOf(actions: readonly Action[]): string[] {
  return [...new Set(actions.flatMap((a) => [a.leadAgency, a.owner]).filter((name): name is string => !!name))].sort((a, b) => a.localeCompare(b));
}

/** The partner's actions (as lead agency or owner) that are still in this plan. */
export const packActions = (actions: readonly Action[], partner: string) =>
  actions.filter((a) => !a.deleted && !a.carriedForwardTo && a.status !== 'cancelled' && (a.leadAgency === partner || a.owner === partner));

/** The pack as CSV (CRLF, quoted where needed) with headings and statuses in `locale`, and blank columns for the partner to fill in. */
export function toUpdatePackCsv(actions: readonly Action[], partner: string, locale: Locale = 'en-GB'): string {
  // In PACK_COLUMNS order, the last three left blank.
  const rows = packActions(actions, partner).map((a) => [
    a.id,
    a.title,
    a.leadAgency ?? '',
    a.owner ?? '',
    statusLabel(a.status, locale),
    String(a.progress),
    a.revisedTargetDate ?? a.targetDate ?? '',
    a.updatedAt,
    partner,
    '',
    '',
    '',
  ]);
  return toCsv([PACK_COLUMNS.map((column) => t(locale, `pack.${column}`)), ...rows]);
}

export type PackProblem = 'unknown-action' | 'invalid-status' | 'invalid-progress';

/** One filled row of a pack, checked against the plan as it is now. */
export interface PackRow {
  actionId: string;
  /** The action now; absent when the id is not in this plan. */
  action?: Action;
  partner: string;
  status?: ActionStatus;
  progress?: number;
  text: string;
  /** The action was changed after the pack was exported: applying may overwrite that change. */
  conflict: boolean;
  problem?: PackProblem;
}

// A status as the pack shows it in either language ("In progress", "Ar waith") or as stored ("in-progress").
function readStatus(value: string): ActionStatus | undefined {
  const wanted = value.toLowerCase();
  return ACTION_STATUSES.find((status) => status === wanted || LOCALES.some((locale) => statusLabel(status, locale).toLowerCase() === wanted));
}

/**
 * Reads a filled pack: only rows with something filled in, each matched by action id and checked.
 * Throws UpdatePackError when the file is not a pack.
 */
export function readUpdatePack(csv: string, actions: readonly Action[]): PackRow[] {
  const [header = [], ...rows] = parseCsv(csv);
  const headings = header.map((h) => h.trim());
  const index = Object.fromEntries(PACK_COLUMNS.map((column) => [column, headings.findIndex((h) => LOCALES.some((locale) => h === t(locale, `pack.${column}`)))])) as Record<Column, number>;
  const needed: Column[] = ['id', 'lastChanged', 'partner', 'newStatus', 'newProgress', 'update'];
  const missing = needed.filter((column) => index[column] < 0).map((column) => t('en-GB', `pack.${column}`));
  if (missing.length) throw new UpdatePackError(missing);
  const byId = new Map(actions.map((a) => [a.id, a]));
  const result: PackRow[] = [];
  for (const values of rows) {
    const get = (key: Column) => fromCsvCell((values[index[key]] ?? '').trim());
    const [newStatus, newProgress, text] = [get('newStatus'), get('newProgress'), get('update')];
    if (!newStatus && !newProgress && !text) continue;
    const action = byId.get(get('id'));
    const status = newStatus ? readStatus(newStatus) : undefined;
    const progress = newProgress ? Number(newProgress.replace(/%$/, '')) : undefined;
    let problem: PackProblem | undefined;
    if (!action || action.deleted) problem = 'unknown-action';
    else if (newStatus && !status) problem = 'invalid-status';
    else if (progress !== undefined && !(Number.isInteger(progress) && progress >= 0 && progress <= 100)) problem = 'invalid-progress';
    result.push({
      actionId: get('id'),
      action,
      partner: get('partner'),
      status,
      progress,
      text,
      conflict: !!action && action.updatedAt !== get('lastChanged'),
      problem,
    });
  }
  return result;
}

/** The action with the row applied: new status and progress, and the update text in its log. */
export function applyPackRow(action: Action, row: PackRow, now: Date): Action {
  const status = row.status ?? action.status;
  const progress = row.progress ?? action.progress;
  const update = { id: crypto.randomUUID(), at: now.toISOString(), by: row.partner, text: row.text, status, progress };
  return { ...action, status, progress, updates: [...action.updates, update] };
}
