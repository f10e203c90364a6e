import { css } from 'lit';
import { ragStyles } from '../action-card/rag.styles.js';
import { pageStyles } from '../shared/page.styles.js';

export const styles = [
  pageStyles,
  ragStyles,
  css`
    /* By place, not tag: the levels follow heading-level. */
    header > :is(h2, h3, h4, h5, h6) {
      margin: 0 0 0.25rem;
    }
    section > :first-child:is(h2, h3, h4, h5, h6) {
      margin: 2rem 0 0.5rem;
      padding-top: 0.5rem;
      border-top: 2px solid var(--ap-color-border, #b1b4b6);
    }
    section > :not(:first-child):is(h3, h4, h5, h6) {
      margin: 1.25rem 0 0.25rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    .total th,
    .total td {
      font-weight: 700;
    }
    .tag {
      white-space: nowrap;
    }
    .primary {
      min-height: 2.5rem;
      margin-bottom: 0.75rem;
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
      :is(h3, h4, h5, h6) {
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
