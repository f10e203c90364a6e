// A reminder digest worded as a plain-text email, in the member's language, each item with its link.
import { financialQuarter, quarterBounds, type IsoDate, type ReminderDigest } from '../model/index.js';
import { formatDate, formatDayOf, formatRelativeDays, t, type Locale } from './index.js';
import { useAdminMessages } from './admin-messages.js';
import { useEveryLocale } from './every-locale.js';

useAdminMessages();

// Files and emails may be in any language: every catalogue is needed at once.
useEveryLocale();

export interface ReminderEmailOptions {
  planName: string;
  today: IsoDate;
  /** The intranet page the widgets are on; items link to `#action-{id}` or `#recommendation-{id}` on it. */
  publicUrl: string;
  locale: Locale;
}

/** The fragment that opens a record's card on the plan's page. */
export const recordFragment = (collection: 'actions' | 'recommendations', id: string) =>
  `#${collection === 'actions' ? 'action' : 'recommendation'}-${encodeURIComponent(id)}`;

export function reminderEmail(digest: ReminderDigest, { planName, today, publicUrl, locale }: ReminderEmailOptions): { subject: string; text: string } {
  const date = (d: IsoDate) => formatDate(d, locale);
  const link = (collection: 'actions' | 'recommendations', id: string) => t(locale, 'reminder.open', { url: publicUrl.replace(/#.*$/, '') + recordFragment(collection, id) });
  const quarterEnd = quarterBounds(financialQuarter(today).label).end;
  const sections: string[][] = [];
  if (digest.items.length) {
    sections.push([
      t(locale, 'reminder.items'),
      ...digest.items.map((item) => {
        const notes = [
          ...(item.due && item.dueDate ? [t(locale, `reminder.item.${item.due}`, { date: date(item.dueDate), relative: formatRelativeDays(item.days ?? 0, locale) })] : []),
          ...(item.updateDue ? [t(locale, 'reminder.item.update-due', { date: date(quarterEnd) })] : []),
        ];
        return `- ${item.title}: ${notes.join('; ')}\n  ${link(item.collection, item.id)}`;
      }),
    ]);
  }
  if (digest.decisions.length) {
    sections.push([
      t(locale, 'reminder.decisions'),
      ...digest.decisions.map(({ collection, id, title, request }) => {
        const { outcome, by, reason, reference } = request.decision;
        const words = t(locale, `reminder.decision.${outcome}`, { date: date(request.requestedDate), by, reason });
        return `- ${title}: ${words}${reference ? ` (${reference})` : ''}\n  ${link(collection, id)}`;
      }),
    ]);
  }
  if (digest.waiting.length) {
    sections.push([
      t(locale, 'reminder.waiting'),
      ...digest.waiting.map(({ collection, id, title, request }) => {
        const asked = t(locale, 'reminder.waiting-item', { by: request.by, date: date(request.requestedDate), reason: request.reason });
        return `- ${title}: ${asked} (${formatDayOf(request.at, locale)})\n  ${link(collection, id)}`;
      }),
    ]);
  }
  const text = [t(locale, 'reminder.intro', { plan: planName, date: date(today) }), ...sections.map((lines) => lines.join('\n')), t(locale, 'reminder.footer', { plan: planName })].join('\n\n');
  return { subject: t(locale, 'reminder.subject', { plan: planName, date: date(today) }), text: `${text}\n` };
}
