/**
 * Collects events and hands them over in batches: when the page is being left (the
 * caller flushes on visibilitychange / pagehide) and whenever `flushAt` are waiting, so
 * a long visit does not risk a large batch at the very end.
 */
import type { AnalyticsEvent } from '../../../core/contracts/events.ts';

/** Delivers one batch; fire and forget, since a page being left cannot wait for answers. */
export type Sender = (events: AnalyticsEvent[]) => void;

/** The API takes 1–50 events per request (eventBatchSchema). */
export const MAX_BATCH = 50;

/** Events waiting for the next send, in the order they happened. */
export class EventQueue {
  private pending: AnalyticsEvent[] = [];

  /** `flushAt` queued events trigger a send without waiting for the page to be left. */
  constructor(
    private readonly send: Sender,
    private readonly flushAt = 10,
  ) {}

  /** Number of events waiting to be sent. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues one event; sends the queue once it holds `flushAt` events. */
  add(event: AnalyticsEvent): void {
    this.pending.push(event);
    if (this.pending.length >= this.flushAt) this.flush();
  }

  /** Sends everything queued, in batches the API accepts; does nothing when empty. */
  flush(): void {
    const events = this.pending;
    this.pending = [];
    for (let i = 0; i < events.length; i += MAX_BATCH) this.send(events.slice(i, i + MAX_BATCH));
  }
}
