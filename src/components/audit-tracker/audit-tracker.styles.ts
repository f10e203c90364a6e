import { css } from 'lit';
import { extensionStyles } from '../shared/extensions.styles.js';
import { ragStyles } from '../action-card/rag.styles.js';
import { pageStyles } from '../shared/page.styles.js';

export const styles = [
  extensionStyles,
  pageStyles,
  ragStyles,
  css`
    .meta {
      color: var(--ap-color-secondary-text, #505a5f);
    }
    .summary {
      margin: 0 0 1rem;
    }
    :is(h2, h3, h4, h5, h6),
    .headline {
      margin: 0 0 0.25rem;
    }
    .headline {
      font-size: 1.25rem;
      font-weight: 700;
    }
    .summary ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0 1rem;
    }
    .table-wrap {
      position: relative;
      margin: 0 0 1rem;
    }
    table {
      min-width: 60rem;
      font-size: inherit;
    }
    th,
    td {
      padding: 0.5rem 1rem 0.5rem 0;
      overflow-wrap: normal;
    }
    td ul {
      margin: 0;
      padding-left: 1rem;
    }
    td ul.plain {
      list-style: none;
      padding: 0;
    }
    td .link {
      text-align: left;
    }
    .date,
    .tag {
      white-space: nowrap;
    }
    .sort {
      font-weight: 700;
      border: 0;
      background: none;
      padding: 0;
      color: var(--ap-color-link, #1d70b8);
      text-align: left;
    }
    .tag {
      margin: 0 0.25rem 0.25rem 0;
    }
    fieldset {
      margin: 0 0 1rem;
      border: 1px solid var(--ap-color-border, #b1b4b6);
    }
    .checkboxes {
      max-height: 12rem;
      overflow-y: auto;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
    }
  `,
];
