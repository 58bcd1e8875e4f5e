import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Typography, type FormInstance } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, fetchAll, type Department } from '../../api';
import { hasRole, useMe } from '../../auth';
import { currentLang, reasonText } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { FIELD_TYPES, LEVELS, licencesApi, typePath, type HolderKind, type LicenceField, type LicenceType, type LicenceTypeBody, type ValidityRule } from './api';
import { canDefineType } from './TypeDetailPage';
import { LevelTag, LicenceErrorAlert } from './ui';
import './licences.css';

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  holderKind: HolderKind;
  definingDepartmentId: string;
  definingAuthority?: string;
  description?: string;
  issuerDepartmentIds: string[];
  validityMode: ValidityRule['mode'];
  years?: number;
  maxYears?: number;
  status: 'active' | 'retired';
  fields: LicenceField[];
}

const opt = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

function toValues(t: LicenceType): Values {
  return {
    code: t.code,
    name: t.name,
    nameEn: t.nameEn ?? undefined,
    holderKind: t.holderKind,
    definingDepartmentId: t.definingDepartment.id,
    definingAuthority: t.definingAuthority ?? undefined,
    description: t.description ?? undefined,
    issuerDepartmentIds: t.issuers.map((i) => i.id),
    validityMode: t.validity.mode,
    years: t.validity.years,
    maxYears: t.validity.maxYears,
    status: t.status,
    fields: t.fields,
  };
}

function toBody(v: Values): Omit<LicenceTypeBody, 'code'> {
  const validity: ValidityRule = { mode: v.validityMode };
  if (v.validityMode === 'years') validity.years = v.years;
  if (v.validityMode === 'specified' && v.maxYears) validity.maxYears = v.maxYears;
  return {
    name: v.name.trim(),
    nameEn: opt(v.nameEn),
    holderKind: v.holderKind,
    definingDepartmentId: v.definingDepartmentId,
    definingAuthority: opt(v.definingAuthority),
    description: opt(v.description),
    issuerDepartmentIds: v.issuerDepartmentIds,
    fields: v.fields.map((f) => ({
      key: f.key.trim(),
      name: f.name.trim(),
      ...(opt(f.nameEn) ? { nameEn: opt(f.nameEn) } : {}),
      type: f.type,
      required: !!f.required,
      level: f.level,
      ...(f.type === 'string' && f.maxLength ? { maxLength: f.maxLength } : {}),
    })),
    validity,
    status: v.status,
  };
}

/** The server's field problems (`fields.0.key`, `/fields/0/key`) on the form's fields. */
function applyProblems(form: FormInstance<Values>, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const map: Record<string, string> = { validity: 'validityMode', 'validity.years': 'years', 'validity.maxYears': 'maxYears' };
  const entries: Array<{ name: (string | number)[]; errors: string[] }> = [];
  for (const p of err.fieldProblems) {
    const path = p.field.replace(/^\//, '').replace(/\//g, '.');
    const mapped = map[path] ?? path;
    const name = mapped.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (name[0] === 'issuerDepartmentIds') name.splice(1);
    entries.push({ name, errors: [reasonText(p.reason)] });
  }
  if (!entries.length) return false;
  form.setFields(entries as Parameters<FormInstance<Values>['setFields']>[0]);
  return true;
}

function useDepartmentOptions() {
  const depts = useAsync(() => fetchAll<Department>('/api/v1/org/departments'), []);
  const lang = currentLang();
  const options = useMemo(
    () =>
      [...(depts.data ?? [])]
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name))
        .map((d) => ({ value: d.id, label: lang === 'en' && d.nameEn ? d.nameEn : d.name })),
    [depts.data, lang],
  );
  return { options, loading: depts.loading };
}

