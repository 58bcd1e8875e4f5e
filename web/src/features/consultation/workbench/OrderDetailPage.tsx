import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Empty, Progress, Result, Row, Skeleton, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { AimOutlined, ApartmentOutlined, ArrowLeftOutlined, BranchesOutlined, MessageOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { currentLang } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { regionPath, useRegions } from '../../../lib/regions';
import { useAsync } from '../../../lib/useAsync';
import { useDeptName } from '../../../lib/departments';
import { PageHead } from '../../../components/PageHead';
import { consultApi, type OrderDetail } from '../api';
import { orderSteps } from '../hall/MyOrderPage';
import {
  ConsultErrorAlert, Countdown, namesOf, OrderFlags, OrderStatusTag, OrderTimeline, orderTypeText, PlainText, ratingText, TransferChain, UnitCard,
} from '../ui';
import { OrderActions, type ActionPreset } from './OrderActions';

function ClockPanel({ d }: { d: OrderDetail }) {
  const { t } = useTranslation();
  const dl = d.deadline;
  const closed = d.order.status === 'concluded' || d.order.status === 'rated';
  const pct = Math.max(0, Math.round(dl.elapsedFraction * 100));
  return (
    <div className="tb-cs-clock" data-testid="order-clock" data-deadline={dl.overdue ? 'overdue' : dl.warning ? 'warning' : 'normal'}>
      <div className="tb-cs-clock-title">
        {t('consult.detail.clock', { days: dl.limitDays })}
        <Space size={4}>
          {dl.overdue && <Tag color="red">{t('consult.flags.overdue')}</Tag>}
          {!dl.overdue && dl.warning && <Tag color="orange">{t('consult.flags.dueSoon')}</Tag>}
          {closed && <Tag color="green">{t('consult.countdown.closed')}</Tag>}
        </Space>
      </div>
      <Progress percent={Math.min(100, pct)} status={dl.overdue ? 'exception' : closed ? 'success' : 'active'} strokeColor={dl.overdue ? '#c8161d' : dl.warning ? '#fa8c16' : undefined} format={() => t('consult.detail.elapsed', { pct })} />
      <Countdown dueAt={dl.dueAt} overdue={dl.overdue} warning={dl.warning} paused={dl.paused} closed={closed} testId="order-deadline" />
      {d.order.status === 'to_sign' && dl.signDueAt && (
        <div style={{ marginTop: 8 }}>
          <Countdown dueAt={dl.signDueAt} overdue={dl.signOverdue} warning={false} label={t('consult.countdown.signDueAt')} testId="order-sign-deadline" />
        </div>
      )}
    </div>
  );
}

/**
 * The routing engine's reason for sending the order where it went first (officers and dispatchers see it): the matched
 * duty, the confidence, and the runner-up units — the dispatcher (or the unit, to transfer) picks one with a click.
 */
function RoutingCard({ d, onPick }: { d: OrderDetail; onPick: (kind: 'dispatch' | 'transfer', id: string, name: string) => void }) {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const r = d.routing;
  const kind = d.can.dispatch ? 'dispatch' : d.can.transfer ? 'transfer' : null;
  const runnerUps = r ? r.alternatives.filter((a) => a.departmentId !== d.order.departmentId) : [];
  return (
    <Card
      title={
        <span className="tb-card-title">
          <BranchesOutlined /> {t('consult.detail.routingTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="order-routing"
    >
      {!r ? (
        <Typography.Text type="secondary">{t('consult.detail.noRouting')}</Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'unit', label: t('consult.detail.suggestedUnit'), children: r.toDispatcher ? <Tag color="purple">{t('consult.detail.toDispatcher')}</Tag> : deptName(r.departmentId, r.departmentName) },
              { key: 'conf', label: t('consult.detail.confidence'), children: <Progress percent={Math.round(r.confidence * 100)} size="small" style={{ width: 160 }} strokeColor={r.confidence >= 0.5 ? '#389e0d' : '#fa8c16'} /> },
              ...(r.duty ? [{ key: 'duty', label: t('consult.detail.duty'), span: 2, children: <span>{r.duty.matter} <span className="tb-mono tb-muted">{r.duty.code}</span></span> }] : []),
            ]}
          />
          <PlainText text={r.reason} className="tb-cs-reason" testId="order-routing-reason" />
          <div className="tb-cs-section-title" style={{ marginTop: 12 }}>{t('consult.detail.runnerUps')}</div>
          {runnerUps.length === 0 ? (
            <Typography.Text type="secondary">{t('consult.detail.noRunnerUps')}</Typography.Text>
          ) : (
            <div className="tb-cs-suggestions" data-testid="order-routing-alternatives">
              {runnerUps.map((a) => (
                <div key={a.departmentId} className="tb-cs-suggestion" data-testid="routing-alternative" data-dept={a.departmentName}>
                  <div className="tb-cs-suggestion-main">
                    <div className="tb-cs-suggestion-name">{deptName(a.departmentId, a.departmentName)}</div>
                    {a.duty && (
                      <div className="tb-muted" style={{ fontSize: 12 }}>
                        {t('consult.actions.matchedDuty', { matter: a.duty.matter })} <span className="tb-mono">{a.duty.code}</span>
                      </div>
                    )}
                    <Progress percent={Math.round(a.confidence * 100)} size="small" strokeColor={a.confidence >= 0.5 ? '#389e0d' : '#fa8c16'} format={(p) => t('consult.actions.confidence', { p })} />
                  </div>
                  {kind && (
                    <Button size="small" type={kind === 'dispatch' ? 'primary' : 'default'} icon={<AimOutlined />} onClick={() => onPick(kind, a.departmentId, deptName(a.departmentId, a.departmentName))} data-testid="routing-alternative-pick">
                      {t(kind === 'dispatch' ? 'consult.detail.dispatchHere' : 'consult.detail.transferHere')}
                    </Button>
                  )}
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </Card>
  );
}

/** `/workbench/orders/:id`: the question, routing reason, transfer chain, reply, co-units, timeline; the actions. */
export default function OrderDetailPage() {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const regions = useRegions();
  const from = (location.state as { from?: string } | null)?.from ?? '/workbench/orders';
  const detail = useAsync((signal) => consultApi.order(id, { signal }), [id]);
  const [conflict, setConflict] = useState(false);
  const [preset, setPreset] = useState<ActionPreset | null>(null);
  const d = detail.data;

  function updated(next: OrderDetail, msg: string) {
    setConflict(false);
    setPreset(null);
    detail.setData(next);
    message.success(msg);
  }
  function reload() {
    setConflict(false);
    setPreset(null);
    detail.reload();
  }

  if (detail.error && !d) {
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('consult.detail.notFound')}
          extra={
            <Button type="primary" onClick={() => navigate(from)}>
              {t('consult.common.back')}
            </Button>
          }
        />
      );
    }
    return <ConsultErrorAlert error={detail.error} onRetry={detail.reload} />;
  }
  if (!d) return <Skeleton active paragraph={{ rows: 12 }} />;
  const o = d.order;
  const names = namesOf(d);
  const pendingCo = d.coUnits.filter((c) => c.status === 'pending').length;

  return (
    <>
      <PageHead
        title={o.title}
        intro={
          <Space size={8} wrap>
            <span>{t('consult.common.orderNumber')}</span>
            <Typography.Text className="tb-mono" copyable data-testid="order-number">
              {o.orderNumber}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(from)} data-testid="order-back">
              {t('consult.common.back')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={detail.loading} data-testid="order-refresh">
              {t('consult.common.reload')}
            </Button>
          </Space>
        }
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('consult.common.stale')}
          action={
            <Button size="small" type="primary" icon={<ReloadOutlined />} onClick={reload} data-testid="order-reload">
              {t('consult.common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="order-conflict"
        />
      )}
      {detail.error ? <ConsultErrorAlert error={detail.error} onRetry={detail.reload} /> : null}

      <Card style={{ marginBottom: 16 }} data-testid="order-header">
        <div className="tb-cs-head">
          <div className="tb-cs-head-main">
            <Space size={8} wrap style={{ marginBottom: 12 }}>
              <OrderStatusTag status={o.status} testId="order-status" />
              <Tag>{orderTypeText(o.type)}</Tag>
              <Tag>{t(`consult.orderChannel.${o.channel}`)}</Tag>
              <OrderFlags o={o} />
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'asker', label: t('consult.detail.asker'), children: <span data-testid="order-asker">{d.asker.name}</span> },
                { key: 'phone', label: t('consult.common.phone'), children: d.asker.phone ?? t('common.none') },
                { key: 'region', label: t('consult.detail.region'), children: regionPath(o.regionCode, regions.byCode, currentLang()) },
                { key: 'created', label: t('consult.common.createdAt'), children: fmtDateTime(o.createdAt) },
                { key: 'unit', label: t('consult.detail.leadUnit'), children: <span data-testid="order-unit-name">{o.departmentName ? deptName(o.departmentId, o.departmentName) : t('consult.chain.dispatcher')}</span> },
                ...(d.address ? [{ key: 'addr', label: t('consult.common.address'), children: d.address }] : []),
              ]}
            />
          </div>
          <ClockPanel d={d} />
        </div>
        <div className="tb-cs-steps">
          <Steps size="small" {...orderSteps(d, t)} />
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            title={
              <span className="tb-card-title">
                <MessageOutlined /> {t('consult.detail.questionTitle')}
              </span>
            }
            style={{ marginBottom: 16 }}
          >
            <PlainText text={d.content} testId="order-content" />
            {d.infoRequests.map((r, i) => (
              <div key={i} className="tb-cs-info-req">
                <div className="tb-muted">{t('consult.myOrder.infoAsked', { who: r.requestedBy, when: fmtDateTime(r.requestedAt) })}</div>
                <PlainText text={r.request} />
                {r.answer ? (
                  <>
                    <div className="tb-muted">{t('consult.myOrder.infoAnswered', { when: fmtDateTime(r.answeredAt) })}</div>
                    <PlainText text={r.answer} className="tb-cs-note" />
                  </>
                ) : (
                  <Tag color="orange">{t('consult.detail.waitingAsker')}</Tag>
                )}
              </div>
            ))}
          </Card>
          <RoutingCard d={d} onPick={(kind, departmentId, departmentName) => setPreset((p) => ({ kind, departmentId, departmentName, n: (p?.n ?? 0) + 1 }))} />
          <Card
            title={
              <span className="tb-card-title">
                <ApartmentOutlined /> {t('consult.chain.title')}
              </span>
            }
            style={{ marginBottom: 16 }}
          >
            <TransferChain chain={d.chain} />
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'reply',
                  label: <span data-testid="tab-reply">{t('consult.detail.replyTab')}</span>,
                  children: d.reply ? (
                    <div data-testid="order-reply-block">
                      <PlainText text={d.reply.content} className="tb-cs-reply" testId="order-reply" />
                      <div className="tb-muted" style={{ marginTop: 8, fontSize: 13 }}>
                        {t('consult.myOrder.repliedBy', { unit: o.departmentName ? deptName(o.departmentId, o.departmentName) : '', who: d.reply.repliedBy, when: fmtDateTime(d.reply.repliedAt) })}
                      </div>
                      {d.conclusion && <PlainText text={t('consult.detail.conclusion', { text: d.conclusion })} className="tb-cs-note" />}
                    </div>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.myOrder.noReply')} />
                  ),
                },
                {
                  key: 'co',
                  label: (
                    <span data-testid="tab-co-units">
                      {t('consult.detail.coUnitsTab')} {d.coUnits.length > 0 && <Badge count={d.coUnits.length} color={pendingCo ? '#fa8c16' : '#8a93a5'} size="small" />}
                    </span>
                  ),
                  children: d.coUnits.length ? (
                    <div data-testid="co-units-list">
                      {d.coUnits.map((c) => (
                        <div key={c.departmentId} className="tb-cs-co-unit">
                          <Space wrap>
                            <Typography.Text strong>{deptName(c.departmentId, c.departmentName)}</Typography.Text>
                            <Tag color={c.status === 'contributed' ? 'green' : c.status === 'lapsed' ? 'default' : 'orange'}>{t(`consult.coUnitStatus.${c.status}`)}</Tag>
                            {c.status === 'pending' && <Countdown dueAt={c.dueAt} overdue={new Date(c.dueAt).getTime() < Date.now()} warning={false} label={t('consult.countdown.coUnitDueAt')} />}
                          </Space>
                          {c.opinion && <PlainText text={c.opinion} className="tb-cs-note" />}
                          {c.contributedAt && <div className="tb-muted" style={{ fontSize: 12 }}>{t('consult.timeline.by', { who: c.contributedBy ?? '', when: fmtDateTime(c.contributedAt) })}</div>}
                        </div>
                      ))}
                    </div>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.detail.noCoUnits')} />
                  ),
                },
                {
                  key: 'timeline',
                  label: (
                    <span data-testid="tab-timeline">
                      {t('consult.detail.timelineTab')} <Badge count={d.timeline.length} color="#8a93a5" size="small" />
                    </span>
                  ),
                  children: <OrderTimeline timeline={d.timeline} names={names} />,
                },
                {
                  key: 'supervision',
                  label: <span>{t('consult.detail.supervisionTab')} {d.supervisions.length > 0 && <Badge count={d.supervisions.length} size="small" />}</span>,
                  children: (
                    <div>
                      {d.supervisions.length === 0 && !d.followUp && !d.ratings.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.detail.noSupervision')} />}
                      {d.supervisions.map((s, i) => (
                        <div key={i} className="tb-cs-co-unit">
                          <Space wrap>
                            <Tag color="red">{s.kind === 'auto' ? t('consult.detail.autoChase') : t('consult.detail.manualChase')}</Tag>
                            <Typography.Text>{deptName(s.departmentId, s.departmentName)}</Typography.Text>
                            <Typography.Text type="secondary">{t('consult.timeline.by', { who: s.by, when: fmtDateTime(s.at) })}</Typography.Text>
                          </Space>
                          <PlainText text={s.note} className="tb-cs-note" />
                        </div>
                      ))}
                      {d.followUp && (
                        <div className="tb-cs-co-unit">
                          <Space wrap>
                            <Tag color="blue">{t('consult.detail.followUp')}</Tag>
                            <Tag>{d.followUp.reached ? t('consult.detail.reached') : t('consult.detail.notReached')}</Tag>
                            <Typography.Text type="secondary">{t('consult.timeline.by', { who: d.followUp.by, when: fmtDateTime(d.followUp.at) })}</Typography.Text>
                          </Space>
                          <PlainText text={d.followUp.note} className="tb-cs-note" />
                        </div>
                      )}
                      {d.ratings.map((r) => (
                        <div key={r.round} className="tb-cs-co-unit" data-testid="order-rating">
                          <Space wrap>
                            <Tag color={r.rating === 'unsatisfied' ? 'red' : 'green'}>{ratingText(r.rating)}</Tag>
                            <Typography.Text type="secondary">{fmtDateTime(r.ratedAt)}</Typography.Text>
                          </Space>
                          {r.comment && <PlainText text={r.comment} className="tb-cs-note" />}
                        </div>
                      ))}
                    </div>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <OrderActions key={`${o.id}:${o.rowVersion}`} detail={d} onUpdated={updated} onConflict={() => setConflict(true)} preset={preset} />
          {d.unit && (
            <Card size="small" title={t('consult.detail.unitContact')} style={{ marginTop: 16 }}>
              <UnitCard id={d.unit.id} name={d.unit.name} phone={d.unit.phone} address={d.unit.address} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
