/** The browser's privacy signals, read before anything is queued (docs/design.md §2). */

/** The part of `navigator` that carries privacy signals; tests pass a plain object. */
export interface PrivacySignals {
  /** "1" when Do Not Track is on (https://www.w3.org/TR/tracking-dnt/). */
  doNotTrack?: string | null;
  /** True when Global Privacy Control is on (https://privacycg.github.io/gpc-spec/). */
  globalPrivacyControl?: boolean;
}

/**
 * Whether usage events may be sent at all. The server drops requests that carry the
 * matching headers, but a visitor who asked not to be tracked should not see the
 * requests leave the browser either.
 */
export function trackingAllowed(signals: PrivacySignals): boolean {
  return signals.doNotTrack !== '1' && signals.globalPrivacyControl !== true;
}
