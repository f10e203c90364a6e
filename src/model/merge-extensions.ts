// Extension requests in a three-way merge: only sync's merge (a chunk fetched when a pull meets a
// pending edit) needs this.
import { approvalRevisionId, type Extendable } from './extensions.js';
import type { Decision } from './schemas.js';

/**
 * Merges the requests of my copy and the server's by id (CONTRACT.md "Merging"). The first decision
 * wins: the server's decision stands over mine, mine over none. When mine lost, what my approval
 * changed (the revised date and its revision) gives way to the server's.
 */
export function mergeExtensionRequests<T extends Extendable>(merged: T, mine: T, theirs: T): T {
  const ours = new Map(mine.extensionRequests.map((r) => [r.id, r]));
  const requests = theirs.extensionRequests.map((r) => (r.decision ? r : (ours.get(r.id) ?? r)));
  const known = new Set(requests.map((r) => r.id));
  requests.push(...mine.extensionRequests.filter((r) => !known.has(r.id)));
  const lost = mine.extensionRequests.filter((r) => r.decision && theirs.extensionRequests.some((t) => t.id === r.id && t.decision && !sameDecision(t.decision, r.decision!)));
  let result: T = { ...merged, extensionRequests: requests };
  for (const request of lost) {
    if (request.decision!.outcome !== 'approved') continue;
    const theirRevision = theirs.revisions.find((r) => r.id === approvalRevisionId(request.id));
    const revisions = result.revisions.filter((r) => r.id !== approvalRevisionId(request.id));
    result = { ...result, revisions: theirRevision ? [...revisions, theirRevision] : revisions, revisedTargetDate: theirs.revisedTargetDate };
  }
  return result;
}

// By what was decided, not by who and when: an endpoint may stamp those itself.
const sameDecision = (a: Decision, b: Decision) => a.outcome === b.outcome && a.reason === b.reason && a.reference === b.reference;
