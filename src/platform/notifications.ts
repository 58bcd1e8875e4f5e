import type { Clock } from './clock.js';
import type { DbOrTx, Tx } from './db/database.js';
import { notFound } from './errors.js';
import { newId } from './ids.js';
import { insertRow } from './db/prepared.js';
import { decodeCursor, mapPage, pageLimit, pageOf, type PageResult } from './http/pagination.js';

/**
 * In-app notifications (站内消息). A module writes one inside the transaction of the change it reports, so a
 * notification never tells of something that did not happen. `kind` and `params` let each reader's language word it;
 * `title` is the Chinese wording for API clients that show text as it comes.
 */
export interface NotificationInput {
  userId: string;
  kind: string;
  params: Record<string, string | number | null>;
  title: string;
  link?: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  params: Record<string, string | number | null>;
  title: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export async function notify(tx: Tx, clock: Clock, n: NotificationInput): Promise<void> {
  await insertRow(tx, 'notifications', {
    id: newId(), user_id: n.userId, kind: n.kind, params: JSON.stringify(n.params), title: n.title, link: n.link ?? null, created_at: clock.nowIso(), read_at: null,
  });
}

/**
 * A page of the user's notifications (or of the unread ones: notifications_unread_idx holds only those), newest
 * first, from the cursor on.
 */
export const notificationsPage = (db: DbOrTx, userId: string, unreadOnly: boolean, limit: number, after: [string, string] | null) => {
  const all = db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
  const q = unreadOnly ? all.where('read_at', 'is', null) : all;
  return after ? q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after[0], after[1]))) : q;
};

/** The user's notifications, newest first. */
export async function listNotifications(db: DbOrTx, userId: string, query: { unreadOnly?: boolean; limit?: number; cursor?: string }): Promise<PageResult<Notification>> {
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const page = pageOf(await notificationsPage(db, userId, !!query.unreadOnly, limit, after).execute(), limit, (r) => [r.created_at, r.id]);
  return mapPage(page, (r) => ({ id: r.id, kind: r.kind, params: JSON.parse(r.params), title: r.title, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
}

/** How many of the user's notifications are unread (counted in notifications_unread_idx). */
export const unreadCountQuery = (db: DbOrTx, userId: string) =>
  db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null);

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  return Number((await unreadCountQuery(db, userId).executeTakeFirstOrThrow()).n);
}

/** Marks one notification (or, with id null, all of them) read; another user's notification is not found. */
export async function markRead(db: DbOrTx, clock: Clock, userId: string, id: string | null): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: clock.nowIso() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) {
    const exists = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (!exists) throw notFound('notifications.not_found', 'No such notification.');
    q = q.where('id', '=', id);
  }
  await q.execute();
}
