/** What bench:metrics and its server child (server-child.ts) say to each other over IPC, beyond ../bench-child/protocol.ts. */
import type { ListeningMessage, StopMessage } from '../bench-child/protocol.ts';

/** Messages from the child to the bench. */
export type MetricsChildMessage =
  ListeningMessage | { type: 'delay'; maxMs: number; p99Ms: number; meanMs: number } | { type: 'counts'; votes: number; inFlight: number };

/** Messages from the bench to the child. */
export type MetricsParentMessage = { type: 'delay-reset' } | { type: 'delay' } | { type: 'counts' } | StopMessage;
