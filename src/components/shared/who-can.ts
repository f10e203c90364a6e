// The short line that says who can update a record the signed-in person may not (issue #17): the same
// words on an action card and an audit tracker row.
import { html } from 'lit';
import { t, type Locale } from '../../i18n/index.js';

/** "Only Lancashire Police and the CSP officers can update this recommendation", or the officers alone when no agency owns it. */
export function whoCan(kind: 'action' | 'recommendation', agency: string | undefined, locale: Locale) {
  return html`<p part="who-can" class="hint">${agency ? t(locale, `rights.${kind}-agency`, { agency }) : t(locale, `rights.${kind}-officers`)}</p>`;
}
