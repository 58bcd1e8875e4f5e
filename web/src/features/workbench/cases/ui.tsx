import { Alert, Button, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined, ReloadOutlined, SwapOutlined, WarningOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, type Me } from '../../../api';
import { hasRole } from '../../../auth';
import { currentLang, errorText, messages } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { casesApi } from './casesApi';
import type { CaseStatus, CaseTask } from '../../applications/types';
import { QUEUES, ROLE_FOR_STEP, type QueueKey } from './types';

/** Translated text for the applications module's error codes first, then the platform's. */
export function caseErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    const own = (messages().appWorkbench.errors as Record<string, string>)[err.code];
    if (own) return own;
  }
  return errorText(err);
}

/** Two officers acted on the same case: the other one won; this view is stale. */
export const isCaseChanged = (err: unknown): boolean => err instanceof ApiError && err.code === 'applications.case_changed';

/** ErrorAlert with the workbench's own error texts. */
export function CaseErrorAlert({ error, onRetry, onReload, style }: { error: unknown; onRetry?: () => void; onReload?: () => void; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  // A refusal because the case moved on (step done, status changed, claimed by someone): offer to reload the case.
  const stale = !!onReload && error instanceof ApiError && error.status === 409;
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      title={caseErrorText(error)}
      description={requestId ? `Request ID: ${requestId}` : undefined}
      action={
        stale ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload}>
            {t('appWorkbench.detail.reloadCase')}
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
      data-testid="case-error"
    />
  );
}

/** 运单号 of a courier delivery or transfer (required, ≤ 40), in the surrounding Form. */
export function TrackingNumberField({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="trackingNumber"
      label={label}
      rules={[
        { required: true, whitespace: true, message: t('appWorkbench.detail.transfers.trackingRequired') },
        { max: 40, message: t('appWorkbench.actions.maxLength', { max: 40 }) },
      ]}
    >
      <Input maxLength={40} className="tb-mono" placeholder={t('appWorkbench.detail.transfers.trackingPlaceholder')} data-testid="tracking-input" />
    </Form.Item>
  );
}

/** "该办件已被他人更新" with a reload button. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('appWorkbench.detail.conflict')}
      description={t('appWorkbench.detail.conflictHint')}
      action={
        <Button type="primary" size="small" icon={<ReloadOutlined />} onClick={onReload} data-testid="case-reload">
          {t('appWorkbench.detail.reloadCase')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="case-conflict"
    />
  );
}

const STATUS_COLORS: Record<CaseStatus, string> = {
  submitted: 'blue',
  correction: 'orange',
  not_accepted: 'red',
  reviewing: 'processing',
  deciding: 'purple',
  concluded: 'green',
  delivered: 'cyan',
};

const CASE_STATUS_KEYS = Object.keys(STATUS_COLORS) as CaseStatus[];

export function statusText(t: TFunction, status: string): string {
  return (CASE_STATUS_KEYS as readonly string[]).includes(status) ? t(`appWorkbench.status.${status as CaseStatus}`) : status;
}

/** The case's status; after a decision, the decision too (已办结 · 不予许可). */
export function CaseStatusTag({ status, decision, testId }: { status: CaseStatus | string; decision?: string | null; testId?: string }) {
  const { t } = useTranslation();
  const color = STATUS_COLORS[status as CaseStatus] ?? 'default';
  const showDecision = !!decision && (status === 'concluded' || status === 'delivered');
  return (
    <Tag color={color} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusText(t, status)}
      {showDecision && ` · ${decision === 'approved' || decision === 'refused' ? t(`appWorkbench.decision.${decision}`) : decision}`}
    </Tag>
  );
}

