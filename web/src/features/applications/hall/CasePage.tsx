import { useCallback, useEffect, useMemo } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  CheckCircleOutlined, CloseCircleOutlined, EyeOutlined, FileDoneOutlined, FileTextOutlined, HistoryOutlined, NodeIndexOutlined,
  ReloadOutlined, SendOutlined, SwapOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { currentLang } from '../../../i18n';
import { DepartmentName } from '../../../lib/departments';
import { fmtDateTime } from '../../../lib/format';
import { useAsync } from '../../../lib/useAsync';
import { SchemaForm, type FormDefinition } from '../../../components/schema-form';
import { pathLabel } from '../../../components/schema-form/shared';
import { getItem, getItemVersion } from '../../catalog/api';
import type { Material } from '../../catalog/types';
import { timeLimitText } from '../../catalog/hall/format';
import type { CaseDetail, CaseTransfer, FiledMaterial, MaterialAnswer } from '../types';
import { applicationsApi, caseFileUrl, parseMaterialAnswers, usablePrefill, type ItemWithForm } from './api';
import { CaseHistory, CaseSteps, DeadlineBlock } from './CaseProgress';
import { CorrectionCard, defectKind } from './CorrectionCard';
import { RatingCard } from './RatingCard';
import { DocumentsCard } from '../documents/DocumentsCard';
import { AppErrorAlert, CardTitle, colon, msgs, NotFoundResult, StatusTag } from './ui';
import './applications-hall.css';
import { localItemName } from '../names';

/** The guide version the case was filed under (published or retired versions are public), else the current one. */
async function loadGuide(itemId: string, version: number, signal: AbortSignal): Promise<ItemWithForm> {
  try {
    return (await getItemVersion(itemId, version, { signal })) as ItemWithForm;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return (await getItem(itemId, { signal })) as ItemWithForm;
  }
}

const lastEvent = (d: CaseDetail, ...actions: string[]) => [...d.timeline].reverse().find((e) => actions.includes(e.action));

