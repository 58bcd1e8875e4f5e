import { createCipheriv, createDecipheriv, createHash, generateKeyPairSync, randomBytes, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import type { SecretKeys } from '../crypto/secret.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { AppError, invalid } from '../errors.js';
import { SEAL_FIELD_NAME } from './document.js';

/**
 * Department e-seals: X.509 certificates and PAdES signatures.
 *
 * Each deployment makes its own root CA on first use ("<organization> 电子印章根证书"); each department gets a seal
 * certificate issued by it (CN = the department's name, O = the deployment's organization, organizationIdentifier =
 * NTRCN-<USCC>), valid three years and reissued a month before it ends or when the department's name changes. A
 * verifier trusts the one root certificate (`<dataDir>/seals/root-ca.crt`) and every department's signature checks.
 *
 * Private keys are kept under `<dataDir>/seals/` (folder 0700, files 0600), encrypted with AES-256-GCM under a key
 * derived from the deployment secret (SecretKeys.derive('seals')); the additional data binds each key to its owner
 * and certificate, so a file copied under another name does not decrypt.
 *
 * Signatures are PAdES baseline B-B: SubFilter ETSI.CAdES.detached, a CMS SignedData over the whole file but the
 * signature value (ByteRange), signed attributes content-type, message-digest (SHA-256) and ESS
 * signing-certificate-v2, no signing-time attribute (the time is the signature dictionary's /M), the chain
 * (department certificate, root) included. Keys are RSA-2048 by default (read by every PDF reader in use), or
 * ECDSA P-256.
 *
 * Libraries: pkijs (+ asn1js) builds the certificates and the CMS structure; @signpdf/signpdf fills in the byte range
 * and splices the signature into the file; pdf-lib adds the signature dictionary. Keys are made by node:crypto.
 */

export type SealAlgorithm = 'rsa-2048' | 'ecdsa-p256';

export interface SealDepartment {
  /** The department's unified social credit code (统一社会信用代码): the seal's key. */
  uscc: string;
  /** The department's name: the certificate's CN, the signer's name in the PDF. */
  name: string;
}

export interface SealStoreOptions {
  dataDir: string;
  keys: SecretKeys;
  /** The deployment's organization, O of every certificate (e.g. 云澜省人民政府). */
  organization: string;
  /** Algorithm of keys made from now on (existing keys keep theirs). Default rsa-2048. */
  algorithm?: SealAlgorithm;
  clock?: Clock;
}

export interface SealCertificate {
  pem: string;
  der: Uint8Array;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
  algorithm: SealAlgorithm;
}

export interface SealStore {
  /** `<dataDir>/seals` */
  readonly dir: string;
  readonly organization: string;
  /** The clock certificates and signing times follow. */
  readonly clock: Clock;
  /** The deployment's root CA certificate (made on first use). */
  rootCertificate(): Promise<SealCertificate>;
  /** A department's current seal certificate (made or reissued as needed). */
  departmentCertificate(department: SealDepartment): Promise<SealCertificate>;
  /** The department's key and chain, for signing. */
  signingKey(department: SealDepartment): Promise<SigningKey>;
}

export interface SigningKey {
  certificate: SealCertificate;
  chain: SealCertificate[];
  privateKey: webcrypto.CryptoKey;
}

export interface SignOptions {
  /** Default 电子签章. */
  reason?: string;
  /** Default the store's organization. */
  location?: string;
  contactInfo?: string;
  /** Default the store's clock. */
  signingTime?: Date;
}

const FORMAT = 'tongban.seal/1';
const ROOT_ID = 'root-ca';
const ROOT_YEARS = 20;
const DEPARTMENT_DAYS = 3 * 365;
const RENEW_BEFORE_DAYS = 30;
const DAY = 86_400_000;
/** Room for the CMS structure: two RSA certificates and a signature take ~2.7 KB; the placeholder holds 8 KB (16 KB of hex). */
const SIGNATURE_BYTES = 8192;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  organizationIdentifier: '2.5.4.97',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  documentSigning: '1.3.6.1.5.5.7.3.36',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

interface StoredSeal {
  format: typeof FORMAT;
  id: string;
  algorithm: SealAlgorithm;
  certificate: string;
  key: { alg: 'A256GCM'; iv: string; tag: string; data: string };
  createdAt: string;
}

interface Loaded {
  certificate: SealCertificate;
  pkijsCertificate: pkijs.Certificate;
  privateKey: webcrypto.CryptoKey;
}

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

export function openSealStore(options: SealStoreOptions): SealStore {
  const dir = path.join(options.dataDir, 'seals');
  const clock = options.clock ?? systemClock;
  const algorithm = options.algorithm ?? 'rsa-2048';
  const organization = options.organization.trim();
  if (!organization) throw new Error('seals: organization must not be empty');
  const aesKey = options.keys.derive('seals');
  const pending = new Map<string, Promise<Loaded>>();
  const cache = new Map<string, Loaded>();

  function fileOf(id: string): string {
    return path.join(dir, `${id}.json`);
  }

  function aad(id: string, certPem: string): Buffer {
    return Buffer.from(`${FORMAT}:${id}:${createHash('sha256').update(certPem).digest('hex')}`);
  }

  function seal(id: string, certPem: string, pkcs8: Buffer, alg: SealAlgorithm): StoredSeal {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
    cipher.setAAD(aad(id, certPem));
    const data = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
    return {
      format: FORMAT,
      id,
      algorithm: alg,
      certificate: certPem,
      key: { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
      createdAt: clock.nowIso(),
    };
  }

  /** Decrypts the key of `id` (the name it is stored under, not what the file says of itself). */
  async function open(id: string, stored: StoredSeal): Promise<Loaded> {
    if (stored.format !== FORMAT) throw new Error(`seals: ${id} has an unknown format ${String(stored.format)}`);
    let pkcs8: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(stored.key.iv, 'base64'));
      decipher.setAAD(aad(id, stored.certificate));
      decipher.setAuthTag(Buffer.from(stored.key.tag, 'base64'));
      pkcs8 = Buffer.concat([decipher.update(Buffer.from(stored.key.data, 'base64')), decipher.final()]);
    } catch {
      throw new Error(`seals: the key of ${id} does not decrypt (the deployment secret differs from the one it was made with, or the file was altered)`);
    }
    const der = pemToDer(stored.certificate);
    return {
      certificate: describe(der, stored.algorithm),
      pkijsCertificate: pkijs.Certificate.fromBER(toArrayBuffer(der)),
      privateKey: await importPrivateKey(pkcs8, stored.algorithm),
    };
  }

  async function readStored(id: string): Promise<StoredSeal | null> {
    try {
      return JSON.parse(await fs.promises.readFile(fileOf(id), 'utf8')) as StoredSeal;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Writes a new seal file without ever replacing one another process wrote first; returns the one that won. */
  async function writeNew(stored: StoredSeal): Promise<StoredSeal> {
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${fileOf(stored.id)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    try {
      await fs.promises.link(tmp, fileOf(stored.id));
      return stored;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return (await readStored(stored.id))!;
    } finally {
      await fs.promises.unlink(tmp);
    }
  }

  function once(id: string, load: () => Promise<Loaded>): Promise<Loaded> {
    let p = pending.get(id);
    if (!p) {
      p = load().finally(() => pending.delete(id));
      pending.set(id, p);
    }
    return p;
  }

  async function root(): Promise<Loaded> {
    const cached = cache.get(ROOT_ID);
    if (cached) return cached;
    return once(ROOT_ID, async () => {
      let stored = await readStored(ROOT_ID);
      if (!stored) {
        const now = clock.now();
        const keys = makeKeyPair(algorithm);
        const name = [
          { type: OID.country, value: 'CN' },
          { type: OID.organization, value: organization },
          { type: OID.commonName, value: `${organization} 电子印章根证书` },
        ];
        const cert = await issueCertificate({
          subject: name,
          issuer: name,
          publicKeySpki: keys.spki,
          signingKey: await importPrivateKey(keys.pkcs8, algorithm),
          signingSpki: keys.spki,
          notBefore: new Date(now.getTime() - 5 * 60_000),
          notAfter: new Date(now.getTime() + ROOT_YEARS * 365 * DAY),
          ca: true,
        });
        stored = await writeNew(seal(ROOT_ID, derToPem(cert), keys.pkcs8, algorithm));
      }
      const loaded = await open(ROOT_ID, stored);
      // The public root certificate, for verifiers to trust (rewritten if missing).
      const publicFile = path.join(dir, 'root-ca.crt');
      if (!fs.existsSync(publicFile)) await fs.promises.writeFile(publicFile, loaded.certificate.pem, { mode: 0o644 });
      cache.set(ROOT_ID, loaded);
      return loaded;
    });
  }

  function current(loaded: Loaded, department: SealDepartment): boolean {
    const c = loaded.certificate;
    return c.notAfter.getTime() - clock.nowMs() > RENEW_BEFORE_DAYS * DAY && c.notBefore.getTime() <= clock.nowMs() + 5 * 60_000 && commonNameOf(loaded.pkijsCertificate) === department.name;
  }

  async function department(dept: SealDepartment): Promise<Loaded> {
    checkDepartment(dept);
    const id = dept.uscc;
    const cached = cache.get(id);
    if (cached && current(cached, dept)) return cached;
    return once(id, async () => {
      const ca = await root();
      const stored = await readStored(id);
      if (stored) {
        const loaded = await open(id, stored);
        if (current(loaded, dept)) {
          cache.set(id, loaded);
          return loaded;
        }
        // Expiring, or the department was renamed: keep the old one beside (old signatures name it) and reissue.
        await fs.promises.rename(fileOf(id), path.join(dir, `${id}.${loaded.certificate.serialNumber}.json`)).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        });
      }
      const now = clock.now();
      const keys = makeKeyPair(algorithm);
      const cert = await issueCertificate({
        subject: [
          { type: OID.country, value: 'CN' },
          { type: OID.organization, value: organization },
          { type: OID.organizationIdentifier, value: `NTRCN-${dept.uscc}` },
          { type: OID.commonName, value: dept.name },
        ],
        issuer: null,
        issuerCertificate: ca.pkijsCertificate,
        publicKeySpki: keys.spki,
        signingKey: ca.privateKey,
        signingSpki: Buffer.from(ca.pkijsCertificate.subjectPublicKeyInfo.toSchema().toBER(false)),
        notBefore: new Date(now.getTime() - 5 * 60_000),
        notAfter: new Date(Math.min(now.getTime() + DEPARTMENT_DAYS * DAY, ca.certificate.notAfter.getTime())),
        ca: false,
      });
      const written = await writeNew(seal(id, derToPem(cert), keys.pkcs8, algorithm));
      const loaded = await open(id, written);
      cache.set(id, loaded);
      return loaded;
    });
  }

  return {
    dir,
    organization,
    clock,
    async rootCertificate() {
      return (await root()).certificate;
    },
    async departmentCertificate(dept) {
      return (await department(dept)).certificate;
    },
    async signingKey(dept) {
      const d = await department(dept);
      const r = await root();
      return { certificate: d.certificate, chain: [d.certificate, r.certificate], privateKey: d.privateKey };
    },
  };
}

function checkDepartment(d: SealDepartment): void {
  if (typeof d?.uscc !== 'string' || !USCC.test(d.uscc)) throw invalid('seals.invalid_department', 'The department needs an 18-character unified social credit code to have a seal.');
  if (typeof d.name !== 'string' || d.name.trim().length < 2 || d.name.length > 60) throw invalid('seals.invalid_department', 'The department needs a name of 2 to 60 characters to have a seal.');
}

// ---- keys and certificates ----

function makeKeyPair(algorithm: SealAlgorithm): { pkcs8: Buffer; spki: Buffer } {
  const pair: { privateKey: KeyObject; publicKey: KeyObject } =
    algorithm === 'rsa-2048' ? generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    pkcs8: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
    spki: pair.publicKey.export({ format: 'der', type: 'spki' }),
  };
}

