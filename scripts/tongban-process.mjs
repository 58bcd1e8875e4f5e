// Starts a real Tongban server as a child process for the browser journeys and the benchmarks: a free port, a fresh
// temporary data dir (SQLite, demo province), and a wait until /api/health answers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `node bin/tongban.mjs start` on a free port with a new data dir. Returns { baseUrl, dataDir, output(), stop() };
 * stop() ends the server (SIGTERM, then SIGKILL after 5 s) and removes the data dir.
 */
export async function startTongban({ label = 'tongban', env = {}, timeoutMs = 180_000 } = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  const child = spawn(process.execPath, ['bin/tongban.mjs', 'start'], {
    cwd: root,
    env: { ...process.env, TONGBAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was healthy:\n${output}`);
    const ok = await fetch(baseUrl + '/api/health')
      .then(async (r) => r.ok && (await r.json()).status === 'ok')
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not healthy within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(250);
  }
  return { baseUrl, dataDir, output: () => output, stop };
}
