// Styles only the card's edit form uses: they come with it (editor.ts), adopted by the card when Edit is
// first pressed. The fields, error summary and buttons it shares with the extension request form stay in
// action-card.styles.ts.
import { css } from 'lit';

export const editorStyles = css`
  .editor fieldset {
    border: 0;
    padding: 0;
    margin: 1rem 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.125rem;
  }
  input[type='number'] {
    max-width: 6rem;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    margin: 0 0.5rem 0 0;
  }
  .checkbox {
    display: flex;
    align-items: center;
    margin-bottom: 0.5rem;
  }
  .milestone-row {
    padding: 0.5rem 0 0.5rem 0.75rem;
    margin-bottom: 0.75rem;
    border-left: 4px solid var(--ap-color-border, #b1b4b6);
  }
`;
