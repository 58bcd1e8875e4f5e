#!/usr/bin/env node
// Entry point of `npx tongban` and `npm start`: builds what is missing or stale, then runs the compiled CLI.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Latest modification time of a file, or of any file below a folder. */
function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function build(script, output, sources) {
  const out = path.join(root, output);
  const stale = !existsSync(out) || sources.some((s) => newest(path.join(root, s)) > statSync(out).mtimeMs);
  if (!stale) return;
  if (!existsSync(path.join(root, 'node_modules', '.bin', 'tsc'))) return; // installed without dev tools: use what is built
  console.error(`tongban: building (${script})…`);
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`tongban: npm run ${script} failed`);
    process.exit(1);
  }
}

build('build:server', 'dist/server/main.js', ['src']);
if (process.argv[2] === 'start') build('build:web', 'dist/web/index.html', ['web/src', 'web/index.html']);

process.env.TONGBAN_CLI = '1';
await import(path.join(root, 'dist/server/main.js'));
