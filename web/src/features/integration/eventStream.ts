import type { PlatformEvent } from '../../api';

export type StreamStatus = 'connecting' | 'open' | 'closed';

/**
 * Live platform events from GET /api/v1/integration/events/stream (Server-Sent Events, same-origin cookie auth).
 *
 * The server names each SSE message after the event type (`event: org.department.updated`). A browser
 * EventSource only delivers named events to listeners registered for that exact name and has no wildcard,
 * so every type would have to be known in advance. This reader parses the stream itself (fetch + a text
 * decoder), accepts every event name, and reconnects with backoff like EventSource does.
 */
export function subscribeEvents(onEvent: (e: PlatformEvent) => void, onStatus: (s: StreamStatus) => void): () => void {
  let stopped = false;
  let ctl: AbortController | null = null;
  let retryMs = 1000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastEventId: string | null = null;

  const dispatch = (block: string) => {
    let data = '';
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'data') data += (data ? '\n' : '') + value;
      else if (field === 'id') lastEventId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (!data) return;
    try {
      onEvent(JSON.parse(data) as PlatformEvent);
    } catch {
      /* not JSON: ignore */
    }
  };

  const connect = async () => {
    if (stopped) return;
    ctl = new AbortController();
    onStatus('connecting');
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const res = await fetch('/api/v1/integration/events/stream', { credentials: 'same-origin', headers, signal: ctl.signal, cache: 'no-store' });
      if (res.status === 401 || res.status === 403) {
        onStatus('closed');
        return; // not allowed: do not hammer the server
      }
      if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
      onStatus('open');
      retryMs = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value.replace(/\r\n?/g, '\n');
        let idx: number;
        while ((idx = buf.indexOf('\n\n')) >= 0) {
          dispatch(buf.slice(0, idx));
          buf = buf.slice(idx + 2);
        }
      }
    } catch {
      if (stopped) return;
    }
    if (stopped) return;
    onStatus('connecting');
    timer = setTimeout(() => void connect(), retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    ctl?.abort();
    onStatus('closed');
  };
}
