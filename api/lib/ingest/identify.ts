/**
 * What the first steps of every public write ask about a request (pipeline.ts): may it be
 * recorded at all (privacy signals, bots) and, if so, which visitor sent it (docs/design.md §2).
 */
import type { Context } from 'hono';
import type { Db } from '../../db/index.ts';
import { pruneSalts, saltForDay } from '../../db/queries/salts.ts';
import { isBot, privacySignal } from './privacy.ts';
import { clientIp, utcDay, visitorHash } from './visitor.ts';
import { requestHeader } from '../http/request-headers.ts';
import { VisitorCache } from './visitor-cache.ts';

export interface IdentifyOptions {
  /** The site name mixed into the visitor hash, so ids differ between sites sharing a salt table. */
  site: string;
  trustedProxies: ReadonlySet<string>;
}

/** The socket's address under @hono/node-server (tests pass the same shape as env). */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? '127.0.0.1';
}

export class VisitorIdentifier {
  private salts = new Map<string, string>();
  /** The day's visitor ids by client, so a returning client skips the HMAC. */
  private readonly ids = new VisitorCache();
  /** Bot verdicts by user agent: a site sees few distinct ones, and the pattern is long. */
  private readonly bots = new Map<string, boolean>();

  constructor(
    private readonly db: Db,
    private readonly options: IdentifyOptions,
  ) {}

  /** `dnt` or `gpc` when the visitor asked not to be recorded (DNT: 1, Sec-GPC: 1), else null. */
  privacySignal(c: Context): 'dnt' | 'gpc' | null {
    return privacySignal(requestHeader(c, 'dnt'), requestHeader(c, 'sec-gpc'));
  }

  /** Whether the request comes from a crawler, monitor or script (or sends no user agent). */
  isBot(c: Context): boolean {
    const userAgent = requestHeader(c, 'user-agent');
    return userAgent === undefined || this.isBotAgent(userAgent);
  }

  /** The client's IP (the socket's, or X-Forwarded-For's behind a trusted proxy): rate limits only, never stored. */
  address(c: Context): string {
    return clientIp(socketAddress(c), requestHeader(c, 'x-forwarded-for'), this.options.trustedProxies);
  }

  /** The visitor id of the request's client for the UTC day of `now` (call after privacySignal and isBot). */
  async visitor(c: Context, now: Date): Promise<string> {
    const day = utcDay(now);
    const userAgent = requestHeader(c, 'user-agent') ?? '';
    const ip = this.address(c);
    const known = this.ids.get(day, ip, userAgent);
    if (known) return known;
    const visitor = visitorHash(await this.salt(day, now), ip, userAgent, this.options.site);
    this.ids.set(day, ip, userAgent, visitor);
    return visitor;
  }

  private isBotAgent(userAgent: string): boolean {
    let verdict = this.bots.get(userAgent);
    if (verdict === undefined) {
      verdict = isBot(userAgent);
      // User agents are chosen by the client: keep the memo small so a flood of made-up ones cannot grow it.
      if (this.bots.size >= 1000) this.bots.clear();
      this.bots.set(userAgent, verdict);
    }
    return verdict;
  }

  private async salt(day: string, now: Date): Promise<string> {
    const cached = this.salts.get(day);
    if (cached) return cached;
    const salt = await saltForDay(this.db, day, now);
    // A new day: forget older salts here and in the database (kept at most 48 hours).
    this.salts.clear();
    this.salts.set(day, salt);
    await pruneSalts(this.db, now);
    return salt;
  }
}
