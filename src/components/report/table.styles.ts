// Plain data tables that scroll sideways on a phone: the report, the import preview, the audit tracker, sync conflicts.
import { css } from 'lit';

export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    border-bottom: 1px solid var(--ap-color-border, #b1b4b6);
    padding: 0.375rem 0.75rem 0.375rem 0;
    text-align: start;
    vertical-align: top;
  }
`;
