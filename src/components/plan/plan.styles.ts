import { css } from 'lit';
import { hostStyles } from '../action-card/rag.styles.js';

export const styles = [
  hostStyles,
  css`
    [part='message'] {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 5px solid var(--ap-color-red, #d4351c);
      background: var(--ap-color-message-background, #fff);
    }
    [part='message'][hidden] {
      display: none;
    }
  `,
];