/** The promised due date, coloured: orange from 80 % of the time, red when overdue; a paused clock says so. */
export function DeadlineCell({ dueAt, warning, overdue, paused }: { dueAt: string | null; warning: boolean; overdue: boolean; paused: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">{t('appWorkbench.common.none')}</Typography.Text>;
  const cls = overdue ? 'tb-wb-due overdue' : warning ? 'tb-wb-due warning' : 'tb-wb-due';
  return (
    <Space orientation="vertical" size={2}>
      <span className={cls} data-deadline={overdue ? 'overdue' : warning ? 'warning' : 'normal'}>
        {overdue ? <WarningOutlined /> : <ClockCircleOutlined />} {fmtDateTime(dueAt)}
      </span>
      <Space size={4} wrap>
        {overdue && <Tag color="red">{t('appWorkbench.common.overdue')}</Tag>}
        {!overdue && warning && <Tag color="orange">{t('appWorkbench.common.warning')}</Tag>}
        {paused && <PausedTag />}
      </Space>
    </Space>
  );
}

export function PausedTag() {
  const { t } = useTranslation();
  return (
    <Tag icon={<PauseCircleOutlined />} color="default" data-testid="case-paused">
      {t('appWorkbench.common.paused')}
    </Tag>
  );
}

export function CrossRegionTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('appWorkbench.queueHint.cross_region')}>
      <Tag icon={<SwapOutlined />} color="geekblue">
        {t('appWorkbench.common.crossRegion')}
      </Tag>
    </Tooltip>
  );
}

/** Whether the officer may work a task: their own department's step, with the step's role. */
export function canWork(me: Me, task: Pick<CaseTask, 'departmentId' | 'step' | 'role'>): boolean {
  const role = ROLE_FOR_STEP[task.step] ?? task.role;
  return me.kind === 'staff' && !!me.department && me.department.id === task.departmentId && me.roles.includes(role);
}

export const isOfficer = (me: Me): boolean => hasRole(me, 'window_officer', 'reviewer');

/** The queues in the order that suits the officer: their roles' step queues first, then the shared ones. */
export function queuesFor(me: Me): { mine: QueueKey[]; others: QueueKey[] } {
  const win = hasRole(me, 'window_officer');
  const rev = hasRole(me, 'reviewer');
  const mine: QueueKey[] = [];
  if (win) mine.push('to_accept');
  if (rev) mine.push('to_review', 'to_decide');
  if (win) mine.push('to_deliver');
  mine.push('due_soon', 'overdue', 'cross_region', 'all');
  return { mine, others: QUEUES.filter((q) => !mine.includes(q)) };
}

export interface QueueCount {
  queue: QueueKey;
  n: number;
  /** More than `cap` cases wait: shown as "cap+". */
  more: boolean;
  cap: number;
  failed: boolean;
}

/**
 * Sizes of the queues, all from one request (GET /applications/workbench/counts: the same rows as the queues' pages,
 * each counted up to the server's cap). If it fails, every queue counts as failed and shows no number.
 */
export function useQueueCounts(queues: QueueKey[], tick: number, enabled = true) {
  return useAsync(
    (signal) =>
      casesApi.counts(signal).then(
        (r): QueueCount[] => queues.map((queue) => {
          const c = r.counts.find((x) => x.queue === queue);
          return c ? { ...c, cap: r.cap, failed: false } : { queue, n: 0, more: false, cap: r.cap, failed: true };
        }),
        (e: unknown): QueueCount[] => {
          if ((e as Error).name === 'AbortError') throw e;
          return queues.map((queue) => ({ queue, n: 0, more: false, cap: 0, failed: true }));
        },
      ),
    [queues.join(','), tick],
    enabled,
  );
}

export const countText = (c: QueueCount | undefined): string => (!c || c.failed ? '' : c.more ? `${c.n}+` : String(c.n));

/** The label of a correction target: a form field's title or a material's name when the key is one. */
export function targetLabel(target: string, labels: Map<string, string>): string {
  return labels.get(target) ?? target;
}

export const casePath = (id: string) => `/workbench/cases/${encodeURIComponent(id)}`;
export const queuePath = (q: QueueKey) => `/workbench/cases?queue=${q}`;

const DEFAULT_STEP_NAMES: Record<string, string> = { 受理: 'accept', 审查: 'review', 决定: 'decide', 送达: 'deliver' };

/** A step's name as the workflow gives it (in Chinese); in English the default step names are translated. */
export function taskLabel(t: TFunction, name: string | null | undefined): string {
  if (!name) return '';
  const step = DEFAULT_STEP_NAMES[name];
  return currentLang() === 'en' && step ? t(`appWorkbench.step.${step as 'accept'}`) : name;
}
