/** Waiting in tests for what happens a little later (a beacon, a background checkpoint), without a fixed sleep. */

/**
 * Re-reads until `done` holds (by default: the value is truthy) or the time is up, and returns the last value read: the
 * test's own assertion on it then says what was expected (beacons arrive a little after
 * the click, or after the page is gone).
 */
export async function eventually<T>(read: () => T, done: (value: T) => boolean = Boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = read();
  }
  return value;
}
