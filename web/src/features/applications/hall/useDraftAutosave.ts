import { useCallback, useEffect, useRef, useState } from 'react';
import { applicationsApi, saveDraftOnExit, type DraftBody } from './api';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

export interface DraftAutosave {
  status: SaveStatus;
  savedAt: string | null;
  /** The last save was asked for by the applicant ("保存草稿"), not the timer. */
  manual: boolean;
  error: unknown;
  /** Call after every change of the applicant: saves 1.5 s after the last one. */
  schedule: () => void;
  /** Save now (the 保存草稿 button, a retry); resolves when saved or failed. */
  saveNow: () => Promise<void>;
  /** Stop saving (while filing or discarding) and wait for a save in flight, so no save lands after it. */
  block: () => Promise<void>;
  /** Saving allowed again; what changed meanwhile is saved. */
  unblock: () => void;
  /** After a discard: nothing saved, nothing pending. */
  reset: () => void;
}

const DELAY_MS = 1500;

/**
 * Autosaves a draft (PUT /applications/drafts/:itemId) 1.5 s after the applicant's last change, one save at a time;
 * what is still pending when the page goes away (another page, a closed tab, logout) is sent with keepalive.
 */
export function useDraftAutosave(itemId: string, payload: () => DraftBody, csrf: string | null, initialSavedAt: string | null): DraftAutosave {
  const [status, setStatus] = useState<SaveStatus>(initialSavedAt ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [manual, setManual] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const blocked = useRef(false);
  /** Changes not sent yet. */
  const pending = useRef(false);
  const payloadRef = useRef(payload);
  payloadRef.current = payload;
  const csrfRef = useRef(csrf);
  csrfRef.current = csrf;

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const run = useCallback(
    (isManual: boolean): Promise<void> => {
      clearTimer();
      if (blocked.current) return chain.current;
      pending.current = false;
      const body = payloadRef.current();
      setStatus('saving');
      chain.current = chain.current.then(async () => {
        if (blocked.current) {
          pending.current = true;
          return;
        }
        try {
          const d = await applicationsApi.saveDraft(itemId, body);
          setSavedAt(d?.updatedAt ?? new Date().toISOString());
          setManual(isManual);
          setError(null);
          setStatus(pending.current ? 'dirty' : 'saved');
        } catch (e) {
          pending.current = true;
          setError(e);
          setStatus('error');
        }
      });
      return chain.current;
    },
    [itemId],
  );

  const schedule = useCallback(() => {
    pending.current = true;
    if (blocked.current) return;
    setStatus((s) => (s === 'saving' ? s : 'dirty'));
    clearTimer();
    timer.current = window.setTimeout(() => void run(false), DELAY_MS);
  }, [run]);

  const saveNow = useCallback(() => run(true), [run]);

  const block = useCallback(async () => {
    blocked.current = true;
    clearTimer();
    await chain.current;
  }, []);

  const unblock = useCallback(() => {
    blocked.current = false;
    if (pending.current) schedule();
  }, [schedule]);

  const reset = useCallback(() => {
    clearTimer();
    pending.current = false;
    setStatus('idle');
    setSavedAt(null);
    setError(null);
  }, []);

  // Leaving: a hidden tab saves normally; a page going away (or this page unmounting) sends what is pending.
  useEffect(() => {
    const flushOnExit = () => {
      if (!pending.current || blocked.current) return;
      clearTimer();
      pending.current = false;
      saveDraftOnExit(itemId, payloadRef.current(), csrfRef.current);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && pending.current && !blocked.current) void run(false);
    };
    window.addEventListener('pagehide', flushOnExit);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flushOnExit);
      document.removeEventListener('visibilitychange', onVisibility);
      flushOnExit();
    };
  }, [itemId, run]);

  return { status, savedAt, manual, error, schedule, saveNow, block, unblock, reset };
}
