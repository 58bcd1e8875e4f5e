import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Progress, Result, Row, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { CloudDownloadOutlined, FileTextOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { hasRole, useMe } from '../../../auth';
import { fmtDateTime } from '../../../lib/format';
import { PageHead } from '../../../components/PageHead';
import { useImportJob } from '../../../lib/useImportJob';
import { DepartmentSelect } from '../../admin/pickers';
import { catalogAdminApi, exportUrl, IMPORT_MAX_BYTES, uploadImport, type ImportJob, type ImportProblem } from './adminApi';
import { fmtSize, msgs, pathLabel, reasonToText } from './guideModel';
import { CatalogErrorAlert, catalogErrorText, useCsrf } from './ui';
import './catalog-admin.css';

/** 导入导出: import a catalogue file (upload with progress, then the job's progress), export one. */
export default function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const csrf = useCsrf();
  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const [exportDept, setExportDept] = useState<string | undefined>(isPlatformAdmin ? undefined : me.department?.id);
  const { file, fileError, choose, phase, uploaded, job, error, pollTrouble, start, reset, stepIndex, percent, problems, rows, phaseDone } = useImportJob<ImportJob, ImportProblem>({
    upload: (f, onProgress) => uploadImport(f, csrf, onProgress),
    fetchJob: (id, signal) => catalogAdminApi.importJob(id, signal),
    maxBytes: IMPORT_MAX_BYTES,
    messages: { notJson: t('catalogAdmin.import.notJson'), tooLarge: t('catalogAdmin.import.tooLarge') },
  });

  return (
    <>
      <PageHead title={t('catalogAdmin.import.title')} intro={t('catalogAdmin.import.intro')} testId="catalog-import-title" />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('catalogAdmin.import.importTitle')} style={{ marginBottom: 16 }} data-testid="import-card">
            {!isPlatformAdmin ? (
              <Alert type="info" showIcon title={t('catalogAdmin.import.importPlatformOnly')} />
            ) : (
              <>
                <Steps
                  size="small"
                  current={stepIndex}
                  status={phase === 'failed' ? 'error' : phase === 'done' ? 'finish' : 'process'}
                  style={{ marginBottom: 20 }}
                  items={(['choose', 'upload', 'validate', 'write', 'done'] as const).map((k) => ({ title: t(`catalogAdmin.import.steps.${k}`) }))}
                />

                {phase === 'choose' && (
                  <>
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
                      <p className="ant-upload-text">{t('catalogAdmin.import.choose')}</p>
                      <p className="ant-upload-hint">tongban.catalog/1 · ≤ 20 MB</p>
                    </Upload.Dragger>
                    {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
                    {file && (
                      <Space style={{ marginTop: 16, justifyContent: 'space-between', width: '100%' }} wrap>
                        <Typography.Text data-testid="import-chosen">
                          <FileTextOutlined /> {t('catalogAdmin.import.chosen', { name: file.name, size: fmtSize(file.size) })}
                        </Typography.Text>
                        <Button type="primary" icon={<UploadOutlined />} onClick={start} data-testid="import-start">
                          {t('catalogAdmin.import.start')}
                        </Button>
                      </Space>
                    )}
                  </>
                )}

                {(phase === 'uploading' || phase === 'running') && (
                  <div data-testid="import-progress" data-phase={phase === 'uploading' ? 'uploading' : job?.status}>
                    {phase === 'uploading' ? (
                      <>
                        <Typography.Text>{t('catalogAdmin.import.uploading')}</Typography.Text>
                        <Progress percent={Math.round(uploaded * 100)} status="active" />
                      </>
                    ) : (
                      <>
                        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                          <Typography.Text strong>{t(`catalogAdmin.import.phase.${job?.status ?? 'validating'}`)}…</Typography.Text>
                          <Typography.Text type="secondary" data-testid="import-progress-count">
                            {t('catalogAdmin.import.progress', { processed: phaseDone, total: rows })}
                          </Typography.Text>
                        </Space>
                        <Progress percent={percent} status="active" strokeColor={job?.status === 'writing' ? '#389e0d' : undefined} />
                      </>
                    )}
                    {pollTrouble && <Alert type="warning" showIcon title={t('catalogAdmin.import.pollError')} style={{ marginTop: 8 }} />}
                  </div>
                )}

                {phase === 'done' && job?.result && (
                  <Result
                    status="success"
                    title={t('catalogAdmin.import.doneTitle')}
                    subTitle={file ? `${file.name} · ${fmtDateTime(job.finishedAt)}` : undefined}
                    data-testid="import-result"
                    extra={
                      <Button icon={<ReloadOutlined />} onClick={reset}>
                        {t('catalogAdmin.import.again')}
                      </Button>
                    }
                  >
                    <Row gutter={16}>
                      {(['basicItems', 'items', 'versions', 'unchanged'] as const).map((k) => (
                        <Col span={6} key={k}>
                          <Statistic title={t(`catalogAdmin.import.result.${k}`)} value={job.result![k]} />
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
                        title={t('catalogAdmin.import.failedTitle')}
                        description={problems.length ? t('catalogAdmin.import.failedBody', { count: problems.length }) : t('catalogAdmin.import.failedOther', { message: catalogErrorText(new ApiError(400, job.error.code, job.error.message)) })}
                        style={{ marginBottom: 12 }}
                      />
                    ) : (
                      <>
                        <Alert type="error" showIcon title={t('catalogAdmin.import.failedTitle')} style={{ marginBottom: 12 }} />
                        <CatalogErrorAlert error={error} />
                      </>
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
                          { title: t('catalogAdmin.import.section'), dataIndex: 'section', width: 90, render: (s?: string) => (s ? ((msgs().import.sections as Record<string, string>)[s] ?? s) : '—') },
                          { title: t('catalogAdmin.import.row'), dataIndex: 'row', width: 56, align: 'right', render: (r?: number) => r ?? '—' },
                          {
                            title: t('catalogAdmin.import.field'),
                            dataIndex: 'field',
                            width: 210,
                            render: (f?: string) =>
                              f ? (
                                <div>
                                  {f.startsWith('guide.') && <div>{pathLabel(f)}</div>}
                                  <span className="tb-mono tb-muted" style={{ fontSize: 11, wordBreak: 'break-all' }}>
                                    {f}
                                  </span>
                                </div>
                              ) : (
                                '—'
                              ),
                          },
                          { title: t('catalogAdmin.import.reason'), dataIndex: 'reason', render: (r?: string) => (r ? reasonToText(r) : '—') },
                        ]}
                      />
                    )}
                    <Button icon={<ReloadOutlined />} onClick={reset} style={{ marginTop: 12 }} data-testid="import-again">
                      {t('catalogAdmin.import.again')}
                    </Button>
                  </div>
                )}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('catalogAdmin.import.exportTitle')}>
            <Typography.Paragraph type="secondary">{t('catalogAdmin.import.exportIntro')}</Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item label={t('catalogAdmin.import.exportDepartment')} extra={!isPlatformAdmin ? t('catalogAdmin.import.exportOwn') : undefined}>
                <DepartmentSelect value={exportDept} onChange={setExportDept} allowClear={isPlatformAdmin} disabled={!isPlatformAdmin} placeholder={t('common.all')} initial={me.department ? [{ id: me.department.id, name: me.department.name }] : []} testId="export-department" />
              </Form.Item>
            </Form>
            <Button type="primary" icon={<CloudDownloadOutlined />} href={exportUrl(exportDept)} download data-testid="export-download" block>
              {t('catalogAdmin.import.exportButton')}
            </Button>
          </Card>
        </Col>
      </Row>
    </>
  );
}
