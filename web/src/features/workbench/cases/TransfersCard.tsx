import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined, CheckOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../auth';
import { DepartmentName } from '../../../lib/departments';
import { fmtDateTime } from '../../../lib/format';
import { validated } from '../../../lib/forms';
import type { CaseDetail, CaseTransfer, TransferKind, TransferMethod } from '../../applications/types';
import { casesApi } from './casesApi';
import { CaseErrorAlert, isCaseChanged, TrackingNumberField } from './ui';

const kindText = (t: TFunction, k: string) => (k === 'materials' || k === 'result' ? t(`appWorkbench.transferKind.${k}`) : k);
const methodText = (t: TFunction, m: string) => (['online', 'courier', 'internal'].includes(m) ? t(`appWorkbench.transferMethod.${m as 'online'}`) : m);

interface SendValues {
  kind: TransferKind;
  method: TransferMethod;
  trackingNumber?: string;
  note?: string;
}

/**
 * 跨省通办 / 异地代收代办: the originals go from the receiving window to the handling department, the result comes back;
 * each side confirms receipt. Shown on cases received by another department's window, or with transfers.
 */
export function TransfersCard({ detail, onUpdated, onConflict, reload }: { detail: CaseDetail; onUpdated: (d: CaseDetail, message: string) => void; onConflict: () => void; reload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<SendValues>();
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [modalError, setModalError] = useState<unknown>(null);
  const method = Form.useWatch('method', form);
  const c = detail.case;
  const transfers = detail.transfers ?? [];
  const receiving = detail.receivingDepartmentId ?? c.receivingDepartmentId ?? null;
  const myDept = me.department?.id ?? null;
  const officer = hasRole(me, 'window_officer', 'reviewer');
  const atReceiving = !!myDept && myDept === receiving;
  const atHandling = !!myDept && myDept === c.departmentId;
  const decided = c.status === 'concluded' || c.status === 'delivered';
  const materialsInTransit = transfers.some((x) => x.kind === 'materials' && x.status === 'in_transit');
  const canSendMaterials = atReceiving && !['not_accepted', 'delivered'].includes(c.status) && !decided && !materialsInTransit;
  const canSendResult = atHandling && c.status === 'concluded' && !transfers.some((x) => x.kind === 'result');
  const canSend = officer && (canSendMaterials || canSendResult);
  const resultPending = c.status === 'concluded' && !transfers.some((x) => x.kind === 'result' && x.status === 'received');

  function openSend() {
    form.resetFields();
    form.setFieldsValue({ kind: canSendResult ? 'result' : 'materials', method: 'courier' });
    setModalError(null);
    setSending(true);
  }

  async function send() {
    const v = await validated(form);
    if (!v) return;
    setBusy('send');
    setModalError(null);
    try {
      const d = await casesApi.sendTransfer(c.id, {
        kind: v.kind,
        method: v.method,
        ...(v.method === 'courier' && v.trackingNumber?.trim() ? { trackingNumber: v.trackingNumber.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        expectedVersion: c.rowVersion,
      });
      setSending(false);
      onUpdated(d, t('appWorkbench.detail.transfers.sentOk'));
    } catch (err) {
      if (isCaseChanged(err)) {
        setSending(false);
        onConflict();
      } else setModalError(err);
    } finally {
      setBusy(null);
    }
  }

  async function receive(x: CaseTransfer) {
    setBusy(x.id);
    setError(null);
    try {
      const d = await casesApi.receiveTransfer(c.id, x.id, c.rowVersion);
      onUpdated(d, t('appWorkbench.detail.transfers.receivedOk'));
    } catch (err) {
      if (isCaseChanged(err)) onConflict();
      else setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="case-transfers"
      title={
        <span className="tb-card-title">
          <SwapOutlined /> {t('appWorkbench.detail.tabs.transfers')}
        </span>
      }
      extra={
        canSend && (
          <Button type="primary" size="small" icon={<SendOutlined />} onClick={openSend} data-testid="transfer-send">
            {t('appWorkbench.detail.transfers.send')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('appWorkbench.detail.transfers.intro')}
      </Typography.Paragraph>
      <Space size={6} wrap style={{ marginBottom: 12 }}>
        <Tag color="geekblue">
          {t('appWorkbench.common.receivingDepartment')}：{receiving ? <DepartmentName id={receiving} /> : '—'}
        </Tag>
        <ArrowRightOutlined className="tb-muted" />
        <Tag color="blue">
          {t('appWorkbench.common.handlingDepartment')}：<DepartmentName id={c.departmentId} />
        </Tag>
      </Space>
      {resultPending && atReceiving && <Alert type="info" showIcon title={t('appWorkbench.detail.transfers.resultWaiting')} style={{ marginBottom: 12 }} />}
      <CaseErrorAlert error={error} onReload={reload} />
      <Table<CaseTransfer>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={transfers}
        scroll={{ x: 880 }}
        locale={{ emptyText: t('appWorkbench.detail.transfers.empty') }}
        onRow={(x) => ({ 'data-testid': 'transfer-row', 'data-kind': x.kind, 'data-status': x.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('appWorkbench.detail.transfers.kind'), dataIndex: 'kind', width: 120, render: (v: string) => <Tag color={v === 'result' ? 'green' : 'purple'}>{kindText(t, v)}</Tag> },
          {
            title: t('appWorkbench.detail.transfers.route'),
            key: 'route',
            width: 220,
            render: (_, x) => (
              <span style={{ fontSize: 13 }}>
                <DepartmentName id={x.fromDepartmentId} /> <ArrowRightOutlined className="tb-muted" /> <DepartmentName id={x.toDepartmentId} />
              </span>
            ),
          },
          {
            title: t('appWorkbench.detail.transfers.method'),
            key: 'method',
            width: 160,
            render: (_, x) => (
              <div>
                <div>{methodText(t, x.method)}</div>
                {x.trackingNumber && <Typography.Text className="tb-mono" copyable>{x.trackingNumber}</Typography.Text>}
                {x.note && (
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    {x.note}
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('appWorkbench.detail.transfers.sent'),
            key: 'sent',
            width: 150,
            render: (_, x) => (
              <div style={{ fontSize: 13 }}>
                <div>{x.sentBy}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(x.sentAt)}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('appWorkbench.detail.transfers.status'),
            key: 'status',
            width: 170,
            render: (_, x) =>
              x.status === 'received' ? (
                <div style={{ fontSize: 13 }}>
                  <Tag color="green">{t('appWorkbench.transferStatus.received')}</Tag>
                  <div>
                    {x.receivedBy} · <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtDateTime(x.receivedAt)}</Typography.Text>
                  </div>
                </div>
              ) : myDept === x.toDepartmentId && officer ? (
                <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === x.id} onClick={() => void receive(x)} data-testid="transfer-receive">
                  {t('appWorkbench.detail.transfers.receive')}
                </Button>
              ) : (
                <Tag color="orange">{x.status === 'in_transit' ? t('appWorkbench.transferStatus.in_transit') : x.status}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={sending}
        title={t('appWorkbench.detail.transfers.sendTitle')}
        onCancel={() => setSending(false)}
        onOk={() => void send()}
        confirmLoading={busy === 'send'}
        okText={t('appWorkbench.actions.submit')}
        cancelText={t('appWorkbench.actions.cancel')}
        okButtonProps={{ 'data-testid': 'action-submit' } as React.ComponentProps<typeof Button>}
        destroyOnHidden
      >
        <CaseErrorAlert
          error={modalError}
          onReload={() => {
            setSending(false);
            reload();
          }}
        />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="kind" label={t('appWorkbench.detail.transfers.kind')} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value="materials" disabled={!canSendMaterials}>
                <span data-testid="transfer-kind-materials">{t('appWorkbench.transferKind.materials')}</span>
              </Radio>
              <Radio value="result" disabled={!canSendResult}>
                <span data-testid="transfer-kind-result">{t('appWorkbench.transferKind.result')}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="method" label={t('appWorkbench.detail.transfers.method')} rules={[{ required: true }]}>
            <Radio.Group>
              {(['courier', 'online', 'internal'] as const).map((m) => (
                <Radio key={m} value={m}>
                  <span data-testid={`transfer-method-${m}`}>{t(`appWorkbench.transferMethod.${m}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {method === 'courier' && (
            <TrackingNumberField label={t('appWorkbench.detail.transfers.trackingNumber')} />
          )}
          <Form.Item name="note" label={t('appWorkbench.detail.transfers.note')} rules={[{ max: 300, message: t('appWorkbench.actions.maxLength', { max: 300 }) }]}>
            <Input.TextArea rows={2} maxLength={300} placeholder={t('appWorkbench.detail.transfers.notePlaceholder')} data-testid="transfer-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