function importPrivateKey(pkcs8: Buffer, algorithm: SealAlgorithm): Promise<webcrypto.CryptoKey> {
  const params = algorithm === 'rsa-2048' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' };
  return webcrypto.subtle.importKey('pkcs8', pkcs8, params, false, ['sign']);
}

interface NamePart {
  type: string;
  value: string;
}

/**
 * A distinguished name with one attribute per RDN (C, O, …, CN), as certificates have them. (pkijs would put all the
 * attributes of a name into one multi-valued RDN, which shows as "C=CN+O=…+CN=…"; so the DER is built here.)
 */
function rdn(parts: NamePart[]): pkijs.RelativeDistinguishedNames {
  const der = new asn1js.Sequence({
    value: parts.map(
      (p) =>
        new asn1js.Set({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.ObjectIdentifier({ value: p.type }),
                // Country is a PrintableString by definition; names are UTF8String (they are Chinese).
                p.type === OID.country ? new asn1js.PrintableString({ value: p.value }) : new asn1js.Utf8String({ value: p.value }),
              ],
            }),
          ],
        }),
    ),
  }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

function time(d: Date): pkijs.Time {
  // UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5).
  return new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? 0 : 1, value: d });
}

function keyIdentifier(spki: Buffer): ArrayBuffer {
  const info = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spki));
  const bits = new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView);
  return toArrayBuffer(createHash('sha1').update(bits).digest());
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

