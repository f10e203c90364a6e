import { css } from 'lit';
import { visuallyHidden } from '../../controllers/announce.js';

export const styles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font-family: var(--ap-font-family, inherit);
      color: var(--ap-color-text, #0b0c0c);
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    h2,
    h3 {
      margin: 1.5rem 0 0.5rem;
    }
    .hint {
      color: var(--ap-color-secondary-text, #505a5f);
      margin: 0 0 0.75rem;
    }
    label {
      display: block;
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
    input[type='file'],
    select {
      min-height: 2.5rem;
      max-width: 100%;
      font: inherit;
    }
    select {
      border: 2px solid var(--ap-color-input-border, #0b0c0c);
      background: var(--ap-color-background, #fff);
      color: inherit;
    }
    .mapping {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem 1.5rem;
      margin: 0.75rem 0;
    }
    .table-wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    caption {
      text-align: start;
      font-weight: 700;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
      padding: 0.375rem 0.75rem 0.375rem 0;
      text-align: start;
      vertical-align: top;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin: 1rem 0;
    }
    button {
      min-height: 2.5rem;
      min-width: 24px;
      padding: 0.375rem 0.9rem;
      font: inherit;
      color: var(--ap-color-button-text, #fff);
      background: var(--ap-color-button, #00703c);
      border: 2px solid transparent;
      box-shadow: 0 2px 0 var(--ap-color-button-shadow, #002d18);
      cursor: pointer;
    }
    button.secondary {
      color: var(--ap-color-text, #0b0c0c);
      background: var(--ap-color-secondary-button, #f3f2f1);
      box-shadow: 0 2px 0 #929191;
    }
    button:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
    :focus-visible {
      outline: 3px solid var(--ap-color-focus, #fd0);
      outline-offset: 0;
      box-shadow: 0 0 0 5px var(--ap-color-focus-text, #0b0c0c);
    }
    progress {
      width: min(100%, 24rem);
      height: 1.25rem;
    }
    [part='errors'] {
      border: 5px solid var(--ap-color-red, #d4351c);
      padding: 1rem;
      margin: 1rem 0;
    }
    [part='errors'] h3 {
      margin-top: 0;
    }
    [part='errors'] ul {
      max-height: 20rem;
      overflow-y: auto;
      padding-left: 1.25rem;
    }
    [part='ready'] {
      border-left: 5px solid var(--ap-color-green, #00703c);
      padding: 0.5rem 1rem;
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `,
];
