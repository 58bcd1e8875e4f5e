import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, Modal, Rate, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { EyeOutlined, ExportOutlined, DownloadOutlined, FileImageOutlined, FilePdfOutlined, PaperClipOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLang, label } from '../../../i18n';
import { DepartmentName } from '../../../lib/departments';
import { fmtDateTime } from '../../../lib/format';
import { SchemaForm, type FormDefinition } from '../../../components/schema-form';
import type { Material } from '../../catalog/types';
import { caseFileUrl } from './casesApi';
import { RATING_DIMENSIONS, type CaseDetail, type CaseEvent, type CaseTask, type Defect, type FiledMaterial, type FrozenLicence } from '../../applications/types';
import { statusText, targetLabel, taskLabel } from './ui';

const NEGATIVE = new Set(['not_accepted', 'refused', 'disagree', 'correction_requested']);

function Section({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <div className="tb-wb-section-title" style={{ justifyContent: 'space-between' }}>
        <span>{title}</span>
        {extra}
      </div>
      {children}
    </div>
  );
}

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function plainValue(v: unknown, t: TFunction): React.ReactNode {
  if (v === undefined || v === null || v === '') return <span className="tb-muted">{t('appWorkbench.common.none')}</span>;
  if (typeof v === 'boolean') return v ? t('appWorkbench.common.yes') : t('appWorkbench.common.no');
  if (Array.isArray(v) && v.every(isPlain)) {
    const cols = [...new Set(v.flatMap((r) => Object.keys(r)))];
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={v}
        columns={cols.map((c) => ({ title: c, dataIndex: c, render: (x: unknown) => (x == null ? '' : String(x)) }))}
      />
    );
  }
  if (typeof v === 'object') return <pre className="tb-pre">{JSON.stringify(v, null, 2)}</pre>;
  return String(v);
}

