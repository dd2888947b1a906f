/**
 * Runs the latest of a burst of calls once the burst is over: the contact page asks for
 * suggestions when the visitor pauses typing, not for every key (~300 ms of quiet).
 */
import type { Clock } from '../analytics/search-settle.ts';

export const SUGGEST_DEBOUNCE_MS = 300;

export class Debouncer<T> {
  private timer: unknown;
  private pending: { value: T } | undefined;

  constructor(
    private readonly run: (value: T) => void,
    private readonly clock: Clock,
    private readonly quietMs = SUGGEST_DEBOUNCE_MS,
  ) {}

  /** Replaces whatever was waiting with `value`, and restarts the quiet period. */
  schedule(value: T): void {
    this.cancel();
    this.pending = { value };
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      const pending = this.pending;
      this.pending = undefined;
      if (pending) this.run(pending.value);
    }, this.quietMs);
  }

  /** Forgets the waiting value: the text became too short, or the form was sent. */
  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
