// The order of ranked records (a board column's cards): kept apart from making ranks (rank.ts), which
// only moves and additions need, so a page that only shows ranked records goes without that.

/** Orders records by rank (unranked last), then title, then id, so every browser agrees. */
export function compareRank(a: { rank?: string; title: string; id: string }, b: { rank?: string; title: string; id: string }): number {
  if (a.rank !== b.rank) {
    if (a.rank === undefined) return 1;
    if (b.rank === undefined) return -1;
    return a.rank < b.rank ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
