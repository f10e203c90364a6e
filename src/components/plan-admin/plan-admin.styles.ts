import { css } from 'lit';
import { visuallyHidden } from '../../controllers/announce.js';

export const styles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font-family: var(--ap-font-family, inherit);
      color: var(--ap-color-text, #0b0c0c);
      overflow-wrap: break-word;
    }
    :host([hidden]) {
      display: none;
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
    }
    [role='tab'] {
      min-height: 44px;
      padding: 0.5rem 0.75rem;
      border: 1px solid transparent;
      background: none;
      color: var(--ap-color-link, #1d70b8);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
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
      font: inherit;
      min-height: 44px;
      box-sizing: border-box;
    }
    input:not([type='checkbox']),
    select,
    textarea {
      max-width: 100%;
      width: 30rem;
      padding: 0.25rem 0.5rem;
      border: 2px solid var(--ap-color-text, #0b0c0c);
    }
    input[type='number'] {
      width: 6rem;
    }
    input[type='checkbox'] {
      width: 24px;
      height: 24px;
      min-height: 24px;
      margin: 0 0.5rem 0 0;
      flex: none;
    }
    [part='button'] {
      margin: 0.25rem 0.5rem 0.25rem 0;
      padding: 0.5rem 1rem;
      border: 2px solid transparent;
      background: var(--ap-color-button, #00703c);
      color: #fff;
      cursor: pointer;
    }
    [part='button'].secondary {
      background: var(--ap-color-secondary-button, #f3f2f1);
      color: var(--ap-color-text, #0b0c0c);
      border-color: var(--ap-color-border, #b1b4b6);
    }
    [part='button'].danger {
      background: var(--ap-color-red, #d4351c);
    }
    [part='button']:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
    :focus-visible {
      outline: 3px solid var(--ap-color-focus, #ffdd00);
      outline-offset: 0;
      box-shadow: 0 0 0 5px var(--ap-color-text, #0b0c0c);
    }
    .field {
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
    .hint {
      color: var(--ap-color-secondary-text, #505a5f);
      margin: 0 0 0.25rem;
    }
    .error {
      color: var(--ap-color-red, #d4351c);
      font-weight: bold;
      margin: 0 0 0.25rem;
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
      border-collapse: collapse;
      width: 100%;
      margin-bottom: 1rem;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 0.5rem;
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
    }
    .scroll {
      overflow-x: auto;
    }
    .blank {
      height: 4rem;
    }
    @media print {
      [role='tablist'],
      .status,
      .no-print,
      h2 {
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
  `,
];
