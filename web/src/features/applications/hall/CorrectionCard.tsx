import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Table, Typography } from 'antd';
import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { useMe } from '../../../auth';
import { currentLang } from '../../../i18n';
import { fmtDateTime } from '../../../lib/format';
import { applyPrefill, SchemaForm, type FormDefinition, type PrefillValue, type SchemaFormError, type SchemaFormHandle } from '../../../components/schema-form';
import type { Material } from '../../catalog/types';
import type { CaseDetail, Defect, FrozenLicence, UsableLicence } from '../types';
import { applicationsApi, caseFileUrl, draftFileUrl, notifyNotificationsChanged, parseMaterialAnswers } from './api';
import { checkMaterialAnswers, filedAnswers, initialMaterials, serverMaterialErrors, useMaterialsEditing } from './materials';
import { MaterialsEditor } from './MaterialsEditor';
import { AppErrorAlert, CardTitle } from './ui';

/** Where a defect points: a material (by key), a form field (by path), or the application as a whole. */
export function defectKind(target: string, def: FormDefinition | null, materials: Material[]): { kind: 'material'; key: string } | { kind: 'field'; path: string } | { kind: 'other' } {
  const t = target.trim();
  const mat = t.replace(/^materials?[.:/]/, '');
  if (materials.some((m) => m.key === mat)) return { kind: 'material', key: mat };
  const path = t.replace(/^form[.:/]/, '').replace(/\//g, '.');
  if (def && Object.prototype.hasOwnProperty.call(def.schema.properties, path.split('.')[0])) return { kind: 'field', path };
  return { kind: 'other' };
}

/**
 * 补正: the defects the department listed at once, the form to change (those fields marked) and the materials to
 * upload again (those marked); sent with the case's rowVersion, so a case that moved meanwhile is not overwritten.
 */
export function CorrectionCard({ detail, def, materials, prefill, targetLabel, onDone, onStale }: {
  detail: CaseDetail; def: FormDefinition | null; materials: Material[]; prefill: Record<string, PrefillValue>;
  targetLabel: (target: string) => string; onDone: (d: CaseDetail) => void; onStale: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLang();
  const { message } = App.useApp();
  const open = [...detail.corrections].reverse().find((c) => !c.answeredAt) ?? detail.corrections[detail.corrections.length - 1];
  const defects: Defect[] = open?.defects ?? [];

  const grouped = useMemo(() => {
    const byMaterial: Record<string, string[]> = {};
    const fieldErrors: SchemaFormError[] = [];
    for (const d of defects) {
      const k = defectKind(d.target, def, materials);
      if (k.kind === 'material') (byMaterial[k.key] ??= []).push(d.reason);
      else if (k.kind === 'field') fieldErrors.push({ field: k.path, message: d.reason });
    }
    return { byMaterial, fieldErrors };
  }, [defects, def, materials]);

  const caseFiles = useMemo(() => new Set(parseMaterialAnswers(detail.materials).flatMap((a) => (a.file ? [a.file.sha256] : []))), [detail.materials]);
  const previewUrl = useCallback((sha: string) => (caseFiles.has(sha) ? caseFileUrl(detail.case.id, sha) : draftFileUrl(sha)), [caseFiles, detail.case.id]);

  const [form, setForm] = useState<Record<string, unknown>>(() => (def ? applyPrefill(def, detail.form ?? {}, prefill) : {}));
  // the licences the case was filed with stay on offer (checked again when the correction is sent)
  const held = useMemo(() => {
    const out: Record<string, UsableLicence[]> = {};
    for (const a of detail.materials as { key?: string; by?: string; licence?: FrozenLicence }[]) {
      if (a?.by !== 'license' || !a.key || !a.licence) continue;
      const l = a.licence;
      out[a.key] = [{ licenceId: l.licenceId, typeCode: l.typeCode, typeName: l.typeName, number: l.number, issuer: { ...l.issuer, regionCode: '' }, holder: { kind: detail.case.applicantKind, name: l.holderName, idMasked: '' }, validFrom: l.validFrom, validTo: l.validTo }];
    }
    return out;
  }, [detail.materials, detail.case.applicantKind]);
  const { mats, uploading, setUploadingKey, serverMatErrors, setServerMatErrors, changeMaterial } = useMaterialsEditing(() => initialMaterials(materials, parseMaterialAnswers(detail.materials), held).state);
  const [attempted, setAttempted] = useState(false);
  const [formErrors, setFormErrors] = useState<SchemaFormError[] | undefined>(grouped.fieldErrors.length ? grouped.fieldErrors : undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<SchemaFormHandle>(null);

  /** A material the department found wanting must come with another file than the one filed. */
  const checkAll = (): Record<string, string> => {
    const out = checkMaterialAnswers(materials, mats, uploading);
    const filed = new Map(parseMaterialAnswers(detail.materials).map((a) => [a.key, a.file?.sha256]));
    for (const m of materials) {
      const s = mats[m.key];
      if (out[m.key] || !grouped.byMaterial[m.key] || s?.by !== 'upload' || !s.file) continue;
      if (filed.get(m.key) === s.file.sha256) out[m.key] = t('applicationsHall.materials.needReupload', { name: m.name });
    }
    return out;
  };
  const matErrors = { ...(attempted ? checkAll() : {}), ...serverMatErrors };

  async function submit() {
    setError(null);
    setAttempted(true);
    const fErrs = def && formRef.current ? formRef.current.validate() : [];
    const mErrs = checkAll();
    if (fErrs.length || Object.keys(mErrs).length) {
      if (!fErrs.length) document.getElementById(`material-${materials.find((m) => mErrs[m.key])?.key}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    const answers = filedAnswers(materials, mats);
    setBusy(true);
    try {
      const next = await applicationsApi.correct(detail.case.id, { form: def ? form : {}, materials: answers, expectedVersion: detail.case.rowVersion });
      message.success(t('applicationsHall.correction.submitted'));
      notifyNotificationsChanged();
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'applications.case_changed' || e.code === 'applications.no_correction_pending')) {
        message.warning(t('applicationsHall.correction.changed'));
        onStale();
        return;
      }
      if (e instanceof ApiError) {
        const fe = e.fieldProblems
          .filter((p) => p.field.startsWith('form.') || p.field.startsWith('/form/'))
          .map((p) => ({ field: p.field.replace(/^\/?form[./]/, ''), message: p.reason, code: (p as { code?: string }).code }));
        const me2 = serverMaterialErrors(e, materials, answers.map((a) => a.key));
        if (fe.length) {
          setFormErrors(fe);
          formRef.current?.focus(fe[0].field);
        }
        if (Object.keys(me2.byKey).length) setServerMatErrors(me2.byKey);
        if (fe.length || Object.keys(me2.byKey).length) {
          if (me2.general.length) setError(new Error(me2.general.join('；')));
          return;
        }
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      id="correction"
      className="app-card app-correction"
      data-testid="correction-card"
      title={<CardTitle icon={<EditOutlined />}>{t('applicationsHall.correction.title')}</CardTitle>}
    >
      <Alert
        type="warning"
        showIcon
        className="app-block"
        title={t('applicationsHall.correction.intro')}
        description={open ? t('applicationsHall.correction.requestedAt', { date: fmtDateTime(open.requestedAt) }) : undefined}
      />
      <Table<Defect>
        className="app-block"
        size="small"
        bordered
        pagination={false}
        rowKey={(_d, i) => String(i)}
        dataSource={defects}
        data-testid="correction-defects"
        columns={[
          { title: '#', key: 'i', width: 48, align: 'center', render: (_v, _d, i) => i + 1 },
          { title: t('applicationsHall.correction.defectTarget'), key: 'target', width: '35%', render: (_v, d) => <strong>{targetLabel(d.target)}</strong> },
          { title: t('applicationsHall.correction.defectReason'), key: 'reason', dataIndex: 'reason' },
        ]}
      />

      {def && (
        <>
          <Typography.Title level={5} className="app-sub-title">
            {t('applicationsHall.correction.formTitle')}
          </Typography.Title>
          <SchemaForm ref={formRef} definition={def} value={form} onChange={setForm} prefill={prefill} errors={formErrors} lang={lang} />
        </>
      )}

      <Typography.Title level={5} className="app-sub-title">
        {t('applicationsHall.correction.materialsTitle')}
      </Typography.Title>
      <MaterialsEditor
        materials={materials}
        value={mats}
        onChange={changeMaterial}
        errors={matErrors}
        defects={grouped.byMaterial}
        onUploadingChange={setUploadingKey}
        previewUrl={previewUrl}
        csrf={me.csrfToken}
        usable={held}
        holder={{ kind: detail.case.applicantKind === 'enterprise' ? 'enterprise' : 'person', name: detail.case.applicantName }}
      />

      {error ? <AppErrorAlert error={error} testId="correction-error" /> : null}
      <div className="app-correction-actions">
        <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} disabled={uploading.size > 0} onClick={() => void submit()} data-testid="correction-submit">
          {t('applicationsHall.correction.submit')}
        </Button>
      </div>
    </Card>
  );
}
