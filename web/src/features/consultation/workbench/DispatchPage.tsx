import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { ClusterOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../auth';
import { useCursorPages } from '../../../lib/cursor';
import { validated } from '../../../lib/forms';
import { useAsync } from '../../../lib/useAsync';
import { PageHead } from '../../../components/PageHead';
import { Pager } from '../../../components/Pager';
import { Forbidden } from '../../../components/Results';
import { consultApi, DISPATCHER_QUEUES, type DispatcherQueue, type OrderSummary } from '../api';
import { DeptPicker } from '../pickers';
import { ConsultErrorAlert, isStale, OrderStatusTag, orderPath, PlainText, TransferChain, useIsDispatcher } from '../ui';
import { OrderTable } from './OrdersPage';
import { Suggestions, useSuggestions } from './OrderActions';

const PAGE = 20;
/** Queues where orders wait for a ruling (the others are for following up). */
const RULING_QUEUES: DispatcherQueue[] = ['low_confidence', 'bounced', 'returned', 'cross_region', 'all_dispatching'];

/** The ruling on one waiting order: what it is about, why it is here, the engine's candidates, and 派单. */
function RulingPanel({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useAsync((signal) => consultApi.order(id, { signal }), [id]);
  const d = detail.data;
  const suggestions = useSuggestions(d, !!d?.can.dispatch);
  const [form] = Form.useForm<{ departmentId: string; coDepartmentIds?: string[]; note?: string }>();
  const [picked, setPicked] = useState<Array<{ id: string; name: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    form.resetFields();
    setPicked([]);
    setError(null);
  }, [id, form]);

  if (detail.error) return <ConsultErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Skeleton active />;
  const o = d.order;
  const final = o.bounceCount >= d.bounceCap;
  const lastBack = [...d.chain].reverse().find((h) => h.bounce);

  async function rule() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await consultApi.act(id, 'dispatch', {
        departmentId: v.departmentId,
        ...(v.coDepartmentIds?.length ? { coDepartmentIds: v.coDepartmentIds } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        expectedVersion: o.rowVersion,
      });
      message.success(final ? t('consult.dispatch.ruled') : t('consult.actions.done.dispatch'));
      onDone();
    } catch (err) {
      if (isStale(err)) detail.reload();
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="ruling-panel" data-order-number={o.orderNumber}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text className="tb-mono" strong>
          {o.orderNumber}
        </Typography.Text>
        <OrderStatusTag status={o.status} />
        {o.dispatchReason && <Tag color="purple">{t(`consult.dispatchReason.${o.dispatchReason as 'low_confidence'}`)}</Tag>}
        <Link to={orderPath(o.id)} state={{ from: '/workbench/dispatch' }}>
          <ExportOutlined /> {t('consult.dispatch.openOrder')}
        </Link>
      </Space>
      <div className="tb-cs-section-title">{o.title}</div>
      <PlainText text={d.content} className="tb-cs-quote" testId="ruling-content" />
      {d.routing && (
        <Alert type="info" showIcon style={{ margin: '12px 0' }} title={t('consult.dispatch.engineSaid')} description={<PlainText text={d.routing.reason} />} />
      )}
      {lastBack && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('consult.dispatch.backFrom', { unit: lastBack.fromDepartmentName ?? '' })}
          description={<PlainText text={[lastBack.basis ? t('consult.chain.basis', { basis: t(`consult.returnBasis.${lastBack.basis as 'function_overlap'}`) }) : '', lastBack.legalBasis ? t('consult.chain.legalBasis', { text: lastBack.legalBasis }) : '', lastBack.reason ?? ''].filter(Boolean).join('\n')} />}
        />
      )}
      {d.chain.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <div className="tb-cs-section-title">{t('consult.chain.title')}</div>
          <TransferChain chain={d.chain} vertical />
        </div>
      )}
      {d.can.dispatch ? (
        <>
          <div className="tb-cs-section-title">{t('consult.dispatch.alternatives')}</div>
          {suggestions.loading ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <Suggestions
              route={suggestions.data}
              onPick={(pid, name) => {
                setPicked((old) => (old.some((x) => x.id === pid) ? old : [...old, { id: pid, name }]));
                form.setFieldsValue({ departmentId: pid });
              }}
            />
          )}
          {final && <Alert type="warning" showIcon style={{ margin: '12px 0' }} title={t('consult.actions.rulingFinal')} data-testid="ruling-final" />}
          <ConsultErrorAlert error={error} />
          <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item name="departmentId" label={t('consult.actions.targetUnit')} rules={[{ required: true, message: t('consult.actions.unitRequired') }]}>
              <DeptPicker known={picked} placeholder={t('consult.actions.unitPlaceholder')} testId="ruling-unit" />
            </Form.Item>
            <Form.Item name="coDepartmentIds" label={t('consult.actions.coUnitsOptional')}>
              <DeptPicker multiple known={picked} testId="ruling-co-units" />
            </Form.Item>
            <Form.Item name="note" label={t('consult.dispatch.rulingNote')}>
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="ruling-note" />
            </Form.Item>
            <Button type="primary" icon={<ClusterOutlined />} loading={busy} onClick={() => void rule()} data-testid="ruling-submit">
              {final ? t('consult.dispatch.ruleFinal') : t('consult.dispatch.rule')}
            </Button>
          </Form>
        </>
      ) : (
        <Alert type="info" showIcon title={t('consult.dispatch.noRuling')} />
      )}
    </div>
  );
}

