import { useEffect, useRef, useState } from 'react';
import type { UploadHandle } from '../api';

/** What the server's import jobs share (catalogue, knowledge base, duty lists). */
export interface ImportJobLike {
  id: string;
  status: 'validating' | 'writing' | 'done' | 'failed';
  total: number;
  processed: number;
  error: { details?: unknown } | null;
}

export type ImportPhase = 'choose' | 'uploading' | 'running' | 'done' | 'failed';

const POLL_MS = 300;

/**
 * An import file's way through the server: choose (JSON, size limit), upload with progress, then poll the job until it
 * is done or failed (a poll that fails 20 times in a row gives up), with what the page shows derived from the job.
 */
export function useImportJob<J extends ImportJobLike, P extends object>(opts: {
  upload: (file: File, onProgress: (fraction: number) => void) => UploadHandle<J>;
  fetchJob: (id: string, signal: AbortSignal) => Promise<J>;
  maxBytes: number;
  messages: { notJson: string; tooLarge: string };
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<ImportPhase>('choose');
  const [uploaded, setUploaded] = useState(0);
  const [job, setJob] = useState<J | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pollTrouble, setPollTrouble] = useState(false);
  const cancel = useRef<(() => void) | null>(null);

  useEffect(() => () => cancel.current?.(), []);

  function choose(f: File) {
    setFileError(null);
    if (!/\.json$/i.test(f.name) && f.type !== 'application/json') return setFileError(opts.messages.notJson);
    if (f.size > opts.maxBytes) return setFileError(opts.messages.tooLarge);
    setFile(f);
  }

  function poll(id: string) {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctl = new AbortController();
    cancel.current = () => {
      stopped = true;
      clearTimeout(timer);
      ctl.abort();
    };
    let failures = 0;
    const tick = async () => {
      try {
        const j = await opts.fetchJob(id, ctl.signal);
        if (stopped) return;
        failures = 0;
        setPollTrouble(false);
        setJob(j);
        if (j.status === 'done' || j.status === 'failed') return setPhase(j.status === 'done' ? 'done' : 'failed');
      } catch (err) {
        if (stopped) return;
        failures += 1;
        setPollTrouble(true);
        if (failures > 20) {
          setError(err);
          return setPhase('failed');
        }
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
  }

  function start() {
    if (!file) return;
    setError(null);
    setJob(null);
    setUploaded(0);
    setPhase('uploading');
    const h = opts.upload(file, setUploaded);
    cancel.current = h.abort;
    h.promise
      .then((j) => {
        setJob(j);
        if (j.status === 'done' || j.status === 'failed') setPhase(j.status === 'done' ? 'done' : 'failed');
        else {
          setPhase('running');
          poll(j.id);
        }
      })
      .catch((err) => {
        if ((err as Error).name === 'AbortError') return;
        setError(err);
        setPhase('failed');
      });
  }

  function reset() {
    cancel.current?.();
    setFile(null);
    setJob(null);
    setError(null);
    setPhase('choose');
    setUploaded(0);
  }

  // failed: at 校验 when the job said no, at 上传 when the upload itself failed
  const stepIndex = { choose: 0, uploading: 1, running: job?.status === 'writing' ? 3 : 2, done: 4, failed: job ? 2 : 1 }[phase];
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;
  const details = job?.error?.details;
  const problems: P[] = Array.isArray(details) ? details.filter((x): x is P => !!x && typeof x === 'object') : [];
  // the job counts every row twice (a checking pass, then a writing pass): show rows of the current pass
  const rows = job ? Math.round(job.total / 2) : 0;
  const phaseDone = job ? (job.status === 'writing' ? Math.max(0, job.processed - rows) : Math.min(job.processed, rows)) : 0;

  return { file, fileError, choose, phase, uploaded, job, error, pollTrouble, start, reset, stepIndex, percent, problems, rows, phaseDone };
}
