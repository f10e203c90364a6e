// The modal form both the board and the audit tracker use: heading, GOV.UK error summary, fields, Save and Cancel.
import { html, nothing, type TemplateResult } from 'lit';

export interface FormDialog {
  heading: string;
  /** Problems with the last submit, each a sentence; shown in the error summary. */
  issues: readonly string[];
  fields: TemplateResult;
  labels: { problem: string; submit: string; cancel: string };
  onSubmit: (event: SubmitEvent) => void;
  onClose: () => void;
}

export function formDialog({ heading, issues, fields, labels, onSubmit, onClose }: FormDialog) {
  return html`<dialog part="dialog" aria-labelledby="dialog-heading" @close=${onClose}>
    <form method="dialog" novalidate @submit=${onSubmit}>
      <h2 id="dialog-heading">${heading}</h2>
      ${issues.length
        ? html`<div class="error-summary" role="alert" tabindex="-1">
            <h3>${labels.problem}</h3>
            <ul>
              ${issues.map((issue) => html`<li>${issue}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${fields}
      <div class="buttons">
        <button part="button" type="submit" class="primary">${labels.submit}</button>
        <button part="button" type="button" class="secondary" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>${labels.cancel}</button>
      </div>
    </form>
  </dialog>`;
}
