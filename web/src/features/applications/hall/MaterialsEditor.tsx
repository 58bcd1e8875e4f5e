import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Progress, Radio, Select, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import {
  CheckCircleFilled, CloseOutlined, DeleteOutlined, DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined,
  IdcardOutlined, SafetyCertificateOutlined, UploadOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../catalog/api';
import type { Material } from '../../catalog/types';
import { fileSize } from '../../catalog/hall/format';
import type { MaterialBy, UsableLicence } from '../types';
import { draftFileUrl, MATERIAL_ACCEPT, MATERIAL_MAX_BYTES, MATERIAL_TYPES, uploadMaterial } from './api';
import { materialOptions, type MaterialFile, type MaterialsState, type MaterialState, type UsableByMaterial } from './materials';
import { appErrorText, quoteList } from './ui';

export interface MaterialsEditorProps {
  materials: Material[];
  value: MaterialsState;
  onChange: (key: string, next: MaterialState) => void;
  /** Problems by material key (the browser's check or the server's answer). */
  errors?: Record<string, string>;
  /** 补正: what the department asked to correct, by material key. */
  defects?: Record<string, string[]>;
  /** Keys of materials being uploaded, so the page can wait for them. */
  onUploadingChange?: (key: string, uploading: boolean) => void;
  /** Where an uploaded file can be looked at (defaults to the applicant's own uploads). */
  previewUrl?: (sha256: string) => string;
  csrf: string | null;
  /** 免提交: the applicant's usable licences by material key, and whose they are. */
  usable?: UsableByMaterial;
  holder?: { kind: 'person' | 'enterprise'; name: string } | null;
}

const NECESSITY_COLORS: Record<string, string> = { required: 'red', deferrable: 'orange', conditional: 'blue' };

function FileIcon({ file }: { file: MaterialFile }) {
  const pdf = file.contentType ? file.contentType === 'application/pdf' : /\.pdf$/i.test(file.name);
  return pdf ? <FilePdfOutlined className="app-file-icon" aria-hidden /> : <FileImageOutlined className="app-file-icon" aria-hidden />;
}

function MaterialRow({ m, index, state, onChange, error, defects, onUploadingChange, previewUrl, csrf, held, holder }: {
  m: Material; index: number; state: MaterialState; onChange: (next: MaterialState) => void; error?: string; defects?: string[];
  onUploadingChange?: (uploading: boolean) => void; previewUrl: (sha256: string) => string; csrf: string | null;
  held: UsableLicence[]; holder?: { kind: 'person' | 'enterprise'; name: string } | null;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => () => abortRef.current?.(), []);

  const options = materialOptions(m, held);
  const shared = m.substitutes.filter((s) => s.kind === 'shared_data');
  const licenses = m.substitutes.filter((s) => s.kind === 'license');
  const necessityLabel = m.necessity === 'required' || m.necessity === 'deferrable' || m.necessity === 'conditional' ? t(`applicationsHall.materials.${m.necessity}`) : t('applicationsHall.materials.optional');

  function start(file: File) {
    setUploadError(null);
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!MATERIAL_TYPES[ext] && !Object.values(MATERIAL_TYPES).includes(file.type)) {
      setUploadError(t('applicationsHall.materials.badType', { name: file.name }));
      return;
    }
    if (file.size > MATERIAL_MAX_BYTES) {
      setUploadError(t('applicationsHall.materials.tooLarge', { name: file.name }));
      return;
    }
    if (file.size === 0) {
      setUploadError(t('applicationsHall.materials.emptyFile', { name: file.name }));
      return;
    }
    abortRef.current?.();
    setProgress({ name: file.name, percent: 0 });
    onUploadingChange?.(true);
    const h = uploadMaterial(file, csrf, (f) => setProgress({ name: file.name, percent: Math.min(99, Math.round(f * 100)) }));
    abortRef.current = h.abort;
    h.promise
      .then((r) => {
        onChange({ by: 'upload', file: { sha256: r.sha256, name: r.name || file.name, size: r.size ?? file.size, contentType: r.contentType ?? file.type } });
      })
      .catch((e) => {
        if ((e as Error).name === 'AbortError') return;
        setUploadError(t('applicationsHall.materials.uploadFailed', { name: file.name, reason: appErrorText(e) }));
      })
      .finally(() => {
        abortRef.current = null;
        setProgress(null);
        onUploadingChange?.(false);
      });
  }

  const cancel = () => abortRef.current?.();
  // the file stays while another way is chosen, so choosing upload again brings it back
  const choose = (by: MaterialBy) => {
    setUploadError(null);
    onChange({ by, file: stateRef.current.file, licenceId: by === 'license' ? (stateRef.current.licenceId ?? held[0]?.licenceId ?? null) : stateRef.current.licenceId });
  };
  const chosenLicence = state.by === 'license' ? held.find((l) => l.licenceId === state.licenceId) : undefined;
  const holderWords = holder?.kind === 'enterprise' ? t('applicationsHall.materials.licenceHolderEnterprise', { name: holder.name }) : t('applicationsHall.materials.licenceHolderSelf');
  const showUpload = state.by === 'upload';
  const problem = uploadError ?? error;

  return (
    <li className={`app-mat${problem ? ' app-mat-error' : ''}${defects?.length ? ' app-mat-defect' : ''}`} data-testid={`material-${m.key}`} data-by={state.by ?? ''} id={`material-${m.key}`}>
      <div className="app-mat-index" aria-hidden>
        {index + 1}
      </div>
      <div className="app-mat-body">
        <div className="app-mat-head">
          <span className="app-mat-name">{m.name}</span>
          <Tag color={NECESSITY_COLORS[m.necessity] ?? 'default'} className="app-mat-tag">
            {necessityLabel}
          </Tag>
          {(shared.length > 0 || held.length > 0) && (
            <Tag color="green" icon={<SafetyCertificateOutlined />} className="app-mat-tag">
              {t('applicationsHall.materials.exemptTag')}
            </Tag>
          )}
          {held.length > 0 && (
            <Tag color="blue" icon={<IdcardOutlined />} className="app-mat-tag" data-testid={`material-licence-tag-${m.key}`}>
              {t('applicationsHall.materials.licenceTag')}
            </Tag>
          )}
          <span className="tb-muted app-mat-form">
            {t(`applicationsHall.materials.formValues.${m.form}`)}
            {m.copies > 0 && ` · ${t('applicationsHall.materials.copies', { count: m.copies })}`}
          </span>
        </div>

        {m.condition && <div className="app-mat-note">{t('applicationsHall.materials.conditionHelp', { text: m.condition })}</div>}
        {shared.length > 0 && state.by !== 'license' && <div className="app-mat-note app-mat-exempt">{t('applicationsHall.materials.sharedHelp', { names: quoteList(shared.map((s) => s.name)) })}</div>}
        {shared.length === 0 && licenses.length > 0 && held.length === 0 && <div className="app-mat-note">{t('applicationsHall.materials.licenseHelp', { names: quoteList(licenses.map((s) => s.name)) })}</div>}
        {m.necessity === 'deferrable' && <div className="app-mat-note">{t('applicationsHall.materials.deferrableHelp')}</div>}
        <Typography.Paragraph className="app-mat-note app-mat-standard" ellipsis={{ rows: 2, expandable: 'collapsible' }}>
          {t('applicationsHall.materials.standard', { text: m.acceptanceStandard })}
          {m.notes ? ` ${t('applicationsHall.materials.notes', { text: m.notes })}` : ''}
        </Typography.Paragraph>
        {(m.blankForm || m.sample) && (
          <Space size={16} className="app-mat-downloads">
            {m.blankForm && (
              <a href={fileUrl(m.blankForm)} download={m.blankForm.name}>
                <DownloadOutlined aria-hidden /> {t('applicationsHall.materials.blankForm')}
              </a>
            )}
            {m.sample && (
              <a href={fileUrl(m.sample)} download={m.sample.name}>
                <DownloadOutlined aria-hidden /> {t('applicationsHall.materials.sample')}
              </a>
            )}
          </Space>
        )}

        {defects?.map((d, i) => (
          <Alert key={i} type="error" showIcon className="app-mat-defect-alert" title={t('applicationsHall.materials.defect', { reason: d })} />
        ))}

        {options.length > 1 && (
          <div className="app-mat-choice">
            {m.necessity === 'conditional' && <div className="app-mat-question">{t('applicationsHall.materials.conditionQuestion')}</div>}
            <Radio.Group
              value={state.by}
              onChange={(e) => choose(e.target.value as MaterialBy)}
              data-testid={`material-by-${m.key}`}
              aria-label={m.name}
              options={options.map((o) => ({
                value: o,
                label: m.necessity === 'conditional' && o === 'upload' ? t('applicationsHall.materials.applies') : m.necessity === 'conditional' && o === 'not_applicable' ? t('applicationsHall.materials.notApplies') : t(`applicationsHall.materials.by.${o}`),
              }))}
            />
          </div>
        )}

        {state.by === 'deferred' && <div className="app-mat-note app-mat-deferred">{t('applicationsHall.materials.deferredNote')}</div>}

        {state.by === 'license' && (
          <div className="app-mat-licence" data-testid={`material-licence-${m.key}`}>
            <div className="app-mat-licence-head">
              <CheckCircleFilled className="app-mat-ok" aria-hidden />
              <strong>{t('applicationsHall.materials.licenceChosen', { name: chosenLicence?.typeName ?? '' })}</strong>
            </div>
            <div className="app-mat-note">{t('applicationsHall.materials.licenceWhy', { names: quoteList(licenses.map((s) => s.name)), holder: holderWords })}</div>
            <Space wrap size={[12, 4]} className="app-mat-licence-pick">
              <span className="tb-muted">{t('applicationsHall.materials.licencePick')}</span>
              <Select
                className="app-mat-licence-select"
                value={state.licenceId ?? undefined}
                onChange={(v: string) => onChange({ by: 'license', file: stateRef.current.file, licenceId: v })}
                aria-label={t('applicationsHall.materials.licencePick')}
                data-testid={`material-licence-select-${m.key}`}
                popupMatchSelectWidth={false}
                options={held.map((l) => ({
                  value: l.licenceId,
                  label: `${t('applicationsHall.materials.licenceOption', { type: l.typeName, number: l.number, issuer: l.issuer.name })} · ${l.validTo ? t('applicationsHall.materials.licenceValidTo', { date: l.validTo }) : t('applicationsHall.materials.licencePermanent')}`,
                }))}
              />
              {chosenLicence && (
                <Link to={`/hall/licences/${encodeURIComponent(chosenLicence.licenceId)}`} target="_blank">
                  {t('applicationsHall.materials.licenceWallet')}
                </Link>
              )}
            </Space>
          </div>
        )}

        {showUpload && (
          <div className="app-mat-upload">
            {progress ? (
              <div className="app-mat-progress" data-testid={`material-progress-${m.key}`}>
                <div className="app-mat-progress-head">
                  <span className="tb-muted">{t('applicationsHall.materials.uploading', { name: progress.name })}</span>
                  <Tooltip title={t('applicationsHall.materials.cancelUpload')}>
                    <Button size="small" type="text" icon={<CloseOutlined />} onClick={cancel} aria-label={t('applicationsHall.materials.cancelUpload')} />
                  </Tooltip>
                </div>
                <Progress percent={progress.percent} size="small" status="active" />
              </div>
            ) : state.file ? (
              <div className="app-mat-file" data-testid={`material-file-${m.key}`}>
                <CheckCircleFilled className="app-mat-ok" aria-hidden />
                <FileIcon file={state.file} />
                <a href={previewUrl(state.file.sha256)} target="_blank" rel="noreferrer" className="app-mat-file-name" title={state.file.name}>
                  {state.file.name}
                </a>
                {state.file.size !== undefined && <span className="tb-muted app-mat-size">{fileSize(state.file.size)}</span>}
                <Space size={0} className="app-mat-file-actions">
                  <Button size="small" type="link" icon={<EyeOutlined />} href={previewUrl(state.file.sha256)} target="_blank" data-testid={`material-preview-${m.key}`}>
                    {t('applicationsHall.materials.preview')}
                  </Button>
                  <Upload accept={MATERIAL_ACCEPT} showUploadList={false} beforeUpload={(f) => (start(f), Upload.LIST_IGNORE)} data-testid={`material-upload-${m.key}`}>
                    <Button size="small" type="link" icon={<UploadOutlined />}>
                      {t('applicationsHall.materials.replace')}
                    </Button>
                  </Upload>
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => onChange({ by: 'upload', file: null })} data-testid={`material-remove-${m.key}`}>
                    {t('applicationsHall.materials.remove')}
                  </Button>
                </Space>
              </div>
            ) : (
              <Space wrap size={[12, 4]}>
                <Upload accept={MATERIAL_ACCEPT} showUploadList={false} beforeUpload={(f) => (start(f), Upload.LIST_IGNORE)} data-testid={`material-upload-${m.key}`}>
                  <Button icon={<UploadOutlined />} type={problem ? 'primary' : 'default'} danger={!!problem}>
                    {t('applicationsHall.materials.upload')}
                  </Button>
                </Upload>
                <span className="tb-muted app-mat-types">{t('applicationsHall.materials.uploadTypes')}</span>
              </Space>
            )}
          </div>
        )}
        {problem && (
          <div className="app-mat-problem" role="alert" data-testid={`material-error-${m.key}`}>
            {problem}
          </div>
        )}
      </div>
    </li>
  );
}

