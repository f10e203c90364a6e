// A module loaded on first use, for an element or a controller: in the drop-in build each is a chunk
// beside the entry file (see components/shared/lazy.ts for elements whose whole body is one).
import { html, type ReactiveControllerHost } from 'lit';
import { t } from '../i18n/index.js';
import { resolveLocale } from '../i18n/page-locale.js';

/** A module loaded once, on first `get()`; the host renders again when it has come or failed. */
export class Lazy<T> {
  value?: T;
  /** Why the load failed (offline, the file gone): kept, as the page must be reloaded to fetch it again. */
  error?: Error;
  #loading?: Promise<T>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    return (this.#loading ??= this.load().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error : new Error(String(error));
        this.host.requestUpdate();
        throw this.error;
      },
    ));
  }
}

/** What an element shows while its part loads, or when it could not be loaded. */
export function lazyStatus(host: Element, lazy: Pick<Lazy<unknown>, 'error'>) {
  const locale = resolveLocale(host);
  return lazy.error ? html`<p role="alert">${t(locale, 'lazy.failed')}</p>` : html`<p role="status">${t(locale, 'lazy.loading')}</p>`;
}
