import { describe, it, expect } from 'vitest';
import {
  DEMO_PROVINCE_PREFIX,
  PROVINCE_PREFIXES,
  USCC_ALPHABET,
  citizenIdCheckChar,
  explainCitizenId,
  explainUscc,
  generateCitizenId,
  generateUscc,
  isValidCitizenId,
  isValidProvincePrefix,
  isValidRegionCode,
  isValidUscc,
  orgCodeCheckChar,
  parentRegionCode,
  regionLevel,
  todayInChina,
  usccCheckChar,
} from './codes.js';
import { mulberry32 } from './prng.js';

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Every string obtained by replacing one character of `s` with a different character of `alphabet`. */
function* singleSubstitutions(s: string, alphabet: string): Generator<string> {
  for (let i = 0; i < s.length; i++) {
    for (const c of alphabet) {
      if (c !== s[i]) yield s.slice(0, i) + c + s.slice(i + 1);
    }
  }
}

const VALID_ID = '11010519491231002X';
const VALID_USCCS = ['91350100M000100Y43', '11100000000013338W', '11110000000021135M'];
const FIXED_TODAY = '2026-06-15';

describe('province prefixes', () => {
  it('lists the GB/T 2260 province-level prefixes plus the demo prefix 39', () => {
    expect([...PROVINCE_PREFIXES]).toEqual([
      '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '39',
      '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
      '71', '81', '82', '83', '91',
    ]);
    expect(DEMO_PROVINCE_PREFIX).toBe('39');
    expect(PROVINCE_PREFIXES).toContain(DEMO_PROVINCE_PREFIX);
    expect(Object.isFrozen(PROVINCE_PREFIXES)).toBe(true);
  });

  it('accepts listed prefixes and rejects others', () => {
    for (const p of PROVINCE_PREFIXES) expect(isValidProvincePrefix(p)).toBe(true);
    for (const p of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '72', '80', '84', '90', '92', '99', '1', '110']) {
      expect(isValidProvincePrefix(p)).toBe(false);
    }
  });
});

describe('region codes (GB/T 2260)', () => {
  it('accepts real and demo codes', () => {
    for (const c of ['110000', '110100', '110105', '350102', '429004', '650000', '810000', '390000', '390100', '390102', '390203']) {
      expect(isValidRegionCode(c)).toBe(true);
    }
  });

  it('rejects wrong length, non-digits, unknown prefixes and a district without a city segment', () => {
    for (const c of ['', '11000', '1100000', '11010a', ' 110000', '110000 ', '１１００００', '100000', '470000', '000000', '110001', '390099']) {
      expect(isValidRegionCode(c)).toBe(false);
    }
  });

  it('derives levels', () => {
    expect(regionLevel('390000')).toBe('province');
    expect(regionLevel('390100')).toBe('city');
    expect(regionLevel('390102')).toBe('district');
    expect(regionLevel('110105')).toBe('district');
    expect(regionLevel('429004')).toBe('district');
  });

  it('derives parents with the simple structural rule', () => {
    expect(parentRegionCode('390000')).toBeNull();
    expect(parentRegionCode('390100')).toBe('390000');
    expect(parentRegionCode('390102')).toBe('390100');
    expect(parentRegionCode('110105')).toBe('110100');
    expect(parentRegionCode('429004')).toBe('429000');
    // chains always end at the province
    let c: string | null = '390203';
    const chain: string[] = [];
    while (c !== null) {
      chain.push(c);
      c = parentRegionCode(c);
    }
    expect(chain).toEqual(['390203', '390200', '390000']);
  });

  it('throws on invalid codes in the structural helpers', () => {
    expect(() => regionLevel('110001')).toThrow(RangeError);
    expect(() => parentRegionCode('47')).toThrow(RangeError);
    expect(() => parentRegionCode('100000')).toThrow(RangeError);
  });
});

