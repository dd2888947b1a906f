/**
 * Prefix matching that means the same on both databases. SQLite's LIKE ignores the case of
 * ASCII letters and PostgreSQL's does not, so `article LIKE 'en/%'` would count `EN/x` on one
 * and not the other; `_` and `%` inside the prefix would also be wildcards. Comparing the first
 * characters is exact and case-sensitive everywhere. Neither form uses an index here (SQLite's
 * LIKE uses one only with case_sensitive_like or a NOCASE column), so query plans are unchanged.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `column` (a column reference, e.g. `ticket_links.article`) starts with `prefix`. */
export function startsWith(column: string, prefix: string): RawBuilder<SqlBool> {
  // substr counts characters (code points) on both databases; so does the spread.
  return sql<SqlBool>`substr(${sql.ref(column)}, 1, ${sql.lit([...prefix].length)}) = ${prefix}`;
}
