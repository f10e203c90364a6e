// Form controls the widgets' filters and their dialogs share.
import { html, nothing } from 'lit';

/** A labelled control. */
export const field = (id: string, label: string, control: unknown) => html`<div class="field"><label for=${id}>${label}</label>${control}</div>`;

/** A select's options from `[value, label]` pairs, after a blank choice if `blank` is given. */
export const options = (choices: string[][], current?: string, blank?: string) =>
  html`${blank === undefined ? nothing : html`<option value="" ?selected=${!current}>${blank}</option>`}
  ${choices.map(([value, label]) => html`<option value=${value} ?selected=${value === current}>${label}</option>`)}`;
