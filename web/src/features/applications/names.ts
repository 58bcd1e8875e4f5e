import { localName } from '../../i18n';

/**
 * An item's name in the page's language: its English name (the catalogue's, carried as `itemNameEn` by cases,
 * rectifications and the licence lists) while the UI is in English, when it has one; else the name as given.
 */
export const localItemName = (x: { itemName: string; itemNameEn?: string | null }): string => localName(x.itemName, x.itemNameEn);
