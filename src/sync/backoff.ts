// Retry delays: exponential with jitter, so many browsers coming back online do not all retry at once.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

/** Delay before retry number `attempt` (0 first): between half and all of base x 2^attempt, capped. */
export function backoffDelay(attempt: number, { baseMs, maxMs, random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), if it says. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
