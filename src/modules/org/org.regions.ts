/** Pure helpers over GB/T 2260 region codes: which codes a region's jurisdiction covers. */

/** The code prefix a region covers: province "39", city "3901", district "390102". */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** True when `code` is `scope` itself or lies inside it (a district inside its city, a city inside its province). */
export function regionCovers(scope: string, code: string): boolean {
  return code.startsWith(regionPrefix(scope));
}