/** 不予受理 / 准予许可 / 不予许可 with the reason, the decision document and how the result was delivered. */
function ResultBanner({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { status, decision } = detail.case;
  const methods = msgs().case.deliveryMethods as Record<string, string>;
  if (status === 'not_accepted') {
    const e = lastEvent(detail, 'not_accepted');
    return (
      <Alert
        type="error"
        showIcon
        icon={<CloseCircleOutlined />}
        className="app-block app-result"
        data-testid="case-result"
        title={t('applicationsHall.case.resultNotAccepted')}
        description={e?.opinion ? t('applicationsHall.case.resultReason', { text: e.opinion }) : undefined}
      />
    );
  }
  if (status !== 'concluded' && status !== 'delivered') return null;
  const decided = lastEvent(detail, 'approved', 'refused');
  const delivered = lastEvent(detail, 'delivered');
  const d = (decided?.details ?? {}) as Record<string, unknown>;
  const dd = (delivered?.details ?? {}) as Record<string, unknown>;
  const refused = decision === 'refused';
  return (
    <Alert
      type={refused ? 'error' : 'success'}
      showIcon
      icon={refused ? <CloseCircleOutlined /> : <CheckCircleOutlined />}
      className="app-block app-result"
      data-testid="case-result"
      title={refused ? t('applicationsHall.case.resultRefused') : t('applicationsHall.case.resultApproved')}
      description={
        <>
          {decided?.opinion && <div>{refused ? t('applicationsHall.case.resultReason', { text: decided.opinion }) : t('applicationsHall.events.opinion', { text: decided.opinion })}</div>}
          {typeof d.document === 'string' && <div>{t('applicationsHall.case.resultDocument', { name: d.document })}</div>}
          {status === 'delivered' && typeof dd.method === 'string' && (
            <div>
              {t('applicationsHall.case.deliveredBy', { method: methods[dd.method] ?? dd.method })}
              {typeof dd.trackingNumber === 'string' && dd.trackingNumber && <> · {t('applicationsHall.case.trackingNumber', { number: dd.trackingNumber })}</>}
            </div>
          )}
          {status === 'concluded' && <div>{t('applicationsHall.case.awaitingDelivery')}</div>}
        </>
      }
    />
  );
}

interface MaterialRowData {
  key: string;
  name: string;
  answer: MaterialAnswer | undefined;
}

function MaterialsTable({ detail, materials }: { detail: CaseDetail; materials: Material[] }) {
  const { t } = useTranslation();
  const answers = parseMaterialAnswers(detail.materials);
  const byKey = new Map(answers.map((a) => [a.key, a]));
  // a material answered by a licence: the licence as checked at filing (detail.materials keep it beside the answer)
  const licences = new Map((detail.materials as FiledMaterial[]).flatMap((m) => (m.by === 'license' && m.licence ? [[m.key, m.licence] as const] : [])));
  const rows: MaterialRowData[] = materials.map((m) => ({ key: m.key, name: m.name, answer: byKey.get(m.key) }));
  for (const a of answers) if (!materials.some((m) => m.key === a.key)) rows.push({ key: a.key, name: a.key, answer: a });
  const byShort = msgs().materials.byShort as Record<string, string>;
  const colors: Record<string, string> = { upload: 'blue', shared_data: 'green', license: 'green', deferred: 'orange', not_applicable: 'default' };
  const columns: TableColumnsType<MaterialRowData> = [
    { title: '#', key: 'i', width: 48, align: 'center', render: (_v, _r, i) => i + 1 },
    { title: t('applicationsHall.case.materialName'), key: 'name', render: (_v, r) => <strong>{r.name}</strong> },
    {
      title: t('applicationsHall.case.materialHow'),
      key: 'how',
      width: 140,
      render: (_v, r) => (r.answer ? <Tag color={colors[r.answer.by] ?? 'default'}>{byShort[r.answer.by] ?? r.answer.by}</Tag> : <span className="tb-muted">{t('applicationsHall.case.notProvided')}</span>),
    },
    {
      title: t('applicationsHall.case.materialFile'),
      key: 'file',
      render: (_v, r) =>
        licences.has(r.key) ? (
          <span data-testid={`case-licence-${r.key}`}>
            <Link to={`/hall/licences/${encodeURIComponent(licences.get(r.key)!.licenceId)}`}>
              {licences.get(r.key)!.typeName} · <span className="tb-mono">{licences.get(r.key)!.number}</span>
            </Link>{' '}
            <Tag color="success">{t('applicationsHall.case.licenceVerified')}</Tag>
          </span>
        ) : r.answer?.file ? (
          <a href={caseFileUrl(detail.case.id, r.answer.file.sha256)} target="_blank" rel="noreferrer" data-testid={`case-file-${r.key}`}>
            <EyeOutlined aria-hidden /> {r.answer.file.name}
          </a>
        ) : (
          <span className="tb-muted">—</span>
        ),
    },
  ];
  return <Table<MaterialRowData> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} data-testid="case-materials" scroll={{ x: 560 }} />;
}

