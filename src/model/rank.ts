// Fractional-index ranks: order within a board column as plain strings, so a move rewrites one action.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Two ranks given in the wrong order, or with no room between them. */
export class RankOrderError extends RangeError {
  override name = 'RankOrderError';
  constructor(before: string, after: string) {
    super(`There is no rank between "${before.slice(0, 40)}" and "${after.slice(0, 40)}": the first must sort before the second.`);
  }
}

// A base-62 string strictly between `a` and `b` (b undefined: after everything), read as fractions.
function midpoint(a: string, b: string | undefined): string {
  if (b !== undefined) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const low = a ? DIGITS.indexOf(a[0]!) : 0;
  const high = b !== undefined ? DIGITS.indexOf(b[0]!) : DIGITS.length;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  // Adjacent digits: keep a's digit and go one place further.
  return DIGITS[low]! + midpoint(a.slice(1), undefined);
}

/**
 * A rank that sorts (as a plain string) after `before` and before `after`; either may be absent
 * (start or end of the column). Compatible with the base-62 keys of demo/data/generate.ts ("a0").
 */
export function rankBetween(before?: string, after?: string): string {
  const low = before ?? '';
  if (after !== undefined && (low >= after || /^0*$/.test(after.slice(commonPrefix(low, after))))) {
    throw new RankOrderError(low, after);
  }
  return midpoint(low, after);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}
