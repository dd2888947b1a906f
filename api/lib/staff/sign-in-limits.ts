/**
 * Limits on failed sign-ins (issue #16; OWASP Authentication Cheat Sheet, "Protect against
 * automated attacks"): per account, so a password cannot be guessed however many addresses
 * try it, and per address, so one client cannot try many accounts. Only failures count, in a
 * fixed window; a success clears the account's count. Once a limit is reached every attempt
 * is refused with 429 (the right password too) until the window ends, so a guesser learns
 * nothing. Kept in memory like the other rate limits (api/lib/ingest/rate-limit.ts): each API
 * replica limits on its own, so behind N replicas an attacker gets at most N times the limit.
 */

export interface SignInLimitSettings {
  /** Failed sign-ins per account (e-mail address) in a window. */
  perAccount: number;
  /** Failed sign-ins per client address in a window. */
  perAddress: number;
  /** The window, in ms. */
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimitSettings = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Failures per key in a fixed window. */
class FailureCounter {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  blockedFor(key: string, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) return 0;
    return w.failures >= this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  fail(key: string, now: number): void {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, failures: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.prune(now);
    }
    w.failures += 1;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The two limits of the sign-in route. */
export class SignInLimits {
  private readonly accounts: FailureCounter;
  private readonly addresses: FailureCounter;

  constructor(settings: Partial<SignInLimitSettings> = {}) {
    const s = { ...DEFAULT_SIGN_IN_LIMITS, ...settings };
    this.accounts = new FailureCounter(s.perAccount, s.windowMs);
    this.addresses = new FailureCounter(s.perAddress, s.windowMs);
  }

  /** Seconds until a sign-in to `email` from `address` may be tried, or 0. */
  blockedFor(email: string, address: string, now: number): number {
    return Math.max(this.accounts.blockedFor(email, now), this.addresses.blockedFor(address, now));
  }

  failed(email: string, address: string, now: number): void {
    this.accounts.fail(email, now);
    this.addresses.fail(address, now);
  }

  succeeded(email: string): void {
    this.accounts.clear(email);
  }
}
