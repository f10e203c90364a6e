// What the page-wide elements share: GOV.UK buttons and fields, plain tables, text for screen readers only.
import { css } from 'lit';
import { visuallyHidden } from '../../controllers/announce.js';
import { formStyles } from '../priority-board/form.styles.js';
import { tableStyles } from '../report/table.styles.js';

export const pageStyles = [
  visuallyHidden,
  formStyles,
  tableStyles,
  // The hidden attribute wins over the display the shared rules give a field or button.
  css`
    [hidden] {
      display: none !important;
    }
  `,
];
