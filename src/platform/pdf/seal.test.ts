import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretKeys } from '../crypto/secret.js';
import { manualClock } from '../clock.js';
import { AppError } from '../errors.js';
import { renderDocument } from './document.js';
import { openSealStore, signPdf, type SealStore } from './seal.js';
import { SAMPLE_DEPARTMENTS, sampleDocuments } from './samples.js';
import { extractSignature, forgeOneByte, pdfText, requireTools, run, tempDir, writeTemp } from './testing.js';

let dir: string;
let secret: Buffer;
let seals: SealStore;
let unsigned: Uint8Array;
let signed: Uint8Array;
let signedFile: string;
const department = SAMPLE_DEPARTMENTS.civil;

beforeAll(async () => {
  requireTools('pdfsig', 'pdftotext', 'qpdf', 'certutil', 'openssl');
  dir = tempDir('pdf-seal');
  secret = randomBytes(32);
  seals = openSealStore({ dataDir: path.join(dir, 'data'), keys: SecretKeys.fromBytes(secret), organization: '云澜省人民政府' });
  unsigned = await renderDocument(sampleDocuments()[0].doc);
  signed = await signPdf(seals, unsigned, department);
  signedFile = writeTemp(dir, 'signed.pdf', signed);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pdfsig(file: string, nssdir?: string): string {
  return run('pdfsig', [...(nssdir ? ['-nssdir', `sql:${nssdir}`] : []), file]).output;
}

/** An NSS database (what pdfsig checks certificates against) that trusts the given root certificate. */
function trustStore(rootPem: string): string {
  const db = fs.mkdtempSync(path.join(dir, 'nss-'));
  const rootFile = path.join(db, 'root.crt');
  fs.writeFileSync(rootFile, rootPem);
  for (const args of [
    ['-N', '-d', `sql:${db}`, '--empty-password'],
    ['-A', '-d', `sql:${db}`, '-n', 'tongban-root', '-t', 'C,C,C', '-i', rootFile],
  ]) {
    const r = run('certutil', args);
    if (r.status !== 0) throw new Error(`certutil ${args.join(' ')}: ${r.output}`);
  }
  return db;
}

/**
 * Appends an incremental update (new objects, a new xref section, a trailer pointing back with /Prev) that covers the
 * date of page 1 with a white box and prints other text over it, the way a forger would edit a signed file.
 */
function appendForgery(pdf: Uint8Array, text: string): Buffer {
  const buf = Buffer.from(pdf);
  const latin = buf.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin)![1]);
  const trailer = latin.slice(latin.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const page = /(\d+) 0 obj\s*<<\s*\/Type \/Page\b[\s\S]*?endobj/.exec(latin)!;
  const pageNumber = Number(page[1]);
  const newPage = page[0]
    .replace('/Font <<', '/Font <<\n/Forged << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    .replace(/\/Contents \[ ([^\]]*)\]/, `/Contents [ $1${size} 0 R ]`);
  if (newPage === page[0]) throw new Error('the page object did not have the expected shape');
  const content = `q 1 1 1 rg 60 60 480 700 re f Q BT /Forged 28 Tf 80 400 Td (${text}) Tj ET`;
  let update = '\n';
  const offsets: Record<number, number> = {};
  offsets[pageNumber] = buf.length + Buffer.byteLength(update, 'latin1');
  update += `${newPage}\n`;
  offsets[size] = buf.length + Buffer.byteLength(update, 'latin1');
  update += `${size} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const xref = buf.length + Buffer.byteLength(update, 'latin1');
  const entry = (n: number) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  update += `xref\n0 1\n0000000000 65535 f \n${pageNumber} 1\n${entry(pageNumber)}${size} 1\n${entry(size)}`;
  update += `trailer\n<< /Size ${size + 1} /Root ${root} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([buf, Buffer.from(update, 'latin1')]);
}

describe('signPdf', () => {
  it('makes a PAdES signature that pdfsig reports valid and covering the whole document', () => {
    const out = pdfsig(signedFile);
    expect(out).toContain('Signature Field Name: Seal');
    expect(out).toContain('Signer Certificate Common Name: 澜州市民政局');
    expect(out).toMatch(/O=云澜省人民政府/);
    expect(out).toContain('NTRCN-11390100MB0000001X');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    // The byte range is the whole file but the signature value itself.
    const { byteRange } = extractSignature(signed);
    expect(byteRange[0]).toBe(0);
    expect(byteRange[2] + byteRange[3]).toBe(signed.length);
  });

  it('is trusted by a verifier that trusts the deployment root CA, and by no other', async () => {
    const root = await seals.rootCertificate();
    expect(pdfsig(signedFile, trustStore(root.pem))).toContain('Certificate Validation: Certificate is Trusted.');
    const other = openSealStore({ dataDir: path.join(dir, 'other'), keys: SecretKeys.fromBytes(randomBytes(32)), organization: '云澜省人民政府' });
    expect(pdfsig(signedFile, trustStore((await other.rootCertificate()).pem))).toContain("Certificate issuer isn't Trusted.");
    // The public root certificate is written beside the keys, for verifiers to download.
    expect(fs.readFileSync(path.join(seals.dir, 'root-ca.crt'), 'utf8')).toBe(root.pem);
  });

  it('is reported invalid once one byte of the signed content changes', () => {
    const { forged, at } = forgeOneByte(signed); // one digit of the page width
    expect(at).toBeLessThan(extractSignature(signed).byteRange[1]);
    const out = pdfsig(writeTemp(dir, 'one-byte.pdf', forged));
    expect(out).not.toContain('Signature is Valid');
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('reports an appended incremental update that changes the text as not covered by the signature', () => {
    const forged = appendForgery(signed, 'FORGED 2099');
    const file = writeTemp(dir, 'incremental.pdf', forged);
    // The update really changes what is shown…
    expect(pdfText(file)).toContain('FORGED2099');
    expect(run('qpdf', ['--check', file]).output).toContain('No syntax or stream encoding errors found');
    // …and the signature no longer covers the document.
    const out = pdfsig(file);
    expect(out).not.toContain('Total document signed');
    expect(out).toContain('Not total document signed');
  });

  it('is a CMS that openssl verifies against the root CA, with PAdES B-B signed attributes', async () => {
    const { signedBytes, cms } = extractSignature(signed);
    const cmsFile = writeTemp(dir, 'sig.der', cms);
    const contentFile = writeTemp(dir, 'content.bin', signedBytes);
    const caFile = writeTemp(dir, 'ca.pem', Buffer.from((await seals.rootCertificate()).pem));
    const verify = run('openssl', ['cms', '-verify', '-inform', 'DER', '-in', cmsFile, '-binary', '-content', contentFile, '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(verify.output).toContain('Verification successful');
    const tampered = Buffer.from(signedBytes);
    tampered[100] ^= 1;
    const bad = run('openssl', ['cms', '-verify', '-inform', 'DER', '-in', cmsFile, '-binary', '-content', writeTemp(dir, 'bad.bin', tampered), '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(bad.output).not.toContain('Verification successful');
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile]).output;
    const signedAttrs = printed.slice(printed.indexOf('signedAttrs:'), printed.indexOf('signatureAlgorithm:', printed.indexOf('signedAttrs:')));
    expect(signedAttrs).toContain('contentType');
    expect(signedAttrs).toContain('messageDigest');
    expect(signedAttrs).toContain('signingCertificateV2');
    expect(signedAttrs, 'PAdES: the time is /M, not a signing-time attribute').not.toContain('signingTime');
  });

  it('records reason 电子签章, the signer and the signing time in the signature dictionary', async () => {
    const clock = manualClock(new Date('2026-11-28T03:04:05Z'));
    const timed = openSealStore({ dataDir: path.join(dir, 'timed'), keys: SecretKeys.fromBytes(secret), organization: '云澜省人民政府', clock });
    const bytes = await signPdf(timed, unsigned, department, { location: '澜州市' });
    const pdf = await PDFDocument.load(bytes);
    const field = pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray).lookup(0, PDFDict);
    const sig = field.lookup(PDFName.of('V'), PDFDict);
    const text = (key: string) => (sig.lookup(PDFName.of(key)) as unknown as { decodeText(): string }).decodeText();
    expect(text('Reason')).toBe('电子签章');
    expect(text('Name')).toBe('澜州市民政局');
    expect(text('Location')).toBe('澜州市');
    expect((sig.lookup(PDFName.of('M')) as unknown as { decodeDate(): Date }).decodeDate().toISOString()).toBe('2026-11-28T03:04:05.000Z');
    expect(sig.get(PDFName.of('SubFilter'))).toBe(PDFName.of('ETSI.CAdES.detached'));
    // The signature sits in the document's seal field, over the seal picture.
    expect(field.lookup(PDFName.of('Rect'), PDFArray).size()).toBe(4);
    expect(Number(field.lookup(PDFName.of('Rect'), PDFArray).get(2).toString())).toBeGreaterThan(300);
  });

  it('passes qpdf --check once signed', () => {
    const r = run('qpdf', ['--check', signedFile]);
    expect(r.output).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('refuses to sign a document twice', async () => {
    await expect(signPdf(seals, signed, department)).rejects.toMatchObject({ code: 'pdf.already_signed' });
  });

  it('signs a document that has no seal field with an invisible signature', async () => {
    const plain = await renderDocument({ ...sampleDocuments()[1].doc, seal: false });
    const file = writeTemp(dir, 'invisible.pdf', await signPdf(seals, plain, SAMPLE_DEPARTMENTS.market));
    const out = pdfsig(file);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signer Certificate Common Name: 澜州市明湖区市场监督管理局');
  });

  it('signs with ECDSA P-256 keys as well', async () => {
    const ec = openSealStore({ dataDir: path.join(dir, 'ec'), keys: SecretKeys.fromBytes(randomBytes(32)), organization: '云澜省人民政府', algorithm: 'ecdsa-p256' });
    const file = writeTemp(dir, 'ecdsa.pdf', await signPdf(ec, unsigned, department));
    const out = pdfsig(file, trustStore((await ec.rootCertificate()).pem));
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Certificate is Trusted.');
    expect((await ec.departmentCertificate(department)).algorithm).toBe('ecdsa-p256');
  });
});

describe('seal store', () => {
  it('keeps private keys encrypted at rest, in files only the owner can read', async () => {
    const stat = (p: string) => fs.statSync(p).mode & 0o777;
    expect(stat(seals.dir)).toBe(0o700);
    for (const f of ['root-ca.json', `${department.uscc}.json`]) {
      const file = path.join(seals.dir, f);
      expect(stat(file)).toBe(0o600);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).not.toContain('PRIVATE KEY');
      const stored = JSON.parse(text) as { key: { alg: string; iv: string; data: string } };
      expect(stored.key.alg).toBe('A256GCM');
      expect(Buffer.from(stored.key.iv, 'base64')).toHaveLength(12);
      // A PKCS#8 RSA key starts 30 82 …; the stored bytes must not.
      expect(Buffer.from(stored.key.data, 'base64').subarray(0, 2).toString('hex')).not.toBe('3082');
    }
  });

  it('cannot use the keys under another deployment secret', async () => {
    const wrong = openSealStore({ dataDir: path.join(dir, 'data'), keys: SecretKeys.fromBytes(randomBytes(32)), organization: '云澜省人民政府' });
    await expect(wrong.rootCertificate()).rejects.toThrow(/does not decrypt/);
  });

  it('cannot use a key file copied under another department', async () => {
    const other = { uscc: '11390100MB0000009Y', name: '澜州市人力资源和社会保障局' };
    fs.copyFileSync(path.join(seals.dir, `${department.uscc}.json`), path.join(seals.dir, `${other.uscc}.json`));
    const reopened = openSealStore({ dataDir: path.join(dir, 'data'), keys: SecretKeys.fromBytes(secret), organization: '云澜省人民政府' });
    await expect(reopened.departmentCertificate(other)).rejects.toThrow(/does not decrypt/);
    fs.unlinkSync(path.join(seals.dir, `${other.uscc}.json`));
  });

  it('keeps one certificate per department across restarts, and reissues it when the department is renamed', async () => {
    const first = await seals.departmentCertificate(department);
    const reopened = openSealStore({ dataDir: path.join(dir, 'data'), keys: SecretKeys.fromBytes(secret), organization: '云澜省人民政府' });
    expect((await reopened.departmentCertificate(department)).fingerprintSha256).toBe(first.fingerprintSha256);
    const renamed = await reopened.departmentCertificate({ ...department, name: '澜州市民政局（澜州市老龄工作委员会办公室）' });
    expect(renamed.fingerprintSha256).not.toBe(first.fingerprintSha256);
    expect(renamed.subject).toContain('CN=澜州市民政局（澜州市老龄工作委员会办公室）');
    expect(renamed.issuer).toBe((await reopened.rootCertificate()).subject);
    expect(fs.existsSync(path.join(seals.dir, `${department.uscc}.${first.serialNumber}.json`))).toBe(true);
  });

  it('reissues a certificate a month before it ends', async () => {
    const clock = manualClock(new Date('2026-11-28T00:00:00Z'));
    const store = openSealStore({ dataDir: path.join(dir, 'renew'), keys: SecretKeys.fromBytes(secret), organization: '云澜省人民政府', clock });
    const first = await store.departmentCertificate(department);
    expect(first.notAfter.getTime() - first.notBefore.getTime()).toBeGreaterThan(3 * 364 * 86_400_000);
    clock.set(new Date(first.notAfter.getTime() - 40 * 86_400_000));
    expect((await store.departmentCertificate(department)).fingerprintSha256).toBe(first.fingerprintSha256);
    clock.set(new Date(first.notAfter.getTime() - 20 * 86_400_000));
    const second = await store.departmentCertificate(department);
    expect(second.fingerprintSha256).not.toBe(first.fingerprintSha256);
    expect(second.notAfter.getTime()).toBeGreaterThan(first.notAfter.getTime());
  });

  it('makes one root and one key per department when asked concurrently', async () => {
    const store = openSealStore({ dataDir: path.join(dir, 'race'), keys: SecretKeys.fromBytes(secret), organization: '云澜省人民政府' });
    const certs = await Promise.all([1, 2, 3].map(() => store.departmentCertificate(department)));
    expect(new Set(certs.map((c) => c.fingerprintSha256)).size).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'race', 'seals')).sort()).toEqual([`${department.uscc}.json`, 'root-ca.crt', 'root-ca.json']);
  });

  it('refuses departments without a valid credit code', async () => {
    await expect(seals.departmentCertificate({ uscc: '../../etc/passwd', name: '澜州市民政局' })).rejects.toBeInstanceOf(AppError);
    await expect(seals.departmentCertificate({ uscc: '11390100MB0000001X', name: '' })).rejects.toMatchObject({ code: 'seals.invalid_department' });
  });
});
