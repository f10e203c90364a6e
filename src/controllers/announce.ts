// A polite live region in the host's shadow root: render `${announcer.region()}`, then call announce(text).
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Hides content visually but keeps it for screen readers (GOV.UK `govuk-visually-hidden`). */
export const visuallyHidden = css`
  .ap-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

export class AnnounceController implements ReactiveController {
  #text = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Tells screen-reader users `text`; the same text twice is read twice. */
  announce(text: string): void {
    clearTimeout(this.#timer);
    this.#text = '';
    this.host.requestUpdate();
    // Screen readers read a region when its text changes, so empty it first and fill it a moment later.
    this.#timer = setTimeout(() => {
      this.#text = text;
      this.host.requestUpdate();
    }, 50);
  }

  /** The region; include it once in the host's template (the host adds `visuallyHidden` to its styles). */
  region() {
    return html`<div class="ap-visually-hidden" role="status">${this.#text}</div>`;
  }
}
