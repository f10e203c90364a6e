import { css } from 'lit';
import { pageStyles } from '../shared/page.styles.js';

export const styles = [
  pageStyles,
  css`
    :is(h2, h3, h4, h5, h6) {
      margin: 1.5rem 0 0.5rem;
    }
    label {
      display: block;
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
    .primary,
    .secondary {
      min-height: 2.5rem;
    }
    input[type='file'] {
      min-height: 2.5rem;
      border: 0;
    }
    .mapping {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem 1.5rem;
      margin: 0.75rem 0;
    }
    .mapping select {
      width: 100%;
      min-height: 2.5rem;
    }
    progress {
      width: min(100%, 24rem);
      height: 1.25rem;
    }
    [part='errors'] ul {
      max-height: 20rem;
      overflow-y: auto;
      padding-left: 1.25rem;
    }
    .checkbox {
      margin: 0.75rem 0;
    }
    .checkbox input {
      width: 1.5rem;
      height: 1.5rem;
      vertical-align: middle;
    }
    .checkbox label {
      display: inline;
      margin-left: 0.5rem;
    }
    .notice {
      border-left: 5px solid var(--ap-color-amber, #f47738);
      padding: 0.5rem 1rem;
    }
    [part='ready'] {
      border-left: 5px solid var(--ap-color-green, #00703c);
      padding: 0.5rem 1rem;
    }
  `,
];
