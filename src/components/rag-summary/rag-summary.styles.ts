import { css } from 'lit';
import { visuallyHidden } from '../../controllers/announce.js';
import { ragStyles } from '../action-card/rag.styles.js';
import { formStyles } from '../priority-board/form.styles.js';

export const styles = [
  formStyles,
  visuallyHidden,
  ragStyles,
  css`
    .chart {
      margin: 0 0 0.75rem;
    }
    figcaption,
    caption {
      font-weight: 700;
      text-align: start;
      margin-bottom: 0.5rem;
    }
    .row {
      margin-bottom: 0.5rem;
    }
    .label {
      margin: 0 0 0.25rem;
    }
    svg {
      display: block;
      overflow: visible;
    }
    .segment {
      cursor: pointer;
    }
    .segment rect {
      fill: var(--ap-rag-background);
      stroke: var(--ap-color-background, #fff);
      stroke-width: 2;
    }
    .segment text {
      fill: var(--ap-rag-text);
      font-weight: 700;
      font-size: 0.875rem;
    }
    .narrow .rag-name {
      display: none;
    }
    .legend {
      display: none;
      margin: 0.25rem 0 0;
    }
    .has-narrow .legend {
      display: block;
    }
    .segment[aria-pressed='true'] rect {
      stroke: var(--ap-rag-text);
      stroke-width: 4;
    }
    .segment:focus {
      outline: none;
    }
    .segment:focus-visible rect {
      stroke: var(--ap-color-focus-text, #0b0c0c);
      stroke-width: 4;
      outline: 3px solid var(--ap-color-focus, #fd0);
    }
    .secondary {
      min-height: 2.25rem;
      padding: 0.375rem 0.75rem;
    }
    .table {
      max-width: 100%;
      overflow-x: auto;
      margin-top: 0.75rem;
    }
    table {
      border-collapse: collapse;
      /* Scrolls sideways on a phone rather than breaking words in the shared styles' way. */
      overflow-wrap: normal;
    }
    th,
    td {
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
      text-align: start;
    }
    td {
      text-align: end;
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
      border-top: 2px solid var(--ap-color-text, #0b0c0c);
    }
    @media (forced-colors: active) {
      .segment rect {
        fill: Canvas;
        stroke: CanvasText;
      }
      .segment text {
        fill: CanvasText;
      }
      .segment:focus-visible rect,
      .segment[aria-pressed='true'] rect {
        stroke: Highlight;
      }
    }
  `,
];
