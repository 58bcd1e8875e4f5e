import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Client, type TestPlatform } from '../../testing/harness.js';
import { forgeOneByte, pdfText, requireTools, run, tempDir, writeTemp } from '../../platform/pdf/testing.js';
import { T, listenHere, zhangsan } from './testing/helpers.js';

/*
 * 证照打印件: the licence as a PDF sealed by the issuing department (pdfsig: valid, whole document), with its Chinese
 * text (pdftotext), a QR code to the public check by identifier; a changed byte breaks the seal; only the holder and
 * the issuing department get it, and each download is access-logged.
 */

let p: TestPlatform;
let zs: Client;
let officer: Client;
let otherOfficer: Client;
let dir: string;
let marriage: any;
let bytes: Buffer;

const nospace = (s: string) => s.replace(/\s+/g, '');

async function download(c: Client, path: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const r = await c.raw(path, { headers: c.token ? { authorization: `Bearer ${c.token}` } : {} });
  return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type') };
}

beforeAll(async () => {
  requireTools('pdfsig', 'pdftotext');
  dir = tempDir('licence-printouts');
  p = await startTestPlatform({ demo: true });
  listenHere(p);
  [zs, officer, otherOfficer] = await Promise.all(['zhangsan', 'mh_mz_ck1', 'mh_scjg_ck1'].map((u) => p.login(u)));
  marriage = (await zs.get('/api/v1/licenses/wallet')).body.items.find((i: any) => i.typeCode === T.marriage);
  expect(marriage).toBeTruthy();
}, 60_000);
afterAll(async () => p?.close());

describe('the licence printout (证照打印件)', () => {
  it('is a PDF sealed by the issuing department over the whole file, with the licence in Chinese', async () => {
    const before = await p.deps.db.selectFrom('data_access_log').select('id').where('purpose', 'like', `%证照打印件%${marriage.licenceId}%`).execute();
    const got = await download(zs, `/api/v1/licenses/wallet/${marriage.licenceId}/printout.pdf`);
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(got.type).toBe('application/pdf');
    bytes = got.bytes;
    const sig = run('pdfsig', [writeTemp(dir, 'marriage.pdf', bytes)]).output;
    expect(sig).toContain(`Signer Certificate Common Name: ${marriage.issuer.name}`);
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const text = nospace(pdfText(writeTemp(dir, 'marriage-text.pdf', bytes)));
    const detail = (await zs.get(`/api/v1/licenses/wallet/${marriage.licenceId}`)).body;
    const byKey = Object.fromEntries(detail.fields.map((f: any) => [f.key, f]));
    for (const piece of ['结婚证', marriage.licenceId, marriage.number, '持证人', '张三', zhangsan.idNumber, byKey.spouseName.name, String(byKey.spouseName.value), byKey.registrationOffice.name, '颁发机构', marriage.issuer.name, '有效期', '证照状态', '有效', '扫码查验证照状态']) {
      expect(text, piece).toContain(nospace(piece));
    }
    // L4 fields stay out, as they stay out of the credential
    expect(text).not.toContain(nospace(String(byKey.spouseIdNumber.value)));
    const after = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', 'like', `%证照打印件%${marriage.licenceId}%`).execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ subject_type: 'person', subject_key: zhangsan.idNumber });
  });

  it('is reported invalid once one byte changes', () => {
    const { forged } = forgeOneByte(bytes);
    const out = run('pdfsig', [writeTemp(dir, 'marriage-forged.pdf', forged)]).output;
    expect(out).not.toContain('Signature is Valid');
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('the issuing department’s officer prints it too; nobody else gets it', async () => {
    const byOfficer = await download(officer, `/api/v1/licenses/issued/${marriage.licenceId}/printout.pdf`);
    expect(byOfficer.status).toBe(200);
    expect(run('pdfsig', [writeTemp(dir, 'marriage-officer.pdf', byOfficer.bytes)]).output).toContain('Signature Validation: Signature is Valid.');
    const logged = await p.deps.db.selectFrom('data_access_log').selectAll().where('purpose', 'like', `%证照打印件%${marriage.licenceId}%`).execute();
    expect(logged.some((l) => l.accessor_name === 'mh_mz_ck1' && l.subject_key === zhangsan.idNumber)).toBe(true);

    for (const [c, path] of [
      [otherOfficer, `/api/v1/licenses/issued/${marriage.licenceId}/printout.pdf`],
      [await p.login('lisi'), `/api/v1/licenses/wallet/${marriage.licenceId}/printout.pdf`],
    ] as const) {
      const r = await download(c, path);
      expect(r.status, path).toBe(404);
      expect(r.bytes.toString('latin1')).not.toContain('%PDF');
    }
    expect((await download(officer, `/api/v1/licenses/wallet/${marriage.licenceId}/printout.pdf`)).status).toBe(403);
    expect((await download(zs, `/api/v1/licenses/issued/${marriage.licenceId}/printout.pdf`)).status).toBe(403);
    expect((await download(p.anonymous(), `/api/v1/licenses/wallet/${marriage.licenceId}/printout.pdf`)).status).toBe(401);
  });

  it('its QR code leads to the public check by identifier, which shows the current status and nothing personal', async () => {
    const c = await p.anonymous().get(`/api/v1/licenses/check/${encodeURIComponent(marriage.licenceId)}`);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ licenceId: marriage.licenceId, typeName: '结婚证', status: 'valid', holderName: '张*', issuer: { name: marriage.issuer.name } });
    // and in English, for the page in English
    expect(c.body).toMatchObject({ typeNameEn: expect.any(String), issuer: { nameEn: expect.any(String) } });
    expect(c.body.fields.every((f: any) => typeof f.nameEn === 'string')).toBe(true);
    const json = JSON.stringify(c.body);
    expect(json).not.toContain(zhangsan.idNumber);
    expect(c.body.fields.every((f: any) => f.key !== 'spouseName' && f.key !== 'spouseIdNumber')).toBe(true);
    // a revocation is seen at once
    const revoked = await officer.post(`/api/v1/licenses/${marriage.licenceId}/suspend`, { reason: '核查婚姻登记档案' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect((await p.anonymous().get(`/api/v1/licenses/check/${encodeURIComponent(marriage.licenceId)}`)).body.status).toBe('suspended');
    const text = nospace(pdfText(writeTemp(dir, 'suspended.pdf', (await download(zs, `/api/v1/licenses/wallet/${marriage.licenceId}/printout.pdf`)).bytes)));
    expect(text).toContain(nospace('本证照暂停使用'));
    expect((await officer.post(`/api/v1/licenses/${marriage.licenceId}/reinstate`, { reason: '核查无误' })).status).toBe(200);
    // a wrong check character, or an identifier never issued here
    const bad = await p.anonymous().get(`/api/v1/licenses/check/${encodeURIComponent(marriage.licenceId.slice(0, -1) + (marriage.licenceId.endsWith('A') ? 'B' : 'A'))}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('licenses.bad_licence_id');
  });
});
