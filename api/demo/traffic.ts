/**
 * Help-center traffic for one UTC day: visitor sessions made of page views, searches
 * (some finding nothing), search clicks and contact-form visits, written as the events
 * route would store them (api/routes/events.ts: same columns, query_norm by the same
 * normaliser, ISO UTC times with milliseconds). Each session has its own visitor hash
 * (the API's hashes change daily, so nothing links days anyway) and fits inside its UTC
 * day with gaps under 30 minutes, so the API's session rule would group it the same way.
 */
import type { EventRow } from '../db/queries/events.ts';
import type { Lang } from '../../core/content/article.ts';
import { normalizeQuery } from '../../core/search/query.ts';
import { NO_RESULT_QUERIES, SEED_LANGS, type ArticlePool, type DemoArticle } from './articles.ts';
import { isoOf, type Slot } from './clock.ts';
import type { Random } from './random.ts';

/** An article page view, the raw material of votes. */
export interface ArticleView {
  visitor: string;
  article: DemoArticle;
  at: number;
}

/** A contact form sent: becomes a web ticket, whose id the event then names. */
export interface ContactSubmission {
  row: EventRow;
  at: number;
  lang: Lang;
  /** The topic of the suggestions the visitor saw, when any. */
  topic: string | null;
}

export interface DayTraffic {
  rows: EventRow[];
  views: ArticleView[];
  submissions: ContactSubmission[];
  sessions: number;
}

export interface TrafficContext {
  pools: Record<Lang, ArticlePool | null>;
  /** Topic ids with a topic page (for browsing paths). */
  topicIds: string[];
  now: number;
}

/** An event before it has a visitor, session and time; `viewed` and `topic` are for the seed's own bookkeeping. */
type Step = Omit<EventRow, 'visitor' | 'session' | 'created_at'> & { gapMs: number; viewed?: DemoArticle; topic?: string | null };

const REFERRERS = ['https://www.baidu.com/', 'https://www.google.com/', 'https://cn.bing.com/', 'https://www.bing.com/'];
/** A little under the API's 30-minute session gap, so a session never splits in two. */
const MAX_GAP_MS = 25 * 60_000;

function step(type: string, fields: Partial<Step> = {}): Step {
  return {
    type,
    lang: null,
    article: null,
    path: null,
    referrer: null,
    query: null,
    query_norm: null,
    results: null,
    rank: null,
    filters: null,
    articles: null,
    ticket_ref: null,
    gapMs: 0,
    ...fields,
  };
}

/** Seconds to minutes between two clicks: log-normal, median 40 s, capped under the session gap. */
const gap = (rng: Random) => Math.min(MAX_GAP_MS, Math.round(rng.logNormal(40_000, 1)) + 2_000);

/** Search results rank 1 most often (about half the clicks), then falling off. */
const RANK_WEIGHTS = [55, 20, 12, 8, 5];

/** Generates the day's sessions until each slot holds exactly its quota of events. */
export function dayTraffic(rng: Random, slots: Slot[], quotas: number[], ctx: TrafficContext): DayTraffic {
  const out: DayTraffic = { rows: [], views: [], submissions: [], sessions: 0 };
  const dayStart = slots[0]!.start;
  const dayEnd = Math.min(ctx.now, slots[slots.length - 1]!.end);
  const langs = SEED_LANGS.filter((l) => ctx.pools[l]);
  if (langs.length === 0) return out;
  slots.forEach((slot, i) => {
    let left = quotas[i]!;
    while (left > 0) {
      // About 60% of visitors read Chinese, 40% English.
      const lang = langs.length === 2 ? (rng.chance(0.6) ? 'zh-CN' : 'en') : langs[0]!;
      const steps = sessionSteps(rng, lang, ctx.pools[lang]!, ctx.topicIds).slice(0, left);
      left -= steps.length;
      placeSession(rng, steps, slot, dayStart, dayEnd, lang, out);
    }
  });
  return out;
}

/**
 * Gives the steps times from a random moment of the slot. A session that would run past the
 * day's end (UTC midnight, or now) starts earlier, and is squeezed if even that is not enough.
 */
function placeSession(rng: Random, steps: Step[], slot: Slot, dayStart: number, dayEnd: number, lang: Lang, out: DayTraffic) {
  let duration = 0;
  for (let i = 1; i < steps.length; i++) duration += steps[i]!.gapMs;
  let at = slot.start + Math.floor(rng.next() * (slot.end - slot.start));
  const last = dayEnd - 1;
  if (at + duration > last) at = Math.max(dayStart, last - duration);
  const squeeze = at + duration > last && duration > 0 ? (last - at) / duration : 1;
  const visitor = rng.hex(32);
  const session = rng.uuid();
  out.sessions++;
  steps.forEach((s, i) => {
    if (i > 0) at += Math.floor(s.gapMs * squeeze);
    const { gapMs: _gap, viewed, topic, ...fields } = s;
    const row: EventRow = { ...fields, visitor, session, created_at: isoOf(at), lang };
    out.rows.push(row);
    if (viewed) out.views.push({ visitor, article: viewed, at });
    if (s.type === 'contact_submitted') out.submissions.push({ row, at, lang, topic: topic ?? null });
  });
}