async function issueCertificate(p: {
  subject: NamePart[];
  issuer: NamePart[] | null;
  issuerCertificate?: pkijs.Certificate;
  publicKeySpki: Buffer;
  signingKey: webcrypto.CryptoKey;
  signingSpki: Buffer;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
}): Promise<Buffer> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // positive
  serial[0] |= 0x40; // and exactly 16 bytes long
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = rdn(p.subject);
  cert.issuer = p.issuer ? rdn(p.issuer) : p.issuerCertificate!.subject;
  cert.notBefore = time(p.notBefore);
  cert.notAfter = time(p.notAfter);
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(p.publicKeySpki));
  const keyUsage = p.ca
    ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 }) // keyCertSign, cRLSign
    : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 }); // digitalSignature, nonRepudiation
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints(p.ca ? { cA: true, pathLenConstraint: 0 } : {}).toSchema()),
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyIdentifier(p.publicKeySpki) })),
  ];
  if (!p.ca) {
    cert.extensions.push(
      extension(OID.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(p.signingSpki) }) }).toSchema()),
      // Document signing (RFC 9336), and e-mail protection, which NSS (poppler's pdfsig, Firefox) requires of a signer.
      extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.documentSigning, OID.emailProtection] }).toSchema()),
    );
  }
  await cert.sign(p.signingKey, 'SHA-256', engine);
  return Buffer.from(cert.toSchema(true).toBER(false));
}

