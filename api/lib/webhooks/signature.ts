/**
 * Signatures of incoming helpdesk webhooks. The sender computes
 * `X-KB-Signature: sha256=<hex HMAC-SHA256(secret, "<X-KB-Timestamp>.<raw body>")>` with the
 * per-source secret (KB_WEBHOOK_SECRET_<SOURCE>). Signing the timestamp with the body lets
 * us refuse replays older than five minutes; the scheme is Stripe's, which Zendesk's own
 * webhook signing resembles. We use one scheme for all helpdesks because FORMATS.md names no
 * vendor header, and each helpdesk can send custom headers from its webhook settings.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-KB-Signature';
export const TIMESTAMP_HEADER = 'X-KB-Timestamp';
/** How old (or how far in the future, for clock skew) a signed timestamp may be. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

/** The header value for a body: `sha256=<hex>`. */
export function signWebhook(secret: string, timestamp: number | string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'missing_signature' | 'stale_timestamp' | 'bad_signature'; message: string };

/** Checks a webhook's timestamp against `now` and its signature in constant time. */
export function verifyWebhook(input: {
  secret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string;
  now: Date;
}): SignatureCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) {
    return {
      ok: false,
      code: 'missing_signature',
      message: `Send the ${SIGNATURE_HEADER} (sha256=<hex>) and ${TIMESTAMP_HEADER} (unix seconds) headers`,
    };
  }
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, code: 'stale_timestamp', message: `${TIMESTAMP_HEADER} must be unix seconds` };
  const age = input.now.getTime() / 1000 - Number(timestamp);
  if (Math.abs(age) > MAX_SIGNATURE_AGE_SECONDS) {
    return {
      ok: false,
      code: 'stale_timestamp',
      message: `${TIMESTAMP_HEADER} is ${Math.round(Math.abs(age))} s ${age > 0 ? 'old' : 'in the future'}; at most ${MAX_SIGNATURE_AGE_SECONDS} s is accepted (a replayed or delayed delivery)`,
    };
  }
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signature.trim());
  // timingSafeEqual needs equal lengths; a length mismatch reveals only the scheme's fixed length.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'bad_signature', message: `${SIGNATURE_HEADER} does not match the body signed with this source's secret` };
  }
  return { ok: true };
}
