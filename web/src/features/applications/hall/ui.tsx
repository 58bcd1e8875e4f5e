import { useEffect, useState } from 'react';
import { Button, Result, Space, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { currentLang, errorText, messages } from '../../../i18n';
import { getDepartment } from '../../../lib/departments';
import { fmtDate, fmtDateTime } from '../../../lib/format';
import type { CaseStatus, CaseSummary } from '../types';

/** This feature's message table in the UI language (for keys that come from the server: codes, kinds). */
export const msgs = () => messages().applicationsHall;

/** "：" / ": " — the colon after a label, in the UI language. */
export const colon = () => msgs().punct.colon;
/** 「name」 / “name” */
export const quote = (text: string) => `${msgs().punct.quoteOpen}${text}${msgs().punct.quoteClose}`;
/** 「a」、「b」 / “a”, “b” */
export const quoteList = (texts: string[]) => texts.map(quote).join(msgs().punct.listSep);

/** Fill `{{name}}` placeholders of a template looked up outside i18next. */
export function fill(template: string, vars: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k])));
}

/** A plain message for an error: this feature's text for its codes first, then the platform's. */
export function appErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    const own = (msgs().errors as Record<string, string>)[err.code];
    if (own) return own;
  }
  return errorText(err);
}

/** ErrorAlert with this feature's own error texts (and the request id of a server failure, for support). */
export function AppErrorAlert(props: { error: unknown; onRetry?: () => void; title?: string; testId?: string }) {
  return <ErrorAlert {...props} textOf={appErrorText} />;
}

/** A card's heading: its icon and title. */
export function CardTitle({ icon, children }: { icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <span className="tb-card-title">
      {icon} {children}
    </span>
  );
}

/** A case or an item that is not there (or not the user's): what to say and where to go back to. */
export function NotFoundResult({ title, backTo, backText }: { title: string; backTo: string; backText: string }) {
  return (
    <Result
      status="404"
      title={title}
      extra={
        <Link to={backTo}>
          <Button type="primary">{backText}</Button>
        </Link>
      }
    />
  );
}

const STATUS_COLORS: Record<CaseStatus, string> = {
  submitted: 'processing',
  correction: 'warning',
  not_accepted: 'error',
  reviewing: 'processing',
  deciding: 'geekblue',
  concluded: 'success',
  delivered: 'success',
};

/** The status of a case; a concluded case also says whether it was approved or refused. */
export function statusText(status: CaseStatus | string, decision?: string | null): string {
  const m = msgs();
  const base = (m.status as Record<string, string>)[status] ?? status;
  if ((status === 'concluded' || status === 'delivered') && decision && (m.decision as Record<string, string>)[decision]) {
    const d = (m.decision as Record<string, string>)[decision];
    return currentLang() === 'en' ? `${base} (${d.toLowerCase()})` : `${base}（${d}）`;
  }
  return base;
}

export function StatusTag({ status, decision, testId }: { status: CaseStatus; decision?: string | null; testId?: string }) {
  const refused = decision === 'refused' && (status === 'concluded' || status === 'delivered');
  return (
    <Tag color={refused ? 'default' : STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status} className="app-status-tag">
      {statusText(status, decision)}
    </Tag>
  );
}

/** 办结期限 of a case in a list: the date with warning / overdue / paused flags. */
export function DeadlineCell({ c }: { c: Pick<CaseSummary, 'dueAt' | 'warning' | 'overdue' | 'paused' | 'status'> }) {
  const { t } = useTranslation();
  const closed = c.status === 'concluded' || c.status === 'delivered' || c.status === 'not_accepted';
  if (!c.dueAt) {
    return closed ? <span className="tb-muted">—</span> : <span className="tb-muted">{t('applicationsHall.deadline.notStarted')}</span>;
  }
  return (
    <Space size={4} wrap>
      <Tooltip title={fmtDateTime(c.dueAt)}>
        <span className="tb-nowrap">
          <ClockCircleOutlined aria-hidden /> {fmtDate(c.dueAt)}
        </span>
      </Tooltip>
      {!closed && c.overdue && (
        <Tag color="error" icon={<ExclamationCircleOutlined />} data-testid="case-overdue">
          {t('applicationsHall.deadline.overdue')}
        </Tag>
      )}
      {!closed && !c.overdue && c.warning && (
        <Tag color="warning" icon={<WarningOutlined />} data-testid="case-warning">
          {t('applicationsHall.deadline.warning')}
        </Tag>
      )}
      {!closed && c.paused && (
        <Tag icon={<PauseCircleOutlined />} data-testid="case-paused">
          {t('applicationsHall.deadline.paused')}
        </Tag>
      )}
    </Space>
  );
}

/** The time of day of an instant, for "已自动保存 14:05". */
export function timeOfDay(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A department's name in the UI language (cached; the id until it is known). */
export function useDepartmentName(id: string | null | undefined): string {
  const [name, setName] = useState<{ id: string; name: string } | null>(null);
  const lang = currentLang();
  useEffect(() => {
    if (!id) return;
    let live = true;
    getDepartment(id)
      .then((d) => live && setName({ id, name: (lang === 'en' && d.nameEn) || d.name }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, lang]);
  if (!id) return '—';
  return name?.id === id ? name.name : id;
}
