/** Masking for display of personal identifiers (GB/T 35273 style: keep only what identifies enough). */
export const maskIdNumber = (id: string): string => (id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(14)}` : '*'.repeat(id.length));
export const maskPhone = (p: string): string => (/^1\d{10}$/.test(p) ? `${p.slice(0, 3)}****${p.slice(7)}` : p);
