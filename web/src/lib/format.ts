import dayjs from 'dayjs';

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function fmtDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}

/** camelCase attribute name → the snake_case key the server uses in provenance maps. */
export const snakeCase = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** "enterprise:9135…" → { type, key } */
export function parseOnBehalfOf(v: string | null | undefined): { type: string; key: string } | null {
  if (!v) return null;
  const i = v.indexOf(':');
  return i < 0 ? { type: v, key: '' } : { type: v.slice(0, i), key: v.slice(i + 1) };
}
