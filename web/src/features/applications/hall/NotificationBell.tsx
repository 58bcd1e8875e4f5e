import { useState } from 'react';
import { App, Badge, Button, Dropdown, Empty, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth';
import { fmtDateTime } from '../../../lib/format';
import { notificationsApi, notifyNotificationsChanged, type AppNotification } from './api';
import { markRead, notificationText, openLink, useUnreadCount } from './notifications';
import { appErrorText, colon } from './ui';
import './notification-bell.css';

const PANEL_SIZE = 6;

/** 消息通知 in the header (citizens): the unread count (polled), the latest few on click, each opening its case. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const enabled = me?.kind === 'citizen';
  const { count } = useUnreadCount(enabled);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!enabled) return null;

  async function load() {
    setLoading(true);
    setError(null);
    try {
      const page = await notificationsApi.list({ limit: PANEL_SIZE });
      setItems(page.items);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  async function choose(n: AppNotification) {
    setOpen(false);
    void markRead(n).catch(() => undefined);
    openLink(n.link, navigate);
  }

  async function readAll() {
    try {
      await notificationsApi.markAllRead();
      setItems((old) => old?.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) ?? old);
      notifyNotificationsChanged();
      message.success(t('applicationsHall.notifications.markedAllRead'));
    } catch (e) {
      message.error(appErrorText(e));
    }
  }

  const panel = (
    <div className="app-bell-panel" data-testid="notification-panel" role="dialog" aria-label={t('applicationsHall.notifications.title')}>
      <div className="app-bell-head">
        <strong>{t('applicationsHall.notifications.title')}</strong>
        {count > 0 && <span className="tb-muted">{t('applicationsHall.notifications.unread', { count })}</span>}
        <Button type="link" size="small" disabled={count === 0} onClick={() => void readAll()} data-testid="notification-read-all">
          {t('applicationsHall.notifications.markAllRead')}
        </Button>
      </div>
      <div className="app-bell-body">
        {loading && !items ? (
          <div className="app-bell-empty">
            <Spin />
          </div>
        ) : error ? (
          <div className="app-bell-empty app-mat-problem">
            {t('applicationsHall.notifications.loadFailed')}
            {colon()}
            {appErrorText(error)}
          </div>
        ) : !items?.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applicationsHall.notifications.empty')} />
        ) : (
          <ul className="app-bell-list">
            {items.map((n) => {
              const text = notificationText(n);
              return (
                <li key={n.id}>
                  <button type="button" className={`app-note${n.readAt ? '' : ' app-note-unread'}`} onClick={() => void choose(n)} data-testid="notification-item" data-kind={n.kind}>
                    <span className="app-note-dot" aria-hidden />
                    <span className="app-note-main">
                      <span className="app-note-title">{text.title}</span>
                      {text.body && <span className="app-note-body">{text.body}</span>}
                      <span className="app-note-time">{fmtDateTime(n.createdAt)}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="app-bell-foot">
        <Link to="/hall/notifications" onClick={() => setOpen(false)} data-testid="notification-all">
          {t('applicationsHall.notifications.viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void load();
      }}
      popupRender={() => panel}
      placement="bottomRight"
    >
      <Button
        className="tb-header-btn app-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99} offset={[4, -2]} data-testid="notification-count">
            <BellOutlined style={{ color: '#fff', fontSize: 16 }} />
          </Badge>
        }
        aria-label={count ? `${t('applicationsHall.notifications.bell')} · ${t('applicationsHall.notifications.unread', { count })}` : t('applicationsHall.notifications.bell')}
        data-testid="notification-bell"
        data-count={count}
      />
    </Dropdown>
  );
}
