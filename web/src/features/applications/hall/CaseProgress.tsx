import { Empty, Progress, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, ExclamationCircleFilled, PauseCircleOutlined, WarningOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TFunction } from 'i18next';
import { fmtDateTime } from '../../../lib/format';
import type { CaseDetail, CaseEvent } from '../types';
import { colon, msgs } from './ui';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** Events only officers care about (claiming a step) are not shown to the applicant. */
const HIDDEN_EVENTS = new Set(['task_claimed', 'task_released']);

const lastAt = (events: CaseEvent[], ...actions: string[]): string | undefined => {
  for (let i = events.length - 1; i >= 0; i--) if (actions.includes(events[i].action)) return events[i].at;
  return undefined;
};

/** The main path 申请 → 受理 → 审查 → 决定 → 送达 with where the case is, and its side roads (补正, 不予受理, 不予许可). */
export function CaseSteps({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { status, decision } = detail.case;
  const ev = detail.timeline;
  const accepted = ev.some((e) => e.action === 'accepted');
  const time = (...actions: string[]) => {
    const at = lastAt(ev, ...actions);
    return at ? <span className="app-step-time">{fmtDateTime(at)}</span> : undefined;
  };
  const correctionIcon = <ExclamationCircleFilled className="app-step-correction" />;
  const correctionSub = <Tag color="warning">{t('applicationsHall.steps.correction')}</Tag>;

  const accept: { status: StepStatus; title?: string; icon?: React.ReactNode; subTitle?: React.ReactNode } =
    status === 'not_accepted'
      ? { status: 'error', title: t('applicationsHall.steps.notAccepted') }
      : status === 'submitted'
        ? { status: 'process' }
        : status === 'correction' && !accepted
          ? { status: 'process', icon: correctionIcon, subTitle: correctionSub }
          : { status: 'finish' };
  const review: typeof accept =
    status === 'reviewing'
      ? { status: 'process' }
      : status === 'correction' && accepted
        ? { status: 'process', icon: correctionIcon, subTitle: correctionSub }
        : ['deciding', 'concluded', 'delivered'].includes(status)
          ? { status: 'finish' }
          : { status: 'wait' };
  const decide: typeof accept =
    status === 'deciding'
      ? { status: 'process' }
      : status === 'concluded' || status === 'delivered'
        ? decision === 'refused'
          ? { status: 'error', title: t('applicationsHall.steps.refused') }
          : { status: 'finish', title: t('applicationsHall.steps.approved') }
        : { status: 'wait' };
  const deliver: typeof accept = status === 'concluded' ? { status: 'process' } : status === 'delivered' ? { status: 'finish' } : { status: 'wait' };

  const items = [
    { title: t('applicationsHall.steps.submitted'), status: 'finish' as StepStatus, content: time('submitted') },
    { title: accept.title ?? t('applicationsHall.steps.accept'), status: accept.status, icon: accept.icon, subTitle: accept.subTitle, content: time('accepted', 'not_accepted') },
    { title: t('applicationsHall.steps.review'), status: review.status, icon: review.icon, subTitle: review.subTitle, content: review.status === 'finish' ? time('reviewed') : undefined },
    { title: decide.title ?? t('applicationsHall.steps.decide'), status: decide.status, content: time('approved', 'refused') },
    { title: t('applicationsHall.steps.deliver'), status: deliver.status, content: time('delivered') },
  ];
  // nothing follows a refusal to accept
  const shown = status === 'not_accepted' ? items.slice(0, 2) : items;
  // the step the case is at: the last one under way (after a refusal, the delivery of the decision)
  const active = shown.findLastIndex((x) => x.status === 'process' || x.status === 'error');
  const current = active >= 0 ? active : shown.length - 1;
  return <Steps className="app-steps" items={shown} current={current} size="small" titlePlacement="vertical" data-testid="case-steps" data-current={current} />;
}

/** The licence an approval issued (the timeline entry's details). */
function isIssuedLicence(x: unknown): x is { licenceId: string; typeName: string; link: string } {
  const l = x as { licenceId?: unknown; typeName?: unknown; link?: unknown } | null;
  return !!l && typeof l.licenceId === 'string' && typeof l.typeName === 'string' && typeof l.link === 'string' && l.link.startsWith('/hall/licences/');
}

/** Who, when, what: an event's details in the reader's language. */
function EventBody({ e, targetLabel, t }: { e: CaseEvent; targetLabel: (target: string) => string; t: TFunction }) {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const defects = Array.isArray(d.defects) ? (d.defects as Array<{ target: string; reason: string }>) : [];
  const methods = msgs().case.deliveryMethods as Record<string, string>;
  const named = (msgs().events as Record<string, unknown>)[e.action];
  return (
    <div className="app-event" data-testid="case-event" data-action={e.action}>
      <div className="app-event-head">
        <strong>{typeof named === 'string' ? named : e.action}</strong>
        {e.action === 'reviewed' && typeof d.outcome === 'string' && (
          <Tag color={d.outcome === 'agree' ? 'green' : 'red'} className="app-event-tag">
            {(msgs().events.outcome as Record<string, string>)[d.outcome] ?? d.outcome}
          </Tag>
        )}
      </div>
      <div className="app-event-meta tb-muted">
        {fmtDateTime(e.at)} · {e.actor}
      </div>
      {e.opinion && <div className="app-event-opinion">{t('applicationsHall.events.opinion', { text: e.opinion })}</div>}
      {typeof d.document === 'string' && <div className="app-event-opinion">{t('applicationsHall.case.resultDocument', { name: d.document })}</div>}
      {typeof d.documentNumber === 'string' && (
        <div className="app-event-opinion">
          {t('caseDocuments.number')}
          {colon()}
          <span className="tb-mono">{d.documentNumber}</span>
        </div>
      )}
      {isIssuedLicence(d.licence) && (
        <div className="app-event-opinion" data-testid="case-event-licence">
          {t('applicationsHall.case.licenceIssued', { name: d.licence.typeName })} <span className="tb-mono">{d.licence.licenceId}</span> ·{' '}
          <Link to={d.licence.link}>{t('applicationsHall.case.licenceView')}</Link>
        </div>
      )}
      {e.action === 'delivered' && typeof d.method === 'string' && (
        <div className="app-event-opinion">
          {t('applicationsHall.case.deliveredBy', { method: methods[d.method] ?? d.method })}
          {typeof d.trackingNumber === 'string' && d.trackingNumber && <> · {t('applicationsHall.case.trackingNumber', { number: d.trackingNumber })}</>}
        </div>
      )}
      {defects.length > 0 && (
        <div className="app-event-defects">
          <div>{t('applicationsHall.events.defects')}</div>
          <ol>
            {defects.map((x, i) => (
              <li key={i}>
                <strong>{targetLabel(x.target)}</strong>
                {colon()}
                {x.reason}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

const EVENT_COLORS: Record<string, string> = {
  not_accepted: 'red',
  refused: 'red',
  correction_requested: 'orange',
  special_procedure_started: 'orange',
  approved: 'green',
  delivered: 'green',
  corrected: 'blue',
};

/** Every recorded step of the case, oldest first, with actor, opinion and time. */
export function CaseHistory({ detail, targetLabel }: { detail: CaseDetail; targetLabel: (target: string) => string }) {
  const { t } = useTranslation();
  const events = detail.timeline.filter((e) => !HIDDEN_EVENTS.has(e.action));
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applicationsHall.case.noHistory')} />;
  return (
    <Timeline
      className="app-timeline"
      data-testid="case-timeline"
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: EVENT_COLORS[e.action] ?? 'blue',
        content: <EventBody e={e} targetLabel={targetLabel} t={t} />,
      }))}
    />
  );
}

/** 办结期限 with how much of the promised time is used; warning from 80 %, overdue past it, paused during 补正 / 特别程序. */
export function DeadlineBlock({ detail, promisedText }: { detail: CaseDetail; promisedText: string }) {
  const { t } = useTranslation();
  const dl = detail.deadline;
  const { status } = detail.case;
  const concludedAt = lastAt(detail.timeline, 'approved', 'refused');
  if (status === 'not_accepted') return <Typography.Text type="secondary">—</Typography.Text>;
  if (!dl) {
    return (
      <div data-testid="case-deadline" data-state="not_started">
        <Typography.Paragraph className="tb-muted" style={{ marginBottom: 0 }}>
          <ClockCircleOutlined /> {t('applicationsHall.case.deadlineNotStarted', { limit: promisedText })}
        </Typography.Paragraph>
      </div>
    );
  }
  const closed = status === 'concluded' || status === 'delivered';
  const percent = Math.max(0, Math.round(dl.elapsedFraction * 100));
  const state = closed ? 'closed' : dl.overdue ? 'overdue' : dl.paused ? 'paused' : dl.warning ? 'warning' : 'running';
  const color = state === 'overdue' ? '#c8161d' : state === 'warning' ? '#d46b08' : state === 'paused' ? '#8c96a8' : state === 'closed' ? '#2f9e44' : '#0b4aa2';
  return (
    <div className="app-deadline" data-testid="case-deadline" data-state={state}>
      <div className="app-deadline-tags">
        {state === 'overdue' && (
          <Tag color="error" icon={<CloseCircleOutlined />}>
            {t('applicationsHall.deadline.overdue')}
          </Tag>
        )}
        {state === 'warning' && (
          <Tag color="warning" icon={<WarningOutlined />}>
            {t('applicationsHall.deadline.warning')}
          </Tag>
        )}
        {state === 'paused' && <Tag icon={<PauseCircleOutlined />}>{t('applicationsHall.deadline.paused')}</Tag>}
        {state === 'running' && (
          <Tag color="processing" icon={<ClockCircleOutlined />}>
            {t('applicationsHall.case.onTime')}
          </Tag>
        )}
        {state === 'closed' && (
          <Tag color="success" icon={<CheckCircleOutlined />}>
            {concludedAt ? t('applicationsHall.case.deadlineConcluded', { date: fmtDateTime(concludedAt) }) : t('applicationsHall.status.concluded')}
          </Tag>
        )}
      </div>
      <Tooltip title={t('applicationsHall.case.elapsed', { percent })}>
        <Progress
          percent={Math.min(100, percent)}
          strokeColor={color}
          status={state === 'overdue' ? 'exception' : state === 'closed' ? 'success' : 'normal'}
          format={() => `${percent}%`}
          data-testid="deadline-progress"
          aria-label={t('applicationsHall.case.elapsed', { percent })}
        />
      </Tooltip>
      <dl className="app-deadline-dates">
        <div>
          <dt>{t('applicationsHall.case.promisedDue')}</dt>
          <dd data-testid="case-due">{fmtDateTime(dl.dueAt)}</dd>
        </div>
        {dl.legalDueAt && (
          <div>
            <dt>{t('applicationsHall.case.legalDue')}</dt>
            <dd>{fmtDateTime(dl.legalDueAt)}</dd>
          </div>
        )}
      </dl>
      {(dl.paused || detail.corrections.length > 0) && <div className="app-deadline-note tb-muted">{t('applicationsHall.case.deadlinePausedHint')}</div>}
    </div>
  );
}
