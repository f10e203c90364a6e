// Timescales as councils write them ("March 2024", "Q4 2023/24", "Ongoing") read as dates. Pure, no DOM.
import { isIsoDate, type IsoDate } from '../model/index.js';

/** How a timescale cell was read: a date (and from what form), ongoing, or text kept as it was. */
export type Timescale =
  | { kind: 'date'; date: IsoDate; form: 'date' | 'month' | 'quarter' | 'year' }
  | { kind: 'ongoing' }
  | { kind: 'text'; text: string };

/** A target reads a period as its last day, a start as its first. */
export type Edge = 'start' | 'end';

const MONTHS = [
  ['january', 'ionawr'],
  ['february', 'chwefror'],
  ['march', 'mawrth'],
  ['april', 'ebrill'],
  ['may', 'mai'],
  ['june', 'mehefin'],
  ['july', 'gorffennaf'],
  ['august', 'awst'],
  ['september', 'medi'],
  ['october', 'hydref'],
  ['november', 'tachwedd'],
  ['december', 'rhagfyr'],
];

// "mar", "march", "sept", "mawrth": 1-12, or 0 when not a month name.
function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return w === 'sept' ? 9 : MONTHS.findIndex(([english, welsh]) => w === welsh || (w.length >= 3 && english.startsWith(w))) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function dayOf(year: number, month: number, day: number): Timescale | undefined {
  const date = iso(year, month, day);
  return isIsoDate(date) ? { kind: 'date', date, form: 'date' } : undefined;
}

function monthOf(year: number, month: number, edge: Edge, form: 'month' | 'quarter' = 'month'): Timescale | undefined {
  if (month < 1 || month > 12 || year < 1000) return undefined;
  return { kind: 'date', date: iso(year, month, edge === 'start' ? 1 : lastDay(year, month)), form };
}

// A financial year "2023/24", "23/24", "2023-24", "2023/2024", "FY 2023/24": the year it starts in, when the halves follow on.
const FY = String.raw`(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})`;
function fyStart(first: string, second: string): number | undefined {
  // "04/2005" is a month.
  if (first.length < second.length) return undefined;
  const start = fullYear(first);
  const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number(second) : Number(second);
  return end === start + 1 || (second.length === 2 && Number(second) === (start + 1) % 100) ? start : undefined;
}

function quarterOf(quarter: number, start: number | undefined, edge: Edge): Timescale | undefined {
  if (start === undefined || quarter < 1 || quarter > 4) return undefined;
  // Q1 is April to June; Q4 is January to March of the year after.
  const firstMonth = 4 + (quarter - 1) * 3;
  const year = firstMonth > 12 ? start + 1 : start;
  const month = ((firstMonth - 1) % 12) + 1;
  return monthOf(year, edge === 'start' ? month : month + 2, edge, 'quarter');
}

function yearOf(start: number | undefined, edge: Edge): Timescale | undefined {
  if (start === undefined) return undefined;
  return { kind: 'date', date: edge === 'start' ? iso(start, 4, 1) : iso(start + 1, 3, 31), form: 'year' };
}

const PATTERNS: [RegExp, (m: RegExpExecArray, edge: Edge) => Timescale | undefined][] = [
  // 2024-03-31
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => dayOf(+m[1], +m[2], +m[3])],
  // 31/03/2024, 31.03.24, 31-03-2024
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/, (m) => dayOf(fullYear(m[3]), +m[2], +m[1])],
  // 31 March 2024, 31st March 2024, 31-Mar-24, 1 Mawrth 2024
  [/^(\d{1,2})(?:st|nd|rd|th)?[\s-]+(\p{L}+)\.?,?[\s-]+(\d{4}|\d{2})$/u, (m) => (monthNumber(m[2]) ? dayOf(fullYear(m[3]), monthNumber(m[2]), +m[1]) : undefined)],
  // March 31st 2024, as some write it
  [/^(\p{L}+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u, (m) => (monthNumber(m[1]) ? dayOf(+m[3], monthNumber(m[1]), +m[2]) : undefined)],
  // Q4 2023/24, Q4 FY23/24, Quarter 4 23/24
  [new RegExp(String.raw`^(?:q|qtr|quarter)\s*([1-4])\s*,?\s*${FY}$`, 'i'), (m, edge) => quarterOf(+m[1], fyStart(m[2], m[3]), edge)],
  // 2023/24 Q4, 2023/24 Quarter 4
  [new RegExp(String.raw`^${FY}\s*,?\s*(?:q|qtr|quarter)\s*([1-4])$`, 'i'), (m, edge) => quarterOf(+m[3], fyStart(m[1], m[2]), edge)],
  // 2023/24, 2023-24, FY 2023/24: 1 April to 31 March
  [new RegExp(String.raw`^${FY}$`, 'i'), (m, edge) => yearOf(fyStart(m[1], m[2]), edge)],
  // 03/2024, 3/24, 2024-03
  [/^(\d{1,2})\s*[/.-]\s*(\d{4})$/, (m, edge) => monthOf(+m[2], +m[1], edge)],
  [/^(\d{4})-(\d{2})$/, (m, edge) => monthOf(+m[1], +m[2], edge)],
  // March 2024, Mar-24, Mar 24, end of March 2024
  [/^(?:by\s+)?(?:(?:the\s+)?end\s+(?:of\s+)?)?(\p{L}+)\.?[\s-]+(\d{4}|\d{2})$/iu, (m, edge) => (monthNumber(m[1]) ? monthOf(fullYear(m[2]), monthNumber(m[1]), edge) : undefined)],
];

const ONGOING = /^(?:on[\s-]?going|continuous|continual|parhaus)\b/i;

/** A date cell as its calendar date (cells hold midnight UTC of the day shown). */
export const cellDate = (cell: Date): IsoDate => cell.toISOString().slice(0, 10);

/**
 * Reads one timescale: text as councils write it, or an Excel date cell (`asMonth` when the
 * column's date cells are months, "Mar-24"). Anything else is kept as text (`TBC`, `Spring`).
 */
export function readTimescale(value: string | Date, edge: Edge = 'end', asMonth = false): Timescale {
  if (value instanceof Date) {
    const date = cellDate(value);
    return asMonth ? monthOf(+date.slice(0, 4), +date.slice(5, 7), edge)! : { kind: 'date', date, form: 'date' };
  }
  const text = value.trim().replace(/\s+/g, ' ');
  if (ONGOING.test(text)) return { kind: 'ongoing' };
  const lower = text.toLowerCase();
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(lower);
    const reading = match && read(match, edge);
    if (reading) return reading;
  }
  return { kind: 'text', text };
}
