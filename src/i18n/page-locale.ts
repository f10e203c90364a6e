// The language of the page around an element. It reads the DOM, so it lives apart from index.ts,
// which the endpoint also uses (server/tsconfig.json has no DOM types).
import type { Locale } from './index.js';

/** Locale from an override, else the closest `lang` up through shadow roots, else the page's. */
export function resolveLocale(el: Element | null, override?: string | null): Locale {
  let lang = override || '';
  let node = el;
  while (!lang && node) {
    const found = node.closest('[lang]');
    if (found) {
      lang = found.getAttribute('lang') ?? '';
      break;
    }
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  if (!lang && typeof document !== 'undefined') lang = document.documentElement.lang;
  return lang.trim().toLowerCase().startsWith('cy') ? 'cy' : 'en-GB';
}
