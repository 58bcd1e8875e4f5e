import type { ReactNode } from 'react';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with every occurrence of the matched terms in <mark>. */
export function Highlight({ text, terms }: { text: string; terms: string[] }): ReactNode {
  const useful = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!useful.length) return text;
  const re = new RegExp(`(${useful.map(escape).join('|')})`, 'gi');
  const parts = text.split(re);
  if (parts.length === 1) return text;
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i} className="cat-mark">{p}</mark> : p));
}

/** Whether any term occurs in the text (otherwise the match came from an alias, a pinyin form, a department…). */
export function occursIn(text: string, terms: string[]): boolean {
  const lower = text.toLowerCase();
  return terms.some((t) => t.trim() && lower.includes(t.trim().toLowerCase()));
}
