import { QuarterLabelError } from './errors.js';

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

// A table, not a Date per call: validation calls this for every date field of every pulled record.
function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2024-02-30 no). */
export function isIsoDate(s: unknown): s is IsoDate {
  const m = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (!m) return false;
  const month = +m[2]!;
  const day = +m[3]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(+m[1]!, month);
}

function parts(d: IsoDate): number[] {
  if (!isIsoDate(d)) throw new RangeError(`"${String(d).slice(0, 40)}" is not a date written YYYY-MM-DD.`);
  return d.split('-').map(Number);
}

function toUtcMs(d: IsoDate): number {
  const [year, month, day] = parts(d);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  return date.getTime();
}

let londonFormat: Intl.DateTimeFormat | undefined;

/** The calendar date in Europe/London at the instant `now` (BST-aware). */
export function todayInLondon(now: Date = new Date()): IsoDate {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const p = Object.fromEntries(londonFormat.formatToParts(now).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return new Date(toUtcMs(d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

function startYear(d: IsoDate): number {
  const [year, month] = parts(d);
  return month >= 4 ? year : year - 1;
}

const yearLabel = (start: number): string => `${start}/${pad2((start + 1) % 100)}`;

/** UK financial year (1 April to 31 March) as "2023/24". */
export function financialYear(d: IsoDate): string {
  return yearLabel(startYear(d));
}

export type Quarter = 1 | 2 | 3 | 4;

/** Q1 = Apr-Jun, Q2 = Jul-Sep, Q3 = Oct-Dec, Q4 = Jan-Mar; label "2023/24 Q3". */
export function financialQuarter(d: IsoDate): { year: string; quarter: Quarter; label: string } {
  const year = financialYear(d);
  const quarter = (Math.floor(((parts(d)[1] + 8) % 12) / 3) + 1) as Quarter;
  return { year, quarter, label: `${year} Q${quarter}` };
}

function quarterStartOf(start: number, quarter: Quarter): IsoDate {
  return quarter === 4 ? `${start + 1}-01-01` : `${start}-${pad2(quarter * 3 + 1)}-01`;
}

/** First day of the financial quarter that contains `d`. */
export function quarterStart(d: IsoDate): IsoDate {
  return quarterStartOf(startYear(d), financialQuarter(d).quarter);
}

/** First and last day of a quarter labelled like "2023/24 Q3". */
export function quarterBounds(label: string): { start: IsoDate; end: IsoDate } {
  const m = /^(\d{4})\/(\d{2}) Q([1-4])$/.exec(String(label).trim());
  const start = Number(m?.[1]);
  if (!m || (start + 1) % 100 !== Number(m[2])) throw new QuarterLabelError(label);
  const quarter = Number(m[3]) as Quarter;
  const next = quarter === 4 ? quarterStartOf(start + 1, 1) : quarterStartOf(start, (quarter + 1) as Quarter);
  return { start: quarterStartOf(start, quarter), end: addDays(next, -1) };
}