const view = (a: DemoArticle, rng: Random, referrer: string | null = null) =>
  step('page_view', { article: a.id, referrer, gapMs: gap(rng), viewed: a });

/** One session's events, in order: how it starts, then what the visitor came for. */
function sessionSteps(rng: Random, lang: Lang, pool: ArticlePool, topicIds: string[]): Step[] {
  const pick = () => pool.articles[pool.sampler.draw(rng)]!;
  const steps: Step[] = [];
  const kind = rng.weighted({ browse: 45, search: 35, contact: 7, bounce: 13 });
  // Half the sessions land on an article from a search engine, the others on the home page.
  if (kind !== 'bounce' && kind !== 'contact' && rng.chance(0.5)) steps.push(view(pick(), rng, rng.pick(REFERRERS)));
  else steps.push(step('page_view', { path: `/${lang}/`, gapMs: 0 }));
  if (kind === 'bounce') return steps;
  if (kind === 'browse') {
    if (rng.chance(0.25) && topicIds.length)
      steps.push(step('page_view', { path: `/${lang}/topics/${rng.pick(topicIds)}/`, gapMs: gap(rng) }));
    for (let n = rng.int(1, 3); n > 0; n--) steps.push(view(pick(), rng));
  } else if (kind === 'search') {
    steps.push(step('page_view', { path: `/${lang}/search/`, gapMs: gap(rng) }));
    for (let n = rng.chance(0.3) ? 2 : 1; n > 0; n--) steps.push(...searchSteps(rng, lang, pick));
  } else {
    if (rng.chance(0.4)) steps.push(view(pick(), rng));
    steps.push(...contactSteps(rng, lang, pool, pick));
  }
  return steps;
}

/** A search, then maybe a click on a result (rank 1–5) and the article it opens. */
function searchSteps(rng: Random, lang: Lang, pick: () => DemoArticle): Step[] {
  // About one search in eight asks for something the knowledge base does not have.
  if (rng.chance(0.12)) {
    const query = rng.pick(NO_RESULT_QUERIES[lang]);
    return [step('search', { query, query_norm: normalizeQuery(query), results: 0, gapMs: gap(rng) })];
  }
  const target = pick();
  const query = target.queries.length ? rng.pick(target.queries) : target.id.slice(target.id.indexOf('/') + 1);
  const results = 1 + (hashOf(query) % 24);
  const filters = rng.chance(0.08) ? JSON.stringify(rng.chance(0.5) ? { type: target.type } : { topic: target.topics[0] }) : null;
  const search = step('search', { query, query_norm: normalizeQuery(query), results, filters, gapMs: gap(rng) });
  if (!rng.chance(0.55)) return [search];
  const rank = Math.min(results, 1 + rng.weightedIndex(RANK_WEIGHTS));
  const clicked = rank === 1 ? target : pick();
  return [
    search,
    step('search_click', { query, query_norm: normalizeQuery(query), article: clicked.id, rank, gapMs: gap(rng) }),
    view(clicked, rng),
  ];
}

/**
 * A contact-form visit: suggestions shown (most of the time), then solved by one of them
 * (explicit deflection), given up (implicit), or the form sent (a web ticket).
 */
function contactSteps(rng: Random, lang: Lang, pool: ArticlePool, pick: () => DemoArticle): Step[] {
  const steps = [step('page_view', { path: `/${lang}/contact/`, gapMs: gap(rng) }), step('contact_view', { gapMs: 1_000 })];
  const about = pick();
  // Filling in the form takes a few minutes.
  const submitted = (topic: string | null) => step('contact_submitted', { gapMs: Math.min(MAX_GAP_MS, gap(rng) * 3), topic });
  if (!rng.chance(0.85)) {
    if (rng.chance(0.6)) steps.push(submitted(about.topics[0] ?? null));
    return steps;
  }
  const shown = [about, ...pool.articles.filter((a) => a !== about && a.topics[0] === about.topics[0])].slice(0, 3);
  const query = about.queries.length ? rng.pick(about.queries) : about.id;
  steps.push(
    step('suggestion_shown', {
      query,
      query_norm: normalizeQuery(query),
      articles: JSON.stringify(shown.map((a) => a.id)),
      gapMs: gap(rng),
    }),
  );
  const outcome = rng.weighted({ solved: 30, submitted: 38, abandoned: 32 });
  if (outcome === 'solved') {
    const rank = 1 + Math.floor(rng.next() * shown.length);
    const solvedBy = shown[rank - 1]!;
    steps.push(
      step('suggestion_click', { article: solvedBy.id, rank, gapMs: gap(rng) }),
      view(solvedBy, rng),
      step('contact_solved', { article: solvedBy.id, gapMs: gap(rng) }),
    );
  } else if (outcome === 'submitted') steps.push(submitted(about.topics[0] ?? null));
  return steps;
}

/** A stable small hash of a string (FNV-1a), so one query always reports the same result count. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
