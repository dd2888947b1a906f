/**
 * Who a request comes from, without cookies (docs/design.md §2): a visitor id is
 * HMAC-SHA256(daily salt, client IP + User-Agent + site). Raw IPs and user agents are
 * used for this hash only and never stored.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The client's IP. The socket's address, unless the socket is a configured proxy: then
 * the right-most X-Forwarded-For address that is not itself a trusted proxy (each proxy
 * appends the address it saw, so anything left of a trusted hop could be forged).
 */
export function clientIp(socketAddress: string, forwardedFor: string | undefined, trustedProxies: ReadonlySet<string>): string {
  const socket = normalizeIp(socketAddress);
  if (!forwardedFor || !trustedProxies.has(socket)) return socket;
  const hops = forwardedFor
    .split(',')
    .map((h) => normalizeIp(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(hops[i]!)) return hops[i]!;
  }
  return socket;
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) is the same client as 1.2.3.4. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/** The visitor id for one day's salt; 32 hex characters (128 bits) are plenty to tell visitors apart. */
export function visitorHash(salt: string, ip: string, userAgent: string, site: string): string {
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}\n${site}`).digest('hex').slice(0, 32);
}

/** The UTC day (YYYY-MM-DD) of a moment: salts, votes and drop counts are per UTC day. */
export const utcDay = (date: Date) => date.toISOString().slice(0, 10);
