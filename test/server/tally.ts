// Counts the attempts a permission test file makes, sorted by how an answer that is not the expected one errs.
export interface Tally {
  attempts: number;
  /** Should have been denied (or hidden) and was allowed (or shown): a hole. */
  deniedButAllowed: string[];
  /** Should have been allowed (or shown) and was denied (or hidden). */
  allowedButDenied: string[];
  /** Denied, as expected, but with another status (403 for 404, say). */
  otherwise: string[];
}

export function tally(): Tally & { count(label: string, expected: number | string, actual: number | string): void; wrong(): string[]; summary(): string } {
  const state: Tally = { attempts: 0, deniedButAllowed: [], allowedButDenied: [], otherwise: [] };
  const allows = (answer: number | string) => (typeof answer === 'number' ? answer < 300 : answer !== 'hidden');
  return Object.assign(state, {
    count(label: string, expected: number | string, actual: number | string) {
      state.attempts++;
      if (expected === actual) return;
      const line = `${label}: expected ${expected}, got ${actual}`;
      if (allows(actual) && !allows(expected)) state.deniedButAllowed.push(line);
      else if (!allows(actual) && allows(expected)) state.allowedButDenied.push(line);
      else state.otherwise.push(line);
    },
    wrong: () => [...state.deniedButAllowed, ...state.allowedButDenied, ...state.otherwise],
    summary: () =>
      `${state.attempts} attempts: ${state.deniedButAllowed.length} allowed that should be denied, ${state.allowedButDenied.length} denied that should be allowed, ${state.otherwise.length} denied with another status`,
  });
}
