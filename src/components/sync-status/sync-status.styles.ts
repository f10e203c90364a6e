import { css } from 'lit';
import { pageStyles } from '../shared/page.styles.js';

export const styles = [
  pageStyles,
  css`
    .status {
      margin: 0 0 0.5rem;
      padding-left: 0.5rem;
      border-left: 4px solid var(--ap-color-border, #b1b4b6);
    }
    .state-offline,
    .state-error,
    .state-signed-out {
      border-left-color: var(--ap-color-error, #d4351c);
    }
    @media (forced-colors: active) {
      .status {
        border-color: CanvasText;
      }
    }
  `,
];
