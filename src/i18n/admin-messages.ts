// The en-GB messages of the parts loaded on first use (see en-GB-admin.ts), for `t`.
import { enGBAdmin } from './en-GB-admin.js';
import { addEnglish } from './index.js';

/**
 * Teaches `t` those messages. Each module that uses them calls this when it is evaluated: a call,
 * not an import for its side effect, which bundlers drop (package.json says sideEffects: false).
 */
export function useAdminMessages(): void {
  addEnglish(enGBAdmin);
}
