// Styles the card and the summary share: the host, and RAG colours as tokens with GOV.UK tag defaults (dark text on a light fill, WCAG AA).
import { css } from 'lit';

export const hostStyles = css`
  :host {
    display: block;
    font-family: var(--ap-font-family, inherit);
    color: var(--ap-color-text, #0b0c0c);
  }
  :host([hidden]) {
    display: none;
  }
`;

export const ragStyles = css`
  .rag-red {
    --ap-rag-background: var(--ap-rag-red-background, #f6d7d2);
    --ap-rag-text: var(--ap-rag-red-text, #942514);
  }
  .rag-amber {
    --ap-rag-background: var(--ap-rag-amber-background, #fcd6c3);
    --ap-rag-text: var(--ap-rag-amber-text, #6e3619);
  }
  .rag-green {
    --ap-rag-background: var(--ap-rag-green-background, #cce2d8);
    --ap-rag-text: var(--ap-rag-green-text, #005a30);
  }
  .rag-blue {
    --ap-rag-background: var(--ap-rag-blue-background, #d2e2f1);
    --ap-rag-text: var(--ap-rag-blue-text, #144e81);
  }
  .rag-grey,
  .rag-cancelled,
  .rag-carried-forward {
    --ap-rag-background: var(--ap-rag-grey-background, #eeefef);
    --ap-rag-text: var(--ap-rag-grey-text, #383f43);
  }
  .tag {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    font-weight: 700;
    color: var(--ap-rag-text, #383f43);
    background: var(--ap-rag-background, #eeefef);
    border: 1px solid transparent;
  }
  @media (forced-colors: active) {
    .tag {
      border-color: CanvasText;
    }
  }
`;
