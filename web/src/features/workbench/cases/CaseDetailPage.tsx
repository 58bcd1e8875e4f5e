import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Col, Descriptions, Progress, Result, Row, Skeleton, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { currentLang } from '../../../i18n';
import { DepartmentName } from '../../../lib/departments';
import { fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { PageHead } from '../../../components/PageHead';
import { titleOf, type FormDefinition } from '../../../components/schema-form/shared';
import { getItemVersion } from '../../catalog/api';
import type { Guide } from '../../catalog/types';
import { ActionsPanel, type TargetOption } from './ActionsPanel';
import { casesApi } from './casesApi';
import { CorrectionsSection, FormSection, MaterialsSection, RatingSection, TasksSection, TimelineSection } from './CaseSections';
import { TransfersCard } from './TransfersCard';
import { DocumentsCard } from '../../applications/documents/DocumentsCard';
import type { CaseDetail } from '../../applications/types';
import { CaseErrorAlert, CaseStatusTag, ConflictAlert, CrossRegionTag, PausedTag } from './ui';
import './cases.css';
import { localItemName } from '../../applications/names';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** 申请 → 受理 → 审查 → 决定（办结） → 送达, with where the case is and where it stopped (不予受理, 不予许可). */
function flowSteps(d: CaseDetail, t: TFunction): { current: number; items: { title: string; status: StepStatus; content?: string }[] } {
  const s = d.case.status;
  const order = ['submitted', 'accepted', 'reviewing', 'deciding', 'delivered'] as const;
  const reached: Record<string, number> = { submitted: 1, correction: 1, not_accepted: 1, reviewing: 2, deciding: 3, concluded: 4, delivered: 5 };
  const at = reached[s] ?? 0;
  const last = (...actions: string[]) => [...d.timeline].reverse().find((e) => actions.includes(e.action))?.at;
  const when: Record<(typeof order)[number], string | undefined> = {
    submitted: d.case.submittedAt,
    accepted: last('accepted', 'not_accepted'),
    reviewing: at >= 3 ? last('reviewed') : undefined,
    deciding: last('approved', 'refused'),
    delivered: last('delivered'),
  };
  return {
    current: Math.min(at, order.length - 1),
    items: order.map((k, i) => {
      let status: StepStatus = i < at ? 'finish' : i === at ? 'process' : 'wait';
      if (i === 1 && s === 'not_accepted') status = 'error';
      if (i === 3 && d.case.decision === 'refused' && at >= 4) status = 'error';
      const note = i === 1 && s === 'correction' ? t('appWorkbench.status.correction') : i === 1 && s === 'not_accepted' ? t('appWorkbench.status.not_accepted') : undefined;
      return { title: t(`appWorkbench.detail.flow.${k}`), status, content: when[k] ? fmtDateTime(when[k]) : note };
    }),
  };
}

function ClockPanel({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const dl = d.deadline;
  const ended = ['concluded', 'delivered', 'not_accepted'].includes(d.case.status);
  if (!dl) {
    return (
      <div className="tb-wb-clock" data-testid="case-deadline" data-deadline="none">
        <div className="tb-wb-clock-title">{t('appWorkbench.detail.progress')}</div>
        <Typography.Text type="secondary">{ended ? t('appWorkbench.common.clockStopped') : t('appWorkbench.common.notStarted')}</Typography.Text>
      </div>
    );
  }
  const pct = Math.max(0, Math.round(dl.elapsedFraction * 100));
  const status = dl.overdue ? 'exception' : ended ? 'success' : 'active';
  const color = dl.overdue ? '#c8161d' : dl.warning ? '#fa8c16' : undefined;
  return (
    <div className="tb-wb-clock" data-testid="case-deadline" data-deadline={dl.overdue ? 'overdue' : dl.warning ? 'warning' : 'normal'} data-paused={dl.paused ? 'true' : 'false'}>
      <div className="tb-wb-clock-title">
        <span>{t('appWorkbench.detail.progress')}</span>
        <Space size={4}>
          {dl.paused && <PausedTag />}
          {dl.overdue ? <Tag color="red">{t('appWorkbench.common.overdue')}</Tag> : dl.warning ? <Tag color="orange">{t('appWorkbench.common.warning')}</Tag> : null}
          {ended && <Tag color="green">{t('appWorkbench.common.clockStopped')}</Tag>}
        </Space>
      </div>
      <Progress percent={Math.min(100, pct)} status={dl.paused ? 'normal' : status} strokeColor={color} format={() => t('appWorkbench.detail.elapsed', { pct })} />
      <div className="tb-wb-clock-row">
        <span className="k">{t('appWorkbench.common.dueAt')}</span>
        <span className={dl.overdue ? 'tb-wb-due overdue' : dl.warning ? 'tb-wb-due warning' : 'tb-wb-due'}>{fmtDateTime(dl.dueAt)}</span>
      </div>
      <div className="tb-wb-clock-row">
        <span className="k">{t('appWorkbench.common.legalDueAt')}</span>
        <span className="tb-wb-due">{fmtDateTime(dl.legalDueAt)}</span>
      </div>
    </div>
  );
}

/** 办件详情: the case's header and clock, the frozen form and materials, steps, timeline, corrections, transfers, rating; the actions panel. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const from = (location.state as { from?: string } | null)?.from ?? '/workbench/cases';
  const detail = useAsync((signal) => casesApi.get(id, signal), [id]);
  const d = detail.data;
  const [conflict, setConflict] = useState(false);
  const [tab, setTab] = useState('form');
  const itemKey = d ? `${d.case.itemId}@${d.case.itemVersion}` : '';
  const version = useAsync((signal) => getItemVersion(d!.case.itemId, d!.case.itemVersion, { signal }), [itemKey], !!d);
  const guide = version.data?.guide as (Guide & { form?: FormDefinition }) | undefined;
  const definition = guide?.form && guide.form.schema?.properties ? guide.form : null;
  const lang = currentLang();

  /** Form fields and materials by key: the correction targets and their labels. */
  const { targets, labels } = useMemo(() => {
    const opts: TargetOption[] = [];
    const map = new Map<string, string>();
    if (definition) {
      for (const [k, f] of Object.entries(definition.schema.properties)) {
        const title = titleOf(f, lang);
        map.set(k, title);
        opts.push({ value: k, label: t('appWorkbench.actions.defectFormField', { label: title }) });
      }
    } else if (d) {
      for (const k of Object.keys(d.form)) opts.push({ value: k, label: k });
    }
    for (const m of guide?.materials ?? []) {
      map.set(m.key, m.name);
      opts.push({ value: m.key, label: t('appWorkbench.actions.defectMaterial', { label: m.name }) });
    }
    return { targets: opts, labels: map };
  }, [definition, guide, d, lang, t]);

  function updated(next: CaseDetail, msg: string) {
    setConflict(false);
    detail.setData(next);
    message.success(msg);
  }

  function reload() {
    setConflict(false);
    detail.reload();
  }

  if (detail.error && !d) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return notFound ? (
      <Result
        status="404"
        title={t('appWorkbench.detail.titleFallback')}
        subTitle={t('appWorkbench.detail.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate(from)}>
            {t('appWorkbench.common.back')}
          </Button>
        }
      />
    ) : (
      <CaseErrorAlert error={detail.error} onRetry={detail.reload} />
    );
  }
  if (!d) return <Skeleton active paragraph={{ rows: 12 }} />;

  const c = d.case;
  const receiving = d.receivingDepartmentId ?? c.receivingDepartmentId ?? null;
  const crossRegion = !!receiving && receiving !== c.departmentId;
  const showTransfers = crossRegion || (d.transfers?.length ?? 0) > 0;
  const openCorrections = d.corrections.filter((x) => !x.answeredAt).length;

  return (
    <>
      <PageHead
        title={localItemName(c)}
        intro={
          <Space size={8} wrap>
            <span>{t('appWorkbench.common.caseNumber')}</span>
            <Typography.Text className="tb-mono" copyable data-testid="case-number">
              {c.caseNumber}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(from)} data-testid="case-back">
              {t('appWorkbench.common.back')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={detail.loading} data-testid="case-refresh">
              {t('appWorkbench.common.reload')}
            </Button>
          </Space>
        }
      />
      {conflict && <ConflictAlert onReload={reload} />}
      {detail.error ? <CaseErrorAlert error={detail.error} onRetry={detail.reload} /> : null}

      <Card style={{ marginBottom: 16 }} data-testid="case-header">
        <div className="tb-wb-head">
          <div className="tb-wb-head-main">
            <Space size={8} wrap style={{ marginBottom: 12 }}>
              <CaseStatusTag status={c.status} decision={c.decision} testId="case-status" />
              {crossRegion && <CrossRegionTag />}
              {c.paused && <PausedTag />}
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                {
                  key: 'applicant',
                  label: t('appWorkbench.common.applicant'),
                  children: (
                    <Space size={4}>
                      <Typography.Text strong data-testid="case-applicant">
                        {c.applicantName}
                      </Typography.Text>
                      <Tag>{c.applicantKind === 'enterprise' ? t('appWorkbench.applicantKind.enterprise') : t('appWorkbench.applicantKind.person')}</Tag>
                    </Space>
                  ),
                },
                { key: 'submitted', label: t('appWorkbench.common.submittedAt'), children: fmtDateTime(c.submittedAt) },
                { key: 'dept', label: t('appWorkbench.common.handlingDepartment'), children: <DepartmentName id={c.departmentId} /> },
                ...(crossRegion ? [{ key: 'recv', label: t('appWorkbench.common.receivingDepartment'), children: <DepartmentName id={receiving} /> }] : []),
                { key: 'updated', label: t('appWorkbench.common.updatedAt'), children: fmtDateTime(c.updatedAt) },
                {
                  key: 'version',
                  label: t('appWorkbench.common.itemVersion'),
                  children: t('appWorkbench.common.vN', { n: c.itemVersion }),
                },
                { key: 'impl', label: t('appWorkbench.common.implementationCode'), children: <span className="tb-mono">{d.implementationCode}</span> },
              ]}
            />
          </div>
          <ClockPanel d={d} />
        </div>
        <div className="tb-wb-steps">
          <Steps size="small" {...flowSteps(d, t)} />
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {showTransfers && <TransfersCard detail={d} onUpdated={updated} onConflict={() => setConflict(true)} reload={reload} />}
          <Card style={{ marginBottom: 16 }}>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'form', label: <span data-testid="case-tab-form">{t('appWorkbench.detail.tabs.form')}</span>, children: <FormSection detail={d} definition={definition} loading={version.loading} /> },
                { key: 'materials', label: <span data-testid="case-tab-materials">{t('appWorkbench.detail.tabs.materials')}</span>, children: <MaterialsSection detail={d} materials={guide?.materials ?? null} /> },
                { key: 'tasks', label: <span data-testid="case-tab-tasks">{t('appWorkbench.detail.tabs.tasks')}</span>, children: <TasksSection detail={d} /> },
                {
                  key: 'timeline',
                  label: (
                    <span data-testid="case-tab-timeline">
                      {t('appWorkbench.detail.tabs.timeline')} <Badge count={d.timeline.length} color="#8a93a5" size="small" />
                    </span>
                  ),
                  children: <TimelineSection detail={d} labels={labels} />,
                },
                {
                  key: 'corrections',
                  label: (
                    <span data-testid="case-tab-corrections">
                      {t('appWorkbench.detail.tabs.corrections')} {d.corrections.length > 0 && <Badge count={d.corrections.length} color={openCorrections ? '#fa8c16' : '#8a93a5'} size="small" />}
                    </span>
                  ),
                  children: <CorrectionsSection detail={d} labels={labels} />,
                },
                {
                  key: 'rating',
                  label: (
                    <span data-testid="case-tab-rating">
                      {t('appWorkbench.detail.tabs.rating')} {d.rating && <Badge status={d.rating.overall <= 2 ? 'error' : 'success'} />}
                    </span>
                  ),
                  children: <RatingSection detail={d} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ActionsPanel key={`${c.id}:${c.rowVersion}`} detail={d} targets={targets} onUpdated={updated} onConflict={() => setConflict(true)} reload={reload} />
          <DocumentsCard caseId={c.id} refreshKey={c.rowVersion} style={{ marginBottom: 16 }} />
        </Col>
      </Row>
    </>
  );
}
