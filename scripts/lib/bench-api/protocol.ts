/** What the bench and its server child (server-child.ts) say to each other over IPC, beyond ../bench-child/protocol.ts. */
import type { ListeningMessage, StopMessage } from '../bench-child/protocol.ts';

/** What the server child can be asked to serve. */
export type ServerMode = 'ceiling' | 'api';

/** The child's counters at one moment. */
export interface ChildCounts {
  /** Rows in votes and events (0 for the ceiling). */
  votes: number;
  events: number;
  /** CPU time the child has used so far (user + system), in microseconds. */
  cpuMicros: number;
}

/** Messages from the child to the bench. */
export type ChildMessage =
  ListeningMessage | ({ type: 'counts' } & ChildCounts) | { type: 'profiling' } | { type: 'profile-saved'; file: string };

/** Messages from the bench to the child. */
export type ParentMessage = { type: 'counts' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string } | StopMessage;

/** Where the bare route lives; the bench posts the same bodies to it as to the API. */
export const CEILING_PATH = '/api/ceiling';
