import { useEffect, useState } from 'react';
import { App, Button, Tag, Tooltip } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLang, errorText, localName, messages } from '../../i18n';
import { fmtDate } from '../../lib/format';
import type { Level, LicenceSummary, ShownStatus, TypeSummary, ValidityRule } from './api';
import { licencesApi, shownStatus } from './api';

/** This feature's message table in the UI language (for keys that come from the server: codes, checks, levels). */
export const msgs = () => messages().licences;

/** Fill `{{name}}` placeholders of a template looked up outside i18next. */
export function fill(template: string, vars: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k])));
}

/** A plain message for an error: this feature's text for its codes first, then the platform's. */
export function licenceErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    const own = (msgs().errors as Record<string, string>)[err.code];
    if (own) return own;
  }
  return errorText(err);
}

export function LicenceErrorAlert(props: { error: unknown; onRetry?: () => void; title?: string; testId?: string }) {
  return <ErrorAlert {...props} textOf={licenceErrorText} />;
}

const STATUS_COLORS: Record<ShownStatus, string> = { valid: 'success', suspended: 'warning', revoked: 'error', expired: 'default' };

/** 有效 / 已暂停 / 已撤销 / 已过期 */
export function StatusTag({ licence, big }: { licence: Pick<LicenceSummary, 'status' | 'expired'>; big?: boolean }) {
  const { t } = useTranslation();
  const s = shownStatus(licence);
  return (
    <Tag color={STATUS_COLORS[s]} data-testid="licence-status" data-status={s} className={big ? 'lic-status-big' : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`licences.status.${s}`)}
    </Tag>
  );
}

const LEVEL_COLORS: Record<Level, string> = { L1: 'green', L2: 'blue', L3: 'orange', L4: 'red' };

/** L1 公开 … L4 高敏感, with what the level means on hover. */
export function LevelTag({ level, short }: { level: Level | string; short?: boolean }) {
  const { t } = useTranslation();
  const l = (['L1', 'L2', 'L3', 'L4'].includes(level) ? level : 'L3') as Level;
  return (
    <Tooltip title={t(`licences.levelHints.${l}`)}>
      <Tag color={LEVEL_COLORS[l]} data-testid={`level-${l}`} style={{ marginInlineEnd: 0 }}>
        {short ? l : t(`licences.levels.${l}`)}
      </Tag>
    </Tooltip>
  );
}

/** "2023-08-06 至 2043-08-05", "2021-09-15 起长期有效" */
export function validityText(validFrom: string | null | undefined, validTo: string | null | undefined): string {
  const m = msgs().common;
  return validTo ? fill(m.validRange, { from: fmtDate(validFrom), to: fmtDate(validTo) }) : fill(m.validFromLongTerm, { from: fmtDate(validFrom) });
}

/** A type's validity rule in words. */
export function validityRuleText(v: ValidityRule): string {
  const m = msgs().validity;
  if (v.mode === 'permanent') return m.permanent;
  if (v.mode === 'years') return fill(m.years, { years: v.years });
  return v.maxYears ? fill(m.specified, { maxYears: v.maxYears }) : m.specifiedNoMax;
}

/** A field's value as text: 是/否 for booleans, — for nothing. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? msgs().common.yes : msgs().common.no;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The label of a licence field: the holder claims in the UI language, a type field by its English name when there is one. */
export function fieldLabel(key: string, name: string, holderKind: string | null | undefined, nameEn?: string | null): string {
  const c = msgs().common;
  if (key === 'holder_name') return holderKind === 'enterprise' ? c.holder : c.holderName;
  if (key === 'holder_id') return holderKind === 'enterprise' ? c.holderIdEnterprise : c.holderIdPerson;
  return localName(name, nameEn);
}

/** Copies text to the clipboard, with a fallback for browsers without the async clipboard (plain HTTP). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(ta);
  return ok;
}

export function CopyButton({ text, label, testId, size }: { text: string; label?: string; testId?: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(false), 2000);
    return () => clearTimeout(timer);
  }, [done]);
  return (
    <Button
      size={size}
      icon={done ? <CheckOutlined /> : <CopyOutlined />}
      data-testid={testId}
      onClick={() =>
        void copyText(text).then((ok) => {
          if (ok) {
            setDone(true);
            message.success(t('licences.common.copied'));
          } else message.error(t('licences.common.copyFailed'));
        })
      }
    >
      {done ? t('licences.common.copied') : (label ?? t('licences.common.copy'))}
    </Button>
  );
}

/** Seconds left until `iso`, ticking every second (0 once past). */
export function useCountdown(iso: string | null | undefined): number {
  const until = iso ? Date.parse(iso) : NaN;
  const left = () => (Number.isFinite(until) ? Math.max(0, Math.ceil((until - Date.now()) / 1000)) : 0);
  const [s, setS] = useState(left);
  useEffect(() => {
    setS(left());
    if (!Number.isFinite(until)) return;
    const timer = setInterval(() => {
      const v = left();
      setS(v);
      if (v <= 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);
  return s;
}

/** 4:05 */
export const mmss = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The type name in the UI language. */
export const typeName = (t: { name: string; nameEn?: string | null }): string => localName(t.name, t.nameEn);

let typesOnce: Promise<TypeSummary[]> | null = null;

/**
 * Licence type names in the UI language by code (the licence lists carry the Chinese name only): the public type
 * catalogue, fetched once per page load; the Chinese name until it arrives or when a type has no English name.
 */
export function useTypeNames(): (code: string, fallback: string) => string {
  const [types, setTypes] = useState<Map<string, TypeSummary> | null>(null);
  const en = currentLang() === 'en';
  useEffect(() => {
    if (!en) return;
    let live = true;
    typesOnce ??= licencesApi.types().then((r) => r.items);
    typesOnce.then((items) => live && setTypes(new Map(items.map((x) => [x.code, x])))).catch(() => {
      typesOnce = null;
    });
    return () => {
      live = false;
    };
  }, [en]);
  return (code, fallback) => {
    const x = en ? types?.get(code) : undefined;
    return x ? typeName(x) : fallback;
  };
}