function TransfersBlock({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const transfers = detail.transfers ?? [];
  const m = msgs().transfers;
  if (!transfers.length) return <Typography.Paragraph className="tb-muted">{t('applicationsHall.transfers.none')}</Typography.Paragraph>;
  return (
    <ol className="app-transfers" data-testid="case-transfers">
      {transfers.map((x: CaseTransfer) => (
        <li key={x.id} className="app-transfer" data-status={x.status}>
          <div className="app-transfer-head">
            <strong>{(m.kind as Record<string, string>)[x.kind] ?? x.kind}</strong>
            <Tag color={x.status === 'received' ? 'success' : 'processing'}>{(m.status as Record<string, string>)[x.status] ?? x.status}</Tag>
            <span className="tb-muted">{(m.method as Record<string, string>)[x.method] ?? x.method}</span>
          </div>
          <div>
            <DepartmentName id={x.fromDepartmentId} /> <SwapOutlined aria-hidden /> <DepartmentName id={x.toDepartmentId} />
          </div>
          {x.trackingNumber && <div className="tb-mono">{t('applicationsHall.transfers.tracking', { number: x.trackingNumber })}</div>}
          {x.note && <div className="tb-muted">{x.note}</div>}
          <div className="tb-muted app-transfer-times">
            {t('applicationsHall.transfers.sentAt', { date: fmtDateTime(x.sentAt), by: x.sentBy })}
            {x.receivedAt && <> · {t('applicationsHall.transfers.receivedAt', { date: fmtDateTime(x.receivedAt), by: x.receivedBy ?? '' })}</>}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** 办件详情: status and progress, clock, frozen form and materials, corrections (and the 补正 form), transfers, 好差评. */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const lang = currentLang();
  const c = useAsync((signal) => applicationsApi.getCase(id, { signal }), [id]);
  const detail = c.data?.case.id === id ? c.data : undefined;
  const itemId = detail?.case.itemId;
  const version = detail?.case.itemVersion;
  const guide = useAsync((signal) => loadGuide(itemId!, version!, signal), [itemId, version], !!itemId && !!version);
  const needsCorrection = detail?.case.status === 'correction';
  const prefill = useAsync((signal) => applicationsApi.prefill(itemId!, { signal }), [itemId, needsCorrection], !!itemId && needsCorrection);

  const def: FormDefinition | null = guide.data?.guide.form ?? null;
  const materials = useMemo(() => guide.data?.guide.materials ?? [], [guide.data]);
  const pf = useMemo(() => usablePrefill(prefill.data?.prefill, def), [prefill.data, def]);

  const targetLabel = useCallback(
    (target: string) => {
      const k = defectKind(target, def, materials);
      if (k.kind === 'material') return materials.find((m) => m.key === k.key)?.name ?? target;
      if (k.kind === 'field' && def) return pathLabel(def, k.path, lang).replace(/^[「“]|[」”]$/g, '');
      return target;
    },
    [def, materials, lang],
  );

  useEffect(() => {
    if (detail) document.title = `${localItemName(detail.case)} · ${t('applicationsHall.cases.title')} · ${t('app.portal')}`;
  }, [detail, t]);

  // #correction / #rating from the list: scroll there once the card is on the page
  const hash = location.hash.replace('#', '');
  const ready = !!detail && !guide.loading;
  useEffect(() => {
    if (!ready || !hash) return;
    const timer = window.setTimeout(() => document.getElementById(hash)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 100);
    return () => window.clearTimeout(timer);
  }, [ready, hash]);

  if (c.error instanceof ApiError && (c.error.status === 404 || c.error.status === 403)) {
    return <NotFoundResult title={t('applicationsHall.case.notFound')} backTo="/hall/cases" backText={t('applicationsHall.case.backToList')} />;
  }
  if (c.error) return <AppErrorAlert error={c.error} title={t('applicationsHall.case.loadFailed')} onRetry={c.reload} />;
  if (!detail) {
    return (
      <div className="app-page" aria-busy="true">
        <Card className="app-block">
          <Skeleton active paragraph={{ rows: 3 }} />
        </Card>
        <Card className="app-block">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }

  const s = detail.case;
  const promised = guide.data ? timeLimitText(guide.data.guide.promisedTimeLimit) : '—';
  const showTransfers = !!detail.receivingDepartmentId || (detail.transfers?.length ?? 0) > 0;
  const rateable = !!detail.rating || !!detail.canRate;

  return (
    <div className="app-page app-case" data-testid="case-page" data-case-id={s.id}>
      <Breadcrumb
        className="app-breadcrumb"
        items={[
          { title: <Link to="/hall">{t('applicationsHall.breadcrumb.hall')}</Link> },
          { title: <Link to="/hall/cases">{t('applicationsHall.breadcrumb.cases')}</Link> },
          { title: s.caseNumber },
        ]}
      />

      <header className="app-head">
        <div className="app-head-main">
          <div className="app-head-kicker">
            {t('applicationsHall.case.caseNumber')} <span className="tb-mono" data-testid="case-number">{s.caseNumber}</span>
          </div>
          <h1 className="app-head-title">
            {localItemName(s)} <StatusTag status={s.status} decision={s.decision} testId="case-status" />
          </h1>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            className="app-head-desc"
            items={[
              { key: 'dept', label: t('applicationsHall.case.department'), children: <DepartmentName id={s.departmentId} /> },
              { key: 'applicant', label: t('applicationsHall.case.applicant'), children: t('applicationsHall.case.applicantWithKind', { name: s.applicantName, kind: (msgs().case.applicantKinds as Record<string, string>)[s.applicantKind] ?? s.applicantKind }) },
              { key: 'submitted', label: t('applicationsHall.case.submittedAt'), children: fmtDateTime(s.submittedAt) },
              ...(detail.receivingDepartmentId ? [{ key: 'receiving', label: t('applicationsHall.case.receivingDepartment'), children: <DepartmentName id={detail.receivingDepartmentId} /> }] : []),
              { key: 'updated', label: t('applicationsHall.case.updatedAt'), children: fmtDateTime(s.updatedAt) },
              { key: 'impl', label: t('applicationsHall.case.implementationCode'), children: <span className="tb-mono">{detail.implementationCode}</span> },
            ]}
          />
        </div>
        <div className="app-head-side">
          <Space>
            <Link to={`/services/items/${encodeURIComponent(s.itemId)}`}>
              <Button icon={<FileTextOutlined />}>{t('applicationsHall.apply.guideLink')}</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={c.reload} loading={c.loading} data-testid="case-refresh">
              {t('applicationsHall.case.refresh')}
            </Button>
          </Space>
        </div>
      </header>

      <ResultBanner detail={detail} />
      {guide.error ? <Alert type="warning" showIcon className="app-block" title={t('applicationsHall.case.noGuide')} /> : null}

      <Card className="app-card app-block" title={<CardTitle icon={<NodeIndexOutlined />}>{t('applicationsHall.case.progress')}</CardTitle>}>
        <CaseSteps detail={detail} />
      </Card>

      {needsCorrection &&
        (guide.loading || prefill.loading ? (
          <Card className="app-card app-block">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : (
          <div className="app-block">
            <CorrectionCard
              key={`${s.id}-${s.rowVersion}`}
              detail={detail}
              def={def}
              materials={materials}
              prefill={pf}
              targetLabel={targetLabel}
              onDone={(d) => {
                c.setData(d);
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
              onStale={c.reload}
            />
          </div>
        ))}

      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {/* while correcting, the form is edited in the correction card above (one form on the page: ids stay unique) */}
          {!(needsCorrection && def) && (
            <Card className="app-card app-block" title={<CardTitle icon={<FileDoneOutlined />}>{t('applicationsHall.case.form')}</CardTitle>} data-testid="case-form">
              {guide.loading ? (
                <Skeleton active paragraph={{ rows: 6 }} />
              ) : def ? (
                <SchemaForm definition={def} value={detail.form ?? {}} onChange={() => undefined} readOnly lang={lang} />
              ) : Object.keys(detail.form ?? {}).length ? (
                <Descriptions size="small" bordered column={1} items={Object.entries(detail.form).map(([k, v]) => ({ key: k, label: k, children: typeof v === 'object' ? JSON.stringify(v) : String(v) }))} />
              ) : (
                <Typography.Paragraph className="tb-muted">{t('applicationsHall.case.noForm')}</Typography.Paragraph>
              )}
            </Card>
          )}

          <Card className="app-card app-block" title={<CardTitle icon={<FileTextOutlined />}>{t('applicationsHall.case.materials')}</CardTitle>}>
            {guide.loading ? <Skeleton active paragraph={{ rows: 4 }} /> : <MaterialsTable detail={detail} materials={materials} />}
          </Card>

          {detail.corrections.length > 0 && (
            <Card className="app-card app-block" title={t('applicationsHall.case.corrections')} data-testid="case-corrections">
              <ol className="app-corrections">
                {[...detail.corrections].reverse().map((x, i) => (
                  <li key={`${x.requestedAt}-${i}`} className="app-correction-item">
                    <div className="app-correction-head">
                      <span>{t('applicationsHall.case.correctionRequested', { date: fmtDateTime(x.requestedAt) })}</span>
                      {x.answeredAt ? (
                        <Tag color="success">{t('applicationsHall.case.correctionAnswered', { date: fmtDateTime(x.answeredAt) })}</Tag>
                      ) : (
                        <Tag color="warning">{t('applicationsHall.case.correctionOpen')}</Tag>
                      )}
                    </div>
                    <ul className="app-defects">
                      {x.defects.map((d, j) => (
                        <li key={j}>
                          <strong>{targetLabel(d.target)}</strong>
                          {colon()}
                          {d.reason}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </Card>
          )}
        </Col>

        <Col xs={24} lg={8}>
          <Card className="app-card app-block" title={t('applicationsHall.case.deadlineTitle')}>
            <DeadlineBlock detail={detail} promisedText={promised} />
          </Card>
          <DocumentsCard caseId={s.id} refreshKey={s.rowVersion} className="app-card app-block" />
          {rateable && (
            <div className="app-block">
              <RatingCard detail={detail} onRated={(d) => c.setData(d)} />
            </div>
          )}
          {showTransfers && (
            <Card className="app-card app-block" title={<CardTitle icon={<SendOutlined />}>{t('applicationsHall.transfers.title')}</CardTitle>} data-testid="case-transfers-card">
              <Typography.Paragraph className="tb-muted app-small">{t('applicationsHall.transfers.intro')}</Typography.Paragraph>
              <TransfersBlock detail={detail} />
            </Card>
          )}
          <Card className="app-card app-block" title={<CardTitle icon={<HistoryOutlined />}>{t('applicationsHall.case.history')}</CardTitle>}>
            <CaseHistory detail={detail} targetLabel={targetLabel} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
