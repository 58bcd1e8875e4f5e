import { App, Breadcrumb, Button, Card, Empty, Segmented, Skeleton, Space, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { LoadMore } from '../../../components/Pager';
import { PageHead } from '../../../components/PageHead';
import { useLoadMore } from '../../../lib/cursor';
import { fmtDateTime } from '../../../lib/format';
import { notificationsApi, notifyNotificationsChanged, type AppNotification } from './api';
import { markRead, notificationText, openLink, useUnreadCount } from './notifications';
import { AppErrorAlert, appErrorText } from './ui';
import './applications-hall.css';
import './notification-bell.css';

/** 消息通知: every notification (or only the unread), newest first; opening one marks it read. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  const list = useLoadMore<AppNotification>((cursor, signal) => notificationsApi.list({ limit: 20, cursor, unreadOnly }, { signal }), [unreadOnly]);
  const { count } = useUnreadCount(true);

  const stamp = (n: AppNotification): AppNotification => ({ ...n, readAt: n.readAt ?? new Date().toISOString() });

  async function open(n: AppNotification) {
    list.setItems((old) => old.map((x) => (x.id === n.id ? stamp(x) : x)));
    void markRead(n).catch(() => undefined);
    openLink(n.link, navigate);
  }

  async function readOne(n: AppNotification) {
    try {
      await notificationsApi.markRead(n.id);
      list.setItems((old) => (unreadOnly ? old.filter((x) => x.id !== n.id) : old.map((x) => (x.id === n.id ? stamp(x) : x))));
      notifyNotificationsChanged();
    } catch (e) {
      message.error(appErrorText(e));
    }
  }

  async function readAll() {
    try {
      await notificationsApi.markAllRead();
      list.setItems((old) => (unreadOnly ? [] : old.map(stamp)));
      notifyNotificationsChanged();
      message.success(t('applicationsHall.notifications.markedAllRead'));
    } catch (e) {
      message.error(appErrorText(e));
    }
  }

  return (
    <div className="app-page app-notes-page">
      <Breadcrumb className="app-breadcrumb" items={[{ title: <Link to="/hall">{t('applicationsHall.breadcrumb.hall')}</Link> }, { title: t('applicationsHall.breadcrumb.notifications') }]} />
      <PageHead
        title={t('applicationsHall.notifications.title')}
        testId="notifications-title"
        intro={t('applicationsHall.notifications.intro')}
        extra={
          <Button icon={<CheckOutlined />} disabled={count === 0} onClick={() => void readAll()} data-testid="notifications-read-all">
            {t('applicationsHall.notifications.markAllRead')}
          </Button>
        }
      />
      <Card className="app-card">
        <Space className="app-notes-filter" wrap>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setParams(v === 'unread' ? { filter: 'unread' } : {}, { replace: true })}
            options={[
              { value: 'all', label: t('applicationsHall.notifications.all') },
              { value: 'unread', label: `${t('applicationsHall.notifications.unreadOnly')}${count ? ` (${count})` : ''}` },
            ]}
            data-testid="notifications-filter"
          />
        </Space>
        {list.error ? (
          <AppErrorAlert error={list.error} title={t('applicationsHall.notifications.loadFailed')} onRetry={list.reload} />
        ) : list.loading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : !list.items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? t('applicationsHall.notifications.emptyUnread') : t('applicationsHall.notifications.empty')} />
        ) : (
          <ul className="app-notes" data-testid="notifications-list">
            {list.items.map((n) => {
              const text = notificationText(n);
              return (
                <li key={n.id} className={`app-notes-item${n.readAt ? '' : ' app-notes-unread'}`} data-testid="notification-row" data-kind={n.kind} data-read={n.readAt ? 'true' : 'false'}>
                  <button type="button" className="app-note app-note-wide" onClick={() => void open(n)} disabled={!n.link && !!n.readAt}>
                    <span className="app-note-dot" aria-hidden />
                    <span className="app-note-main">
                      <span className="app-note-title">
                        {text.title}
                        {!n.readAt && (
                          <Tag color="red" className="app-note-new">
                            {t('applicationsHall.notifications.unreadOnly')}
                          </Tag>
                        )}
                      </span>
                      {text.body && <span className="app-note-body">{text.body}</span>}
                      <span className="app-note-time">{fmtDateTime(n.createdAt)}</span>
                    </span>
                  </button>
                  {!n.readAt && (
                    <Button size="small" type="link" onClick={() => void readOne(n)} className="app-note-mark">
                      {t('applicationsHall.notifications.markRead')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={() => void list.loadMore()} count={list.items.length} />
      </Card>
    </div>
  );
}
