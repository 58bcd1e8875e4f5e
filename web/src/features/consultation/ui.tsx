import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { Alert, Button, Empty, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined, ArrowRightOutlined, BankOutlined, ClockCircleOutlined, EnvironmentOutlined, FileProtectOutlined, PauseCircleOutlined, PhoneOutlined,
  ReloadOutlined, RollbackOutlined, SwapOutlined, WarningOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, type Me } from '../../api';
import { hasRole } from '../../auth';
import { errorText, messages } from '../../i18n';
import { getDepartment, useDeptName } from '../../lib/departments';
import { fmtDateTime } from '../../lib/format';
import type { Basis, ChainHop, OrderStatus, OrderSummary, TimelineEvent } from './api';
import './consultation.css';

/** This feature's message table in the UI language (for keys that come from the server: statuses, actions, codes). */
export const msgs = () => messages().consult;

/** Fill `{{name}}` placeholders of a template looked up outside i18next. */
export function fill(template: string, vars: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k])));
}

/** A server key looked up in one of this feature's tables, or the key itself. */
export function keyText(table: Record<string, string>, key: string | null | undefined): string {
  if (!key) return '';
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key;
}

export const statusText = (s: string) => keyText(msgs().status, s);
export const actionText = (a: string) => keyText(msgs().event, a);
export const hopText = (k: string) => keyText(msgs().hop, k);
export const factText = (k: string) => keyText(msgs().facts, k);
export const returnBasisText = (k: string | null) => keyText(msgs().returnBasis, k);
export const ratingText = (k: string) => keyText(msgs().rating, k);
export const orderTypeText = (k: string) => keyText(msgs().orderType, k);

/** A plain message for an error: this feature's text for its codes first, then the platform's. */
export function consultErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    const own = (msgs().errors as Record<string, string>)[err.code];
    if (own) return own;
  }
  return errorText(err);
}

/** Someone else acted on the order meanwhile: this view is stale. */
export const isStale = (err: unknown): boolean => err instanceof ApiError && err.code === 'consultation.conflict';

/** An error with this feature's texts, the request id of a server failure, and a retry or reload. */
export function ConsultErrorAlert({ error, onRetry, onReload, style, testId = 'consult-error' }: { error: unknown; onRetry?: () => void; onReload?: () => void; style?: CSSProperties; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
  const stale = !!onReload && error instanceof ApiError && error.status === 409;
  return (
    <Alert
      type="error"
      showIcon
      title={consultErrorText(error)}
      description={requestId ? `Request ID: ${requestId}` : undefined}
      action={
        stale ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload}>
            {t('consult.common.reload')}
          </Button>
        ) : (
          onRetry && (
            <Button size="small" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )
        )
      }
      style={{ marginBottom: 16, ...style }}
      data-testid={testId}
    />
  );
}

/** Text as the server gave it: line breaks kept, markup shown as the characters it is (React escapes it). */
export function PlainText({ text, className, testId }: { text: string | null | undefined; className?: string; testId?: string }) {
  return (
    <div className={`tb-cs-text${className ? ` ${className}` : ''}`} data-testid={testId}>
      {text ?? ''}
    </div>
  );
}

/** 政策依据: each document with its clause. */
export function BasisList({ basis, testId }: { basis: Basis[]; testId?: string }) {
  const { t } = useTranslation();
  if (!basis.length) return null;
  return (
    <div className="tb-cs-basis" data-testid={testId}>
      <FileProtectOutlined aria-hidden /> <span className="k">{t('consult.common.basis')}</span>
      <span>
        {basis.map((b, i) => (
          <span key={i} className="tb-cs-basis-item">
            {b.document}
            {b.clause ? ` ${b.clause}` : ''}
          </span>
        ))}
      </span>
    </div>
  );
}

