/**
 * What every benchmark's server child and its parent say to each other over IPC, whatever
 * else a benchmark adds: the child says where it listens, the parent may ask it to stop.
 */

/** The child's first message, once it accepts connections. */
export interface ListeningMessage {
  type: 'listening';
  port: number;
  pid: number;
}

/** The parent's request to close and exit. */
export interface StopMessage {
  type: 'stop';
}

/** Any message: a `type` and whatever that type carries. */
export interface Message {
  type: string;
}