/** The frozen application form: with the item's form definition (sections, titles) when there is one, else label/value pairs. */
export function FormSection({ detail, definition, loading }: { detail: CaseDetail; definition: FormDefinition | null; loading: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const entries = Object.entries(detail.form ?? {});
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appWorkbench.detail.form.empty')} />;
  if (definition) {
    const known = new Set(Object.keys(definition.schema.properties));
    const extra = entries.filter(([k]) => !known.has(k));
    return (
      <div data-testid="case-form">
        <SchemaForm definition={definition} value={detail.form} onChange={() => undefined} readOnly lang={lang} />
        {extra.length > 0 && (
          <Section title={t('appWorkbench.detail.form.extraFields')}>
            <Descriptions bordered size="small" column={1} items={extra.map(([k, v]) => ({ key: k, label: <span className="tb-mono">{k}</span>, children: plainValue(v, t) }))} />
          </Section>
        )}
      </div>
    );
  }
  return (
    <div data-testid="case-form">
      {!loading && <Alert type="info" showIcon title={t('appWorkbench.detail.form.noDefinition')} style={{ marginBottom: 12 }} />}
      <Descriptions bordered size="small" column={1} items={entries.map(([k, v]) => ({ key: k, label: <span className="tb-mono">{k}</span>, children: plainValue(v, t) }))} />
    </div>
  );
}

type PreviewKind = 'pdf' | 'image' | 'other';
const previewKind = (name: string): PreviewKind => {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (ext === 'pdf') return 'pdf';
  if (['png', 'jpg', 'jpeg'].includes(ext)) return 'image';
  return 'other';
};

/**
 * An image material in a dialog. PDFs open in a new tab with the browser's viewer: the server forbids framing its
 * responses (CSP frame-ancestors 'none'), so they cannot be shown inside the page.
 */
function PreviewModal({ caseId, file, onClose }: { caseId: string; file: { sha256: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (!file) return null;
  const url = caseFileUrl(caseId, file.sha256);
  return (
    <Modal
      open
      width={960}
      title={t('appWorkbench.detail.materials.previewTitle', { name: file.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button icon={<ExportOutlined />} href={url} target="_blank" rel="noreferrer">
            {t('appWorkbench.detail.materials.openNew')}
          </Button>
          <Button icon={<DownloadOutlined />} href={url} download={file.name}>
            {t('appWorkbench.detail.materials.download')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Space>
      }
    >
      <div data-testid="material-preview">
        {failed ? <Alert type="warning" showIcon title={t('appWorkbench.detail.materials.previewFailed')} /> : <img className="tb-wb-preview-img" src={url} alt={file.name} onError={() => setFailed(true)} />}
      </div>
    </Modal>
  );
}

/** A material answered by an electronic licence: what was checked at filing, and what the licence is now. */
function LicenceMaterial({ l, materialKey }: { l: FrozenLicence; materialKey: string }) {
  const { t } = useTranslation();
  const k = 'appWorkbench.detail.materials';
  const now = l.now;
  const statusWord = now ? (now.status === 'valid' && now.expired ? t(`${k}.licenceExpired`) : t(`${k}.licenceStatus.${(['valid', 'suspended', 'revoked'].includes(now.status) ? now.status : 'unknown') as 'valid'}`)) : null;
  const changed = !!now && (now.status !== 'valid' || now.expired);
  return (
    <div className="tb-wb-licence" data-testid={`material-licence-${materialKey}`}>
      <Descriptions
        size="small"
        column={1}
        colon
        items={[
          { key: 'name', label: t(`${k}.licenceName`), children: <strong>{l.typeName}</strong> },
          { key: 'number', label: t(`${k}.licenceNumber`), children: l.number },
          { key: 'id', label: t(`${k}.licenceId`), children: <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>{l.licenceId}</Typography.Text> },
          { key: 'issuer', label: t(`${k}.licenceIssuer`), children: l.issuer.name },
          { key: 'holder', label: t(`${k}.licenceHolder`), children: l.holderName },
          { key: 'validity', label: t(`${k}.licenceValidity`), children: t(`${k}.licenceValidityRange`, { from: l.validFrom, to: l.validTo ?? t(`${k}.licencePermanent`) }) },
          { key: 'checked', label: t(`${k}.licenceCheckedAt`), children: fmtDateTime(l.verification.at) },
          ...(statusWord ? [{ key: 'now', label: t(`${k}.licenceNow`), children: <Tag color={changed ? 'red' : 'green'} data-testid={`material-licence-now-${materialKey}`}>{statusWord}</Tag> }] : []),
        ]}
      />
      {changed && statusWord && <Alert type="warning" showIcon title={t(`${k}.licenceChangedWarning`, { status: statusWord })} />}
    </div>
  );
}

const BY_COLORS: Record<string, string> = { upload: 'blue', shared_data: 'green', license: 'green', deferred: 'orange', not_applicable: 'default', missing: 'red' };

/** The materials as the guide lists them, each with how the applicant satisfied it and the uploaded file. */
export function MaterialsSection({ detail, materials }: { detail: CaseDetail; materials: Material[] | null }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ sha256: string; name: string } | null>(null);
  const answers = new Map(detail.materials.map((a) => [a.key, a]));
  type Row = { key: string; material: Material | null; answer: FiledMaterial | null };
  const rows: Row[] = materials
    ? [...materials.map((m) => ({ key: m.key, material: m, answer: answers.get(m.key) ?? null })), ...detail.materials.filter((a) => !materials.some((m) => m.key === a.key)).map((a) => ({ key: a.key, material: null, answer: a }))]
    : detail.materials.map((a) => ({ key: a.key, material: null, answer: a }));
  const byText = (by: string) => (['upload', 'shared_data', 'license', 'deferred', 'not_applicable', 'missing'].includes(by) ? t(`appWorkbench.materialBy.${by as 'upload'}`) : by);
  return (
    <>
      <Table<Row>
        data-testid="case-materials"
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 720 }}
        onRow={(r) => ({ 'data-material-key': r.key, 'data-by': r.answer?.by ?? 'missing' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('appWorkbench.detail.materials.name'),
            key: 'name',
            render: (_, r) => (
              <div>
                <div>{r.material ? r.material.name : t('appWorkbench.detail.materials.unknownMaterial', { key: r.key })}</div>
                {r.material?.acceptanceStandard && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('appWorkbench.detail.materials.standard')}：{r.material.acceptanceStandard}
                  </Typography.Text>
                )}
                {r.answer?.by === 'license' && r.answer.licence && <LicenceMaterial l={r.answer.licence} materialKey={r.key} />}
              </div>
            ),
          },
          {
            title: t('appWorkbench.detail.materials.necessity'),
            key: 'necessity',
            width: 100,
            render: (_, r) => (r.material ? <Tag color={r.material.necessity === 'required' ? 'red' : r.material.necessity === 'deferrable' ? 'orange' : 'default'}>{t(`appWorkbench.necessity.${r.material.necessity}`)}</Tag> : null),
          },
          {
            title: t('appWorkbench.detail.materials.by'),
            key: 'by',
            width: 150,
            render: (_, r) => {
              const by = r.answer?.by ?? 'missing';
              return <Tag color={BY_COLORS[by] ?? 'default'}>{byText(by)}</Tag>;
            },
          },
          {
            title: t('appWorkbench.detail.materials.file'),
            key: 'file',
            width: 240,
            render: (_, r) => {
              const f = r.answer?.file;
              if (r.answer?.by === 'license' && r.answer.licence?.verification?.outcome === 'verified') {
                return (
                  <Tooltip title={t('appWorkbench.detail.materials.licenceVerifiedTip')}>
                    <Tag color="green" icon={<SafetyCertificateFilled />} data-testid={`material-licence-verified-${r.key}`}>
                      {t('appWorkbench.detail.materials.licenceVerified')}
                    </Tag>
                  </Tooltip>
                );
              }
              if (!f) return <Typography.Text type="secondary">{t('appWorkbench.common.none')}</Typography.Text>;
              const kind = previewKind(f.name);
              return (
                <Space size={4} wrap>
                  {kind === 'pdf' ? <FilePdfOutlined style={{ color: '#c8161d' }} /> : kind === 'image' ? <FileImageOutlined style={{ color: '#0b4aa2' }} /> : <PaperClipOutlined />}
                  <Typography.Text ellipsis={{ tooltip: f.name }} style={{ maxWidth: 120 }}>
                    {f.name}
                  </Typography.Text>
                  {kind === 'image' ? (
                    <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setPreview(f)} data-testid={`material-preview-${r.key}`}>
                      {t('appWorkbench.detail.materials.preview')}
                    </Button>
                  ) : kind === 'pdf' ? (
                    <Tooltip title={t('appWorkbench.detail.materials.openNew')}>
                      <Button size="small" type="link" icon={<ExportOutlined />} href={caseFileUrl(detail.case.id, f.sha256)} target="_blank" rel="noreferrer" data-testid={`material-preview-${r.key}`}>
                        {t('appWorkbench.detail.materials.preview')}
                      </Button>
                    </Tooltip>
                  ) : (
                    <Button size="small" type="link" icon={<DownloadOutlined />} href={caseFileUrl(detail.case.id, f.sha256)} download={f.name} data-testid={`material-preview-${r.key}`}>
                      {t('appWorkbench.detail.materials.download')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <PreviewModal caseId={detail.case.id} file={preview} onClose={() => setPreview(null)} />
    </>
  );
}

function outcomeText(t: TFunction, outcome: string | null): string {
  if (!outcome) return '';
  const known = ['accepted', 'not_accepted', 'correction', 'agree', 'disagree', 'approved', 'refused', 'online', 'courier', 'window'];
  return known.includes(outcome) ? t(`appWorkbench.outcome.${outcome as 'agree'}`) : outcome;
}

const stepText = (t: TFunction, step: string) => (['accept', 'review', 'decide', 'deliver'].includes(step) ? t(`appWorkbench.step.${step as 'accept'}`) : step);

/** Every step of the case with its department and state; parallel review branches side by side. */
export function TasksSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const reviewBranches = new Set(detail.tasks.filter((x) => x.step === 'review').map((x) => x.branch));
  return (
    <>
      {reviewBranches.size > 1 && <Alert type="info" showIcon title={t('appWorkbench.detail.tasks.parallel', { n: reviewBranches.size })} style={{ marginBottom: 12 }} />}
      <Table<CaseTask>
        data-testid="case-tasks"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.tasks}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('appWorkbench.detail.tasks.empty') }}
        onRow={(r) => ({ 'data-step': r.step, 'data-task-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('appWorkbench.detail.tasks.step'),
            key: 'step',
            width: 150,
            render: (_, r) => (
              <div>
                <div className="tb-wb-task-name">{taskLabel(t, r.name)}</div>
                {r.step === 'review' && reviewBranches.size > 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{stepText(t, r.step)} · {r.branch}</Typography.Text>}
              </div>
            ),
          },
          { title: t('appWorkbench.detail.tasks.department'), dataIndex: 'departmentId', width: 170, render: (v: string) => <DepartmentName id={v} /> },
          { title: t('appWorkbench.detail.tasks.role'), dataIndex: 'role', width: 96, render: (v: string) => label('roles', v) },
          {
            title: t('appWorkbench.detail.tasks.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => <Tag color={v === 'open' ? 'processing' : v === 'done' ? 'success' : 'default'}>{['open', 'done', 'cancelled'].includes(v) ? t(`appWorkbench.taskStatus.${v as 'open'}`) : v}</Tag>,
          },
          {
            title: t('appWorkbench.detail.tasks.outcome'),
            key: 'outcome',
            render: (_, r) =>
              r.outcome ? (
                <div>
                  <Tag color={NEGATIVE.has(r.outcome) ? 'red' : 'green'}>{outcomeText(t, r.outcome)}</Tag>
                  {r.opinion && <div className={`tb-wb-opinion${NEGATIVE.has(r.outcome) ? ' negative' : ''}`}>{r.opinion}</div>}
                </div>
              ) : r.claimedBy ? (
                <Typography.Text type="secondary">
                  {t('appWorkbench.common.claimedBy')}：{r.claimedBy}
                </Typography.Text>
              ) : null,
          },
          {
            title: t('appWorkbench.detail.tasks.completed'),
            key: 'completed',
            width: 160,
            render: (_, r) =>
              r.completedAt ? (
                <div style={{ fontSize: 13 }}>
                  <div>{r.completedBy}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtDateTime(r.completedAt)}
                  </Typography.Text>
                </div>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(r.createdAt)}
                </Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

function DefectList({ defects, labels }: { defects: Defect[]; labels: Map<string, string> }) {
  return (
    <ol className="tb-wb-defects">
      {defects.map((d, i) => (
        <li key={i}>
          <Typography.Text strong>{targetLabel(d.target, labels)}</Typography.Text>：{d.reason}
        </li>
      ))}
    </ol>
  );
}

const EVENT_COLORS: Record<string, string> = {
  submitted: 'blue',
  accepted: 'blue',
  corrected: 'blue',
  reviewed: 'blue',
  correction_requested: 'orange',
  special_procedure_started: 'orange',
  special_procedure_ended: 'blue',
  not_accepted: 'red',
  refused: 'red',
  approved: 'green',
  delivered: 'green',
  task_claimed: 'gray',
  task_released: 'gray',
  materials_sent: 'purple',
  materials_received: 'purple',
  result_sent: 'purple',
  result_received: 'purple',
  rated: 'gold',
};

function eventTitle(t: TFunction, action: string): string {
  const table = t('appWorkbench.event', { returnObjects: true }) as Record<string, string>;
  return table[action] ?? action;
}

function EventDetails({ e, labels, branches, t }: { e: CaseEvent; labels: Map<string, string>; branches: Map<string, string>; t: TFunction }) {
  const d = isPlain(e.details) ? e.details : {};
  const bits: React.ReactNode[] = [];
  if (e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus) bits.push(<Tag key="s">{t('appWorkbench.detail.timeline.statusChange', { from: statusText(t, e.fromStatus), to: statusText(t, e.toStatus) })}</Tag>);
  // the branch of a joint review (并联审批); a single review has one branch and needs no tag
  if (typeof d.branch === 'string' && e.action === 'reviewed' && branches.size > 1) bits.push(<Tag key="b">{t('appWorkbench.detail.timeline.branch', { name: taskLabel(t, branches.get(d.branch)) || d.branch })}</Tag>);
  if (typeof d.outcome === 'string') bits.push(<Tag key="o" color={NEGATIVE.has(d.outcome) ? 'red' : 'green'}>{outcomeText(t, d.outcome)}</Tag>);
  if (typeof d.notice === 'string') bits.push(<Tag key="n" color="red">{t('appWorkbench.detail.timeline.notice', { name: d.notice })}</Tag>);
  if (typeof d.document === 'string') bits.push(<Tag key="d" color={e.action === 'refused' ? 'red' : 'green'}>{t('appWorkbench.detail.timeline.notice', { name: d.document })}</Tag>);
  if (typeof d.documentNumber === 'string') bits.push(<Tag key="dn" className="tb-mono">{d.documentNumber}</Tag>);
  const lic = isPlain(d.licence) ? d.licence : null;
  if (lic && typeof lic.typeName === 'string' && typeof lic.licenceId === 'string') {
    bits.push(<Tag key="lic" color="green" icon={<SafetyCertificateFilled />} data-testid="event-licence">{t('appWorkbench.detail.timeline.licence', { name: lic.typeName })}</Tag>);
    bits.push(<Tag key="lid" className="tb-mono">{lic.licenceId}</Tag>);
  }
  if (typeof d.method === 'string') {
    const m = d.method;
    const known = e.action === 'delivered' ? ['online', 'courier', 'window'] : ['online', 'courier', 'internal'];
    const text = known.includes(m) ? (e.action === 'delivered' ? t(`appWorkbench.deliveryMethod.${m as 'online'}`) : t(`appWorkbench.transferMethod.${m as 'online'}`)) : m;
    bits.push(<Tag key="m">{t('appWorkbench.detail.timeline.method', { method: text })}</Tag>);
  }
  if (typeof d.trackingNumber === 'string') bits.push(<Tag key="tn" className="tb-mono">{t('appWorkbench.detail.timeline.tracking', { no: d.trackingNumber })}</Tag>);
  if (typeof d.kind === 'string' && (d.kind === 'materials' || d.kind === 'result')) bits.push(<Tag key="k" color="purple">{t(`appWorkbench.transferKind.${d.kind}`)}</Tag>);
  if (typeof d.task === 'string') bits.push(<Tag key="t">{t('appWorkbench.detail.timeline.task', { name: d.task })}</Tag>);
  const defects = Array.isArray(d.defects) ? (d.defects as Defect[]) : null;
  return (
    <>
      {bits.length > 0 && <div style={{ marginTop: 4 }}><Space size={[4, 4]} wrap>{bits}</Space></div>}
      {defects && defects.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('appWorkbench.detail.timeline.defects')}</Typography.Text>
          <DefectList defects={defects} labels={labels} />
        </div>
      )}
      {e.opinion && <div className={`tb-wb-opinion${NEGATIVE.has(e.action) ? ' negative' : ''}`}>{e.opinion}</div>}
    </>
  );
}

/** Every step as it happened, with who, when and the opinion (办理意见). */
export function TimelineSection({ detail, labels }: { detail: CaseDetail; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const branches = new Map(detail.tasks.filter((x) => x.step === 'review').map((x) => [x.branch, x.name]));
  if (!detail.timeline.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appWorkbench.detail.timeline.empty')} />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={detail.timeline.map((e, i) => ({
        key: i,
        color: EVENT_COLORS[e.action] ?? 'blue',
        content: (
          <div data-testid="timeline-item" data-action={e.action}>
            <Space size={8} wrap>
              <Typography.Text strong>{eventTitle(t, e.action)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('appWorkbench.common.by', { who: e.actor, when: fmtDateTime(e.at) })}
              </Typography.Text>
            </Space>
            <EventDetails e={e} labels={labels} branches={branches} t={t} />
          </div>
        ),
      }))}
    />
  );
}

/** 补正 history: each request with every defect, and when the applicant answered. */
export function CorrectionsSection({ detail, labels }: { detail: CaseDetail; labels: Map<string, string> }) {
  const { t } = useTranslation();
  if (!detail.corrections.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appWorkbench.detail.corrections.empty')} />;
  return (
    <div data-testid="case-corrections">
      {detail.corrections.map((c, i) => (
        <div key={i} className="tb-wb-task-box">
          <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
            <Typography.Text strong>{t('appWorkbench.detail.corrections.nth', { n: i + 1 })}</Typography.Text>
            {c.answeredAt ? <Tag color="green">{t('appWorkbench.detail.corrections.answeredAt')} {fmtDateTime(c.answeredAt)}</Tag> : <Tag color="orange">{t('appWorkbench.detail.corrections.waiting')}</Tag>}
          </Space>
          <div className="tb-muted" style={{ fontSize: 13, marginTop: 4 }}>
            {t('appWorkbench.detail.corrections.requestedAt')}：{fmtDateTime(c.requestedAt)}
          </div>
          <Table<Defect>
            style={{ marginTop: 8 }}
            size="small"
            pagination={false}
            rowKey={(_, j) => String(j)}
            dataSource={c.defects}
            columns={[
              { title: '#', key: 'i', width: 40, render: (_, __, j) => j + 1 },
              { title: t('appWorkbench.detail.corrections.target'), dataIndex: 'target', width: 200, render: (v: string) => <Typography.Text strong>{targetLabel(v, labels)}</Typography.Text> },
              { title: t('appWorkbench.detail.corrections.reason'), dataIndex: 'reason' },
            ]}
          />
        </div>
      ))}
    </div>
  );
}

/** 好差评 of the case and the rectification it opened, if any. */
export function RatingSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const r = detail.rating;
  if (!r) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appWorkbench.detail.rating.none')} />;
  const level = String(r.overall) as '1' | '2' | '3' | '4' | '5';
  const rect = detail.rectification;
  return (
    <div data-testid="case-rating">
      <Space size={12} align="center" wrap>
        <Typography.Text strong>{t('appWorkbench.rating.overall')}</Typography.Text>
        <Rate disabled value={r.overall} />
        <Tag color={r.overall <= 2 ? 'red' : r.overall === 3 ? 'gold' : 'green'}>{t(`appWorkbench.rating.levels.${level}`)}</Tag>
        {r.voided && <Tag color="default">{t('appWorkbench.detail.rating.voided')}</Tag>}
      </Space>
      <div className="tb-wb-rating-dims" style={{ marginTop: 12 }}>
        {RATING_DIMENSIONS.map((k) => (
          <div key={k}>
            <span className="k">{t(`appWorkbench.rating.dimensions.${k}`)}</span>
            <Rate disabled value={r.dimensions?.[k] ?? 0} />
          </div>
        ))}
      </div>
      <Descriptions
        style={{ marginTop: 12 }}
        bordered
        size="small"
        column={1}
        items={[
          { key: 'comment', label: t('appWorkbench.detail.rating.comment'), children: r.comment || <span className="tb-muted">{t('appWorkbench.rectifications.noComment')}</span> },
          { key: 'at', label: t('appWorkbench.detail.rating.ratedAt'), children: fmtDateTime(r.ratedAt) },
          ...(rect
            ? [
                {
                  key: 'rect',
                  label: t('appWorkbench.detail.rating.rectification'),
                  children: (
                    <Space wrap>
                      <Tag color={rect.status === 'open' ? 'orange' : rect.status === 'appealed' ? 'purple' : 'default'}>{rectStatusText(t, rect.status)}</Tag>
                      <span>
                        {t('appWorkbench.detail.rating.rectDue')}：<span className={rect.overdue ? 'tb-wb-due overdue' : undefined}>{fmtDateTime(rect.dueAt)}</span>
                      </span>
                      {rect.overdue && <Tag color="red">{t('appWorkbench.common.overdue')}</Tag>}
                      <Link to={`/workbench/rectifications?status=${['open', 'appealed', 'closed', 'voided'].includes(rect.status) ? rect.status : 'all'}`}>{t('appWorkbench.detail.rating.openRect')}</Link>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

export function rectStatusText(t: TFunction, status: string): string {
  return ['open', 'appealed', 'closed', 'voided'].includes(status) ? t(`appWorkbench.rectStatus.${status as 'open'}`) : status;
}