/** The form of a licence type (new or edit); fields edited as rows with their classification level. */
function EditorBody({ depts, mode, rule, isNew }: { depts: ReturnType<typeof useDepartmentOptions>; mode: ValidityRule['mode'] | undefined; rule: (f: string) => object; isNew: boolean }) {
  const { t } = useTranslation();
  const filter = { showSearch: { optionFilterProp: 'label' as const } };
  return (
    <>
      <Card title={t('licences.typeDetail.basics')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('licences.typeEditor.code')}
              extra={t('licences.typeEditor.codeHint')}
              rules={[rule(t('licences.typeEditor.code')), { pattern: /^[0-9A-Z]{21}$/, message: t('licences.typeEditor.codePattern') }]}
            >
              <Input className="tb-mono" maxLength={21} disabled={!isNew} data-testid="type-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="holderKind" label={t('licences.typeEditor.holderKind')} rules={[{ required: true }]}>
              <Select options={(['person', 'enterprise'] as const).map((k) => ({ value: k, label: t(`licences.holderKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('licences.typeEditor.name')} rules={[rule(t('licences.typeEditor.name')), { min: 2, max: 60 }]}>
              <Input maxLength={60} data-testid="type-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('licences.typeEditor.nameEn')} rules={[{ max: 120 }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="definingDepartmentId" label={t('licences.typeEditor.definingDepartment')} rules={[{ required: true, message: t('licences.typeEditor.required', { field: t('licences.typeEditor.definingDepartment') }) }]}>
              <Select options={depts.options} loading={depts.loading} {...filter} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="definingAuthority" label={t('licences.typeEditor.definingAuthority')} rules={[{ max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('licences.typeEditor.description')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="issuerDepartmentIds"
              label={t('licences.typeEditor.issuers')}
              extra={t('licences.typeEditor.issuersHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('licences.typeEditor.required', { field: t('licences.typeEditor.issuers') }) }]}
            >
              <Select mode="multiple" options={depts.options} loading={depts.loading} {...filter} maxTagCount="responsive" data-testid="type-issuers" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="validityMode" label={t('licences.typeEditor.validityMode')} rules={[{ required: true }]}>
              <Select options={(['years', 'permanent', 'specified'] as const).map((m) => ({ value: m, label: t(`licences.typeEditor.validityModes.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {mode === 'years' && (
              <Form.Item name="years" label={t('licences.typeEditor.years')} rules={[{ required: true, message: t('licences.typeEditor.required', { field: t('licences.typeEditor.years') }) }]}>
                <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
            {mode === 'specified' && (
              <Form.Item name="maxYears" label={t('licences.typeEditor.maxYears')}>
                <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('licences.typeEditor.status')}>
              <Select
                options={[
                  { value: 'active', label: t('licences.types.active') },
                  { value: 'retired', label: t('licences.types.retired') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('licences.typeEditor.fields')} size="small" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('licences.typeEditor.fieldsHint')}</Typography.Text>}>
        <div className="lic-field-row lic-field-head">
          <span>{t('licences.typeEditor.fieldKey')}</span>
          <span>{t('licences.typeEditor.fieldName')}</span>
          <span>{t('licences.typeEditor.fieldNameEn')}</span>
          <span>{t('licences.typeEditor.fieldType')}</span>
          <span>{t('licences.typeEditor.fieldRequired')}</span>
          <span>{t('licences.typeEditor.fieldLevel')}</span>
          <span>{t('licences.typeEditor.fieldMaxLength')}</span>
          <span />
        </div>
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <div className="lic-field-list" data-testid="type-fields">
              {rows.map((r) => (
                <div className="lic-field-row" key={r.key} data-testid="type-field-row">
                  <Form.Item name={[r.name, 'key']} rules={[rule(t('licences.typeEditor.fieldKey')), { pattern: /^[a-z][a-zA-Z0-9]{0,39}$/, message: t('licences.typeEditor.fieldKeyPattern') }]}>
                    <Input className="tb-mono" maxLength={40} placeholder="fieldKey" />
                  </Form.Item>
                  <Form.Item name={[r.name, 'name']} rules={[rule(t('licences.typeEditor.fieldName')), { max: 40 }]}>
                    <Input maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[r.name, 'nameEn']} rules={[{ max: 80 }]}>
                    <Input maxLength={80} />
                  </Form.Item>
                  <Form.Item name={[r.name, 'type']}>
                    <Select options={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`licences.fieldTypes.${ft}`) }))} />
                  </Form.Item>
                  <Form.Item name={[r.name, 'required']} valuePropName="checked">
                    <Checkbox />
                  </Form.Item>
                  <Form.Item name={[r.name, 'level']}>
                    <Select options={LEVELS.map((l) => ({ value: l, label: <LevelTag level={l} short /> }))} optionLabelProp="label" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['fields', r.name, 'type']) === 'string' ? (
                        <Form.Item name={[r.name, 'maxLength']}>
                          <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      ) : (
                        <span className="tb-muted" style={{ lineHeight: '32px' }}>
                          —
                        </span>
                      )
                    }
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(r.name)} aria-label={t('licences.typeEditor.removeField')} disabled={rows.length <= 1} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', type: 'string', required: true, level: 'L3' })} style={{ marginTop: 12 }} block data-testid="type-add-field">
                {t('licences.typeEditor.addField')}
              </Button>
            </div>
          )}
        </Form.List>
      </Card>
    </>
  );
}

/** 新增/编辑证照类型. */
export default function TypeEditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { code } = useParams();
  const isNew = !code;
  const type = useAsync((signal) => licencesApi.type(code!, signal), [code], !isNew);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const depts = useDepartmentOptions();
  const mode = Form.useWatch('validityMode', form);
  const rule = (field: string) => ({ required: true, whitespace: true, message: t('licences.typeEditor.required', { field }) });

  const initial: Values | null = isNew
    ? {
        code: '',
        name: '',
        holderKind: 'person',
        definingDepartmentId: me.department?.id ?? '',
        issuerDepartmentIds: me.department ? [me.department.id] : [],
        validityMode: 'permanent',
        status: 'active',
        fields: [{ key: '', name: '', type: 'string', required: true, level: 'L3' }],
      }
    : type.data
      ? toValues(type.data)
      : null;

  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type.data, isNew]);

  const allowed = isNew ? hasRole(me, 'platform_admin', 'department_admin') : type.data ? canDefineType(me, type.data) : true;
  const conflict = error instanceof ApiError && error.code === 'licenses.type_changed';

  async function save() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = isNew ? await licencesApi.createType({ code: v.code.trim(), ...toBody(v) }) : await licencesApi.updateType(code!, { ...toBody(v), expectedVersion: type.data!.version });
      message.success(isNew ? t('licences.typeEditor.created') : t('licences.typeEditor.saved'));
      navigate(typePath(saved.code));
    } catch (err) {
      applyProblems(form, err);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const back = isNew ? '/admin/licences/types' : typePath(code!);
  return (
    <>
      <PageHead
        title={isNew ? t('licences.typeEditor.newTitle') : t('licences.typeEditor.editTitle', { name: type.data?.name ?? code })}
        intro={
          <Link to={back}>
            <ArrowLeftOutlined /> {isNew ? t('licences.typeDetail.back') : t('licences.common.back')}
          </Link>
        }
        testId="licence-type-edit-title"
        extra={
          allowed &&
          initial && (
            <Space>
              <Button onClick={() => navigate(back)}>{t('licences.typeEditor.cancel')}</Button>
              <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="type-save">
                {t('licences.typeEditor.save')}
              </Button>
            </Space>
          )
        }
      />
      {!allowed ? (
        <Result status="403" title={t('licences.typeEditor.noRight')} />
      ) : type.error ? (
        <LicenceErrorAlert error={type.error} onRetry={type.reload} />
      ) : !initial ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          {conflict ? (
            <Alert
              type="warning"
              showIcon
              title={t('licences.typeEditor.conflict')}
              style={{ marginBottom: 16 }}
              action={
                <Button size="small" icon={<ReloadOutlined />} onClick={() => { setError(null); type.reload(); }}>
                  {t('licences.typeEditor.reloadType')}
                </Button>
              }
            />
          ) : (
            <LicenceErrorAlert error={error} />
          )}
          <Form<Values> form={form} layout="vertical" initialValues={initial} data-testid="licence-type-form">
            <EditorBody depts={depts} mode={mode} rule={rule} isNew={isNew} />
          </Form>
        </>
      )}
    </>
  );
}

