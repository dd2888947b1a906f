/**
 * Helpfulness votes for one UTC day, cast by visitors on articles they viewed that day:
 * one per visitor, article and day (the votes table's unique index), helpful at the
 * article's own rate, reasons only on not-helpful votes (bad articles mostly "outdated"
 * and "unclear"), and a few plain-text comments.
 */
import type { Insertable } from 'kysely';
import type { VotesTable } from '../db/schema.ts';
import type { VoteReason } from '../../core/contracts/vote-values.ts';
import { VOTE_COMMENTS, type ArticlePool, type DemoArticle } from './articles.ts';
import { isoOf, utcDayOf } from './clock.ts';
import type { Random } from './random.ts';
import type { ArticleView } from './traffic.ts';

export type VoteInsert = Insertable<VotesTable>;

const BAD_ARTICLE_REASONS: Record<VoteReason, number> = {
  outdated: 45,
  unclear: 30,
  incomplete: 10,
  wrong: 5,
  'didnt-solve': 10,
  other: 0,
};
const GOOD_ARTICLE_REASONS: Record<VoteReason, number> = {
  outdated: 5,
  unclear: 15,
  incomplete: 20,
  wrong: 5,
  'didnt-solve': 40,
  other: 15,
};

/**
 * Exactly `quota` votes from the day's article views (each view at most once per visitor
 * and article). When the day had fewer views than votes wanted (a large requested volume),
 * the rest come from visitors who voted without a recorded view, at random times of the day.
 */
export function dayVotes(
  rng: Random,
  views: ArticleView[],
  quota: number,
  pools: ArticlePool[],
  dayStart: number,
  dayEnd: number,
): VoteInsert[] {
  const votes: VoteInsert[] = [];
  const seen = new Set<string>();
  const order = rng.shuffle(views);
  for (const v of order) {
    if (votes.length >= quota) break;
    const key = `${v.visitor}\u0000${v.article.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Readers vote a minute or two after opening the page, within the same UTC day.
    votes.push(vote(rng, v.article, v.visitor, Math.min(dayEnd - 1, v.at + rng.int(20_000, 150_000))));
  }
  while (votes.length < quota && pools.length) {
    const pool = rng.pick(pools);
    votes.push(vote(rng, pool.articles[pool.sampler.draw(rng)]!, rng.hex(32), dayStart + Math.floor(rng.next() * (dayEnd - dayStart))));
  }
  return votes;
}

function vote(rng: Random, article: DemoArticle, visitor: string, at: number): VoteInsert {
  const helpful = rng.chance(article.helpfulRate);
  let reason: VoteReason | null = null;
  let comment: string | null = null;
  if (!helpful) {
    if (rng.chance(0.85)) reason = rng.weighted(article.bad ? BAD_ARTICLE_REASONS : GOOD_ARTICLE_REASONS);
    if (rng.chance(0.12)) comment = rng.pick(VOTE_COMMENTS[article.lang].notHelpful);
  } else if (rng.chance(0.03)) comment = rng.pick(VOTE_COMMENTS[article.lang].helpful);
  const iso = isoOf(at);
  return {
    article: article.id,
    visitor,
    day: utcDayOf(at),
    helpful: helpful ? 1 : 0,
    reason,
    comment,
    lang: article.lang,
    created_at: iso,
    updated_at: iso,
  };
}
