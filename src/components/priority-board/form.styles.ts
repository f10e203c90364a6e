// Buttons, fields, dialogs and messages in GOV.UK style, shared by the board and the audit tracker.
import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
    font-family: var(--ap-font-family, inherit);
    color: var(--ap-color-text, #0b0c0c);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    min-height: 24px;
    min-width: 24px;
    cursor: pointer;
  }
  .primary,
  .secondary {
    padding: 0.4rem 0.75rem;
    border: 2px solid transparent;
    box-shadow: 0 2px 0 var(--ap-color-button-shadow, #002d18);
  }
  .primary {
    color: #fff;
    background: var(--ap-color-button, #00703c);
  }
  .secondary {
    color: var(--ap-color-text, #0b0c0c);
    background: var(--ap-color-secondary-button, #f3f2f1);
    box-shadow: 0 2px 0 #929191;
  }
  .link {
    padding: 0.125rem 0.25rem;
    border: 0;
    background: none;
    color: var(--ap-color-link, #1d70b8);
    text-decoration: underline;
    /* A link that wraps lines up with the text, not centred as button text is. */
    text-align: start;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--ap-color-focus, #fd0);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--ap-color-focus-text, #0b0c0c);
  }
  .field {
    display: flex;
    flex-direction: column;
    /* Lets a select of long priority titles shrink to a 320 px wide page (Firefox sizes it to its longest option). */
    min-width: 0;
    gap: 0.25rem;
    margin: 0 0 0.75rem;
  }
  .field.checkbox {
    flex-direction: row;
    align-items: center;
  }
  input,
  select,
  textarea {
    font: inherit;
    /* Text boxes and selects the same height, so a row of filters lines up. */
    box-sizing: border-box;
    min-height: 2.5rem;
    border: 2px solid var(--ap-color-input-border, #0b0c0c);
    max-width: 100%;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
  }
  .hint {
    color: var(--ap-color-secondary-text, #505a5f);
    margin: 0 0 0.5rem;
  }
  .error {
    color: var(--ap-color-error, #d4351c);
    font-weight: 700;
  }
  .error-summary {
    border: 5px solid var(--ap-color-error, #d4351c);
    padding: 0.75rem;
    margin: 0 0 1rem;
  }
  .error-summary h3 {
    margin: 0 0 0.5rem;
  }
  dialog {
    max-width: min(40rem, calc(100vw - 2rem));
    border: 2px solid var(--ap-color-text, #0b0c0c);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  @media (forced-colors: active) {
    .primary,
    .secondary {
      border-color: ButtonText;
    }
  }
`;
