/**
 * @module components/notifications/data
 * The signed-in person's notifications from the API: newest first a page at a time, how many are
 * unread (for the header; read again every minute and whenever the window regains focus), and
 * marking them read one by one or all at once.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  InfiniteData,
  QueryClient,
  UseInfiniteQueryResult,
  UseQueryResult,
} from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type Notification = Schema<'Notification'>;
export type NotificationPage =
  paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json'];

/** Notifications a page. */
export const PAGE_SIZE = 50;

/** How often the header reads the unread count again while the page is open. */
const COUNT_INTERVAL_MS = 60_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** One's notifications, newest first, a page at a time (with the unread count of all). */
export function useNotifications(enabled = true): UseInfiniteQueryResult<InfiniteData<NotificationPage>> {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      data(
        api.GET('/api/v1/notifications', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** How many of one's notifications are unread (only while someone is signed in: `enabled`). */
export function useUnreadCount(enabled: boolean): UseQueryResult<number> {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () =>
      (await data(api.GET('/api/v1/notifications', { params: { query: { limit: 1, unread: 'true' } } })))
        .unread,
    enabled,
    refetchInterval: COUNT_INTERVAL_MS,
  });
}

export function markRead(id: string): Promise<Notification> {
  return send(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
}

export function markAllRead(): Promise<{ marked: number }> {
  return send(api.POST('/api/v1/notifications/read-all'));
}

/** After marking: the list and the header's count read again. */
export function refreshNotifications(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: notificationKeys.all });
}
