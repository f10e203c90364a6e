import { isIsoDate, todayInLondon, type IsoDate } from '../model/dates.js';
import type { RagReason, RagResult } from '../model/rag.js';
import type { ActionStatus, Rag, Rating, RecommendationStatus } from '../model/schemas.js';
import { enGB, type MessageKey } from './en-GB.js';

export type { MessageKey };
/** Every language the widgets speak; files written in any of them can be read back. */
export const LOCALES = ['en-GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageParams = Record<string, string | number | undefined>;

// en-GB always (the messages of the parts loaded on first use once one of them has come: see
// admin-messages.ts); Welsh once loaded (a chunk of its own in the drop-in: only Welsh pages fetch it).
const english: Partial<Record<MessageKey, string>> = { ...enGB };
const catalogues: Partial<Record<Locale, Partial<Record<MessageKey, string>>>> = { 'en-GB': english };

/** Adds en-GB messages kept out of the entry file (en-GB-admin.ts). */
export function addEnglish(messages: Partial<Record<MessageKey, string>>): void {
  Object.assign(english, messages);
}

/** Makes `locale`'s messages available to `t`; code that reads every language calls `useEveryLocale`. */
export function addCatalogue(locale: Locale, messages: Record<MessageKey, string>): void {
  catalogues[locale] = messages;
}

/** Whether `t` speaks `locale` yet (until then it answers in en-GB). */
export const hasCatalogue = (locale: Locale): boolean => !!catalogues[locale];

/** Loads `locale`'s messages, if `t` does not have them yet. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!hasCatalogue(locale)) (await import('./every-locale.js')).useEveryLocale();
}

/** @internal */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(english, key);

/** The message `key` in `locale` with `{param}` placeholders filled in. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = (catalogues[locale] ?? english)[key] ?? english[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params[name] ?? placeholder));
}

// The message for a key built from data (a field or option name), or `fallback` when there is none.
/** @internal */
export const tOr = (locale: Locale, key: string, fallback: string, params?: MessageParams) => (isMessageKey(key) ? t(locale, key, params) : fallback);

/** @internal */
export const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
// Keep acronyms such as "RAG" or "ID" as written.
/** @internal */
export const lowerFirst = (s: string) => (/^.[A-Z]/.test(s) || /^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLocaleLowerCase() + s.slice(1));

// Browsers ship only some locales' data (Chromium may lack Welsh): fall back to en-GB patterns.
const intlLocale = (locale: Locale) => (locale === 'cy' && Intl.DateTimeFormat.supportedLocalesOf('cy').length ? 'cy' : 'en-GB');

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format as T;
}

/** "31 January 2024" / "31 Jan 2024"; Welsh "31 Ionawr 2024". Returns the input unchanged if it is not a date. */
export function formatDate(iso: IsoDate, locale: Locale, style: 'long' | 'short' = 'long'): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-').map(Number);
  const loc = intlLocale(locale);
  if (loc !== locale) return `${day} ${t(locale, `${style === 'long' ? 'month' : 'month-short'}.${month}` as MessageKey)} ${year}`;
  return cached(`date:${loc}:${style}`, () => new Intl.DateTimeFormat(loc, { day: 'numeric', month: style, year: 'numeric', timeZone: 'UTC' })).format(new Date(`${iso}T00:00Z`));
}

/** Date and 24-hour time in Europe/London: "31 January 2024 at 14:05". */
export function formatDateTime(isoDateTime: string, locale: Locale): string {
  const instant = new Date(isoDateTime);
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDateTime) || Number.isNaN(instant.getTime())) return formatDate(isoDateTime, locale);
  const time = cached('london', () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(instant);
  return t(locale, 'format.date-time', { date: formatDate(todayInLondon(instant), locale), time });
}

/** Days until a due date: "due today", "due in 5 days", "1 day overdue", "12 days overdue". */
export function formatRelativeDays(days: number, locale: Locale): string {
  if (days === 0) return t(locale, 'relative.today');
  if (days === 1) return t(locale, 'relative.tomorrow');
  if (days > 0) return t(locale, 'relative.in-days', { days });
  return days === -1 ? t(locale, 'relative.overdue-one') : t(locale, 'relative.overdue', { days: -days });
}

/** Pence as pounds: 1233700 -> "£12,337.00". */
export function formatMoney(pence: number, locale: Locale): string {
  const loc = intlLocale(locale);
  return cached(`money:${loc}`, () => new Intl.NumberFormat(loc, { style: 'currency', currency: 'GBP' })).format(pence / 100);
}

/** The tag text: Red, Amber, Green, Complete, Not started, Cancelled, Carried forward. */
export function ragLabel(state: RagResult['state'], locale: Locale): string {
  return t(locale, `rag.${state}`);
}

/** "off track" / "at risk" / "on track"; '' for blue and grey, whose label says it all. */
export function ragDescription(rag: Rag, locale: Locale): string {
  return tOr(locale, `ragDescription.${rag}`, '');
}

export function statusLabel(status: ActionStatus | RecommendationStatus, locale: Locale): string {
  return t(locale, `status.${status}`);
}

export function ratingLabel(rating: Rating, locale: Locale): string {
  return t(locale, `rating.${rating}`);
}

/** One RAG reason as a sentence: "Target date 31 January 2024 has passed". */
export function describeReason(reason: RagReason, locale: Locale): string {
  const date = reason.date ? formatDate(reason.date, locale) : '';
  switch (reason.code) {
    case 'milestone-overdue':
    case 'milestone-overdue-long':
      return t(locale, 'reason.milestone-overdue', { title: reason.title, overdue: formatRelativeDays(-(reason.days ?? 0), locale) });
    case 'not-started-yet':
      return date ? t(locale, 'reason.not-started-yet', { date }) : t(locale, 'reason.not-started-no-date');
    case 'due-soon':
      return t(locale, 'reason.due-soon', { due: upperFirst(formatRelativeDays(reason.days ?? 0, locale)), expected: reason.expected });
    case 'override':
      return t(locale, reason.by ? 'reason.override' : 'reason.override-anonymous', {
        rag: reason.rag && ragLabel(reason.rag, locale),
        by: reason.by,
        date,
        text: reason.text,
      });
    default:
      return t(locale, `reason.${reason.code}`, { date, from: reason.from && formatDate(reason.from, locale), actual: reason.actual, expected: reason.expected });
  }
}

export function fieldLabel(name: string, locale: Locale): string {
  return tOr(locale, `field.${name}`, name);
}

/** The London date of an instant ("2024-03-12T09:30:00Z" -> "12 March 2024"); a bare date as it is. */
export function formatDayOf(at: string, locale: Locale): string {
  const instant = new Date(at);
  return formatDate(/^\d{4}-\d{2}-\d{2}$/.test(at) || Number.isNaN(instant.getTime()) ? at.slice(0, 10) : todayInLondon(instant), locale);
}
