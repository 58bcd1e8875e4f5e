import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Radio, Rate, Space, Table, Tag, Timeline, Typography } from 'antd';
import { AuditOutlined, FlagOutlined, FormOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { hasRole, useMe } from '../../../auth';
import { DepartmentName } from '../../../lib/departments';
import { fmtDateTime } from '../../../lib/format';
import { useCursorPages } from '../../../lib/cursor';
import { validated } from '../../../lib/forms';
import { PageHead } from '../../../components/PageHead';
import { Pager } from '../../../components/Pager';
import { casesApi } from './casesApi';
import { rectStatusText } from './CaseSections';
import { RATING_DIMENSIONS } from '../../applications/types';
import { RECTIFICATION_STATUSES, type Rectification, type RectificationStatus } from './types';
import { casePath, CaseErrorAlert } from './ui';
import './cases.css';
import { localItemName } from '../../applications/names';

type Filter = RectificationStatus | 'all';
type Dialog = { kind: 'followUp' | 'appeal' | 'decide'; r: Rectification };

const STATUS_COLORS: Record<string, string> = { open: 'orange', appealed: 'purple', closed: 'green', voided: 'default' };
const MAX = 1000;

function levelText(t: TFunction, n: number): string {
  return n >= 1 && n <= 5 ? t(`appWorkbench.rating.levels.${String(n) as '1'}`) : String(n);
}

function actionText(t: TFunction, a: string): string {
  return ['follow_up', 'closed', 'appealed', 'appeal_upheld', 'appeal_rejected'].includes(a) ? t(`appWorkbench.rectAction.${a as 'closed'}`) : a;
}

/** One rectification in full: the rating by dimension, the appeal, every follow-up record. */
function RectificationDetails({ r, t }: { r: Rectification; t: TFunction }) {
  return (
    <div style={{ padding: '4px 8px' }} data-testid="rect-details">
      <div className="tb-wb-section-title">{t('appWorkbench.rectifications.dimensions')}</div>
      <div className="tb-wb-rating-dims" style={{ marginBottom: 12 }}>
        {RATING_DIMENSIONS.map((k) => (
          <div key={k}>
            <span className="k">{t(`appWorkbench.rating.dimensions.${k}`)}</span>
            <Rate disabled value={r.rating.dimensions?.[k] ?? 0} />
          </div>
        ))}
      </div>
      {r.appeal && (
        <>
          <div className="tb-wb-section-title">{t('appWorkbench.rectifications.appeal')}</div>
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'reason', label: t('appWorkbench.rectifications.appealReason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.appeal.reason}</span> },
              { key: 'at', label: t('appWorkbench.rectifications.appealAt'), children: fmtDateTime(r.appeal.at) },
              {
                key: 'decision',
                label: t('appWorkbench.rectifications.appealDecision'),
                children: r.appeal.decision ? (
                  <Space orientation="vertical" size={2}>
                    <Tag color={r.appeal.decision === 'upheld' ? 'green' : 'red'}>{r.appeal.decision === 'upheld' ? t('appWorkbench.rectifications.upheld') : t('appWorkbench.rectifications.rejected')}</Tag>
                    {r.appeal.opinion && <span style={{ whiteSpace: 'pre-wrap' }}>{r.appeal.opinion}</span>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtDateTime(r.appeal.decidedAt)}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Tag color="purple">{t('appWorkbench.rectifications.pendingDecision')}</Tag>
                ),
              },
            ]}
          />
        </>
      )}
      <div className="tb-wb-section-title">{t('appWorkbench.rectifications.records')}</div>
      {r.records.length === 0 ? (
        <Typography.Text type="secondary">{t('appWorkbench.rectifications.noRecords')}</Typography.Text>
      ) : (
        <Timeline
          items={r.records.map((x, i) => ({
            key: i,
            color: x.action === 'closed' || x.action === 'appeal_upheld' ? 'green' : x.action === 'appeal_rejected' ? 'red' : x.action === 'appealed' ? 'purple' : 'blue',
            content: (
              <div>
                <Space size={8} wrap>
                  <Typography.Text strong>{actionText(t, x.action)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('appWorkbench.common.by', { who: x.actor, when: fmtDateTime(x.at) })}
                  </Typography.Text>
                </Space>
                <div className="tb-wb-opinion">{x.note}</div>
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}

/** 好差评整改: the department's rectifications (all of them for a platform admin); follow-ups, appeals, appeal decisions. */
export default function RectificationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: Filter = asked === 'all' || (RECTIFICATION_STATUSES as string[]).includes(asked ?? '') ? (asked as Filter) : 'open';
  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const [tick, setTick] = useState(0);
  const list = useCursorPages<Rectification>((cursor, signal) => casesApi.rectifications({ status, limit: 20, cursor }, signal), [status, tick]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const worksFor = (r: Rectification) => !!me.department && me.department.id === r.departmentId && hasRole(me, 'department_admin', 'reviewer');
  const canSeeCase = (r: Rectification) => !!me.department && me.department.id === r.departmentId;

  function open(kind: Dialog['kind'], r: Rectification) {
    form.resetFields();
    if (kind === 'decide') form.setFieldsValue({ upheld: true });
    if (kind === 'followUp') form.setFieldsValue({ close: false });
    setDialogError(null);
    setDialog({ kind, r });
  }

  async function submit() {
    if (!dialog) return;
    const v = await validated(form);
    if (!v) return;
    const { kind, r } = dialog;
    setBusy(true);
    setDialogError(null);
    try {
      let msg: string;
      if (kind === 'followUp') {
        await casesApi.followUp(r.id, { note: String(v.note).trim(), close: !!v.close, expectedVersion: r.rowVersion });
        msg = v.close ? t('appWorkbench.rectifications.closedOk') : t('appWorkbench.rectifications.followUpSaved');
      } else if (kind === 'appeal') {
        await casesApi.appeal(r.id, { reason: String(v.reason).trim(), expectedVersion: r.rowVersion });
        msg = t('appWorkbench.rectifications.appealed');
      } else {
        await casesApi.decideAppeal(r.id, { upheld: !!v.upheld, opinion: String(v.opinion).trim(), expectedVersion: r.rowVersion });
        msg = t('appWorkbench.rectifications.appealDecided');
      }
      setDialog(null);
      list.reload();
      message.success(msg);
    } catch (err) {
      setDialogError(err);
      if (err instanceof ApiError && err.code === 'applications.rectification_changed') list.reload();
    } finally {
      setBusy(false);
    }
  }

  const textRule = (msg: string) => [
    { required: true, whitespace: true, message: msg },
    { min: 2, message: msg },
    { max: MAX, message: t('appWorkbench.actions.maxLength', { max: MAX }) },
  ];

  return (
    <>
      <PageHead
        title={t('appWorkbench.rectifications.title')}
        intro={isPlatformAdmin ? t('appWorkbench.rectifications.introAdmin') : t('appWorkbench.rectifications.intro')}
        testId="rectifications-title"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} loading={list.loading}>
            {t('appWorkbench.common.reload')}
          </Button>
        }
      />
      <Card>
        <div className="tb-filter-bar">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={status}
            onChange={(e) => setParams({ status: e.target.value as string })}
            options={[...RECTIFICATION_STATUSES, 'all' as const].map((s) => ({ value: s, label: <span data-testid={`rect-status-${s}`}>{t(`appWorkbench.rectStatus.${s}`)}</span> }))}
          />
        </div>
        <CaseErrorAlert error={list.error} onRetry={list.reload} />
        <Table<Rectification>
          data-testid="rect-table"
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          size="middle"
          scroll={{ x: 1440 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appWorkbench.rectifications.empty')} /> }}
          expandable={{ expandedRowRender: (r) => <RectificationDetails r={r} t={t} />, expandRowByClick: false }}
          onRow={(r) => ({ 'data-testid': 'rect-row', 'data-case-number': r.caseNumber, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('appWorkbench.rectifications.case'),
              key: 'case',
              width: 340,
              render: (_, r) => (
                <div>
                  {canSeeCase(r) ? (
                    <Link to={casePath(r.caseId)} className="tb-mono tb-nowrap">
                      {r.caseNumber}
                    </Link>
                  ) : (
                    <span className="tb-mono tb-nowrap">{r.caseNumber}</span>
                  )}
                  <div className="tb-wb-item-name" style={{ fontSize: 13 }}>
                    {localItemName(r)}
                  </div>
                  {isPlatformAdmin && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <DepartmentName id={r.departmentId} />
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('appWorkbench.rectifications.rating'),
              key: 'rating',
              width: 170,
              render: (_, r) => (
                <div>
                  <Rate disabled value={r.rating.overall} style={{ fontSize: 13 }} />
                  <div>
                    <Tag color={r.rating.overall <= 2 ? 'red' : 'gold'}>{levelText(t, r.rating.overall)}</Tag>
                  </div>
                </div>
              ),
            },
            {
              title: t('appWorkbench.rectifications.comment'),
              key: 'comment',
              width: 260,
              render: (_, r) =>
                r.rating.comment ? (
                  <Typography.Paragraph ellipsis={{ rows: 3, tooltip: r.rating.comment }} style={{ marginBottom: 0 }}>
                    {r.rating.comment}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">{t('appWorkbench.rectifications.noComment')}</Typography.Text>
                ),
            },
            {
              title: t('appWorkbench.rectifications.dueAt'),
              dataIndex: 'dueAt',
              width: 160,
              render: (v: string, r) => (
                <Space orientation="vertical" size={2}>
                  <span className={r.overdue ? 'tb-wb-due overdue' : 'tb-wb-due'}>{fmtDateTime(v)}</span>
                  {r.overdue && <Tag color="red">{t('appWorkbench.rectifications.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('appWorkbench.rectifications.status'),
              dataIndex: 'status',
              width: 110,
              render: (v: string, r) => (
                <Space orientation="vertical" size={2}>
                  <Tag color={STATUS_COLORS[v] ?? 'default'} data-testid="rect-status">
                    {rectStatusText(t, v)}
                  </Tag>
                  {r.closedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtDateTime(r.closedAt)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: t('appWorkbench.rectifications.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => <span className="tb-nowrap">{fmtDateTime(v)}</span> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 200,
              fixed: 'right',
              render: (_, r) => (
                <Space size={0} wrap>
                  {r.status === 'open' && worksFor(r) && (
                    <>
                      <Button size="small" type="link" icon={<FormOutlined />} onClick={() => open('followUp', r)} data-testid="rect-follow-up">
                        {t('appWorkbench.rectifications.followUp')}
                      </Button>
                      {!r.appeal && (
                        <Button size="small" type="link" icon={<FlagOutlined />} onClick={() => open('appeal', r)} data-testid="rect-appeal">
                          {t('appWorkbench.rectifications.appeal')}
                        </Button>
                      )}
                    </>
                  )}
                  {r.status === 'appealed' && isPlatformAdmin && (
                    <Button size="small" type="link" icon={<AuditOutlined />} onClick={() => open('decide', r)} data-testid="rect-decide">
                      {t('appWorkbench.rectifications.decideAppeal')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
      </Card>

      <Modal
        open={!!dialog}
        title={dialog ? (dialog.kind === 'followUp' ? t('appWorkbench.rectifications.followUpTitle') : dialog.kind === 'appeal' ? t('appWorkbench.rectifications.appealTitle') : t('appWorkbench.rectifications.decideAppealTitle')) : undefined}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        confirmLoading={busy}
        okText={t('appWorkbench.actions.submit')}
        cancelText={t('appWorkbench.actions.cancel')}
        okButtonProps={{ 'data-testid': 'action-submit' } as React.ComponentProps<typeof Button>}
        destroyOnHidden
        width={600}
      >
        {dialog && (
          <Typography.Paragraph type="secondary">
            <span className="tb-mono">{dialog.r.caseNumber}</span> · {localItemName(dialog.r)} · {levelText(t, dialog.r.rating.overall)}
          </Typography.Paragraph>
        )}
        <CaseErrorAlert error={dialogError} />
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'followUp' && (
            <>
              <Form.Item name="note" label={t('appWorkbench.rectifications.followUpNote')} rules={textRule(t('appWorkbench.rectifications.noteRequired'))}>
                <Input.TextArea rows={4} maxLength={MAX} showCount placeholder={t('appWorkbench.rectifications.followUpNotePlaceholder')} data-testid="rect-note" />
              </Form.Item>
              <Form.Item name="close" valuePropName="checked">
                <Checkbox data-testid="rect-close">{t('appWorkbench.rectifications.closeIt')}</Checkbox>
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'appeal' && (
            <>
              <Alert type="info" showIcon title={t('appWorkbench.rectifications.appealIntro')} style={{ marginBottom: 12 }} />
              <Form.Item name="reason" label={t('appWorkbench.rectifications.appealReason')} rules={textRule(t('appWorkbench.actions.reasonRequired'))}>
                <Input.TextArea rows={4} maxLength={MAX} showCount placeholder={t('appWorkbench.rectifications.appealReasonPlaceholder')} data-testid="reason-input" />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'decide' && (
            <>
              {dialog.r.appeal && (
                <Descriptions bordered size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'r', label: t('appWorkbench.rectifications.appealReason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{dialog.r.appeal.reason}</span> }]} />
              )}
              <Form.Item name="upheld" label={t('appWorkbench.rectifications.appealDecision')} rules={[{ required: true }]}>
                <Radio.Group>
                  <Radio value={true}>
                    <span data-testid="appeal-upheld">{t('appWorkbench.rectifications.upheld')}</span>
                  </Radio>
                  <Radio value={false}>
                    <span data-testid="appeal-rejected">{t('appWorkbench.rectifications.rejected')}</span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="opinion" label={t('appWorkbench.rectifications.appealOpinion')} rules={textRule(t('appWorkbench.actions.opinionRequired'))}>
                <Input.TextArea rows={4} maxLength={MAX} showCount placeholder={t('appWorkbench.rectifications.decideOpinionPlaceholder')} data-testid="opinion-input" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
