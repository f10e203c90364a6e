// Extension requests as the card, the audit tracker and plan admin show them, and the request form's messages.
import { css } from 'lit';

export const extensionStyles = css`
  .extensions {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 1rem;
  }
  .extensions li {
    margin: 0 0 0.5rem;
    padding-left: 0.75rem;
    border-left: 4px solid var(--ap-color-border, #b1b4b6);
  }
  /* The words say the state; the rule only helps the eye. */
  .extensions li.waiting {
    border-left-color: var(--ap-color-amber, #f47738);
  }
  .extensions .meta {
    display: block;
    color: var(--ap-color-secondary-text, #505a5f);
  }
  .compact .extension {
    margin: 0.25rem 0 0;
  }
  .extension-request {
    margin: 0 0 1rem;
  }
  .extension-request :is(h2, h3, h4, h5, h6) {
    margin: 0 0 0.5rem;
  }
  .error-message,
  .error-summary a {
    color: var(--ap-color-error, #d4351c);
    font-weight: 700;
  }
  /* Each link alone on its line is a target of its own: at least 24 px tall (WCAG 2.5.8). */
  .error-summary a {
    display: inline-block;
    min-height: 24px;
  }
  .error-message {
    margin: 0;
  }
  .invalid input,
  .invalid textarea {
    border-color: var(--ap-color-error, #d4351c);
  }
`;
