// The form of the modal dialogs the board and the audit tracker load on first use (see LazyDialog):
// heading, GOV.UK error summary, fields, Save and Cancel; and the controls the board's dialogs put in it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Priority } from '../../model/index.js';
import { field } from '../shared/fields.js';

export interface FormDialog {
  heading: string;
  /** Problems with the last submit, each a sentence; shown in the error summary. */
  issues: readonly string[];
  fields: TemplateResult;
  labels: { problem: string; submit: string; cancel: string };
  onSubmit: (event: SubmitEvent) => void;
}

/** The form inside the dialog (the dialog names itself by its heading). */
export function formDialog({ heading, issues, fields, labels, onSubmit }: FormDialog) {
  return html`<form method="dialog" novalidate @submit=${onSubmit}>
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
  </form>`;
}

/** A dialog's input named `name`, with id `d-{name}`. */
export const dialogInput = (name: string, label: string, value: string, required = false, type = 'text') =>
  field(`d-${name}`, label, html`<input id="d-${name}" name=${name} type=${type} .value=${value} ?required=${required} aria-required=${required ? 'true' : 'false'} />`);

/** A dialog's required choice of one of `priorities`, with id `d-{name}`. */
export const prioritySelect = (name: string, label: string, priorities: readonly Priority[], selected?: string) =>
  field(
    `d-${name}`,
    label,
    html`<select id="d-${name}" name=${name} required>
      ${priorities.map((p) => html`<option value=${p.id} ?selected=${p.id === selected}>${p.title}</option>`)}
    </select>`,
  );

/** A form's text, trimmed; undefined when blank. */
export const optionalText = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