describe('citizen ID check character', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(citizenIdCheckChar(VALID_ID.slice(0, 17))).toBe('X');
    // the 11 possible results each appear for some input: vary the last digit of a fixed prefix
    const seen = new Set<string>();
    const rnd = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      let s = '';
      for (let j = 0; j < 17; j++) s += String(int(rnd, 0, 9));
      seen.add(citizenIdCheckChar(s));
    }
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it('matches a hand-computed example', () => {
    // 11010519491231002: 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167, 167 mod 11 = 2 → 'X'
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
  });

  it('rejects input that is not 17 digits', () => {
    for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100X', '1101051949123100a']) {
      expect(() => citizenIdCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('citizen ID validation (GB 11643)', () => {
  it('accepts the published example and explains it', () => {
    expect(isValidCitizenId(VALID_ID)).toBe(true);
    expect(explainCitizenId(VALID_ID)).toEqual({ ok: true, regionCode: '110105', birthDate: '1949-12-31', sex: 'F' });
  });

  it('rejects a lowercase x (normalisation happens elsewhere)', () => {
    expect(explainCitizenId(VALID_ID.toLowerCase())).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects every single-character substitution of a valid ID', () => {
    let n = 0;
    for (const id of singleSubstitutions(VALID_ID, '0123456789X')) {
      expect(isValidCitizenId(id), id).toBe(false);
      n++;
    }
    expect(n).toBe(18 * 10);
  });

  it('rejects every single-character substitution of generated IDs, with check_digit when nothing else is wrong', () => {
    const rnd = mulberry32(42);
    for (let k = 0; k < 20; k++) {
      const id = generateCitizenId(pick(rnd, ['390102', '390105', '110105', '440305']), `19${int(rnd, 50, 99)}-0${int(rnd, 1, 9)}-1${int(rnd, 0, 9)}`, int(rnd, 0, 999), pick(rnd, ['M', 'F'] as const));
      expect(isValidCitizenId(id)).toBe(true);
      for (const bad of singleSubstitutions(id, '0123456789X')) {
        const e = explainCitizenId(bad);
        expect(e.ok, bad).toBe(false);
      }
      // flipping only the sequence digits leaves structure intact, so the check digit catches it
      for (let i = 14; i < 17; i++) {
        const d = (Number(id[i]) + 1) % 10;
        expect(explainCitizenId(id.slice(0, i) + d + id.slice(i + 1))).toEqual({ ok: false, reason: 'check_digit' });
      }
    }
  });

  describe('explainCitizenId reasons', () => {
    it('length', () => {
      for (const s of ['', '1101051949123100', '11010519491231002', '11010519491231002X1', ` ${VALID_ID}`]) {
        expect(explainCitizenId(s)).toEqual({ ok: false, reason: 'length' });
      }
      expect(explainCitizenId(undefined as unknown as string)).toEqual({ ok: false, reason: 'length' });
    });

    it('format', () => {
      for (const s of ['1101051949123100XX', 'A1010519491231002X', '110105194912310 2X', '11010519491231002x', '11010519491231002Y', '１1010519491231002X']) {
        expect(explainCitizenId(s)).toEqual({ ok: false, reason: 'format' });
      }
    });

    it('region', () => {
      for (const prefix of ['00', '10', '47', '99']) {
        const first17 = `${prefix}010519491231002`;
        expect(explainCitizenId(first17 + citizenIdCheckChar(first17))).toEqual({ ok: false, reason: 'region' });
      }
    });

    it('birth_date: impossible dates', () => {
      for (const date of ['19490230', '19001301', '19000229', '20230229', '19491200', '19490431', '20000000']) {
        const first17 = `110105${date}002`;
        expect(explainCitizenId(first17 + citizenIdCheckChar(first17)), date).toEqual({ ok: false, reason: 'birth_date' });
      }
      // 2000 and 2024 are leap years
      for (const date of ['20000229', '20240229']) {
        const first17 = `110105${date}002`;
        expect(isValidCitizenId(first17 + citizenIdCheckChar(first17)), date).toBe(true);
      }
    });

    it('birth_date: range 1900-01-01 to today', () => {
      const make = (date: string): string => {
        const first17 = `390102${date.replaceAll('-', '')}123`;
        return first17 + citizenIdCheckChar(first17);
      };
      expect(explainCitizenId(make('1899-12-31'), { today: FIXED_TODAY })).toEqual({ ok: false, reason: 'birth_date' });
      expect(isValidCitizenId(make('1900-01-01'), { today: FIXED_TODAY })).toBe(true);
      expect(isValidCitizenId(make(FIXED_TODAY), { today: FIXED_TODAY })).toBe(true);
      expect(explainCitizenId(make('2026-06-16'), { today: FIXED_TODAY })).toEqual({ ok: false, reason: 'birth_date' });
      // a Date is read in China time: 2026-06-15T17:00Z is already 2026-06-16 in Beijing
      expect(isValidCitizenId(make('2026-06-16'), { today: new Date('2026-06-15T17:00:00Z') })).toBe(true);
      expect(isValidCitizenId(make('2026-06-16'), { today: new Date('2026-06-15T15:59:59Z') })).toBe(false);
    });

    it('birth_date: defaults to today in China', () => {
      const today = todayInChina();
      const tomorrow = todayInChina(new Date(Date.now() + 24 * 3600 * 1000));
      const make = (date: string): string => {
        const first17 = `390102${date.replaceAll('-', '')}123`;
        return first17 + citizenIdCheckChar(first17);
      };
      expect(isValidCitizenId(make(today))).toBe(true);
      expect(explainCitizenId(make(tomorrow))).toEqual({ ok: false, reason: 'birth_date' });
    });

    it('check_digit', () => {
      for (const c of '0123456789') {
        expect(explainCitizenId(`11010519491231002${c}`)).toEqual({ ok: false, reason: 'check_digit' });
      }
    });

    it('reports the first failing check', () => {
      // bad region and bad date and bad check digit: region wins
      expect(explainCitizenId('470105194902300020')).toEqual({ ok: false, reason: 'region' });
      // bad date and bad check digit: birth_date wins
      expect(explainCitizenId('110105194902300020')).toEqual({ ok: false, reason: 'birth_date' });
    });
  });

  it('derives sex from the 17th digit', () => {
    for (let d = 0; d <= 9; d++) {
      const first17 = `3901021990010100${d}`;
      const e = explainCitizenId(first17 + citizenIdCheckChar(first17));
      expect(e).toMatchObject({ ok: true, sex: d % 2 === 1 ? 'M' : 'F' });
    }
  });
});

describe('generateCitizenId', () => {
  it('builds the published example', () => {
    expect(generateCitizenId('110105', '1949-12-31', 2, 'F')).toBe(VALID_ID);
  });

  it('sets the sex digit by moving seq3 to its pair when needed', () => {
    expect(generateCitizenId('390102', '1990-01-01', 2, 'M').slice(14, 17)).toBe('003');
    expect(generateCitizenId('390102', '1990-01-01', 3, 'M').slice(14, 17)).toBe('003');
    expect(generateCitizenId('390102', '1990-01-01', 3, 'F').slice(14, 17)).toBe('002');
    expect(generateCitizenId('390102', '1990-01-01', 0, 'M').slice(14, 17)).toBe('001');
    expect(generateCitizenId('390102', '1990-01-01', 999, 'F').slice(14, 17)).toBe('998');
    expect(generateCitizenId('390102', '1990-01-01', 999, 'M').slice(14, 17)).toBe('999');
  });

  it('round-trips many random inputs through explainCitizenId', () => {
    const rnd = mulberry32(2026);
    const regions = ['110105', '310115', '440305', '500103', '650102', '810000', '390102', '390105', '390202', '390203', '390100'];
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const region = pick(rnd, regions);
      const y = int(rnd, 1900, 2025);
      const m = int(rnd, 1, 12);
      const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const d = int(rnd, 1, dim);
      const date = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
      const seq = int(rnd, 0, 999);
      const sex = pick(rnd, ['M', 'F'] as const);
      const id = generateCitizenId(region, date, seq, sex);
      expect(id).toHaveLength(18);
      expect(explainCitizenId(id)).toEqual({ ok: true, regionCode: region, birthDate: date, sex });
      expect(id.slice(0, 17)).toMatch(/^\d{17}$/);
      seen.add(id);
    }
    expect(seen.size).toBeGreaterThan(4900);
  });

  it('throws on impossible inputs', () => {
    expect(() => generateCitizenId('470102', '1990-01-01', 1, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('39010', '1990-01-01', 1, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '1990-02-30', 1, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '1899-12-31', 1, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '19900101', 1, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '2026-06-16', 1, 'M', { today: FIXED_TODAY })).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '1990-01-01', -1, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '1990-01-01', 1000, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '1990-01-01', 1.5, 'M')).toThrow(RangeError);
    expect(() => generateCitizenId('390102', '1990-01-01', 1, 'X' as 'M')).toThrow(RangeError);
  });
});

describe('USCC (GB 32100)', () => {
  it('uses the 31-character alphabet without I O Z S V', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const c of 'IOZSV') expect(USCC_ALPHABET).not.toContain(c);
  });

  it('accepts published examples and explains them', () => {
    for (const u of VALID_USCCS) expect(isValidUscc(u), u).toBe(true);
    expect(explainUscc('91350100M000100Y43')).toEqual({
      ok: true,
      registrationAuthority: '9',
      entityType: '1',
      regionCode: '350100',
      orgCode: 'M000100Y4',
    });
    expect(explainUscc('11100000000013338W')).toEqual({
      ok: true,
      registrationAuthority: '1',
      entityType: '1',
      regionCode: '100000',
      orgCode: '000013338',
    });
  });

  it('computes the check character', () => {
    for (const u of VALID_USCCS) expect(usccCheckChar(u.slice(0, 17))).toBe(u[17]);
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
  });

  it('rejects every single-character substitution of the published examples', () => {
    for (const u of VALID_USCCS) {
      let n = 0;
      for (const bad of singleSubstitutions(u, USCC_ALPHABET)) {
        expect(explainUscc(bad), bad).toEqual({ ok: false, reason: 'check_digit' });
        n++;
      }
      expect(n).toBe(18 * 30);
    }
  });

  describe('explainUscc reasons', () => {
    it('length', () => {
      for (const s of ['', '91350100M000100Y4', '91350100M000100Y431', ' 91350100M000100Y43']) {
        expect(explainUscc(s)).toEqual({ ok: false, reason: 'length' });
      }
      expect(explainUscc(null as unknown as string)).toEqual({ ok: false, reason: 'length' });
    });

    it('charset: forbidden letters, lowercase and punctuation', () => {
      for (const c of ['I', 'O', 'Z', 'S', 'V', 'm', '-', ' ', 'Ａ']) {
        const s = `91350100${c}000100Y43`;
        expect(explainUscc(s), s).toEqual({ ok: false, reason: 'charset' });
      }
      expect(explainUscc('91350100m000100y43')).toEqual({ ok: false, reason: 'charset' });
    });

    it('check_digit', () => {
      for (const c of USCC_ALPHABET) {
        if (c === '3') continue;
        expect(explainUscc(`91350100M000100Y4${c}`)).toEqual({ ok: false, reason: 'check_digit' });
      }
    });
  });

  it('does not enforce the GB 11714 check character inside the code', () => {
    // change the org check char (position 17) and repair the USCC check char: still valid
    const first16 = '91350100M000100Y';
    const wrongOrgCheck = '5';
    expect(orgCodeCheckChar('M000100Y')).not.toBe(wrongOrgCheck);
    const first17 = first16 + wrongOrgCheck;
    expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
  });
});

