import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api';

type FetchPage<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

/** Fetches one page into the list's state, unless a newer fetch aborted this one meanwhile. */
function loadPage<T>(
  fetchPage: FetchPage<T>,
  cursor: string | null,
  ctl: AbortController,
  setItems: (items: T[]) => void,
  setNextCursor: (c: string | null) => void,
  setLoading: (b: boolean) => void,
  setError: (e: unknown) => void,
): void {
  setLoading(true);
  setError(null);
  fetchPage(cursor, ctl.signal)
    .then((p) => {
      if (ctl.signal.aborted) return;
      setItems(p.items);
      setNextCursor(p.nextCursor);
    })
    .catch((e) => !ctl.signal.aborted && setError(e))
    .finally(() => !ctl.signal.aborted && setLoading(false));
}

/** Page-by-page browsing over a cursor list: keeps the cursors seen so "previous" works too. */
export function useCursorPages<T>(fetchPage: FetchPage<T>, deps: unknown[]) {
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  // a change of filters starts again at page 1
  useEffect(() => {
    setStack([null]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const cursor = stack[stack.length - 1];
  useEffect(() => {
    const ctl = new AbortController();
    loadPage(fetchRef.current, cursor, ctl, setItems, setNextCursor, setLoading, setError);
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, stack.length, tick, ...deps]);

  return {
    items,
    loading,
    error,
    page: stack.length,
    hasNext: !!nextCursor,
    hasPrev: stack.length > 1,
    next: useCallback(() => nextCursor && setStack((s) => [...s, nextCursor]), [nextCursor]),
    prev: useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []),
    reload: useCallback(() => setTick((n) => n + 1), []),
  };
}

/** "Load more" browsing over a cursor list: pages are appended. */
export function useLoadMore<T>(fetchPage: FetchPage<T>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const ctlRef = useRef<AbortController | null>(null);

  useEffect(() => {
    ctlRef.current?.abort();
    const ctl = new AbortController();
    ctlRef.current = ctl;
    loadPage(fetchRef.current, null, ctl, setItems, setNextCursor, setLoading, setError);
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, ...deps]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || !ctlRef.current) return;
    const ctl = ctlRef.current;
    setLoadingMore(true);
    try {
      const p = await fetchRef.current(nextCursor, ctl.signal);
      if (ctl.signal.aborted) return;
      setItems((old) => [...old, ...p.items]);
      setNextCursor(p.nextCursor);
    } catch (e) {
      if (!ctl.signal.aborted) setError(e);
    } finally {
      if (!ctl.signal.aborted) setLoadingMore(false);
    }
  }, [nextCursor]);

  return {
    items,
    setItems,
    loading,
    loadingMore,
    error,
    hasMore: !!nextCursor,
    loadMore,
    reload: useCallback(() => setTick((n) => n + 1), []),
  };
}
