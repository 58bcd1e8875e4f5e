import { describe, expect, it } from 'vitest';
import { breakLines, formatChineseDate } from './text.js';

/** Every character is 1 unit wide, so a width of N holds N characters. */
const measure = (s: string) => [...s].length;

describe('formatChineseDate', () => {
  it('writes dates with Chinese numerals as official documents do', () => {
    expect(formatChineseDate(new Date('2026-11-28T02:00:00Z'))).toBe('二〇二六年十一月二十八日');
    expect(formatChineseDate(new Date('2030-01-01T00:00:00+08:00'))).toBe('二〇三〇年一月一日');
    expect(formatChineseDate(new Date('2026-10-10T12:00:00+08:00'))).toBe('二〇二六年十月十日');
    expect(formatChineseDate(new Date('2026-05-20T12:00:00+08:00'))).toBe('二〇二六年五月二十日');
    expect(formatChineseDate(new Date('2026-12-31T12:00:00+08:00'))).toBe('二〇二六年十二月三十一日');
    expect(formatChineseDate(new Date('2026-03-15T12:00:00+08:00'))).toBe('二〇二六年三月十五日');
  });

  it('takes the calendar day in China time', () => {
    // 2026-11-27 18:00 UTC is already the 28th in Beijing.
    expect(formatChineseDate(new Date('2026-11-27T18:00:00Z'))).toBe('二〇二六年十一月二十八日');
    expect(formatChineseDate(new Date('2026-11-27T18:00:00Z'), 'UTC')).toBe('二〇二六年十一月二十七日');
  });
});

describe('breakLines', () => {
  it('fills lines to the width, the first one narrower by its indent, and justifies all but the last', () => {
    const lines = breakLines('一二三四五六七八九十甲乙丙丁', 6, measure, 2);
    expect(lines.map((l) => l.text)).toEqual(['一二三四', '五六七八九十', '甲乙丙丁']);
    expect(lines.map((l) => l.justify)).toEqual([true, true, false]);
  });

  it('never starts a line with closing punctuation: the character before goes down with it', () => {
    const lines = breakLines('甲乙丙丁戊，己庚', 5, measure);
    expect(lines.map((l) => l.text)).toEqual(['甲乙丙丁', '戊，己庚']);
  });

  it('never ends a line with opening punctuation', () => {
    const lines = breakLines('甲乙丙丁《戊己》', 5, measure);
    expect(lines.map((l) => l.text)).toEqual(['甲乙丙丁', '《戊己》']);
  });

  it('keeps runs of Latin letters and digits whole, and breaks one only when it is wider than a line', () => {
    expect(breakLines('编号SQ2026甲', 6, measure).map((l) => l.text)).toEqual(['编号', 'SQ2026', '甲']);
    expect(breakLines('https://example.cn/abc', 8, measure).map((l) => l.text)).toEqual(['https://', 'example.', 'cn/abc']);
  });

  it('honours hard line breaks and drops spaces at line starts', () => {
    expect(breakLines('甲乙\n丙丁', 10, measure).map((l) => l.text)).toEqual(['甲乙', '丙丁']);
    expect(breakLines('甲乙丙 丁', 3, measure).map((l) => l.text)).toEqual(['甲乙丙', '丁']);
  });
});
