import { useState } from 'react';
import { Alert, Button, Col, Progress, Radio, Result, Row, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { FileTextOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { useMe } from '../../../auth';
import { reasonText } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { useImportJob } from '../../../lib/useImportJob';
import { consultApi, IMPORT_MAX_BYTES, uploadConsultImport, type ImportJob, type ImportKind, type ImportProblem } from '../api';
import { ConsultErrorAlert, consultErrorText } from '../ui';

const fmtSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 导入: a knowledge-base or duty-list file (JSON), uploaded with progress; the job's progress; every row problem. */
export function ImportTab() {
  const { t } = useTranslation();
  const me = useMe();
  const [kind, setKind] = useState<ImportKind>('kb');
  const { file, fileError, choose, phase, uploaded, job, error, pollTrouble, start, reset, stepIndex, percent, problems, rows, phaseDone } = useImportJob<ImportJob, ImportProblem>({
    upload: (f, onProgress) => uploadConsultImport(kind, f, me.csrfToken ?? null, onProgress),
    fetchJob: (id, signal) => consultApi.importJob(id, signal),
    maxBytes: IMPORT_MAX_BYTES,
    messages: { notJson: t('consult.admin.import.notJson'), tooLarge: t('consult.admin.import.tooLarge') },
  });

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