/** A unit's exact name with its phone and address (where a question went). */
export function UnitCard({ id, name, phone, address, extra, testId }: { id?: string | null; name: string; phone?: string | null; address?: string | null; extra?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  return (
    <div className="tb-cs-unit" data-testid={testId}>
      <div className="tb-cs-unit-name" data-testid={testId ? `${testId}-name` : undefined}>
        <BankOutlined aria-hidden /> {deptName(id, name)}
      </div>
      {phone && (
        <div className="tb-cs-unit-row" data-testid={testId ? `${testId}-phone` : undefined}>
          <PhoneOutlined aria-hidden /> <span className="k">{t('consult.common.phone')}</span> <a href={`tel:${phone}`}>{phone}</a>
        </div>
      )}
      {address && (
        <div className="tb-cs-unit-row" data-testid={testId ? `${testId}-address` : undefined}>
          <EnvironmentOutlined aria-hidden /> <span className="k">{t('consult.common.address')}</span> {address}
        </div>
      )}
      {extra}
    </div>
  );
}

const STATUS_COLORS: Record<OrderStatus, string> = {
  dispatching: 'purple',
  to_sign: 'blue',
  in_progress: 'processing',
  waiting_asker: 'orange',
  replied: 'cyan',
  concluded: 'green',
  rated: 'green',
};

export function OrderStatusTag({ status, testId }: { status: OrderStatus | string; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status as OrderStatus] ?? 'default'} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusText(status)}
    </Tag>
  );
}

/** Ticks every `ms` so countdowns move while the page is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** "2 天 3 小时" / "5 小时 10 分" between now and a time, in the UI language. */
export function spanText(ms: number): string {
  const m = msgs().countdown;
  const abs = Math.abs(ms);
  const mins = Math.floor(abs / 60_000);
  const days = Math.floor(mins / 1440);
  const hours = Math.floor((mins % 1440) / 60);
  const minutes = mins % 60;
  if (days > 0) return fill(m.daysHours, { d: days, h: hours });
  if (hours > 0) return fill(m.hoursMinutes, { h: hours, m: minutes });
  return fill(m.minutes, { m: Math.max(1, minutes) });
}

/** The time left to a deadline (剩余 2 天 3 小时), or how long it is overdue, coloured; paused and closed say so. */
export function Countdown({ dueAt, overdue, warning, paused, closed, label, testId }: { dueAt: string | null; overdue: boolean; warning: boolean; paused?: boolean; closed?: boolean; label?: string; testId?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!dueAt) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const left = new Date(dueAt).getTime() - now;
  const late = overdue || (!closed && !paused && left < 0);
  const cls = late ? 'tb-cs-due overdue' : warning ? 'tb-cs-due warning' : 'tb-cs-due';
  return (
    <div className="tb-cs-countdown" data-testid={testId} data-deadline={late ? 'overdue' : warning ? 'warning' : 'normal'}>
      <span className={cls}>
        {late ? <WarningOutlined /> : paused ? <PauseCircleOutlined /> : <ClockCircleOutlined />}{' '}
        {closed ? t('consult.countdown.closed') : paused ? t('consult.countdown.paused') : late ? t('consult.countdown.overdueBy', { span: spanText(left) }) : t('consult.countdown.left', { span: spanText(left) })}
      </span>
      <div className="tb-cs-due-at">
        {label ?? t('consult.countdown.dueAt')} {fmtDateTime(dueAt)}
      </div>
    </div>
  );
}

