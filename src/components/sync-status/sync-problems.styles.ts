// The lists of changes that clash and changes the server refused: they come with sync-problems.ts.
import { css } from 'lit';

export const problemStyles = css`
  :is(h2, h3, h4, h5, h6) {
    font-size: 1.125rem;
    margin: 1rem 0 0.5rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    margin: 0 0 1rem;
    padding: 0.5rem;
    border: 1px solid var(--ap-color-border, #b1b4b6);
  }
  table {
    font-size: inherit;
  }
  th,
  td {
    padding: 0.25rem 0.5rem 0.25rem 0;
  }
  label {
    display: block;
    font-weight: 700;
    margin: 0.75rem 0 0.25rem;
  }
  .change {
    white-space: pre-wrap;
    font-family: inherit;
    margin: 0 0 0.5rem;
    padding: 0.25rem 0.5rem;
    border-left: 4px solid var(--ap-color-border, #b1b4b6);
  }
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 4rem;
  }
  @media (forced-colors: active) {
    li {
      border-color: CanvasText;
    }
  }
`;
