/**
 * Chinese line breaking and dates for official documents.
 *
 * Lines break between any two CJK characters, never inside a run of Latin letters or digits (a URL, a code, a
 * number), and follow the usual rules of Chinese typesetting (避头尾): closing punctuation never starts a line and
 * opening punctuation never ends one — the character before is carried to the next line instead.
 */

/** Closing punctuation: may not start a line. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—％,.;:?!)]}·～']);
/** Opening punctuation: may not end a line. */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

const LATIN_RUN = /[A-Za-z0-9\-_.:/@%#&=?+~,'"]/;

export interface BrokenLine {
  text: string;
  /** True for every line of a paragraph but its last: it is stretched to the full width. */
  justify: boolean;
}

/** Splits text into units that are never broken: runs of Latin letters/digits, single spaces and single characters. */
function units(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const ch of text) {
    if (LATIN_RUN.test(ch)) {
      run += ch;
      continue;
    }
    if (run) {
      out.push(run);
      run = '';
    }
    out.push(ch);
  }
  if (run) out.push(run);
  return out;
}

/**
 * Breaks one paragraph into lines no wider than `width` (the first line is `firstIndent` narrower). `measure` gives
 * the width of a string in the font and size that will be used. A hard line break ("\n") ends a line.
 */
export function breakLines(text: string, width: number, measure: (s: string) => number, firstIndent = 0): BrokenLine[] {
  const lines: BrokenLine[] = [];
  const hard = text.split('\n');
  hard.forEach((segment, segIndex) => {
    const queue = units(segment);
    let cur: string[] = [];
    let curWidth = 0;
    const avail = () => width - (lines.length === 0 ? firstIndent : 0);
    const flush = (justify: boolean) => {
      while (cur.length > 0 && cur[cur.length - 1] === ' ') cur.pop();
      lines.push({ text: cur.join(''), justify });
      cur = [];
      curWidth = 0;
    };
    for (let i = 0; i < queue.length; i++) {
      const unit = queue[i];
      if (cur.length === 0 && unit === ' ') continue;
      const w = measure(unit);
      if (curWidth + w <= avail() + 0.01) {
        cur.push(unit);
        curWidth += w;
        continue;
      }
      // A single unit wider than a line (a long URL): break it character by character.
      if (unit.length > 1 && w > avail()) {
        queue.splice(i, 1, ...unit);
        i--;
        continue;
      }
      if (cur.length === 0) {
        cur.push(unit);
        curWidth = w;
        continue;
      }
      let carry: string[] = [];
      if (NO_LINE_START.has(unit) && cur.length > 1) {
        // Carry the previous character down with the punctuation (and any opening punctuation before it).
        carry.unshift(cur.pop()!);
      }
      while (cur.length > 1 && NO_LINE_END.has(cur[cur.length - 1])) carry.unshift(cur.pop()!);
      if (cur.length === 0) {
        // Nothing could be carried without emptying the line: let the punctuation hang past the margin.
        cur = carry;
        cur.push(unit);
        curWidth = measure(cur.join(''));
        carry = [];
        continue;
      }
      flush(true);
      cur = unit === ' ' && carry.length === 0 ? [] : [...carry, unit];
      curWidth = measure(cur.join(''));
    }
    if (cur.length > 0 || segIndex < hard.length - 1 || lines.length === 0) flush(false);
  });
  return lines;
}

const DIGITS = '〇一二三四五六七八九';

function chineseNumberUnder100(n: number): string {
  if (n <= 10) return n === 10 ? '十' : DIGITS[n];
  if (n < 20) return '十' + DIGITS[n - 10];
  return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 === 0 ? '' : DIGITS[n % 10]);
}

/** A date as official documents write it: 二〇二六年十一月二十八日 (the calendar day in China time by default). */
export function formatChineseDate(date: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const year = [...String(get('year'))].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${chineseNumberUnder100(get('month'))}月${chineseNumberUnder100(get('day'))}日`;
}