/** `/workbench/dispatch`: the 12345 centre's queues — low confidence, bounced, returned, cross-region — and the ruling. */
export default function DispatchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const dispatcher = useIsDispatcher(me);
  const [params, setParams] = useSearchParams();
  const asked = params.get('queue') as DispatcherQueue | null;
  const queue: DispatcherQueue = asked && (DISPATCHER_QUEUES as readonly string[]).includes(asked) ? asked : 'low_confidence';
  const [tick, setTick] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useCursorPages<OrderSummary>((cursor, signal) => consultApi.dispatcherQueue(queue, { limit: PAGE, cursor }, { signal }), [queue, tick]);
  const counts = useAsync(
    (signal) =>
      Promise.all(
        DISPATCHER_QUEUES.map((q) =>
          consultApi
            .dispatcherQueue(q, { limit: 100 }, { signal })
            .then((p) => [q, p.nextCursor ? `${p.items.length}+` : String(p.items.length)] as const)
            .catch(() => [q, ''] as const),
        ),
      ).then((r) => new Map(r)),
    [tick],
    dispatcher === true,
  );

  useEffect(() => setSelected(null), [queue]);

  if (dispatcher === false) return <Forbidden />;
  const ruling = RULING_QUEUES.includes(queue);

  return (
    <>
      <PageHead
        title={t('consult.dispatch.title')}
        intro={t('consult.dispatch.intro')}
        testId="dispatch-title"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} loading={list.loading}>
            {t('consult.common.reload')}
          </Button>
        }
      />
      <Card className="tb-cs-queue-card" style={{ marginBottom: 16 }}>
        <Tabs
          activeKey={queue}
          onChange={(k) => setParams({ queue: k })}
          items={DISPATCHER_QUEUES.map((q) => {
            const c = counts.data?.get(q);
            return {
              key: q,
              label: (
                <span data-testid={`dispatch-tab-${q}`}>
                  {t(`consult.dispatcherQueue.${q}`)}
                  {c && <span className={`tb-cs-count${c === '0' ? ' zero' : q === 'bounced' ? ' danger' : ''}`}>{c}</span>}
                </span>
              ),
            };
          })}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 13, marginBottom: 0 }}>
          {t(`consult.dispatcherQueueHint.${queue}`)}
        </Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={ruling ? 14 : 24}>
          <Card>
            <ConsultErrorAlert error={list.error} onRetry={list.reload} />
            <OrderTable
              items={list.items}
              loading={list.loading}
              showUnit={!ruling}
              compact={ruling}
              selected={selected}
              empty={t('consult.dispatch.empty')}
              testId="dispatch-table"
              onOpen={(o) => (ruling ? setSelected(o.id) : navigate(orderPath(o.id), { state: { from: `/workbench/dispatch?queue=${queue}` } }))}
            />
            <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
          </Card>
        </Col>
        {ruling && (
          <Col xs={24} xl={10}>
            <Card
              className="tb-cs-actions"
              title={
                <span className="tb-card-title">
                  <ClusterOutlined /> {t('consult.dispatch.rulingTitle')}
                </span>
              }
            >
              {selected ? (
                <RulingPanel
                  key={selected}
                  id={selected}
                  onDone={() => {
                    setSelected(null);
                    setTick((n) => n + 1);
                  }}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.dispatch.pick')} />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
