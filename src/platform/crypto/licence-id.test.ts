import { describe, expect, it } from 'vitest';
import { buildLicenceId, isValidLicenceId, mod3736CheckChar, parseLicenceId } from './licence-id.js';

const REAL = '1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.Y';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('mod3736CheckChar', () => {
  it('matches ISO/IEC 7064 MOD 37,36 examples (last character is the check character)', () => {
    for (const s of ['A12425GABC1234002M', 'B159D8FA01240000K', '188166C7342000003']) {
      expect(mod3736CheckChar(s.slice(0, -1))).toBe(s.at(-1));
    }
  });

  it('rejects characters outside 0-9A-Z', () => {
    expect(() => mod3736CheckChar('abc')).toThrow(RangeError);
    expect(() => mod3736CheckChar('')).toThrow(RangeError);
    expect(() => mod3736CheckChar('12-3')).toThrow(RangeError);
  });

  it('detects every single substitution and every adjacent transposition', () => {
    const body = '11100000000013338W011' + '11110000000021135M' + '20230329701' + '003';
    const check = mod3736CheckChar(body);
    for (let i = 0; i < body.length; i++) {
      for (const c of ALPHABET) {
        if (c === body[i]) continue;
        const changed = body.slice(0, i) + c + body.slice(i + 1);
        expect(mod3736CheckChar(changed)).not.toBe(check);
      }
      if (i + 1 < body.length && body[i] !== body[i + 1]) {
        const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
        expect(mod3736CheckChar(swapped)).not.toBe(check);
      }
    }
  });
});

describe('parseLicenceId', () => {
  it('validates the real identifier and returns its parts', () => {
    expect(parseLicenceId(REAL)).toEqual({
      ok: true,
      id: REAL,
      typeCode: '11100000000013338W011',
      issuerCode: '11110000000021135M',
      serial: '20230329701',
      version: '003',
      check: 'Y',
    });
    expect(isValidLicenceId(REAL)).toBe(true);
  });

  it('reports every other check character as check_mismatch with the expected one', () => {
    for (const c of ALPHABET) {
      if (c === 'Y') continue;
      const r = parseLicenceId(REAL.slice(0, -1) + c);
      expect(r).toMatchObject({ ok: false, code: 'check_mismatch', expectedCheck: 'Y' });
    }
  });

  it('reports a changed serial or version as check_mismatch', () => {
    expect(parseLicenceId(REAL.replace('20230329701', '20230329702'))).toMatchObject({ ok: false, code: 'check_mismatch' });
    expect(parseLicenceId(REAL.replace('.003.', '.004.'))).toMatchObject({ ok: false, code: 'check_mismatch' });
  });

  it('gives malformed parts their own codes', () => {
    const cases: Array<[unknown, string]> = [
      [42, 'not_a_string'],
      ['1.2.156.3005.3.11100000000013338W011.11110000000021135M.20230329701.003.Y', 'root'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.Y', 'parts'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.2023.0329701.003.Y', 'parts'],
      ['1.2.156.3005.2.11100000000013338W01.11110000000021135M.20230329701.003.Y', 'type_code'],
      ['1.2.156.3005.2.11100000000013338w011.11110000000021135M.20230329701.003.Y', 'type_code'],
      ['1.2.156.3005.2.11100000000013338W011.1111000000002113M.20230329701.003.Y', 'issuer_code'],
      ['1.2.156.3005.2.11100000000013338W011.1111000000002113SM.20230329701.003.Y', 'issuer_code'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135N.20230329701.003.Y', 'issuer_check'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M..003.Y', 'serial'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.2023-0329701.003.Y', 'serial'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.03.Y', 'version'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.00A.Y', 'version'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.YY', 'check_char'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.y', 'check_char'],
      ['1.2.156.3005.2.11100000000013338W011.11110000000021135M.20230329701.003.', 'check_char'],
    ];
    for (const [id, code] of cases) expect(parseLicenceId(id), String(id)).toMatchObject({ ok: false, code });
  });

  it('can accept an issuer code whose USCC check character is wrong when asked to', () => {
    const body = '11100000000013338W011' + '11110000000021135N' + '20230329701' + '003';
    const id = `1.2.156.3005.2.11100000000013338W011.11110000000021135N.20230329701.003.${mod3736CheckChar(body)}`;
    expect(parseLicenceId(id).ok).toBe(false);
    expect(parseLicenceId(id, { checkIssuerUscc: false }).ok).toBe(true);
  });
});

describe('buildLicenceId', () => {
  it('rebuilds the real identifier', () => {
    expect(
      buildLicenceId({ typeCode: '11100000000013338W011', issuerCode: '11110000000021135M', serial: '20230329701', version: '003' }),
    ).toBe(REAL);
  });

  it('round-trips through parseLicenceId', () => {
    const id = buildLicenceId({ typeCode: '11100000000013338W012', issuerCode: '11110000000021135M', serial: 'A0000001', version: '001' });
    expect(parseLicenceId(id)).toMatchObject({ ok: true, serial: 'A0000001', version: '001' });
  });

  it('throws on a malformed part, naming it', () => {
    expect(() => buildLicenceId({ typeCode: 'X', issuerCode: '11110000000021135M', serial: '1', version: '001' })).toThrow(/type_code/);
    expect(() =>
      buildLicenceId({ typeCode: '11100000000013338W011', issuerCode: '11110000000021135M', serial: '1', version: '1' }),
    ).toThrow(/version/);
  });
});
