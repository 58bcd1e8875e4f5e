import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Col, Progress, Radio, Result, Row, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { FileTextOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { useMe } from '../../../auth';
import { reasonText } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { consultApi, IMPORT_MAX_BYTES, uploadConsultImport, type ImportJob, type ImportKind, type ImportProblem } from '../api';
import { ConsultErrorAlert, consultErrorText } from '../ui';

type Phase = 'choose' | 'uploading' | 'running' | 'done' | 'failed';
const POLL_MS = 300;

function problemsOf(job: ImportJob | null): ImportProblem[] {
  const d = job?.error?.details;
  return Array.isArray(d) ? d.filter((x): x is ImportProblem => !!x && typeof x === 'object') : [];
}

const fmtSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 导入: a knowledge-base or duty-list file (JSON), uploaded with progress; the job's progress; every row problem. */
export function ImportTab() {
  const { t } = useTranslation();
  const me = useMe();
  const [kind, setKind] = useState<ImportKind>('kb');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [uploaded, setUploaded] = useState(0);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pollTrouble, setPollTrouble] = useState(false);
  const cancel = useRef<(() => void) | null>(null);

  useEffect(() => () => cancel.current?.(), []);

  function choose(f: File) {
    setFileError(null);
    if (!/\.json$/i.test(f.name) && f.type !== 'application/json') return setFileError(t('consult.admin.import.notJson'));
    if (f.size > IMPORT_MAX_BYTES) return setFileError(t('consult.admin.import.tooLarge'));
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
        const j = await consultApi.importJob(id, ctl.signal);
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
    const h = uploadConsultImport(kind, file, me.csrfToken ?? null, setUploaded);
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

  const stepIndex = { choose: 0, uploading: 1, running: job?.status === 'writing' ? 3 : 2, done: 4, failed: job ? 2 : 1 }[phase];
  const problems = problemsOf(job);
  const rows = job ? Math.round(job.total / 2) : 0;
  const phaseDone = job ? (job.status === 'writing' ? Math.max(0, job.processed - rows) : Math.min(job.processed, rows)) : 0;
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;

  return (
    <div data-testid="import-tab">
      <Typography.Paragraph type="secondary">{t('consult.admin.import.intro')}</Typography.Paragraph>
      <Steps
        size="small"
        current={stepIndex}
        status={phase === 'failed' ? 'error' : phase === 'done' ? 'finish' : 'process'}
        style={{ marginBottom: 20 }}
        items={(['choose', 'upload', 'validate', 'write', 'done'] as const).map((k) => ({ title: t(`consult.admin.import.steps.${k}`) }))}
      />
      {phase === 'choose' && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <span>{t('consult.admin.import.kind')}</span>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} optionType="button" data-testid="import-kind">
              <Radio.Button value="kb">{t('consult.admin.import.kindKb')}</Radio.Button>
              <Radio.Button value="duties">{t('consult.admin.import.kindDuties')}</Radio.Button>
            </Radio.Group>
          </Space>
          <Upload.Dragger
            accept=".json,application/json"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              choose(f);
              return false;
            }}
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('consult.admin.import.choose')}</p>
            <p className="ant-upload-hint">{kind === 'kb' ? 'tongban.kb/1' : 'tongban.duties/1'} · ≤ 20 MB</p>
          </Upload.Dragger>
          {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
          {file && (
            <Space style={{ marginTop: 16, justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Text data-testid="import-chosen">
                <FileTextOutlined /> {file.name} · {fmtSize(file.size)}
              </Typography.Text>
              <Button type="primary" icon={<UploadOutlined />} onClick={start} data-testid="import-start">
                {t('consult.admin.import.start')}
              </Button>
            </Space>
          )}
        </>
      )}

      {(phase === 'uploading' || phase === 'running') && (
        <div data-testid="import-progress" data-phase={phase === 'uploading' ? 'uploading' : job?.status}>
          {phase === 'uploading' ? (
            <>
              <Typography.Text>{t('consult.admin.import.uploading')}</Typography.Text>
              <Progress percent={Math.round(uploaded * 100)} status="active" />
            </>
          ) : (
            <>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{t(`consult.admin.import.phase.${job?.status === 'writing' ? 'writing' : 'validating'}`)}…</Typography.Text>
                <Typography.Text type="secondary">{t('consult.admin.import.progress', { processed: phaseDone, total: rows })}</Typography.Text>
              </Space>
              <Progress percent={percent} status="active" strokeColor={job?.status === 'writing' ? '#389e0d' : undefined} />
            </>
          )}
          {pollTrouble && <Alert type="warning" showIcon title={t('consult.admin.import.pollError')} style={{ marginTop: 8 }} />}
        </div>
      )}

      {phase === 'done' && job?.result && (
        <Result
          status="success"
          title={t('consult.admin.import.doneTitle')}
          subTitle={file ? `${file.name} · ${fmtDateTime(job.finishedAt)}` : undefined}
          data-testid="import-result"
          extra={
            <Button icon={<ReloadOutlined />} onClick={reset}>
              {t('consult.admin.import.again')}
            </Button>
          }
        >
          <Row gutter={16}>
            {(['created', 'updated', 'unchanged', 'conflicts'] as const).map((k) => (
              <Col span={6} key={k}>
                <Statistic title={t(`consult.admin.import.result.${k}`)} value={job.result![k]} styles={k === 'conflicts' && job.result![k] > 0 ? { content: { color: '#d46b08' } } : undefined} />
              </Col>
            ))}
          </Row>
        </Result>
      )}

      {phase === 'failed' && (
        <div data-testid="import-failed">
          {job?.error ? (
            <Alert
              type="error"
              showIcon
              title={t('consult.admin.import.failedTitle')}
              description={problems.length ? t('consult.admin.import.failedBody', { count: problems.length }) : consultErrorText(new ApiError(400, job.error.code, job.error.message))}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <ConsultErrorAlert error={error} />
          )}
          {problems.length > 0 && (
            <Table<ImportProblem & { key: number }>
              data-testid="import-errors"
              size="small"
              rowKey="key"
              dataSource={problems.map((p, i) => ({ ...p, key: i }))}
              pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              tableLayout="fixed"
              columns={[
                { title: t('consult.admin.import.row'), dataIndex: 'row', width: 70, align: 'right', render: (r?: number) => r ?? '—' },
                { title: t('consult.admin.import.field'), dataIndex: 'field', width: 200, render: (f?: string) => (f ? <span className="tb-mono">{f}</span> : '—') },
                { title: t('consult.admin.import.reason'), dataIndex: 'reason', render: (r?: string) => {
                    if (!r) return '—';
                    const text = reasonText(r);
                    return text === r ? r : (
                      <div>
                        <div>{text}</div>
                        <div className="tb-mono tb-muted">{r}</div>
                      </div>
                    );
                  },
                },
              ]}
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={reset} style={{ marginTop: 12 }} data-testid="import-again">
            {t('consult.admin.import.again')}
          </Button>
        </div>
      )}
    </div>
  );
}
