import { describe, expect, it } from 'vitest';
import { trackingAllowed } from '../../site/islands/analytics/privacy.ts';

describe('trackingAllowed', () => {
  it('allows tracking when the browser sends no privacy signal', () => {
    expect(trackingAllowed({})).toBe(true);
    expect(trackingAllowed({ doNotTrack: null, globalPrivacyControl: false })).toBe(true);
  });

  it('refuses tracking when Do Not Track is on', () => {
    expect(trackingAllowed({ doNotTrack: '1' })).toBe(false);
  });

  it('allows tracking when Do Not Track is explicitly off or unspecified', () => {
    expect(trackingAllowed({ doNotTrack: '0' })).toBe(true);
    expect(trackingAllowed({ doNotTrack: 'unspecified' })).toBe(true);
  });

  it('refuses tracking when Global Privacy Control is on', () => {
    expect(trackingAllowed({ globalPrivacyControl: true })).toBe(false);
  });
});
