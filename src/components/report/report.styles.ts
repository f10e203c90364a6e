import { css } from 'lit';
import { visuallyHidden } from '../../controllers/announce.js';
import { ragStyles } from '../action-card/rag.styles.js';

export const styles = [
  visuallyHidden,
  ragStyles,
  css`
    :host {
      display: block;
      font-family: var(--ap-font-family, inherit);
      color: var(--ap-color-text, #0b0c0c);
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      margin: 0 0 0.25rem;
    }
    h3 {
      margin: 2rem 0 0.5rem;
      padding-top: 0.5rem;
      border-top: 2px solid var(--ap-color-border, #b1b4b6);
    }
    h4 {
      margin: 1.25rem 0 0.25rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    .hint {
      color: var(--ap-color-secondary-text, #505a5f);
    }
    .table-wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9375rem;
    }
    th,
    td {
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
      padding: 0.375rem 0.75rem 0.375rem 0;
      text-align: start;
      vertical-align: top;
    }
    .total th,
    .total td {
      font-weight: 700;
    }
    .tag {
      white-space: nowrap;
    }
    button {
      min-height: 2.5rem;
      padding: 0.375rem 0.9rem;
      margin-bottom: 0.75rem;
      font: inherit;
      color: var(--ap-color-button-text, #fff);
      background: var(--ap-color-button, #00703c);
      border: 2px solid transparent;
      box-shadow: 0 2px 0 var(--ap-color-button-shadow, #002d18);
      cursor: pointer;
    }
    :focus-visible {
      outline: 3px solid var(--ap-color-focus, #fd0);
      box-shadow: 0 0 0 5px var(--ap-color-focus-text, #0b0c0c);
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
    /* A4 on paper: black on white, no buttons, tables whole where they fit, tags keep their fill. */
    @media print {
      :host {
        font-size: 10.5pt;
        color: #000;
      }
      button,
      .hint {
        display: none;
      }
      .table-wrap {
        overflow: visible;
      }
      h3,
      h4 {
        break-after: avoid;
      }
      tr,
      li {
        break-inside: avoid;
      }
      thead {
        display: table-header-group;
      }
      table {
        font-size: 9pt;
      }
      .minutes {
        break-before: page;
      }
      .minutes td:first-child {
        width: 22%;
      }
      .minutes td:last-child {
        width: 36%;
      }
      .tag {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
        border: 1px solid #000;
      }
    }
  `,
];
