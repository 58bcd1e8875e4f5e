import { currentLang } from '../../i18n';

/** A case's item name in the page's language: the catalogue's English name while the UI is in English, if it has one. */
export const caseItemName = (c: { itemName: string; itemNameEn?: string | null }): string => (currentLang() === 'en' && c.itemNameEn) || c.itemName;
