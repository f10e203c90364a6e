// Asking for a later target date: which records take a request, and the checks a request must pass.
// Apart from extensions.ts (what the widgets show of requests), as in the browser only the request form
// needs it: a chunk loaded when "Request a new target date" is first pressed, in the drop-in.
import { isIsoDate, type IsoDate } from './dates.js';
import { isAction, openRequest, type Extendable, type ExtensionProblem, type ExtensionResult } from './extensions.js';
import { effectiveTarget } from './rag.js';
import type { ExtensionRequest } from './schemas.js';

/** Why no request can be made on the record: complete, cancelled, carried forward, or a closed recommendation status. */
export function closedState(record: Extendable): string | undefined {
  if (record.deleted) return 'deleted';
  if (isAction(record)) return record.carriedForwardTo ? 'carried-forward' : record.status === 'complete' || record.status === 'cancelled' ? record.status : undefined;
  return record.status === 'open' || record.status === 'in-progress' ? undefined : record.status;
}

export interface RequestInput {
  id: string;
  requestedDate: string;
  reason: string;
  by: string;
  at: string;
}

/** The record with a new request, or every problem with it: bad date, no reason, closed record, one already open. */
export function requestExtension<T extends Extendable>(record: T, input: RequestInput, today: IsoDate): ExtensionResult<T> {
  const problems: ExtensionProblem[] = [];
  const state = closedState(record);
  if (state) problems.push({ code: 'record-closed', params: { state } });
  const open = openRequest(record);
  if (open) problems.push({ code: 'request-open', params: { date: open.requestedDate } });
  const target = effectiveTarget(record);
  const date = input.requestedDate.trim();
  if (!isIsoDate(date)) problems.push({ code: 'date-invalid', field: 'requestedDate' });
  else if (date < today) problems.push({ code: 'date-past', field: 'requestedDate', params: { date: today } });
  else if (target && date <= target) problems.push({ code: 'date-not-later', field: 'requestedDate', params: { date: target } });
  if (!input.reason.trim()) problems.push({ code: 'reason-required', field: 'reason' });
  if (problems.length > 0) return { ok: false, problems };
  const request: ExtensionRequest = { id: input.id, requestedDate: date, reason: input.reason.trim(), by: input.by, at: input.at };
  return { ok: true, record: { ...record, extensionRequests: [...record.extensionRequests, request] } };
}