/** The countdown of a listed order: signing deadline while it waits to be signed, else the handling deadline. */
export function OrderDeadline({ o }: { o: OrderSummary }) {
  const { t } = useTranslation();
  const closed = o.status === 'concluded' || o.status === 'rated';
  if (o.status === 'to_sign' && o.signDueAt) {
    return (
      <Space orientation="vertical" size={2}>
        <Countdown dueAt={o.signDueAt} overdue={o.signOverdue} warning={false} label={t('consult.countdown.signDueAt')} testId="order-sign-countdown" />
        <Countdown dueAt={o.dueAt} overdue={o.overdue} warning={o.warning} paused={o.paused} testId="order-countdown" />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={2}>
      <Countdown dueAt={o.dueAt} overdue={o.overdue} warning={o.warning} paused={o.paused} closed={closed} testId="order-countdown" />
      {o.coUnitDueAt && <Countdown dueAt={o.coUnitDueAt} overdue={new Date(o.coUnitDueAt).getTime() < Date.now()} warning={false} label={t('consult.countdown.coUnitDueAt')} />}
    </Space>
  );
}

/** Flags of a listed order: overdue, due soon, urgent, bounced, final ruling, cross-region, paused. */
export function OrderFlags({ o }: { o: OrderSummary }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {o.overdue && (
        <Tag color="red" data-testid="flag-overdue">
          {t('consult.flags.overdue')}
        </Tag>
      )}
      {!o.overdue && o.signOverdue && <Tag color="red">{t('consult.flags.signOverdue')}</Tag>}
      {!o.overdue && o.warning && <Tag color="orange">{t('consult.flags.dueSoon')}</Tag>}
      {o.urgent && <Tag color="magenta">{t('consult.flags.urgent')}</Tag>}
      {o.bounceCount > 0 && (
        <Tooltip title={t('consult.flags.bouncedHint')}>
          <Tag icon={<RollbackOutlined />} color="volcano">
            {t('consult.flags.bounced', { n: o.bounceCount })}
          </Tag>
        </Tooltip>
      )}
      {o.finalRuling && <Tag color="purple">{t('consult.flags.finalRuling')}</Tag>}
      {o.crossRegion && (
        <Tag icon={<SwapOutlined />} color="geekblue">
          {t('consult.flags.crossRegion')}
        </Tag>
      )}
      {o.paused && (
        <Tag icon={<PauseCircleOutlined />} color="default">
          {t('consult.flags.paused')}
        </Tag>
      )}
    </Space>
  );
}

/**
 * The chain of units an order went through (派单 → 转办 → 退单 → 裁定 …): each unit as a box, each hop as an arrow
 * labelled with its kind and reason, bounces marked.
 */
