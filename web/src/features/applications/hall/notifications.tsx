import { useCallback, useEffect, useRef, useState } from 'react';
import type { NavigateFunction } from 'react-router-dom';
import { notificationsApi, NOTIFICATIONS_CHANGED, notifyNotificationsChanged, type AppNotification } from './api';
import { fill, msgs } from './ui';

/** A notification's title and text in the reader's language from its kind and params (the server's title otherwise). */
export function notificationText(n: AppNotification): { title: string; body: string } {
  const kinds = msgs().notifications.kinds as Record<string, { title: string; body: string } | undefined>;
  const k = kinds[n.kind];
  if (!k) return { title: n.title, body: '' };
  const params = { itemName: '', caseNumber: '', ...n.params };
  return { title: k.title, body: fill(k.body, params) };
}

/** Open a notification's link (an app path, or an address elsewhere). */
export function openLink(link: string | null, navigate: NavigateFunction): void {
  if (!link) return;
  if (link.startsWith('/')) navigate(link);
  else window.location.assign(link);
}

/** Mark one read (quietly: opening it matters more than the mark). */
export async function markRead(n: AppNotification): Promise<void> {
  if (n.readAt) return;
  try {
    await notificationsApi.markRead(n.id);
  } finally {
    notifyNotificationsChanged();
  }
}

const POLL_MS = 30_000;

/** The unread count, polled every 30 s while the tab is visible, and at once when a page changes what is read. */
export function useUnreadCount(enabled: boolean): { count: number; refresh: () => void } {
  const [count, setCount] = useState(0);
  const busy = useRef(false);
  const refresh = useCallback(() => {
    if (!enabled || busy.current) return;
    busy.current = true;
    notificationsApi
      .unreadCount()
      .then(setCount)
      .catch(() => undefined) // the bell stays quiet; the next poll tries again
      .finally(() => {
        busy.current = false;
      });
  }, [enabled]);

  useEffect(() => {
    if (!enabled) {
      setCount(0);
      return;
    }
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled, refresh]);

  return { count, refresh };
}
