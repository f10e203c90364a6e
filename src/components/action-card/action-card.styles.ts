import { css } from 'lit';
import { extensionStyles } from '../shared/extensions.styles.js';
import { visuallyHidden } from '../../controllers/announce.js';
import { hostStyles, ragStyles } from './rag.styles.js';

export const styles = [
  extensionStyles,
  hostStyles,
  visuallyHidden,
  ragStyles,
  css`
    :host {
      overflow-wrap: anywhere;
    }
    .card {
      padding: 0.75rem;
      border: 1px solid var(--ap-color-border, #b1b4b6);
      background: var(--ap-color-background, #fff);
    }
    .compact {
      cursor: pointer;
    }
    .title {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .caption,
    .meta,
    .hint {
      color: var(--ap-color-secondary-text, #505a5f);
      margin: 0 0 0.25rem;
    }
    .tags,
    .reasons,
    dl {
      margin: 0 0 0.5rem;
    }
    .conflict {
      --ap-rag-background: var(--ap-color-conflict-background, #fff7bf);
      --ap-rag-text: var(--ap-color-conflict-text, #594d00);
    }
    dl > div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
    }
    dt {
      font-weight: 700;
      min-width: 8rem;
    }
    dd {
      margin: 0;
      flex: 1 1 10rem;
    }
    .progress {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
    }
    meter {
      width: 6rem;
      height: 1rem;
    }
    :is(h3, h4, h5, h6):not(.title) {
      margin: 0.75rem 0 0.25rem;
      font-size: 1rem;
    }
    .timeline svg {
      display: block;
      overflow: visible;
    }
    .span {
      fill: var(--ap-color-timeline, #b1b4b6);
    }
    .milestone {
      stroke: var(--ap-color-text, #0b0c0c);
      stroke-width: 2;
      fill: var(--ap-color-background, #fff);
    }
    .milestone.done {
      fill: var(--ap-color-text, #0b0c0c);
    }
    .milestone.overdue {
      stroke: var(--ap-color-error, #d4351c);
    }
    .today {
      stroke: var(--ap-color-today, #1d70b8);
      stroke-width: 3;
    }
    .milestones {
      list-style: none;
      padding: 0;
      margin: 0.25rem 0;
    }
    .marker {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      margin-right: 0.375rem;
      border: 2px solid currentColor;
      border-radius: 50%;
      vertical-align: -0.1rem;
    }
    .done .marker {
      background: currentColor;
    }
    .overdue,
    .error-message,
    .error-summary a {
      color: var(--ap-color-error, #d4351c);
      font-weight: 700;
    }
    .overdue .marker {
      border-radius: 0;
      transform: rotate(45deg);
    }
    details {
      margin: 0.5rem 0;
    }
    summary,
    .link {
      color: var(--ap-color-link, #1d70b8);
      text-decoration: underline;
      cursor: pointer;
      min-height: 24px;
    }
    .link {
      background: none;
      border: 0;
      padding: 0;
      font: inherit;
      font-weight: 700;
      text-align: start;
    }
    .log {
      padding-left: 1.25rem;
    }
    button {
      min-height: 2.25rem;
      min-width: 24px;
      padding: 0.375rem 0.75rem;
      font: inherit;
      color: #fff;
      background: var(--ap-color-button, #00703c);
      border: 2px solid transparent;
      box-shadow: 0 2px 0 #002d18;
      cursor: pointer;
    }
    button.secondary {
      color: var(--ap-color-text, #0b0c0c);
      background: var(--ap-color-secondary-button, #f3f2f1);
      box-shadow: 0 2px 0 #929191;
    }
    button.link {
      box-shadow: none;
    }
    :focus-visible {
      outline: 3px solid var(--ap-color-focus, #fd0);
      outline-offset: 0;
      box-shadow: 0 0 0 5px var(--ap-color-focus-text, #0b0c0c);
    }
    .field {
      margin: 0 0 1rem;
    }
    .field label {
      display: block;
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
    input:not([type='checkbox']),
    select,
    textarea {
      box-sizing: border-box;
      width: 100%;
      max-width: 30rem;
      min-height: 2.5rem;
      padding: 0.375rem;
      font: inherit;
      border: 2px solid var(--ap-color-text, #0b0c0c);
    }
    .invalid {
      padding-left: 0.75rem;
      border-left: 5px solid var(--ap-color-error, #d4351c);
    }
    .invalid input,
    input[aria-invalid='true'] {
      border-color: var(--ap-color-error, #d4351c);
    }
    .error-message {
      margin: 0 0 0.25rem;
    }
    .error-summary {
      padding: 0.75rem;
      margin-bottom: 1rem;
      border: 5px solid var(--ap-color-error, #d4351c);
    }
    .error-summary :is(h3, h4, h5, h6) {
      margin-top: 0;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    dialog {
      width: min(40rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      padding: 1rem;
      box-sizing: border-box;
    }
    dialog form {
      text-align: end;
      margin-bottom: 0.5rem;
    }
    @media (forced-colors: active) {
      .span,
      .milestone.done {
        fill: CanvasText;
      }
      .today,
      .milestone {
        stroke: CanvasText;
      }
      meter {
        forced-color-adjust: auto;
      }
    }
  `,
];
