import { css } from 'lit';
import { formStyles } from '../priority-board/form.styles.js';

export const styles = [
  formStyles,
  css`
    h2 {
      margin: 0 0 0.25rem;
    }
    .meta {
      color: var(--ap-color-secondary-text, #505a5f);
    }
    .summary {
      margin: 0 0 1rem;
    }
    .headline {
      font-size: 1.25rem;
      font-weight: 700;
      margin: 0 0 0.25rem;
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
      overflow-x: auto;
      margin: 0 0 1rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      min-width: 60rem;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 0.5rem 1rem 0.5rem 0;
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
    }
    th,
    td {
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
      display: inline-block;
      padding: 0.125rem 0.5rem;
      margin: 0 0.25rem 0.25rem 0;
      color: var(--ap-tag-text, #383f43);
      background: var(--ap-tag-background, #eeefef);
      border: 1px solid transparent;
    }
    .rating-high,
    .overdue {
      --ap-tag-text: var(--ap-rag-red-text, #942514);
      --ap-tag-background: var(--ap-rag-red-background, #f6d7d2);
    }
    .rating-medium,
    .status-in-progress {
      --ap-tag-text: var(--ap-rag-amber-text, #6e3619);
      --ap-tag-background: var(--ap-rag-amber-background, #fcd6c3);
    }
    .rating-low,
    .status-open {
      --ap-tag-text: var(--ap-rag-blue-text, #144e81);
      --ap-tag-background: var(--ap-rag-blue-background, #d2e2f1);
    }
    .status-implemented,
    .status-verified {
      --ap-tag-text: var(--ap-rag-green-text, #005a30);
      --ap-tag-background: var(--ap-rag-green-background, #cce2d8);
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
    @media (forced-colors: active) {
      .tag {
        border-color: CanvasText;
      }
    }
  `,
];
