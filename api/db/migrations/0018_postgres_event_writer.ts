/**
 * PostgreSQL's counterpart of SQLite's prepared event path (issue 13, docs/design.md §6):
 * `kb_record_events` records one group commit of event batches in one call, so one round trip
 * per group instead of seven or more (begin, the event-id lock, one session upsert per round,
 * one insert per 1,000 rows, commit). It does exactly what api/db/queries/events.ts did in
 * those statements, in the same order and each with its own snapshot (a PL/pgSQL statement
 * sees what committed before it started, as the separate statements did):
 *
 * 1. Takes the event-id advisory lock (`lock_ns`, `lock_key`), so event ids become visible
 *    in increasing order (rollups.ts folds events in by id).
 * 2. Upserts each claim's `visitor_sessions` row, round by round (`claim_round`: a visitor's
 *    first claim in round 0, its second in round 1, …; one statement may not touch a row
 *    twice), each round's rows in byte order of the visitor, so replicas lock rows in one order.
 *    The rule is sessions.ts's `sessionUpsert`: a claim more than `gap_ms` after the row's
 *    latest time starts its candidate session, any other continues the stored one.
 * 3. Inserts the events, each with the session its claim (`ev_claim`, 1-based) was given.
 *
 * Called as one autocommit statement, so the call returns after its transaction committed:
 * an acknowledged batch is a committed one. SQLite has nothing to create (its path is the
 * prepared statements of queries/events.ts).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create function kb_record_events(
      lock_ns int, lock_key int, gap_ms bigint,
      claim_visitor text[], claim_session text[], claim_at bigint[], claim_round int[],
      ev_claim int[], ev_type text[], ev_visitor text[], ev_created_at text[], ev_lang text[], ev_article text[],
      ev_path text[], ev_referrer text[], ev_query text[], ev_query_norm text[], ev_results int[], ev_rank int[],
      ev_filters text[], ev_articles text[], ev_ticket_ref text[]
    ) returns void language plpgsql as $fn$
    declare
      sessions text[] := array_fill(null::text, array[cardinality(claim_visitor)]);
      rounds int := coalesce((select max(r) from unnest(claim_round) as r), -1);
      claimed int[];
      given text[];
    begin
      perform pg_advisory_xact_lock(lock_ns, lock_key);
      for r in 0..rounds loop
        with c as (
          select i, claim_visitor[i] as visitor, claim_session[i] as session, claim_at[i] as at
          from generate_subscripts(claim_visitor, 1) as i
          where claim_round[i] = r
        ), u as (
          insert into visitor_sessions as vs (visitor, session, last_seen_ms)
          select visitor, session, at from c order by visitor collate "C"
          on conflict (visitor) do update set
            session = case when excluded.last_seen_ms - vs.last_seen_ms > gap_ms then excluded.session else vs.session end,
            last_seen_ms = case when excluded.last_seen_ms - vs.last_seen_ms > gap_ms or excluded.last_seen_ms > vs.last_seen_ms
              then excluded.last_seen_ms else vs.last_seen_ms end
          returning vs.visitor, vs.session
        )
        select array_agg(c.i), array_agg(u.session) into claimed, given from u join c on c.visitor = u.visitor;
        for k in 1..coalesce(cardinality(claimed), 0) loop
          sessions[claimed[k]] := given[k];
        end loop;
      end loop;
      insert into events (type, visitor, session, created_at, lang, article, path, referrer, query, query_norm,
                          results, rank, filters, articles, ticket_ref)
      select e.type, e.visitor, sessions[e.claim], e.created_at, e.lang, e.article, e.path, e.referrer, e.query,
             e.query_norm, e.results, e.rank, e.filters, e.articles, e.ticket_ref
      from unnest(ev_claim, ev_type, ev_visitor, ev_created_at, ev_lang, ev_article, ev_path, ev_referrer, ev_query,
                  ev_query_norm, ev_results, ev_rank, ev_filters, ev_articles, ev_ticket_ref) with ordinality
           as e(claim, type, visitor, created_at, lang, article, path, referrer, query, query_norm, results, rank,
                filters, articles, ticket_ref, n)
      order by e.n;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function kb_record_events`.execute(db);
}
