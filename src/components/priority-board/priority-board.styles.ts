import { css } from 'lit';
import { ragStyles } from '../action-card/rag.styles.js';
import { formStyles } from './form.styles.js';

// The styles of long columns and of the card on the move come with their code (column-window.ts, board-moves.ts).
export const styles = [
  formStyles,
  ragStyles,
  css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0 1rem;
    }
    #filter-search {
      width: 14rem;
    }
    .active-filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.75rem;
    }
    .chip {
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--ap-color-border, #b1b4b6);
      background: var(--ap-color-chip, #f3f2f1);
    }
    .summary {
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    .columns {
      /* Contains the visually hidden text, which would otherwise widen the page past the scroller. */
      position: relative;
      display: flex;
      gap: 1rem;
      overflow-x: auto;
      align-items: flex-start;
      padding: 0.25rem;
    }
    .column {
      flex: 0 0 var(--ap-board-column-width, 18rem);
      max-width: calc(100vw - 2rem);
      background: var(--ap-color-column, #f3f2f1);
      padding: 0.5rem;
    }
    header :is(h2, h3, h4, h5, h6) {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }
    header p {
      margin: 0 0 0.25rem;
    }
    .lead {
      color: var(--ap-color-secondary-text, #505a5f);
    }
    .rag-breakdown {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      list-style: none;
      padding: 0;
      margin: 0 0 0.5rem;
    }
    .rag-breakdown .tag {
      font-size: 0.875rem;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin-bottom: 0.5rem;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .card {
      display: block;
      width: 100%;
      box-sizing: border-box;
      padding: 0 0 0.5rem;
      touch-action: pan-y;
    }
    .card:focus-visible {
      outline-offset: -3px;
    }
    .move-menu {
      list-style: none;
      margin: 0;
      padding: 0.25rem;
      border: 1px solid var(--ap-color-border, #b1b4b6);
      background: var(--ap-color-background, #fff);
    }
    .move-menu[hidden] {
      display: none;
    }
    .empty {
      color: var(--ap-color-secondary-text, #505a5f);
    }
    .add {
      margin-top: 0.5rem;
    }
  `,
];
