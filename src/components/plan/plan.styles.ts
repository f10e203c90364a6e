import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--ap-font-family, inherit);
    color: var(--ap-color-text, #0b0c0c);
  }
  :host([hidden]) {
    display: none;
  }
  [part='message'] {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-left: 5px solid var(--ap-color-red, #d4351c);
    background: var(--ap-color-message-background, #fff);
  }
  [part='message'][hidden] {
    display: none;
  }
`;
