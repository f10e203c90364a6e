// Extension request problems in words. Only the request form and plan administration's requests
// tab show them, both loaded on first use, so their messages travel with them (en-GB-admin.ts).
import type { ExtensionProblem } from '../model/extensions.js';
import { useAdminMessages } from './admin-messages.js';
import { formatDate, formatDayOf, lowerFirst, t, tOr, type Locale } from './index.js';

useAdminMessages();

/** An extension request problem as a sentence: "Already approved by A. Patel on 12 March 2024". */
export function describeExtensionProblem({ code, params = {} }: ExtensionProblem, locale: Locale): string {
  if (code === 'already-decided') {
    return t(locale, params.outcome === 'refused' ? 'extension.already-refused' : 'extension.already-approved', { by: params.by, date: formatDayOf(params.at ?? '', locale) });
  }
  const state = params.state && lowerFirst(tOr(locale, `status.${params.state}`, tOr(locale, `rag.${params.state}`, t(locale, 'extension.state.deleted'))));
  return t(locale, `extension.${code}`, { date: params.date && formatDate(params.date, locale), state });
}
