import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN, { type Messages } from './locales/zh-CN';
import en from './locales/en';
import { ApiError } from './api';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'tongban.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    /* storage may be blocked */
  }
  return 'zh-CN';
}

function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

const initial = storedLang();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLang(initial);

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** A name in the page's language: its English form while the page is in English, when there is one; else the name as given. */
export const localName = (name: string, nameEn: string | null | undefined): string => (currentLang() === 'en' && nameEn) || name;

export async function setLang(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  applyDocumentLang(lang);
  await i18n.changeLanguage(lang);
}

/** The message table of the current language, for lookups whose keys come from the server (codes, actions, kinds). */
export function messages(): Messages {
  return currentLang() === 'en' ? en : zhCN;
}

function interpolate(template: string, vars?: Record<string, unknown>): string {
  if (!vars) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (vars[k] === undefined ? '' : String(vars[k])));
}

type Section = 'errors' | 'actions' | 'targetTypes' | 'kinds' | 'roles' | 'relation' | 'serverReasons';

/** Look a server-provided key up in a section; undefined when the UI has no text for it. */
export function lookup(section: Section, key: string | null | undefined, vars?: Record<string, unknown>): string | undefined {
  if (!key) return undefined;
  const table = messages()[section] as Record<string, string>;
  const v = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  return v === undefined ? undefined : interpolate(v, vars);
}

/** Label for a server key, or the key itself (codes may show as codes). */
export function label(section: Section, key: string | null | undefined): string {
  return lookup(section, key) ?? key ?? '';
}

/** A plain message for any error: the translated text for a known API code, otherwise the server's message. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const known = lookup('errors', err.code);
    if (known) return known;
    if (err.message) return err.message;
    return lookup('errors', 'internal') ?? 'Error';
  }
  if (err instanceof Error && err.message) return err.message;
  return lookup('errors', 'internal') ?? 'Error';
}

/** Translate a field-level reason from the server where the UI knows it. */
export function reasonText(reason: string): string {
  const direct = lookup('serverReasons', reason);
  if (direct) return direct;
  let m = /^must be at least (\d+) characters$/.exec(reason);
  if (m) return lookup('serverReasons', 'minLength', { limit: m[1] }) ?? reason;
  m = /^must be at most (\d+) characters$/.exec(reason);
  if (m) return lookup('serverReasons', 'maxLength', { limit: m[1] }) ?? reason;
  m = /^must be (\d{6}|null)$/.exec(reason);
  if (m) return lookup('serverReasons', 'mustBeParent', { code: m[1] === 'null' ? '—' : m[1] }) ?? reason;
  // Unknown English reasons are not shown in the Chinese UI; the form shows the translated error instead.
  return currentLang() === 'en' ? reason : lookup('serverReasons', 'invalid') ?? reason;
}

export default i18n;