function commonNameOf(cert: pkijs.Certificate): string | null {
  const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName);
  return cn ? String(cn.value.valueBlock.value) : null;
}

function describe(der: Buffer, algorithm: SealAlgorithm): SealCertificate {
  const x = new X509Certificate(der);
  return {
    pem: derToPem(der),
    der: new Uint8Array(der),
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    serialNumber: x.serialNumber.toLowerCase(),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
    fingerprintSha256: x.fingerprint256.replace(/:/g, '').toLowerCase(),
    algorithm,
  };
}

function derToPem(der: Buffer | Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64');
}

function toArrayBuffer(b: Buffer | Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

// ---- CMS (CAdES) ----

/** ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate by its SHA-256 hash. */
function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: cert.issuer }).toSchema()] }), cert.serialNumber],
  });
  // hashAlgorithm is left out: its DEFAULT is SHA-256.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(createHash('sha256').update(der).digest()) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** A detached CMS SignedData over `content` with PAdES B-B's signed attributes. */
export async function cadesDetached(content: Uint8Array, key: SigningKey): Promise<Buffer> {
  const [signerDer, ...restDer] = key.chain.map((c) => c.der);
  const signer = pkijs.Certificate.fromBER(toArrayBuffer(signerDer));
  const digest = createHash('sha256').update(content).digest();
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
            new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer, signerDer)] }),
          ],
        }),
      }),
    ],
    certificates: [signer, ...restDer.map((d) => pkijs.Certificate.fromBER(toArrayBuffer(d)))],
  });
  await signedData.sign(key.privateKey, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

class CadesSigner extends Signer {
  constructor(private readonly key: SigningKey) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetached(pdfBuffer, this.key);
  }
}

// ---- the PDF side ----

/** The unsigned signature field the document left for its seal, or a new invisible one on the first page. */
function signatureWidget(pdf: PDFDocument): PDFDict {
  const ctx = pdf.context;
  let acroForm = pdf.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    acroForm = ctx.obj({ Fields: [] });
    pdf.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
  }
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = ctx.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  let empty: PDFDict | null = null;
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookup(i, PDFDict);
    if (field.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    if (field.has(PDFName.of('V'))) throw new AppError('conflict', 'pdf.already_signed', 'The document is already signed.');
    if (!empty) empty = field;
  }
  acroForm.set(PDFName.of('SigFlags'), ctx.obj(3)); // SignaturesExist | AppendOnly
  if (empty) return empty;
  const page = pdf.getPage(0);
  const widget = ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(SEAL_FIELD_NAME), Rect: [0, 0, 0, 0], F: 4, P: page.ref });
  const ref: PDFRef = ctx.register(widget);
  page.node.addAnnot(ref);
  fields.push(ref);
  return widget;
}

/**
 * Signs a PDF with the department's seal certificate (PAdES B-B). The result is the whole file with the signature in
 * it; any later change to the signed bytes makes the signature invalid, and anything appended after it is reported as
 * not covered.
 */
export async function signPdf(seals: SealStore, pdfBytes: Uint8Array, department: SealDepartment, options: SignOptions = {}): Promise<Uint8Array> {
  const key = await seals.signingKey(department);
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const signingTime = options.signingTime ?? seals.clock.now();
  const ctx = pdf.context;
  const placeholder = PDFName.of('**********');
  // ByteRange must come before Contents: @signpdf looks for the first /Contents after the ByteRange placeholder.
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('00'.repeat(SIGNATURE_BYTES)),
    M: PDFString.fromDate(signingTime),
    Name: PDFHexString.fromText(department.name),
    Reason: PDFHexString.fromText(options.reason ?? '电子签章'),
    Location: PDFHexString.fromText(options.location ?? seals.organization),
    ...(options.contactInfo ? { ContactInfo: PDFHexString.fromText(options.contactInfo) } : {}),
    Prop_Build: { App: { Name: 'Tongban' }, Filter: { Name: 'Adobe.PPKLite' } },
  });
  const widget = signatureWidget(pdf);
  widget.set(PDFName.of('V'), ctx.register(sig));
  // Object streams would compress the signature dictionary out of reach of the byte-range search.
  const prepared = await pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(key), signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
