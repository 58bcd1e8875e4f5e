import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { ClearOutlined, PauseOutlined, CaretRightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlatformEvent } from '../../api';
import { label } from '../../i18n';
import { hasRole, useMe } from '../../auth';
import { fmtDateTimeSeconds } from '../../lib/format';
import { subscribeEvents, type StreamStatus } from '../integration/eventStream';

const MAX = 50;

function summary(e: PlatformEvent): string {
  const p = e.payload ?? {};
  const pick = ['name', 'displayName', 'username', 'uscc', 'code'].map((k) => p[k]).find((v) => typeof v === 'string');
  return typeof pick === 'string' ? pick : e.aggregateId;
}

/** The newest platform events the officer may see, pushed live. */
export function LiveEvents() {
  const { t } = useTranslation();
  const me = useMe();
  const [events, setEvents] = useState<PlatformEvent[]>([]);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [paused, setPaused] = useState(false);
  const pausedRef = useRef(false);
  pausedRef.current = paused;

  useEffect(
    () =>
      subscribeEvents(
        (e) => {
          if (pausedRef.current) return;
          setEvents((old) => (old.some((o) => o.id === e.id) ? old : [e, ...old].slice(0, MAX)));
        },
        setStatus,
      ),
    [],
  );

  const badge =
    status === 'open' ? <Badge status="success" text={t('workbench.eventsConnected')} /> : status === 'connecting' ? <Badge status="processing" text={t('workbench.eventsConnecting')} /> : <Badge status="default" text={t('workbench.eventsDisconnected')} />;

  return (
    <Card
      data-testid="live-events"
      title={
        <span className="tb-card-title">
          <ThunderboltOutlined /> {t('workbench.eventsTitle')}
        </span>
      }
      extra={
        <Space>
          {badge}
          <Button size="small" icon={paused ? <CaretRightOutlined /> : <PauseOutlined />} onClick={() => setPaused((p) => !p)}>
            {paused ? t('workbench.eventsResume') : t('workbench.eventsPause')}
          </Button>
          <Button size="small" icon={<ClearOutlined />} onClick={() => setEvents([])} disabled={!events.length}>
            {t('workbench.eventsClear')}
          </Button>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {hasRole(me, 'platform_admin', 'auditor') ? t('workbench.eventsIntroAll') : t('workbench.eventsIntro')}
      </Typography.Paragraph>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.eventsEmpty')} />
      ) : (
        <div className="tb-events" aria-live="polite">
          {events.map((e) => (
            <div key={e.id} className="tb-event" data-testid="live-event">
              <Space size={6} wrap>
                <Tag color="blue">{label('actions', e.type)}</Tag>
                <Typography.Text>{summary(e)}</Typography.Text>
                <Typography.Text type="secondary" className="tb-mono">
                  {e.type}
                </Typography.Text>
              </Space>
              <div className="tb-event-time">{fmtDateTimeSeconds(e.occurredAt)}</div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
