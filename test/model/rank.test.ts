import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RankOrderError, compareRank, rankBetween } from '../../src/model/index.js';
import { generatePlan } from '../../demo/data/generate.js';

describe('rankBetween', () => {
  it('gives a first rank, and ranks before, after and between existing ones', () => {
    const first = rankBetween();
    expect(rankBetween(undefined, first) < first).to.equal(true);
    expect(rankBetween(first) > first).to.equal(true);
    const mid = rankBetween('a0', 'a1');
    expect(mid > 'a0' && mid < 'a1').to.equal(true);
  });

  it('fits between the generator\'s keys ("a0", "az", "b00")', () => {
    const keys = generatePlan({ actions: 200, priorities: 1 }).actions.map((a) => a.rank).sort();
    for (let i = 1; i < keys.length; i++) {
      const rank = rankBetween(keys[i - 1], keys[i]);
      expect(rank > keys[i - 1]! && rank < keys[i]!, `${keys[i - 1]} < ${rank} < ${keys[i]}`).to.equal(true);
    }
  });

  it('always lands strictly between, for any order of inserts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (positions) => {
        const ranks: string[] = [];
        for (const p of positions) {
          const i = p % (ranks.length + 1);
          const rank = rankBetween(ranks[i - 1], ranks[i]);
          if ((ranks[i - 1] !== undefined && rank <= ranks[i - 1]!) || (ranks[i] !== undefined && rank >= ranks[i]!)) return false;
          ranks.splice(i, 0, rank);
        }
        return true;
      }),
    );
  });

  it('refuses ranks in the wrong order, or with no room between, with a named error', () => {
    expect(() => rankBetween('b', 'a')).to.throw(RankOrderError, 'must sort before');
    expect(() => rankBetween('a', 'a')).to.throw(RankOrderError);
    expect(() => rankBetween('a', 'a0')).to.throw(RankOrderError);
  });

  it('compareRank puts unranked records last, then orders by title and id', () => {
    const records = [
      { id: '3', title: 'B' },
      { id: '2', title: 'A', rank: 'a1' },
      { id: '1', title: 'Z', rank: 'a0' },
      { id: '4', title: 'A' },
    ];
    expect(records.sort(compareRank).map((r) => r.id)).to.deep.equal(['1', '2', '4', '3']);
  });
});
