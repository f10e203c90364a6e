import { css } from 'lit';
import { visuallyHidden } from '../../controllers/announce.js';

export const styles = [
  visuallyHidden,
  css`
  :host {
    display: block;
    font-family: var(--ap-font-family, inherit);
    color: var(--ap-color-text, #0b0c0c);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  [hidden] {
    display: none !important;
  }
  .status {
    margin: 0 0 0.5rem;
    padding-left: 0.5rem;
    border-left: 4px solid var(--ap-color-border, #b1b4b6);
  }
  .status:focus {
    outline: 3px solid var(--ap-color-focus, #fd0);
  }
  .offline,
  .error,
  .signed-out {
    border-left-color: var(--ap-color-error, #d4351c);
  }
  h2 {
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
  p {
    margin: 0 0 0.5rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0 0 0.5rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.25rem 0.5rem 0.25rem 0;
    border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    min-height: 2.25rem;
    min-width: 2.25rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    color: var(--ap-color-button-text, #fff);
    background: var(--ap-color-button, #00703c);
    border: 2px solid transparent;
    cursor: pointer;
  }
  button.secondary {
    color: var(--ap-color-text, #0b0c0c);
    background: var(--ap-color-secondary-button, #f3f2f1);
    border-color: var(--ap-color-border, #b1b4b6);
  }
  button:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--ap-color-focus, #fd0);
    outline-offset: 0;
  }
  label {
    display: block;
    font-weight: bold;
    margin: 0.5rem 0 0.25rem;
  }
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 4rem;
    font: inherit;
    border: 2px solid var(--ap-color-text, #0b0c0c);
  }
  @media (forced-colors: active) {
    .status,
    li,
    button {
      border-color: CanvasText;
    }
  }
`,
];
