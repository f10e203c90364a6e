// Shared by the adversarial suites: walking every shadow root, and the sample plan with its parts.
import { waitUntil } from '@open-wc/testing';

export const SAMPLE_PLAN = 'castle-point-rochford-2023-24';
export const SAMPLE_AUDIT = 'light-touch-2023';
export const sample = (await (await fetch('/demo/data/db.json')).json()) as Record<string, Record<string, unknown>[]>;
export const COLLECTIONS = ['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] as const;

/** Every element under `root`, through every open shadow root. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

/** The text a user sees, shadow roots included. */
export const deepText = (root: ParentNode) =>
  deepElements(root)
    .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent))
    .join(' ');

/** Generous: Firefox and WebKit commit IndexedDB writes more slowly than Chromium. */
export const until = (condition: () => unknown, message: string, timeout = 8000) => waitUntil(condition, message, { timeout });

/** Every element in the library, inside one plan: what a full intranet page shows. */
export const ALL_ELEMENTS = `
  <ap-sync-status></ap-sync-status>
  <ap-rag-summary group-by="lead"></ap-rag-summary>
  <ap-priority-board></ap-priority-board>
  <ap-action-card action-id="cpr-a-crucial-crew"></ap-action-card>
  <ap-audit-tracker audit-id="${SAMPLE_AUDIT}"></ap-audit-tracker>
  <ap-report></ap-report>
  <ap-import-export></ap-import-export>
  <ap-plan-admin></ap-plan-admin>`;
