import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Radio, Result, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CommentOutlined, FormOutlined, MessageOutlined, NodeIndexOutlined, ReloadOutlined, StarOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { fmtDateTime } from '../../../lib/format';
import { validated } from '../../../lib/forms';
import { useAsync } from '../../../lib/useAsync';
import { useDeptName } from '../../../lib/departments';
import { PageHead } from '../../../components/PageHead';
import { consultApi, type OrderDetail, type Rating } from '../api';
import {
  ConsultErrorAlert, Countdown, namesOf, OrderStatusTag, OrderTimeline, orderTypeText, PlainText, ratingText, TransferChain, UnitCard,
} from '../ui';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** 受理 → 派单 → 签收 → 答复 → 办结 → 评价, with when each happened and where the order is now. */
export function orderSteps(d: OrderDetail, t: TFunction): { current: number; items: Array<{ title: string; status: StepStatus; content?: string }> } {
  const keys = ['received', 'dispatched', 'signed', 'replied', 'concluded', 'rated'] as const;
  const reached: Record<string, number> = { dispatching: 1, to_sign: 2, in_progress: 3, waiting_asker: 3, replied: 4, concluded: 5, rated: 6 };
  const at = reached[d.order.status] ?? 0;
  const last = (action: string) => [...d.timeline].reverse().find((e) => e.action === action)?.at;
  return {
    current: Math.min(at, keys.length - 1),
    items: keys.map((k, i) => {
      const status: StepStatus = i < at ? 'finish' : i === at ? 'process' : 'wait';
      const when = i < at ? last(k) : undefined;
      const note = i === at && d.order.status === 'waiting_asker' ? t('consult.status.waiting_asker') : i === at && d.order.status === 'dispatching' ? t('consult.status.dispatching') : undefined;
      return { title: t(`consult.steps.${k}`), status, content: when ? fmtDateTime(when) : note };
    }),
  };
}

