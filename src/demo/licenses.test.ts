import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../testing/harness.js';
import { decodeJws, verifyJwsSignature } from '../platform/crypto/jws.js';
import { parseJwks } from '../platform/crypto/keystore.js';
import { parseLicenceId } from '../platform/crypto/licence-id.js';
import { DEMO_LICENCE_TYPES } from './catalog-data.js';
import { DEMO_LICENCE_TYPE_DEFS } from './licenses-data.js';
import { demoDepartments } from './province-data.js';
import { main } from '../main.js';

describe('demo licence types in English', () => {
  it('name every type and field in English too, for pages in English', () => {
    const missing = DEMO_LICENCE_TYPE_DEFS.flatMap((t) => [...(t.nameEn ? [] : [t.name]), ...t.fields.filter((x) => !x.nameEn).map((x) => `${t.name}.${x.key}`)]);
    expect(missing).toEqual([]);
  });
});

describe('demo licence types', () => {
  it('define every licence the demo catalogue names, with departments and kinds that exist', () => {
    const defined = new Set(DEMO_LICENCE_TYPE_DEFS.map((t) => t.code));
    for (const t of Object.values(DEMO_LICENCE_TYPES)) expect(defined, t.name).toContain(t.code);
    expect(defined.size).toBe(DEMO_LICENCE_TYPE_DEFS.length);
    const kinds = new Set(demoDepartments.map((d) => d.kind));
    for (const t of DEMO_LICENCE_TYPE_DEFS) {
      expect(demoDepartments.some((d) => d.key === t.definingDepartmentKey), t.name).toBe(true);
      for (const k of t.issuerKinds) expect(kinds, t.name).toContain(k);
      expect(new Set(t.fields.map((f) => f.key)).size, t.name).toBe(t.fields.length);
      expect(t.code).toMatch(/^[0-9A-Z]{21}$/);
    }
  });
});

describe('demo licences', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ demo: true });
  });
  afterAll(async () => p?.close());

  it('are issued with valid identifiers and genuine signatures; one revoked business licence, one suspended food licence, one from a case', async () => {
    const rows = await p.deps.db.selectFrom('licenses').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const jwks = new Map<string, ReturnType<typeof parseJwks>>();
    for (const r of rows) {
      expect(parseLicenceId(r.licence_id).ok, r.licence_id).toBe(true);
      if (!jwks.has(r.issuer_code)) jwks.set(r.issuer_code, parseJwks((await p.anonymous().get(`/api/v1/licenses/issuers/${r.issuer_code}/jwks.json`)).body));
      const key = jwks.get(r.issuer_code)!.get(r.kid);
      expect(key && verifyJwsSignature(decodeJws(r.credential.split('~')[0]), key), r.licence_id).toBe(true);
    }
    const byStatus = (s: string) => rows.filter((r) => r.status === s).map((r) => r.holder_name).sort();
    expect(byStatus('revoked')).toEqual(['张三', '青川市江口区卢氏五金经营部']);
    expect(byStatus('suspended')).toEqual(['澜州市云台区李记商贸有限公司']);
    expect(rows.filter((r) => r.alg === 'SM2-SM3').length).toBeGreaterThanOrEqual(2);
    const fromCase = rows.filter((r) => r.source === 'case');
    expect(fromCase.map((r) => r.holder_name)).toEqual(['澜州市明湖区小满文化创意有限公司']);
    expect(fromCase[0].case_number).toBeTruthy();
  });

  it('can be added to by a department’s file through the CLI (`tongban import licences <file>`), all or nothing', async () => {
    const jk = demoDepartments.find((d) => d.key === 'jk_scjg')!;
    const ent = (await p.deps.db.selectFrom('enterprise_registry').select(['uscc', 'name']).where('name', '=', '青川市江口区蒙姐米粉店').executeTakeFirstOrThrow());
    const file = path.join(p.config.dataDir, 'licences.json');
    const row = {
      typeCode: DEMO_LICENCE_TYPES.businessLicence.code, number: ent.uscc, holder: { kind: 'enterprise', uscc: ent.uscc, name: ent.name }, issuedOn: '2019-07-19',
      fields: { enterpriseType: '个体工商户', legalRepresentative: '蒙秀珍', establishedOn: '2019-07-19', businessTerm: '2019-07-19至长期', address: '云澜省青川市江口区渔港街12号', businessScope: '许可项目：餐饮服务。' },
    };
    const env = { TONGBAN_DATA_DIR: p.config.dataDir, TONGBAN_SECRET_KEY_FILE: p.config.secretKeyFile, DATABASE_URL: p.config.databaseUrl ?? '' };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      fs.writeFileSync(file, JSON.stringify({ format: 'tongban.licences/1', issuer: jk.uscc, licences: [{ ...row, holder: { ...row.holder, uscc: ent.uscc.slice(0, -1) + (ent.uscc.endsWith('0') ? '1' : '0') } }] }));
      await expect(main(['import', 'licences', file])).rejects.toMatchObject({ code: 'import.invalid_rows', details: [{ row: 1, field: 'holder.uscc', reason: 'has a wrong check character (GB 32100)' }] });
      fs.writeFileSync(file, JSON.stringify({ format: 'tongban.licences/1', issuer: jk.uscc, licences: [row] }));
      expect(await main(['import', 'licences', file])).toBe(0);
      expect(out).toHaveBeenLastCalledWith('imported licences: 1 issued, 0 unchanged');
      expect(await main(['import', 'licences', file])).toBe(0);
      expect(out).toHaveBeenLastCalledWith('imported licences: 0 issued, 1 unchanged');
    } finally {
      out.mockRestore();
      process.env = saved;
    }
    const imported = await p.deps.db.selectFrom('licenses').select(['created_by', 'status']).where('holder_key', '=', ent.uscc).execute();
    expect(imported).toEqual([{ created_by: 'cli', status: 'valid' }]);
  });
});
