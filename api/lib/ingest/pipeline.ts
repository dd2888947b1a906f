/**
 * Every public write (a vote, a batch of events, the contact page's contact_submitted)
 * runs through named steps, as Plausible runs its events:
 * `privacySignal → bot → visitor → rateLimit → knownArticle → write`.
 * A step may drop the whole submission with a reason of DROP_REASONS, or (knownArticle)
 * some of its items; every drop is counted in drop_counts by reason and UTC day, which
 * GET /api/admin/drops reports. A dropped submission is still answered 2xx (except a rate
 * limit, 429), so a bot or a visitor with Do Not Track learns nothing from the status.
 */
import type { Context } from 'hono';
import type { DropReason } from '../../db/queries/drops.ts';
import { ApiError } from '../http/errors.ts';
import type { VisitorIdentifier } from './identify.ts';
import type { WriteLimiter } from './rate-limit.ts';
import { utcDay } from './visitor.ts';

/** One request's items on their way through the steps. */
export interface Submission<T> {
  readonly c: Context;
  /** When the request arrived (the app's clock). */
  readonly at: Date;
  /** The UTC day of `at`: salts and drop counts are per UTC day. */
  readonly day: string;
  /** The items still to be written: one vote, or the events of a batch. */
  items: T[];
  /** The visitor id, set by the visitor step. */
  visitor: string;
  /** Items steps took out of the submission so far, by reason (counted after the write). */
  readonly dropped: Partial<Record<DropReason, number>>;
}

/** A step's decision to drop the rest of the submission. */
export interface Halt {
  drop: DropReason;
  /** Seconds until the visitor may send again (rateLimit's drops). */
  retryAfter?: number;
}

/** One named step: `run` returns a Halt to drop what is left, nothing to go on. */
export interface IngestStep<T> {
  /** What the step is called in the pipeline's list (and in logs and tests). */
  readonly name: string;
  run(submission: Submission<T>): Halt | void | Promise<Halt | void>;
}

/** What became of a submission. */
export type IngestOutcome<R> =
  | { recorded: false; reason: DropReason; dropped: number; retryAfter: number | undefined }
  | { recorded: true; result: R; accepted: number; dropped: number };

export interface IngestPipeline<T, R> {
  /** The steps' names in order, the last being `write`. */
  readonly steps: readonly string[];
  run(c: Context, at: Date, items: T[]): Promise<IngestOutcome<R>>;
}

/** Counts drops of one UTC day by reason (AppContext.writers.drops). */
export type DropCounter = (day: string, counts: Partial<Record<DropReason, number>>) => Promise<void>;

const sum = (counts: Partial<Record<DropReason, number>>) => Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);

/** Runs `steps` in order, then `write` with what is left; counts every drop with `countDrops`. */
export function ingestPipeline<T, R>(options: {
  steps: Array<IngestStep<T>>;
  write: (submission: Submission<T>) => Promise<R>;
  countDrops: DropCounter;
}): IngestPipeline<T, R> {
  const { steps, write, countDrops } = options;
  return {
    steps: [...steps.map((step) => step.name), 'write'],
    async run(c, at, items) {
      const submission: Submission<T> = { c, at, day: utcDay(at), items, visitor: '', dropped: {} };
      for (const step of steps) {
        const halt = await step.run(submission);
        if (!halt) continue;
        const counts = { ...submission.dropped, [halt.drop]: (submission.dropped[halt.drop] ?? 0) + submission.items.length };
        await countDrops(submission.day, counts);
        return { recorded: false, reason: halt.drop, dropped: sum(counts), retryAfter: halt.retryAfter };
      }
      const result = await write(submission);
      // Counted after the write: when it fails (503) the client sends the batch again.
      if (sum(submission.dropped) > 0) await countDrops(submission.day, submission.dropped);
      return { recorded: true, result, accepted: submission.items.length, dropped: sum(submission.dropped) };
    },
  };
}

/** Drops what a visitor asked us not to record: Do Not Track (`dnt`) or Global Privacy Control (`gpc`). */
export function privacySignal(identifier: VisitorIdentifier): IngestStep<unknown> {
  return {
    name: 'privacySignal',
    run({ c }) {
      const signal = identifier.privacySignal(c);
      return signal ? { drop: signal } : undefined;
    },
  };
}

/** Drops crawlers, monitors, scripts and headless browsers (`bot`). */
export function bot(identifier: VisitorIdentifier): IngestStep<unknown> {
  return { name: 'bot', run: ({ c }) => (identifier.isBot(c) ? { drop: 'bot' } : undefined) };
}

/** Names the visitor: the day's salted hash of client IP and user agent (never drops). */
export function visitor(identifier: VisitorIdentifier): IngestStep<unknown> {
  return {
    name: 'visitor',
    async run(submission) {
      submission.visitor = await identifier.visitor(submission.c, submission.at);
    },
  };
}

/**
 * Drops everything once the visitor, or the address it comes from, is over `limiter`'s limit
 * (`rate-limited`); each item costs one.
 */
export function rateLimit(limiter: WriteLimiter, identifier: VisitorIdentifier): IngestStep<unknown> {
  return {
    name: 'rateLimit',
    run({ c, visitor: id, at, items }) {
      const limit = limiter.consume(id, identifier.address(c), at.getTime(), items.length);
      return limit.allowed ? undefined : { drop: 'rate-limited', retryAfter: limit.retryAfter };
    },
  };
}

/** Takes out the items that name an article the served build does not have (`unknown-article`). */
export function knownArticle<T>(namesOnlyKnownArticles: (item: T) => boolean): IngestStep<T> {
  return {
    name: 'knownArticle',
    run(submission) {
      const known = submission.items.filter(namesOnlyKnownArticles);
      if (known.length === 0) return { drop: 'unknown-article' };
      const unknown = submission.items.length - known.length;
      if (unknown > 0) submission.dropped['unknown-article'] = (submission.dropped['unknown-article'] ?? 0) + unknown;
      submission.items = known;
      return undefined;
    },
  };
}

/** The 429 of a rate-limit drop, with Retry-After. */
export function rateLimited(what: string, retryAfter: number): ApiError {
  return new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfter} s`, [], { 'Retry-After': String(retryAfter) });
}
