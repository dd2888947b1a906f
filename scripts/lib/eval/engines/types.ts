/**
 * The contract every search engine under evaluation fulfils, so the runner, the
 * metrics and the report do not care whether results come from a browser or an API.
 */
import type { Lang } from '../../../../core/content/article.ts';

/** What the customer typed and in which language. */
export interface SearchQuery {
  lang: Lang;
  text: string;
}

/** A search engine as the evaluation sees it. */
export interface SearchEngine {
  /** Short name shown in reports, e.g. `pagefind`. */
  readonly name: string;
  /** What is being measured (site URL, API URL), shown in reports. */
  readonly target: string;
  /**
   * Ranked article ids (`<lang>/<slug>`), best first, as the customer would see them.
   * Throws {@link QueryFailedError} when this one query could not be answered (counted
   * as no results and reported); any other error means the engine is broken and ends the run.
   */
  search(query: SearchQuery): Promise<string[]>;
  /** Releases browsers, servers and sockets. Safe to call twice. */
  close(): Promise<void>;
}

/** One query failed (timeout, bad response) but the engine can go on with the next. */
export class QueryFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryFailedError';
  }
}
