import { useState } from 'react';
import { Card, Col, Row, Skeleton, Steps, Typography } from 'antd';
import { CustomerServiceOutlined, PhoneOutlined, ProfileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../auth';
import { REGION_CODE_PATTERN } from '../../../lib/codes';
import { useAsync } from '../../../lib/useAsync';
import { PageHead } from '../../../components/PageHead';
import { consultApi } from '../api';
import { ConsultErrorAlert } from '../ui';
import { AskPanel } from './AskPanel';

/** `/ask`: the consultation centre's one entry — ask, see instant answers, escalate to a person. */
export default function AskPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  // the question the page was opened on (a reload, a link); questions asked here afterwards only update the address
  const [questionId] = useState(() => params.get('question'));
  const item = params.get('item') ?? undefined;
  const region = params.get('region');
  const fallback = params.get('fallback');
  const q = params.get('q') ?? undefined;
  const shown = useAsync((signal) => consultApi.question(questionId!, { signal }), [questionId], !!questionId);

  return (
    <>
      <PageHead title={t('consult.ask.title')} intro={t('consult.ask.intro')} testId="ask-title" />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card style={{ marginBottom: 16 }}>
            {questionId && shown.loading && !shown.data ? (
              <Skeleton active />
            ) : (
              <>
                {questionId && <ConsultErrorAlert error={shown.error} onRetry={shown.reload} />}
                <AskPanel
                  itemCode={item ?? shown.data?.itemCode ?? undefined}
                  initial={shown.data ?? null}
                  initialText={q}
                  initialRegion={region && REGION_CODE_PATTERN.test(region) ? region : undefined}
                  fallbackRegion={fallback && REGION_CODE_PATTERN.test(fallback) ? fallback : undefined}
                  onAsked={(r) => {
                    const next = new URLSearchParams();
                    next.set('question', r.id);
                    if (item) next.set('item', item);
                    setParams(next, { replace: true });
                  }}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card
            title={
              <span className="tb-card-title">
                <CustomerServiceOutlined /> {t('consult.ask.howTitle')}
              </span>
            }
            style={{ marginBottom: 16 }}
          >
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              items={(['ask', 'answers', 'person', 'track'] as const).map((k) => ({ title: t(`consult.ask.how.${k}`), content: t(`consult.ask.how.${k}Desc`), status: 'process' as const }))}
            />
            {me?.kind === 'citizen' && (
              <Link to="/hall/questions" data-testid="ask-my-questions">
                <ProfileOutlined /> {t('consult.ask.myQuestionsLink')}
              </Link>
            )}
          </Card>
          <Card size="small">
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              <PhoneOutlined /> {t('consult.ask.hotline')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