/** 补充信息: the unit asked for more; the asker answers (the clock runs again). */
function SupplementCard({ d, onDone }: { d: OrderDetail; onDone: (next: OrderDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = d.infoRequests.filter((r) => !r.answeredAt);
  if (!d.can.supplement || !open.length) return null;
  const req = open[open.length - 1];

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await consultApi.act(d.order.id, 'supplement', { answer: v.answer.trim(), expectedVersion: d.order.rowVersion }));
      form.resetFields();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      className="tb-cs-attention"
      title={
        <span className="tb-card-title">
          <FormOutlined /> {t('consult.myOrder.supplementTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="supplement-card"
    >
      <Alert type="warning" showIcon title={t('consult.myOrder.supplementAsked', { who: req.requestedBy, when: fmtDateTime(req.requestedAt) })} description={<PlainText text={req.request} testId="supplement-request" />} style={{ marginBottom: 12 }} />
      <ConsultErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="answer" label={t('consult.myOrder.supplementAnswer')} rules={[{ required: true, whitespace: true, message: t('consult.myOrder.supplementRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="supplement-input" />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="supplement-submit">
          {t('consult.myOrder.supplementSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 评价: after the unit concluded, the asker rates (unsatisfied may reopen once). */
function RatingCard({ d, onDone }: { d: OrderDetail; onDone: (next: OrderDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: Rating; comment?: string; reopen?: boolean }>();
  const rating = Form.useWatch('rating', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      onDone(
        await consultApi.act(d.order.id, 'rating', {
          rating: v.rating,
          ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
          ...(v.rating === 'unsatisfied' && v.reopen ? { reopen: true } : {}),
          expectedVersion: d.order.rowVersion,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <span className="tb-card-title">
          <StarOutlined /> {t('consult.myOrder.ratingTitle')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="order-rating-card"
    >
      {d.ratings.map((r) => (
        <div key={r.round} className="tb-cs-rating" data-testid="order-rating" data-rating={r.rating}>
          <Space wrap>
            <Tag color={r.rating === 'unsatisfied' ? 'red' : 'green'}>{ratingText(r.rating)}</Tag>
            <Typography.Text type="secondary">{fmtDateTime(r.ratedAt)}</Typography.Text>
            {r.reopened && <Tag color="orange">{t('consult.myOrder.reopened')}</Tag>}
          </Space>
          {r.comment && <PlainText text={r.comment} className="tb-cs-note" />}
        </div>
      ))}
      {d.can.rate ? (
        <>
          <ConsultErrorAlert error={error} />
          <Form form={form} layout="vertical" initialValues={{ rating: 'satisfied' }}>
            <Form.Item name="rating" label={t('consult.myOrder.ratingLabel')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="rating-value">
                {(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((k) => (
                  <Radio.Button key={k} value={k}>
                    <span data-testid={`rating-${k}`}>{ratingText(k)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label={t('consult.myOrder.ratingComment')}>
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="rating-comment" />
            </Form.Item>
            {rating === 'unsatisfied' && d.can.reopen && (
              <Form.Item name="reopen" valuePropName="checked">
                <Checkbox data-testid="rating-reopen">{t('consult.myOrder.reopen')}</Checkbox>
              </Form.Item>
            )}
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="rating-submit">
              {t('consult.myOrder.ratingSubmit')}
            </Button>
          </Form>
        </>
      ) : (
        !d.ratings.length && <Typography.Text type="secondary">{t('consult.myOrder.ratingLater')}</Typography.Text>
      )}
    </Card>
  );
}

/** `/hall/questions/:id`: one of my work orders — where it is, who handles it, the reply, requests to answer, rating. */
export default function MyOrderPage() {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const detail = useAsync((signal) => consultApi.order(id, { signal }), [id]);
  const d = detail.data;

  function updated(next: OrderDetail) {
    detail.setData(next);
    message.success(t('consult.common.saved'));
  }

  if (detail.error && !d) {
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('consult.myOrder.notFound')}
          extra={
            <Link to="/hall/questions">
              <Button type="primary">{t('consult.myOrder.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <ConsultErrorAlert error={detail.error} onRetry={detail.reload} />;
  }
  if (!d) return <Skeleton active paragraph={{ rows: 10 }} />;
  const o = d.order;
  const closed = o.status === 'concluded' || o.status === 'rated';
  const names = namesOf(d);
  const lastHop = d.chain[d.chain.length - 1];

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
            <Link to="/hall/questions">
              <Button icon={<ArrowLeftOutlined />}>{t('consult.myOrder.back')}</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={() => detail.reload()} loading={detail.loading} data-testid="order-refresh">
              {t('consult.common.reload')}
            </Button>
          </Space>
        }
      />
      {detail.error ? <ConsultErrorAlert error={detail.error} onRetry={detail.reload} /> : null}

      <Card style={{ marginBottom: 16 }} data-testid="order-header">
        <div className="tb-cs-head">
          <div className="tb-cs-head-main">
            <Space size={8} wrap style={{ marginBottom: 12 }}>
              <OrderStatusTag status={o.status} testId="order-status" />
              <Tag>{orderTypeText(o.type)}</Tag>
              {o.paused && <Tag color="orange">{t('consult.flags.paused')}</Tag>}
            </Space>
            {d.unit ? (
              <UnitCard
                id={d.unit.id}
                name={d.unit.name}
                phone={d.unit.phone}
                address={d.unit.address}
                testId="order-unit"
                extra={
                  lastHop?.reason ? (
                    <div className="tb-cs-unit-reason">
                      <div className="k">{t('consult.myOrder.whyThisUnit')}</div>
                      <PlainText text={lastHop.reason} />
                    </div>
                  ) : null
                }
              />
            ) : (
              <Alert type="info" showIcon title={t('consult.myOrder.atDispatcher')} />
            )}
          </div>
          <div className="tb-cs-clock">
            <div className="tb-cs-clock-title">{t('consult.myOrder.deadline', { days: d.deadline.limitDays })}</div>
            <Countdown dueAt={d.deadline.dueAt} overdue={d.deadline.overdue} warning={d.deadline.warning} paused={d.deadline.paused} closed={closed} testId="order-deadline" />
          </div>
        </div>
        <div className="tb-cs-steps" data-testid="order-steps">
          <Steps size="small" {...orderSteps(d, t)} />
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <SupplementCard d={d} onDone={updated} />
          <Card
            title={
              <span className="tb-card-title">
                <MessageOutlined /> {t('consult.myOrder.replyTitle')}
              </span>
            }
            style={{ marginBottom: 16 }}
            data-testid="order-reply-card"
          >
            {d.reply ? (
              <>
                <PlainText text={d.reply.content} className="tb-cs-reply" testId="order-reply" />
                <div className="tb-muted" style={{ marginTop: 8, fontSize: 13 }}>
                  {t('consult.myOrder.repliedBy', { unit: o.departmentName ? deptName(o.departmentId, o.departmentName) : '', who: d.reply.repliedBy, when: fmtDateTime(d.reply.repliedAt) })}
                </div>
                {d.conclusion && (
                  <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[{ key: 'c', label: t('consult.myOrder.conclusion'), children: <PlainText text={d.conclusion} /> }]} />
                )}
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.myOrder.noReply')} />
            )}
          </Card>
          {(closed || d.ratings.length > 0) && <RatingCard d={d} onDone={updated} />}
          <Card
            title={
              <span className="tb-card-title">
                <CommentOutlined /> {t('consult.myOrder.questionTitle')}
              </span>
            }
            style={{ marginBottom: 16 }}
          >
            <PlainText text={d.content} testId="order-content" />
            {d.infoRequests.length > 0 && (
              <div style={{ marginTop: 12 }}>
                {d.infoRequests.map((r, i) => (
                  <div key={i} className="tb-cs-info-req">
                    <div className="tb-muted">{t('consult.myOrder.infoAsked', { who: r.requestedBy, when: fmtDateTime(r.requestedAt) })}</div>
                    <PlainText text={r.request} />
                    {r.answer && (
                      <>
                        <div className="tb-muted">{t('consult.myOrder.infoAnswered', { when: fmtDateTime(r.answeredAt) })}</div>
                        <PlainText text={r.answer} className="tb-cs-note" />
                      </>
                    )}
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={
              <span className="tb-card-title">
                <NodeIndexOutlined /> {t('consult.myOrder.timelineTitle')}
              </span>
            }
            style={{ marginBottom: 16 }}
          >
            {d.chain.length > 1 && (
              <div style={{ marginBottom: 16 }}>
                <div className="tb-cs-section-title">{t('consult.chain.title')}</div>
                <TransferChain chain={d.chain} vertical />
              </div>
            )}
            <OrderTimeline timeline={d.timeline} names={names} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
