import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Col, Progress, Result, Row, Select, Space, Statistic, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, FileTextOutlined, InboxOutlined, ReloadOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem } from '../../api';
import { useMe } from '../../auth';
import { getDepartment } from '../../lib/departments';
import { useAsync } from '../../lib/useAsync';
import { IMPORT_MAX_BYTES, licencesApi, uploadLicences, type ImportResult, type LicenceType } from './api';
import { csvToDocument, csvTypeCodes, CsvError, download, parseCsv, templates } from './importFile';
import { fill, LicenceErrorAlert, licenceErrorText, msgs, typeName } from './ui';

type Phase = 'choose' | 'uploading' | 'checking' | 'done' | 'failed';

/** The server's per-row reasons (English) in the UI language, for the common ones; others as they are. */
const REASONS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^is required \((.+)\)$/, 'required', (m) => ({ what: m[1] })],
  [/^is required: (.+)$/, 'required', (m) => ({ what: m[1] })],
  [/^is required$/, 'requiredPlain', () => ({})],
  [/^has a wrong check character \((.+)\)$/, 'wrongCheck', (m) => ({ std: m[1] })],
  [/^must be a date YYYY-MM-DD$/, 'notDate', () => ({})],
  [/^must be a number$/, 'notNumber', () => ({})],
  [/^must be true or false$/, 'notBoolean', () => ({})],
  [/^must be text$/, 'notText', () => ({})],
  [/^must be at most (\d+) characters$/, 'maxLength', (m) => ({ n: m[1] })],
  [/^is not a field of (.+)$/, 'notField', (m) => ({ type: m[1] })],
  [/^is in the future$/, 'future', () => ({})],
  [/^repeats row (\d+)$/, 'repeats', (m) => ({ row: m[1] })],
  [/^no such licence type$/, 'noType', () => ({})],
];

function reasonOf(reason: string): string {
  for (const [re, key, vars] of REASONS) {
    const m = re.exec(reason);
    if (m) return fill((msgs().import.reasons as Record<string, string>)[key], vars(m));
  }
  return reason;
}

