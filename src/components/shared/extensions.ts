// The extension requests of an action or recommendation, as the card and the audit tracker show them to everyone.
import { html, nothing } from 'lit';
import type { ExtensionRequest } from '../../model/index.js';
import { formatDate, formatDayOf, t, type Locale } from '../../i18n/index.js';

/** One request in words: "Extension requested: 30 June 2024 (waiting for a decision)", or its decision. */
export function describeExtension(request: ExtensionRequest, locale: Locale): string {
  const date = formatDate(request.requestedDate, locale);
  const { decision } = request;
  if (!decision) return t(locale, 'extension.waiting', { date });
  const words = t(locale, `extension.${decision.outcome}`, { date, by: decision.by, on: formatDayOf(decision.at, locale), reason: decision.reason });
  return decision.reference ? `${words} (${t(locale, 'extension.reference', { reference: decision.reference })})` : words;
}

/** The requests, newest first, each with who asked and why; nothing when there are none. */
export function extensionList(requests: readonly ExtensionRequest[], locale: Locale) {
  if (!requests?.length) return nothing;
  return html`<ul part="extensions" class="extensions">
    ${[...requests].reverse().map(
      (request) => html`<li class=${request.decision ? request.decision.outcome : 'waiting'}>
        ${describeExtension(request, locale)}
        <span class="meta">${t(locale, 'extension.asked', { by: request.by, on: formatDayOf(request.at, locale), reason: request.reason })}</span>
      </li>`,
    )}
  </ul>`;
}
