import { isValidUscc } from '../../platform/codes.js';
import { LEVEL_DIGITS } from './catalog.vocab.js';

/*
 * Catalogue codes (DOMAIN.md; the structure is inferred from published catalogues, so the rules live here in one place):
 * - basic code (基本编码), 12 digits: 6-digit competent-department code + 3-digit main item + 3-digit sub-item.
 *   A main item ends in 000; a sub-item shares the first 9 digits with its main item and does not end in 000.
 *   A handling item (业务办理项) is its parent's 12 digits + 2 digits (01–99).
 * - implementation code (实施编码), 31 characters: the implementing body's USCC (18) + level digit (1) + 12-digit basic
 *   code; a handling item's implementation code carries its 2 extra digits (33 characters).
 */

export type BasicLevel = 'main' | 'sub' | 'handling';

/** Why a basic code cannot be what it claims to be, or null when it is fine. */
export function basicCodeProblem(code: string, level: BasicLevel, parentCode: string | null): string | null {
  if (level === 'handling') {
    if (!/^[0-9]{14}$/.test(code)) return 'a handling item code has 14 digits';
    if (!parentCode) return 'a handling item needs its parent item';
    if (code.slice(0, 12) !== parentCode) return `must start with its parent's code ${parentCode}`;
    if (code.slice(12) === '00') return 'the last two digits must be 01–99';
    return null;
  }
  if (!/^[0-9]{12}$/.test(code)) return 'a basic code has 12 digits';
  if (level === 'main') {
    if (parentCode) return 'a main item has no parent';
    if (!code.endsWith('000')) return 'a main item code ends in 000';
    return null;
  }
  if (!parentCode) return 'a sub-item needs its main item';
  if (code.endsWith('000')) return 'a sub-item code does not end in 000';
  if (code.slice(0, 9) !== parentCode.slice(0, 9)) return `must share the first 9 digits with its main item ${parentCode}`;
  return null;
}

/**
 * The level a code takes under its parent: no parent → main; 14 digits → a handling item (under a main item that has
 * no sub-items, or under a sub-item); 12 digits under a main item → sub. Null when the code cannot go there.
 */
export function levelFor(code: string, parentLevel: BasicLevel | null): BasicLevel | null {
  if (parentLevel === null) return 'main';
  if (parentLevel === 'handling') return null; // nothing below a handling item
  if (code.length === 14) return 'handling';
  return parentLevel === 'main' ? 'sub' : null;
}

export function levelDigit(regionLevel: string): string {
  const d = LEVEL_DIGITS[regionLevel as keyof typeof LEVEL_DIGITS];
  if (!d) throw new RangeError(`no level digit for ${regionLevel}`);
  return d;
}

export function implementationCode(deptUscc: string, regionLevel: string, basicCode: string): string {
  return `${deptUscc}${levelDigit(regionLevel)}${basicCode}`;
}

/** Checks an implementation code's structure and USCC check character; returns the parts or a reason. */
export function parseImplementationCode(code: string): { uscc: string; levelDigit: string; basicCode: string } | { problem: string } {
  if (!/^[0-9A-Z]{18}[1-5][0-9]{12}([0-9]{2})?$/.test(code)) return { problem: 'an implementation code is USCC (18) + level digit 1–5 + basic code (12 or 14 digits)' };
  const uscc = code.slice(0, 18);
  if (!isValidUscc(uscc)) return { problem: 'the USCC part has a wrong check character' };
  return { uscc, levelDigit: code[18], basicCode: code.slice(19) };
}
