import { cy } from './cy.js';
import { addCatalogue } from './index.js';

/** Every catalogue at hand: for code that reads files written in any language (imports, update packs) or writes in each member's. */
export function useEveryLocale(): void {
  addCatalogue('cy', cy);
}
