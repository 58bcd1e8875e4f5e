/** Masking for display of personal identifiers (GB/T 35273 style: keep only what identifies enough). */
export const maskIdNumber = (id: string): string => (id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(14)}` : '*'.repeat(id.length));
export const maskPhone = (p: string): string => (/^1\d{10}$/.test(p) ? `${p.slice(0, 3)}****${p.slice(7)}` : p);

/** 张三 → 张*, 欧阳娜娜 → 欧***: a person's name as a public page may show it. An enterprise's name is public (企业信用信息公示). */
export function maskName(name: string, kind: string): string {
  if (kind === 'enterprise') return name;
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
