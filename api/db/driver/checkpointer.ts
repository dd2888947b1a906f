/**
 * A background WAL checkpointer. In WAL mode every commit appends the pages it changed to
 * the -wal file, and a checkpoint copies them back into the database file (with two
 * fsyncs). SQLite runs that checkpoint inside whichever commit crosses 1,000 WAL pages, so
 * one vote in a thousand waited 20 ms or more for it, and the copying cost the main thread
 * about 15 µs per vote. Here a worker thread with its own connection runs a PASSIVE
 * checkpoint every `intervalMs`: it copies what is already committed and never blocks a
 * writer. The main connection keeps a large automatic checkpoint as a backstop: it resets
 * the WAL when steady writes leave the worker no quiet moment to finish, and it bounds the
 * WAL if the worker stops. Durability is unchanged: a commit is in the WAL before its 2xx.
 */
import type SQLite from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** WAL pages after which the main connection checkpoints itself (SQLite's default is 1,000). */
export const BACKSTOP_PAGES = 10_000;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * The worker, as plain JavaScript so it needs no TypeScript loader: worker threads do not
 * inherit the one the server runs under.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy or locked: the next round catches up.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface Checkpointer {
  /** Stops the worker after one last checkpoint and restores SQLite's own checkpoints. */
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` (the database behind `sqlite`, in WAL mode) in a worker
 * thread. If the worker dies, the main connection checkpoints on its own again.
 */
export function startCheckpointer(sqlite: SQLite.Database, file: string, options: { intervalMs?: number } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    name: 'kb-checkpointer',
    workerData: { file, driver, intervalMs: options.intervalMs ?? 100 },
  });
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let running = true;
  const restore = () => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('error', (error) => console.error(`WAL checkpointer stopped: ${error.message}; checkpoints run in commits again`));
  worker.on('exit', restore);
  // It must not keep a process alive that has nothing else to do.
  worker.unref();
  return {
    async stop() {
      if (!running) return;
      const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.once('message', () => void worker.terminate());
      worker.postMessage('stop');
      await stopped;
    },
  };
}
