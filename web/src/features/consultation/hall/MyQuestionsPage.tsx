import { Badge, Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CustomerServiceOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { currentLang } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { useCursorPages } from '../../../lib/cursor';
import { regionName, useRegions } from '../../../lib/regions';
import { useDeptName } from '../../../lib/departments';
import { PageHead } from '../../../components/PageHead';
import { Pager } from '../../../components/Pager';
import { consultApi, type OrderSummary, type QuestionSummary } from '../api';
import { ConsultErrorAlert, myOrderPath, OrderDeadline, OrderFlags, OrderStatusTag, orderTypeText } from '../ui';

const PAGE = 20;

function OrdersTab() {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const navigate = useNavigate();
  const list = useCursorPages<OrderSummary>((cursor, signal) => consultApi.myOrders({ limit: PAGE, cursor }, { signal }), []);
  return (
    <>
      <ConsultErrorAlert error={list.error} onRetry={list.reload} />
      <Table<OrderSummary>
        data-testid="my-orders"
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        size="middle"
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.mine.ordersEmpty')} /> }}
        onRow={(r) =>
          ({
            'data-testid': 'my-order-row',
            'data-order-number': r.orderNumber,
            onClick: (e: React.MouseEvent) => {
              if ((e.target as HTMLElement).closest('a,button')) return;
              navigate(myOrderPath(r.id));
            },
            style: { cursor: 'pointer' },
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('consult.common.orderNumber'),
            dataIndex: 'orderNumber',
            width: 230,
            render: (v: string, r) => (
              <div>
                <Typography.Text className="tb-mono" strong>
                  {v}
                </Typography.Text>
                <div>
                  <Tag>{orderTypeText(r.type)}</Tag>
                </div>
              </div>
            ),
          },
          { title: t('consult.common.title'), dataIndex: 'title', render: (v: string) => <span className="tb-cs-clip">{v}</span> },
          { title: t('consult.common.unit'), dataIndex: 'departmentName', width: 220, render: (v: string | null, r: OrderSummary) => v ? deptName(r.departmentId, v) : <Typography.Text type="secondary">{t('consult.mine.atDispatcher')}</Typography.Text> },
          {
            title: t('consult.common.status'),
            key: 'status',
            width: 150,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <OrderStatusTag status={r.status} />
                <OrderFlags o={{ ...r, bounceCount: 0, finalRuling: false }} />
              </Space>
            ),
          },
          { title: t('consult.common.deadline'), key: 'due', width: 200, render: (_, r) => <OrderDeadline o={r} /> },
          { title: t('consult.common.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => <span className="tb-nowrap">{fmtDateTime(v)}</span> },
          {
            title: '',
            key: 'open',
            width: 80,
            render: (_, r) => (
              <Link to={myOrderPath(r.id)}>
                {t('consult.common.open')} <RightOutlined />
              </Link>
            ),
          },
        ]}
      />
      <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
    </>
  );
}

function QuestionsTab() {
  const { t } = useTranslation();
  const deptName = useDeptName();
  const regions = useRegions();
  const lang = currentLang();
  const list = useCursorPages<QuestionSummary>((cursor, signal) => consultApi.myQuestions({ limit: PAGE, cursor }, { signal }), []);
  return (
    <>
      <ConsultErrorAlert error={list.error} onRetry={list.reload} />
      <Table<QuestionSummary>
        data-testid="my-questions"
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        size="middle"
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.mine.questionsEmpty')} /> }}
        columns={[
          { title: t('consult.mine.question'), dataIndex: 'text', render: (v: string) => <span className="tb-cs-clip">{v}</span> },
          { title: t('consult.mine.region'), dataIndex: 'regionCode', width: 110, render: (v: string) => regionName(v, regions.byCode, lang) },
          {
            title: t('consult.mine.outcome'),
            key: 'outcome',
            width: 240,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <Tag color={r.outcome === 'answered' ? 'green' : r.outcome === 'routed' ? 'blue' : 'purple'}>{t(`consult.outcome.${r.outcome}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.outcome === 'answered' ? t('consult.mine.answersN', { n: r.answers.length }) : deptName(r.routing.departmentId, r.routing.departmentName)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('consult.mine.feedback'),
            key: 'feedback',
            width: 120,
            render: (_, r) =>
              r.feedback.length ? (
                <Space size={4} wrap>
                  {r.feedback.map((f) => (
                    <Badge key={f.entryCode} status={f.helpful ? 'success' : 'error'} text={f.helpful ? t('consult.ask.helpful') : t('consult.ask.unhelpful')} />
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ),
          },
          { title: t('consult.common.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => <span className="tb-nowrap">{fmtDateTime(v)}</span> },
          {
            title: '',
            key: 'open',
            width: 90,
            render: (_, r) => (
              <Link to={`/ask?question=${encodeURIComponent(r.id)}`}>
                {t('consult.common.open')} <RightOutlined />
              </Link>
            ),
          },
        ]}
      />
      <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} onPrev={list.prev} onNext={list.next} loading={list.loading} />
    </>
  );
}

/** `/hall/questions`: my work orders (with their status and deadline) and my questions (with their answers). */
export default function MyQuestionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'questions' ? 'questions' : 'orders';
  return (
    <>
      <PageHead
        title={t('consult.mine.title')}
        intro={t('consult.mine.intro')}
        testId="my-questions-title"
        extra={
          <Link to="/ask">
            <Button type="primary" icon={<CustomerServiceOutlined />}>
              {t('consult.box.button')}
            </Button>
          </Link>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'orders', label: <span data-testid="tab-orders">{t('consult.mine.ordersTab')}</span>, children: <OrdersTab /> },
            { key: 'questions', label: <span data-testid="tab-questions">{t('consult.mine.questionsTab')}</span>, children: <QuestionsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