const fmtSize = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** 批量导入: a JSON or CSV file of the department's existing licences, uploaded with progress; all or nothing with per-row errors. */
export function ImportPanel({ onImported, onShowList }: { onImported: () => void; onShowList: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const deptId = me.department?.id;
  const dept = useAsync(() => getDepartment(deptId!), [deptId], !!deptId);
  const types = useAsync((signal) => licencesApi.types({ issuerDepartmentId: deptId }, signal), [deptId], !!deptId);
  const [templateType, setTemplateType] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('choose');
  const [uploaded, setUploaded] = useState(0);
  const [rows, setRows] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<(() => void) | null>(null);

  useEffect(() => () => abort.current?.(), []);
  useEffect(() => {
    if (!templateType && types.data?.items.length) setTemplateType(types.data.items[0].code);
  }, [types.data, templateType]);

  function choose(f: File) {
    setFileError(null);
    setError(null);
    if (!/\.(json|csv)$/i.test(f.name)) {
      setFileError(t('licences.import.notSupported'));
      return;
    }
    if (f.size > IMPORT_MAX_BYTES) {
      setFileError(t('licences.import.tooLarge'));
      return;
    }
    setFile(f);
  }

  /** The JSON document to send: the file itself, or the CSV converted. */
  async function body(f: File): Promise<{ blob: Blob; rows: number | null }> {
    const text = await f.text();
    if (!/\.csv$/i.test(f.name)) {
      let n: number | null = null;
      try {
        const doc = JSON.parse(text) as { licences?: unknown };
        n = Array.isArray(doc.licences) ? doc.licences.length : null;
      } catch {
        /* the server says what is wrong */
      }
      return { blob: f, rows: n };
    }
    const uscc = (await getDepartment(deptId!)).uscc;
    const parsed = parseCsv(text, t('licences.import.csvQuote'));
    const defs = new Map<string, LicenceType>();
    for (const code of csvTypeCodes(parsed)) {
      try {
        defs.set(code, await licencesApi.type(code));
      } catch {
        /* an unknown type: the server names the row */
      }
    }
    const doc = csvToDocument(parsed, uscc, defs, {
      quote: t('licences.import.csvQuote'),
      columns: t('licences.import.csvColumns'),
      noRows: t('licences.import.csvNoRows'),
      badHeader: (columns) => t('licences.import.csvBadHeader', { columns }),
    });
    return { blob: new Blob([JSON.stringify(doc)], { type: 'application/json' }), rows: doc.licences.length };
  }

  async function start() {
    if (!file) return;
    setError(null);
    setResult(null);
    setUploaded(0);
    let b: { blob: Blob; rows: number | null };
    try {
      b = await body(file);
    } catch (err) {
      setFileError(err instanceof CsvError ? t('licences.import.csvError', { line: err.line, message: err.message }) : licenceErrorText(err));
      return;
    }
    setRows(b.rows);
    setPhase('uploading');
    const h = uploadLicences(b.blob, me.csrfToken ?? null, (f) => {
      setUploaded(f);
      if (f >= 1) setPhase((p) => (p === 'uploading' ? 'checking' : p));
    });
    abort.current = h.abort;
    h.promise
      .then((r) => {
        setResult(r);
        setPhase('done');
        onImported();
      })
      .catch((err) => {
        if ((err as Error).name === 'AbortError') return;
        setError(err);
        setPhase('failed');
      });
  }

  function reset() {
    abort.current?.();
    setFile(null);
    setFileError(null);
    setResult(null);
    setError(null);
    setRows(null);
    setPhase('choose');
  }

  const problems: FieldProblem[] = error instanceof ApiError ? error.fieldProblems : [];
  const chosenType = types.data?.items.find((x) => x.code === templateType);

  async function downloadTemplate(kind: 'json' | 'csv') {
    if (!templateType) return;
    const type = await licencesApi.type(templateType);
    const tpl = templates(type, dept.data?.uscc ?? '');
    if (kind === 'json') download(`licences-${type.code}.json`, tpl.json, 'application/json');
    else download(`licences-${type.code}.csv`, tpl.csv, 'text/csv;charset=utf-8');
  }

  return (
    <div data-testid="import-panel">
      <Typography.Paragraph type="secondary">{t('licences.import.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 260 }}
          value={templateType}
          onChange={setTemplateType}
          loading={types.loading}
          options={(types.data?.items ?? []).map((x) => ({ value: x.code, label: typeName(x) }))}
          placeholder={t('licences.issued.type')}
          data-testid="import-template-type"
        />
        <Button icon={<DownloadOutlined />} disabled={!chosenType} onClick={() => void downloadTemplate('json')}>
          {t('licences.import.templateJson')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!chosenType} onClick={() => void downloadTemplate('csv')}>
          {t('licences.import.templateCsv')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('licences.import.formatDoc')}
        </Typography.Text>
      </Space>

      {phase === 'choose' && (
        <>
          <Upload.Dragger
            accept=".json,.csv,application/json,text/csv"
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
            <p className="ant-upload-text">{t('licences.import.choose')}</p>
            <p className="ant-upload-hint">{t('licences.import.hint')}</p>
          </Upload.Dragger>
          {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} data-testid="import-file-error" />}
          {file && (
            <Space style={{ marginTop: 16, justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Text data-testid="import-chosen">
                <FileTextOutlined /> {t('licences.import.chosen', { name: file.name, size: fmtSize(file.size) })}
              </Typography.Text>
              <Button type="primary" icon={<UploadOutlined />} onClick={() => void start()} data-testid="import-start" disabled={!deptId}>
                {t('licences.import.start')}
              </Button>
            </Space>
          )}
        </>
      )}

      {(phase === 'uploading' || phase === 'checking') && (
        <div data-testid="import-progress" data-phase={phase}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>{phase === 'uploading' ? t('licences.import.uploading') : t('licences.import.checking')}</Typography.Text>
            {rows !== null && <Typography.Text type="secondary">{t('licences.import.rows', { n: rows })}</Typography.Text>}
          </Space>
          <Progress percent={phase === 'uploading' ? Math.round(uploaded * 100) : 100} status="active" strokeColor={phase === 'checking' ? '#389e0d' : undefined} />
        </div>
      )}

      {phase === 'done' && result && (
        <Result
          status="success"
          title={t('licences.import.doneTitle')}
          subTitle={file?.name}
          data-testid="import-result"
          extra={
            <Space>
              <Button type="primary" icon={<UnorderedListOutlined />} onClick={onShowList}>
                {t('licences.import.viewIssued')}
              </Button>
              <Button icon={<ReloadOutlined />} onClick={reset}>
                {t('licences.import.again')}
              </Button>
            </Space>
          }
        >
          <Row gutter={16} justify="center">
            <Col span={8}>
              <Statistic title={t('licences.import.issuedCount')} value={result.issued} />
            </Col>
            <Col span={8}>
              <Statistic title={t('licences.import.unchangedCount')} value={result.unchanged} />
            </Col>
          </Row>
        </Result>
      )}

      {phase === 'failed' && (
        <div data-testid="import-failed">
          <Alert
            type="error"
            showIcon
            title={t('licences.import.failedTitle')}
            description={problems.length ? `${licenceErrorText(error)} ${t('licences.import.problemsCount', { n: problems.length })}` : undefined}
            style={{ marginBottom: 12 }}
          />
          {!problems.length && <LicenceErrorAlert error={error} />}
          {problems.length > 0 && (
            <>
              <Table<FieldProblem & { key: number }>
                className="lic-problems"
                data-testid="import-errors"
                size="small"
                rowKey="key"
                dataSource={problems.map((p, i) => ({ ...p, key: i }))}
                pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                tableLayout="fixed"
                columns={[
                  { title: t('licences.import.row'), dataIndex: 'row', width: 70, align: 'right', render: (r?: number) => (r ? r : '—') },
                  { title: t('licences.import.field'), dataIndex: 'field', width: 220, render: (f?: string) => (f ? <span className="tb-mono" style={{ wordBreak: 'break-all' }}>{f}</span> : '—') },
                  { title: t('licences.import.reason'), dataIndex: 'reason', render: (r: string) => reasonOf(r) },
                ]}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('licences.import.rowNote')}
              </Typography.Text>
            </>
          )}
          <div>
            <Button icon={<ReloadOutlined />} onClick={reset} style={{ marginTop: 12 }} data-testid="import-again">
              {t('licences.import.again')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
