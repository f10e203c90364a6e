// Opens the record a link names: a page opened with #action-{id} or #recommendation-{id} (the reminder emails' links).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const FRAGMENT = /^#(action|recommendation)-(.+)$/;

export class LinkedRecordController implements ReactiveController {
  /** The action to show in the plan's own dialog: no full card for it is on the page. */
  actionId?: string;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#follow);
    // After the first render: the widgets inside have upgraded by then.
    void this.host.updateComplete.then(this.#follow);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#follow);
  }

  #follow = (): void => {
    const match = FRAGMENT.exec(location.hash);
    if (!match) return;
    let id: string;
    try {
      id = decodeURIComponent(match[2]!);
    } catch {
      return;
    }
    if (match[1] === 'recommendation') {
      for (const tracker of this.host.querySelectorAll('ap-audit-tracker')) tracker.showRecommendation(id);
      return;
    }
    const card = [...this.host.querySelectorAll('ap-action-card')].find((c) => !c.compact && c.actionId === id);
    if (card) return card.scrollIntoView({ block: 'start' });
    this.actionId = id;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.linked');
      if (dialog && !dialog.open) dialog.showModal();
    });
  };

  /** The dialog with the linked action's full card, while one is open. */
  render(closeLabel: string, label: string) {
    if (!this.actionId) return nothing;
    // A modal is a page of its own to a screen reader: the card's title is its top heading.
    return html`<dialog class="linked" part="dialog" aria-label=${label} @close=${this.#close}>
      <form method="dialog"><button part="button" autofocus>${closeLabel}</button></form>
      <ap-action-card action-id=${this.actionId} heading-level="2"></ap-action-card>
    </dialog>`;
  }

  #close = (): void => {
    this.actionId = undefined;
    this.host.requestUpdate();
  };
}
