import { useEffect, useRef, useState } from 'react';
import { App, Button, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useMe } from '../../../auth';
import { currentLang, errorText, localName } from '../../../i18n';
import { DepartmentName } from '../../../lib/departments';
import { useRegions } from '../../../lib/regions';
import { useAsync } from '../../../lib/useAsync';
import { catalogAdminApi, fileUrl, uploadCatalogFile, UPLOAD_ACCEPT, UPLOAD_MAX_BYTES, UPLOAD_TYPES, type CatalogVocab, type FileRef, type VersionStatus } from './adminApi';
import { fmtSize, msgs } from './guideModel';

/** Translated text for catalogue error codes first, then the platform's. */
export function catalogErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    const own = (msgs().errors as Record<string, string>)[err.code];
    if (own) return own;
  }
  return errorText(err);
}

const STATUS_COLORS: Record<VersionStatus, string> = { draft: 'default', submitted: 'processing', published: 'success', retired: 'error' };

export function StatusTag({ status, testId }: { status: VersionStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`catalogAdmin.status.${status}`)}
    </Tag>
  );
}

/** The vocabularies (item types, themes, life events, online depths, scopes), fetched once. */
export function useVocab() {
  return useAsync(() => catalogAdminApi.vocab(), []);
}

type Named = { zh: string; en: string };
export const vname = (v: Named | undefined, code: string): string => (v ? (currentLang() === 'en' ? v.en : v.zh) : code);

export function vocabOptions(table: Record<string, Named> | undefined, filter?: (code: string, v: Named) => boolean) {
  return Object.entries(table ?? {})
    .filter(([c, v]) => !filter || filter(c, v))
    .map(([value, v]) => ({ value, label: vname(v, value) }));
}

export function itemTypeName(vocab: CatalogVocab | undefined, code: string): string {
  return vname(vocab?.itemTypes[code], code);
}

export function useCsrf(): string | null {
  return useMe().csrfToken ?? null;
}

/** A stored file: name, size, download link. */
export function FileLink({ file, testId }: { file: FileRef; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space size={6} data-testid={testId}>
      <PaperClipOutlined />
      <a href={fileUrl(file)} target="_blank" rel="noreferrer" download={file.name}>
        {file.name}
      </a>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {fmtSize(file.size)}
      </Typography.Text>
      <Tooltip title={t('catalogAdmin.common.download')}>
        <a href={fileUrl(file)} download={file.name} aria-label={t('catalogAdmin.common.download')}>
          <DownloadOutlined />
        </a>
      </Tooltip>
    </Space>
  );
}

/**
 * A FileRef form control: upload (with a progress bar) to POST /api/v1/catalog/files, then show the file with a
 * download link; replace or remove it. `value`/`onChange` so it sits in a Form.Item.
 */
export function FileField({ value, onChange, disabled, testId }: { value?: FileRef | null; onChange?: (v: FileRef | undefined) => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const csrf = useCsrf();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  useEffect(() => () => abortRef.current?.(), []);

  function pick(file: File | undefined) {
    if (!file) return;
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!UPLOAD_TYPES[ext]) {
      message.error(t('catalogAdmin.material.badType'));
      return;
    }
    if (file.size > UPLOAD_MAX_BYTES) {
      message.error(t('catalogAdmin.material.tooLarge'));
      return;
    }
    setProgress({ name: file.name, fraction: 0 });
    const h = uploadCatalogFile(file, csrf, (fraction) => setProgress({ name: file.name, fraction }));
    abortRef.current = h.abort;
    h.promise
      .then((ref) => onChange?.({ sha256: ref.sha256, name: ref.name ?? file.name, contentType: ref.contentType, size: ref.size }))
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') message.error(catalogErrorText(e));
      })
      .finally(() => {
        abortRef.current = null;
        setProgress(null);
      });
  }

  return (
    <div data-testid={testId} className="tb-cat-file">
      <input ref={input} type="file" accept={UPLOAD_ACCEPT} style={{ display: 'none' }} onChange={(e) => (pick(e.target.files?.[0]), (e.target.value = ''))} data-testid={testId ? `${testId}-input` : undefined} />
      {progress ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalogAdmin.material.uploading', { name: progress.name })}
          </Typography.Text>
          <Progress percent={Math.round(progress.fraction * 100)} size="small" status="active" data-testid={testId ? `${testId}-progress` : undefined} />
        </div>
      ) : value ? (
        <Space wrap>
          <FileLink file={value} />
          {!disabled && (
            <>
              <Button size="small" onClick={() => input.current?.click()}>
                {t('catalogAdmin.material.replace')}
              </Button>
              <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={() => onChange?.(undefined)}>
                {t('catalogAdmin.material.removeFile')}
              </Button>
            </>
          )}
        </Space>
      ) : disabled ? (
        <Typography.Text type="secondary">{t('catalogAdmin.common.noneYet')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={2}>
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
            {t('catalogAdmin.material.upload')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalogAdmin.material.uploadTypes')}
          </Typography.Text>
        </Space>
      )}
    </div>
  );
}

/** ErrorAlert with the catalogue's own error texts. */
export function CatalogErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ErrorAlert error={error} onRetry={onRetry} textOf={catalogErrorText} />;
}

/** An item's name in the UI language (the English name when the catalogue has one). */
export const itemName = (i: { name: string; nameEn?: string | null }): string => localName(i.name, i.nameEn);

/** A department's name in the UI language: the summary's (Chinese) name, or the English one fetched (cached) by id. */
export function DeptName({ dept }: { dept: { id: string; name: string } }) {
  if (currentLang() !== 'en') return <>{dept.name}</>;
  return <DepartmentName id={dept.id} fallback={dept.name} />;
}

/** A region's name in the UI language (the regions list is loaded once per page load). */
export function RegionName({ code, fallback }: { code: string; fallback: string }) {
  const regions = useRegions();
  const r = regions.byCode.get(code);
  return <>{localName(fallback, r?.nameEn)}</>;
}