/** The materials of a guide, each with how the applicant satisfies it: upload (with progress), 免提交, 容缺, 不涉及. */
export function MaterialsEditor({ materials, value, onChange, errors, defects, onUploadingChange, previewUrl = draftFileUrl, csrf, usable = {}, holder }: MaterialsEditorProps) {
  const { t } = useTranslation();
  if (!materials.length) return <Typography.Paragraph className="tb-muted">{t('applicationsHall.materials.none')}</Typography.Paragraph>;
  const exempt = materials.filter((m) => m.substitutes.some((s) => s.kind === 'shared_data')).length;
  const byLicence = materials.filter((m) => (usable[m.key]?.length ?? 0) > 0).length;
  return (
    <div className="app-mats">
      <div className="app-mats-summary tb-muted">
        {t('applicationsHall.materials.summary', { count: materials.length })}
        {exempt > 0 && <> · {t('applicationsHall.materials.exemptSummary', { count: exempt })}</>}
        {byLicence > 0 && <> · {t('applicationsHall.materials.licenceSummary', { count: byLicence })}</>}
      </div>
      <ol className="app-mat-list">
        {materials.map((m, i) => (
          <MaterialRow
            key={m.key}
            m={m}
            index={i}
            state={value[m.key] ?? { by: null, file: null }}
            onChange={(next) => onChange(m.key, next)}
            error={errors?.[m.key]}
            defects={defects?.[m.key]}
            onUploadingChange={onUploadingChange ? (u) => onUploadingChange(m.key, u) : undefined}
            previewUrl={previewUrl}
            csrf={csrf}
            held={usable[m.key] ?? []}
            holder={holder}
          />
        ))}
      </ol>
    </div>
  );
}
