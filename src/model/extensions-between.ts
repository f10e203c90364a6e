// Extension requests of a period, for the quarter's report (loaded on first use).
import type { IsoDate } from './dates.js';
import type { Extendable } from './extensions.js';

/** Requests made and decisions taken from `start` to `end` (ISO dates, both included), for the quarter's report. */
export function extensionsBetween(records: readonly Extendable[], start: IsoDate, end: IsoDate) {
  const within = (at: string) => at.slice(0, 10) >= start && at.slice(0, 10) <= end;
  const rows = records.flatMap((record) => (record.deleted ? [] : record.extensionRequests.map((request) => ({ record, request }))));
  return {
    requested: rows.filter(({ request }) => within(request.at)),
    decided: rows.filter(({ request }) => request.decision && within(request.decision.at)),
  };
}