describe('GB 11714 organisation code check character', () => {
  it('matches the published examples', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('00001333')).toBe('8');
    expect(orgCodeCheckChar('00002113')).toBe('5');
  });

  it("maps 10 to 'X' and 11 to '0'", () => {
    // weights 3 7 9 10 5 8 4 2; check = 11 - (sum mod 11)
    expect(orgCodeCheckChar('00000000')).toBe('0'); // sum 0 → 11 → '0'
    expect(orgCodeCheckChar('00000002')).toBe('7'); // sum 2*2 = 4 → 7
    expect(orgCodeCheckChar('00000005')).toBe('1'); // sum 5*2 = 10 → 1
    expect(orgCodeCheckChar('00000100')).toBe('3'); // sum 1*8 = 8 → 3
    expect(orgCodeCheckChar('0000000Y')).toBe('9'); // Y = 34: sum 68 ≡ 2 → 9
    expect(orgCodeCheckChar('00000030')).toBe('X'); // sum 3*4 = 12 ≡ 1 → 10 → 'X'
  });

  it('rejects bad bodies', () => {
    for (const bad of ['', '0000000', '000000000', '0000000I', '0000000a']) {
      expect(() => orgCodeCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('generateUscc', () => {
  it('rebuilds the published examples', () => {
    expect(generateUscc('9', '1', '350100', 'M000100Y')).toBe('91350100M000100Y43');
    expect(generateUscc('1', '1', '100000', '00001333')).toBe('11100000000013338W');
    expect(generateUscc('1', '1', '110000', '00002113')).toBe('11110000000021135M');
  });

  it('round-trips many random inputs through explainUscc', () => {
    const rnd = mulberry32(32100);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const authority = pick(rnd, ['1', '5', '9', 'Y'] as const);
      const type = pick(rnd, ['1', '2', '3', '9'] as const);
      const region = pick(rnd, ['390102', '390105', '390202', '390203', '390100', '390000', '110105', '100000']);
      let body = '';
      for (let j = 0; j < 8; j++) body += pick(rnd, USCC_ALPHABET.split(''));
      const code = generateUscc(authority, type, region, body);
      expect(code).toHaveLength(18);
      const orgCheck = orgCodeCheckChar(body);
      expect(explainUscc(code)).toEqual({
        ok: true,
        registrationAuthority: authority,
        entityType: type,
        regionCode: region,
        orgCode: body + orgCheck,
      });
      seen.add(code);
      // a sample of them also detects every single substitution
      if (i < 10) {
        for (const bad of singleSubstitutions(code, USCC_ALPHABET)) expect(isValidUscc(bad)).toBe(false);
      }
    }
    expect(seen.size).toBe(5000);
  });

  it('throws on bad parts', () => {
    expect(() => generateUscc('', '1', '390102', '00001333')).toThrow(RangeError);
    expect(() => generateUscc('91', '1', '390102', '00001333')).toThrow(RangeError);
    expect(() => generateUscc('I', '1', '390102', '00001333')).toThrow(RangeError);
    expect(() => generateUscc('9', 'S', '390102', '00001333')).toThrow(RangeError);
    expect(() => generateUscc('9', '1', '39010', '00001333')).toThrow(RangeError);
    expect(() => generateUscc('9', '1', '39010A', '00001333')).toThrow(RangeError);
    expect(() => generateUscc('9', '1', '390102', '0000133')).toThrow(RangeError);
    expect(() => generateUscc('9', '1', '390102', 'MA0000O1')).toThrow(RangeError);
  });
});
