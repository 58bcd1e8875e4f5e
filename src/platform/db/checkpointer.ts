import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints off the request thread. A checkpoint copies the WAL's pages back into the database file and
 * fsyncs both; run by the connection that serves requests (SQLite's wal_autocheckpoint) it happens inside whichever
 * commit crosses the threshold and stops every request for its length (up to ~100 ms for a 40 MB WAL, the slowest
 * filings of bench/RESULTS.md). Here a worker thread with its own connection to the file runs a PASSIVE checkpoint
 * every `intervalMs`: it copies what is committed without waiting for, or blocking, the writer, and once the whole
 * WAL is copied the writer starts it again from the beginning, so it stays small. Commits are as durable as before
 * (synchronous=NORMAL: the WAL is synced at each checkpoint, now more often).
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

// The worker is plain JavaScript given as a string: it runs the same from the compiled server and under the test
// runner, which does not compile files a worker loads by path.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let timer = null;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearTimeout(timer);
    try { db.close(); } catch {}
    parentPort.close();
  }
});
`;

export function startCheckpointer(file: string, intervalMs = 200, log: (msg: string) => void = (m) => console.error(m)): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, intervalMs, betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref(); // never keeps the process alive
  let lastError = '';
  worker.on('message', (m: { error?: string }) => {
    // A busy database or a failed checkpoint is retried at the next tick; say so once per new message.
    if (m.error && m.error !== lastError) log(`database: background WAL checkpoint failed: ${(lastError = m.error)}`);
  });
  worker.on('error', (err) => log(`database: the WAL checkpoint thread stopped: ${err.message}`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
