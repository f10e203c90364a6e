import { css } from 'lit';
import { extensionStyles } from '../shared/extensions.styles.js';
import { pageStyles } from '../shared/page.styles.js';

// The shared GOV.UK styles, with 44 px controls and a tab row for this full-page element.
export const styles = [
  extensionStyles,
  pageStyles,
  css`
    :host {
      overflow-wrap: break-word;
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
    }
    [role='tab'] {
      padding: 0.5rem 0.75rem;
      border: 1px solid transparent;
      background: none;
      color: var(--ap-color-link, #1d70b8);
      text-decoration: underline;
    }
    [role='tab'][aria-selected='true'] {
      border-color: var(--ap-color-border, #b1b4b6);
      border-bottom-color: var(--ap-color-background, #fff);
      margin-bottom: -1px;
      background: var(--ap-color-background, #fff);
      color: inherit;
      text-decoration: none;
      font-weight: bold;
    }
    button,
    input,
    select,
    textarea {
      min-height: 44px;
      box-sizing: border-box;
    }
    input:not([type='checkbox'], [type='radio']),
    select,
    textarea {
      width: 30rem;
      padding: 0.25rem 0.5rem;
    }
    input[type='number'] {
      width: 6rem;
    }
    input[type='checkbox'],
    input[type='radio'] {
      min-height: 24px;
      margin: 0 0.5rem 0 0;
      flex: none;
    }
    [part='button'] {
      margin: 0.25rem 0.5rem 0.25rem 0;
      padding: 0.5rem 1rem;
      border: 2px solid transparent;
    }
    [part='button']:not(.secondary) {
      background: var(--ap-color-button, #00703c);
      color: #fff;
    }
    [part='button'].secondary {
      border-color: var(--ap-color-border, #b1b4b6);
    }
    [part='button'].danger {
      background: var(--ap-color-red, #d4351c);
    }
    .field {
      display: block;
      margin: 0 0 1rem;
    }
    label {
      display: block;
      font-weight: bold;
      margin-bottom: 0.25rem;
    }
    label.check {
      display: flex;
      align-items: center;
      font-weight: normal;
      min-height: 44px;
    }
    legend label.check {
      font-weight: bold;
    }
    .checks {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .preview,
    .due {
      padding-left: 1rem;
    }
    fieldset {
      margin: 0 0 1rem;
      border: 1px solid var(--ap-color-border, #b1b4b6);
    }
    fieldset.field {
      border: 0;
      padding: 0;
    }
    fieldset.field legend {
      font-weight: 700;
      padding: 0;
    }
    td.buttons {
      white-space: nowrap;
    }
    .hint,
    .error {
      margin: 0 0 0.25rem;
    }
    .error {
      color: var(--ap-color-red, #d4351c);
    }
    .error::before {
      content: '! ';
    }
    .flagged {
      border-left: 5px solid var(--ap-color-orange, #f47738);
      padding-left: 0.5rem;
    }
    .warning-box {
      border: 5px solid var(--ap-color-red, #d4351c);
      padding: 0.75rem;
    }
    .status:empty {
      display: none;
    }
    .status {
      border-left: 5px solid var(--ap-color-blue, #1d70b8);
      padding: 0.5rem 0.75rem;
    }
    table {
      margin-bottom: 1rem;
      font-size: inherit;
    }
    th,
    td {
      padding: 0.5rem;
    }
    .blank {
      height: 4rem;
    }
    /* People: a table where it fits, one block per person on a phone (no sideways scrolling). */
    .people {
      container-type: inline-size;
    }
    @container (max-width: 40rem) {
      .people :is(table, tbody, tr, th, td) {
        display: block;
      }
      .people thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .people tbody tr {
        border-top: 1px solid var(--ap-color-border, #b1b4b6);
        padding: 0.5rem 0;
      }
      .people :is(th, td) {
        padding: 0.125rem 0;
        border: 0;
      }
      .people td:empty {
        display: none;
      }
      .people td[data-label]::before {
        content: attr(data-label) ': ';
        font-weight: 700;
      }
      .people td.buttons {
        white-space: normal;
      }
    }
    @media print {
      [role='tablist'],
      .status,
      .no-print,
      #panel > :first-child:is(h2, h3, h4, h5, h6) {
        display: none;
      }
      .blank {
        width: 35%;
        border: 1px solid #000;
      }
    }
    @media (forced-colors: active) {
      [role='tab'][aria-selected='true'],
      [part='button'] {
        border-color: ButtonText;
      }
      .flagged,
      .status {
        border-left-color: CanvasText;
      }
    }
    .requests {
      list-style: none;
      padding: 0;
    }
    .requests > li {
      border-top: 1px solid var(--ap-color-border, #b1b4b6);
      padding-top: 0.5rem;
      margin-bottom: 1.5rem;
    }
  `,
];
