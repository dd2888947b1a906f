/**
 * The first steps of every public write: decide whether the request may be recorded at
 * all (privacy signals, bots) and, if so, which visitor sent it (docs/design.md §2).
 */
import type { Context } from 'hono';
import type { Db } from '../../db/index.ts';
import { pruneSalts, saltForDay } from '../../db/queries/salts.ts';
import type { DropReason } from '../../db/queries/drops.ts';
import { isBot, privacySignal } from './privacy.ts';
import { clientIp, utcDay, visitorHash } from './visitor.ts';
import { requestHeader } from '../http/request-headers.ts';
import { VisitorCache } from './visitor-cache.ts';

export interface IdentifyOptions {
  /** The site name mixed into the visitor hash, so ids differ between sites sharing a salt table. */
  site: string;
  trustedProxies: ReadonlySet<string>;
}

export type Identity = { drop: DropReason; day: string } | { drop: null; visitor: string; day: string };

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

  async identify(c: Context, now: Date): Promise<Identity> {
    const day = utcDay(now);
    const signal = privacySignal(requestHeader(c, 'dnt'), requestHeader(c, 'sec-gpc'));
    if (signal) return { drop: signal, day };
    const userAgent = requestHeader(c, 'user-agent');
    if (userAgent === undefined || this.isBot(userAgent)) return { drop: 'bot', day };
    const ip = clientIp(socketAddress(c), requestHeader(c, 'x-forwarded-for'), this.options.trustedProxies);
    const known = this.ids.get(day, ip, userAgent);
    if (known) return { drop: null, visitor: known, day };
    const visitor = visitorHash(await this.salt(day, now), ip, userAgent, this.options.site);
    this.ids.set(day, ip, userAgent, visitor);
    return { drop: null, visitor, day };
  }

  private isBot(userAgent: string): boolean {
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