export function TransferChain({ chain, vertical, testId = 'order-chain' }: { chain: ChainHop[]; vertical?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  if (!chain.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.chain.empty')} />;
  const dispatcher = t('consult.chain.dispatcher');
  const first = chain[0];
  const last = chain[chain.length - 1].seq;
  return (
    <div className={`tb-cs-chain${vertical ? ' vertical' : ''}`} data-testid={testId}>
      <div className="tb-cs-chain-node start">{first.fromDepartmentName ? deptName(first.fromDepartmentId, first.fromDepartmentName) : dispatcher}</div>
      {chain.map((h) => (
        <div key={h.seq} className="tb-cs-chain-step" data-testid="chain-hop" data-kind={h.kind}>
          <div className={`tb-cs-chain-arrow${h.bounce ? ' bounce' : ''} ${h.kind}`}>
            <div className="tb-cs-chain-kind">{hopText(h.kind)}</div>
            {vertical ? <ArrowDownOutlined className="tb-cs-chain-icon" aria-hidden /> : <ArrowRightOutlined className="tb-cs-chain-icon" aria-hidden />}
            {(h.reason || h.basis || h.legalBasis) && (
              <div className="tb-cs-chain-reason" data-testid="chain-reason">
                {h.basis && <div>{t('consult.chain.basis', { basis: returnBasisText(h.basis) })}</div>}
                {h.legalBasis && <div>{t('consult.chain.legalBasis', { text: h.legalBasis })}</div>}
                {h.reason && <div className="tb-cs-text">{h.reason}</div>}
              </div>
            )}
            <div className="tb-cs-chain-meta">
              {h.actor} · {fmtDateTime(h.at)}
            </div>
          </div>
          <div className={`tb-cs-chain-node${h.seq === last ? ' current' : ''}`} data-testid="chain-unit">
            {h.toDepartmentName ? deptName(h.toDepartmentId, h.toDepartmentName) : dispatcher}
          </div>
        </div>
      ))}
    </div>
  );
}

const EVENT_COLORS: Record<string, string> = {
  received: 'gray',
  dispatched: 'blue',
  queued_for_dispatcher: 'purple',
  signed: 'blue',
  transferred: 'orange',
  returned: 'red',
  info_requested: 'orange',
  supplemented: 'blue',
  replied: 'green',
  concluded: 'green',
  rated: 'green',
  reopened: 'red',
  chased: 'red',
  overdue_flagged: 'red',
};

/** The names of departments that timeline details mention, from the order's chain and co-units. */
export type DeptNames = Map<string, string>;

function eventUnit(e: TimelineEvent, names: DeptNames, deptName: (id: string, name: string) => string): string | null {
  const d = e.details as Record<string, unknown> | null;
  if (!d || typeof d !== 'object') return null;
  const id = (d.departmentId ?? d.toDepartmentId) as string | undefined;
  const name = id ? names.get(id) : undefined;
  return id && name ? deptName(id, name) : null;
}

/** Every step of an order as it happened: what, which unit, who and when, with its note. */
export function OrderTimeline({ timeline, names, testId = 'order-timeline' }: { timeline: TimelineEvent[]; names: DeptNames; testId?: string }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  if (!timeline.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.timeline.empty')} />;
  return (
    <Timeline
      data-testid={testId}
      items={timeline.map((e, i) => {
        const unit = eventUnit(e, names, deptName);
        return {
          key: i,
          color: EVENT_COLORS[e.action] ?? 'blue',
          content: (
            <div data-testid="timeline-item" data-action={e.action}>
              <Space size={8} wrap>
                <Typography.Text strong>{actionText(e.action)}</Typography.Text>
                {unit && <Tag color="blue">{unit}</Tag>}
                {e.action !== 'received' && e.toStatus && e.toStatus !== e.fromStatus && <OrderStatusTag status={e.toStatus} />}
              </Space>
              <div className="tb-muted" style={{ fontSize: 13 }}>
                {t('consult.timeline.by', { who: e.actor, when: fmtDateTime(e.at) })}
              </div>
              {e.note && <PlainText text={e.note} className="tb-cs-note" />}
            </div>
          ),
        };
      })}
    />
  );
}

/** Department names by id, from what an order mentions (chain, co-units, supervisions, its unit). */
export function namesOf(d: { chain: ChainHop[]; coUnits: Array<{ departmentId: string; departmentName: string }>; unit: { id: string; name: string } | null; order: OrderSummary }): DeptNames {
  const m = new Map<string, string>();
  for (const h of d.chain) {
    if (h.fromDepartmentId && h.fromDepartmentName) m.set(h.fromDepartmentId, h.fromDepartmentName);
    if (h.toDepartmentId && h.toDepartmentName) m.set(h.toDepartmentId, h.toDepartmentName);
  }
  for (const c of d.coUnits) m.set(c.departmentId, c.departmentName);
  if (d.unit) m.set(d.unit.id, d.unit.name);
  if (d.order.departmentId && d.order.departmentName) m.set(d.order.departmentId, d.order.departmentName);
  return m;
}

/** Staff who work orders of their department (签收, 答复 …). */
export const isOrderOfficer = (me: Me | null): boolean => !!me && me.kind === 'staff' && !!me.department && hasRole(me, 'window_officer', 'reviewer', 'department_admin');
export const isKbEditor = (me: Me | null): boolean => !!me && me.kind === 'staff' && hasRole(me, 'department_admin', 'platform_admin');

/** Whether the user works at a 12345 centre (政务服务和数据管理局) or is a platform admin: the dispatcher's pages. */
export function useIsDispatcher(me: Me | null): boolean | null {
  const [kind, setKind] = useState<string | null>(null);
  const deptId = me?.department?.id;
  useEffect(() => {
    if (!deptId) return;
    let live = true;
    getDepartment(deptId)
      .then((d) => live && setKind(d.kind))
      .catch(() => live && setKind(''));
    return () => {
      live = false;
    };
  }, [deptId]);
  if (!me || me.kind !== 'staff') return false;
  if (hasRole(me, 'platform_admin')) return true;
  if (!deptId) return false;
  if (kind === null) return null;
  return kind === 'government_services_data' && isOrderOfficer(me);
}

export const orderPath = (id: string) => `/workbench/orders/${encodeURIComponent(id)}`;
export const myOrderPath = (id: string) => `/hall/questions/${encodeURIComponent(id)}`;
