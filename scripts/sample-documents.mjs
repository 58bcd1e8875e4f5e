#!/usr/bin/env node
// Writes one sample of each official document kind (准予行政许可决定书, 不予受理通知书, 补正材料通知书, 电子证照打印件),
// signed with a demo department's seal, into a folder, with a PNG of every page when poppler's pdftoppm is installed:
//
//   node scripts/sample-documents.mjs [out-dir]          (default: ./data/sample-documents)
//
// The seals (a root CA and the department's certificate) are made in a throw-away data dir inside the out dir with a
// throw-away secret, so the samples never touch a real deployment's keys. Needs a built server (npm run build:server);
// builds it when it is stale. Prints each file's size and the time to render and sign it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'data', 'sample-documents'));

const built = path.join(root, 'dist/server/platform/pdf/index.js');
function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
}
if (!fs.existsSync(built) || newest(path.join(root, 'src/platform/pdf')) > fs.statSync(built).mtimeMs) {
  console.error('sample-documents: building the server (npm run build:server)…');
  const r = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const { renderDocument, signPdf, openSealStore } = await import(built);
const { SecretKeys } = await import(path.join(root, 'dist/server/platform/crypto/secret.js'));
const { sampleDocuments } = await import(path.join(root, 'dist/server/platform/pdf/samples.js'));

fs.mkdirSync(out, { recursive: true });
// A fresh throw-away secret each run, so the seal data of an earlier run would not decrypt: start it anew.
fs.rmSync(path.join(out, 'seal-data'), { recursive: true, force: true });
const seals = openSealStore({ dataDir: path.join(out, 'seal-data'), keys: SecretKeys.fromBytes(randomBytes(32)), organization: '云澜省人民政府' });

const samples = sampleDocuments();

const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;
for (const s of samples) {
  const t0 = performance.now();
  const unsigned = await renderDocument(s.doc);
  const t1 = performance.now();
  const signed = await signPdf(seals, unsigned, s.department);
  const t2 = performance.now();
  const file = path.join(out, s.file);
  fs.writeFileSync(file, signed);
  console.log(`${s.file}: ${(signed.length / 1024).toFixed(1)} KB (unsigned ${(unsigned.length / 1024).toFixed(1)} KB), render ${(t1 - t0).toFixed(0)} ms, sign ${(t2 - t1).toFixed(0)} ms`);
  if (hasPdftoppm) spawnSync('pdftoppm', ['-png', '-r', '80', file, file.replace(/\.pdf$/, '')], { stdio: 'inherit' });
}
if (!hasPdftoppm) console.log('pdftoppm not found: no PNGs (apt-get install -y poppler-utils)');
console.log(`root CA to trust in a verifier: ${path.join(out, 'seal-data', 'seals', 'root-ca.crt')}`);
