import { useState } from 'react';
import { FilterButtons } from '../../components/FilterButtons';
import { App, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Department, type Page } from '../../api';
import { hasRole, useMe } from '../../auth';
import { currentLang, errorText, label } from '../../i18n';
import { DEPARTMENT_PHONE_PATTERN, USCC_PATTERN, isValidUscc } from '../../lib/codes';
import { applyFieldErrors, validated } from '../../lib/forms';
import { useLoadMore } from '../../lib/cursor';
import { regionPath, useRegions } from '../../lib/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { LoadMore } from '../../components/Pager';
import { KindSelect, RegionTreeSelect } from './pickers';

interface Filters {
  within?: string;
  kind?: string;
  q?: string;
  includeInactive?: boolean;
}

interface DeptValues {
  uscc: string;
  name: string;
  nameEn?: string;
  shortName?: string;
  kind: string;
  regionCode: string;
  phone: string;
  address: string;
  active?: boolean;
}

const FORM_FIELDS = ['uscc', 'name', 'nameEn', 'shortName', 'kind', 'regionCode', 'phone', 'address', 'active'];

/** 部门管理: search departments; platform admins add and edit any, department admins edit their own contacts. */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const regions = useRegions();
  const lang = currentLang();
  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<DeptValues>();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  const list = useLoadMore<Department>(
    (cursor, signal) =>
      api.get<Page<Department>>(
        '/api/v1/org/departments',
        { within: filters.within, kind: filters.kind, q: filters.q?.trim() || undefined, includeInactive: filters.includeInactive || undefined, limit: 20, cursor: cursor ?? undefined },
        { signal },
      ),
    [filters],
  );

  const canEdit = (d: Department) => isPlatformAdmin || (hasRole(me, 'department_admin') && me.department?.id === d.id);

  function openCreate() {
    form.resetFields();
    setEditing('new');
  }

  function openEdit(d: Department) {
    form.resetFields();
    form.setFieldsValue({ ...d, nameEn: d.nameEn ?? '', shortName: d.shortName ?? '' });
    setEditing(d);
  }

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      if (editing === 'new') {
        const created = await api.post<Department>('/api/v1/org/departments', {
          uscc: v.uscc.trim().toUpperCase(),
          name: v.name.trim(),
          ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}),
          ...(v.shortName?.trim() ? { shortName: v.shortName.trim() } : {}),
          kind: v.kind,
          regionCode: v.regionCode,
          phone: v.phone.trim(),
          address: v.address.trim(),
        });
        message.success(t('departments.created', { name: created.name }));
        list.setItems((old) => [created, ...old]);
      } else if (editing) {
        const before = editing;
        const patch: Record<string, unknown> = {};
        const put = (k: 'name' | 'nameEn' | 'shortName' | 'phone' | 'address', value: string | undefined) => {
          const nv = (value ?? '').trim();
          if (nv !== (before[k] ?? '')) patch[k] = nv;
        };
        if (isPlatformAdmin) put('name', v.name);
        put('nameEn', v.nameEn);
        put('shortName', v.shortName);
        put('phone', v.phone);
        put('address', v.address);
        if (isPlatformAdmin && v.active !== undefined && v.active !== before.active) patch.active = v.active;
        if (Object.keys(patch).length) {
          const updated = await api.patch<Department>(`/api/v1/org/departments/${before.id}`, patch);
          list.setItems((old) => old.map((d) => (d.id === updated.id ? updated : d)));
        }
        message.success(t('departments.updated'));
      }
      setEditing(null);
    } catch (err) {
      if (!applyFieldErrors(form, err, FORM_FIELDS)) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const isNew = editing === 'new';
  const ownOnly = !isNew && !isPlatformAdmin;

  return (
    <>
      <PageHead
        title={t('departments.title')}
        intro={t('departments.intro')}
        testId="departments-title"
        extra={
          isPlatformAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={openCreate} data-testid="dept-create-button">
              {t('departments.create')}
            </Button>
          )
        }
      />
      <Card>
        <Form<Filters>
          form={filterForm}
          className="tb-filter-bar"
          layout="vertical"
          onFinish={(v) => setFilters({ ...v })}
        >
          <Row gutter={12} align="bottom">
            <Col xs={24} md={7}>
              <Form.Item name="within" label={t('departments.regionFilter')}>
                <RegionTreeSelect allowClear placeholder={t('common.all')} testId="dept-filter-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="kind" label={t('departments.kind')}>
                <KindSelect allowClear placeholder={t('common.all')} testId="dept-filter-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item name="q" label={t('departments.q')}>
                <Input allowClear placeholder={t('departments.qPlaceholder')} maxLength={50} data-testid="dept-filter-q" />
              </Form.Item>
            </Col>
            <Col xs={24} md={{ flex: 'auto' }}>
              <Form.Item>
                <Space wrap>
                  {isPlatformAdmin && (
                    <Form.Item name="includeInactive" valuePropName="checked" noStyle>
                      <Checkbox>{t('departments.includeInactive')}</Checkbox>
                    </Form.Item>
                  )}
                  <FilterButtons submitTestId="dept-filter-submit" onReset={() => { filterForm.resetFields(); setFilters({}); }} />
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {!isPlatformAdmin && <Typography.Paragraph type="secondary">{t('departments.ownOnlyHint')}</Typography.Paragraph>}
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<Department>
          data-testid="dept-table"
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1100 }}
          size="middle"
          columns={[
            {
              title: t('departments.name'),
              dataIndex: 'name',
              width: 260,
              render: (_, d) => (
                <div>
                  <Typography.Text strong>{lang === 'en' && d.nameEn ? d.nameEn : d.name}</Typography.Text>
                  {me.department?.id === d.id && (
                    <Tag color="gold" style={{ marginInlineStart: 6 }}>
                      {t('departments.own')}
                    </Tag>
                  )}
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    {[d.shortName, lang === 'en' && d.nameEn ? d.name : null].filter(Boolean).join(' · ')}
                  </div>
                </div>
              ),
            },
            { title: t('departments.kind'), dataIndex: 'kind', width: 170, render: (k: string) => <Tag color="geekblue" style={{ whiteSpace: 'normal' }}>{label('kinds', k)}</Tag> },
            { title: t('departments.region'), dataIndex: 'regionCode', width: 170, render: (c: string, d) => regionPath(c, regions.byCode, lang) || d.regionName },
            { title: t('departments.phone'), dataIndex: 'phone', width: 140, render: (v: string) => <span className="tb-mono">{v}</span> },
            { title: t('departments.address'), dataIndex: 'address', ellipsis: { showTitle: true } },
            { title: t('departments.active'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_, d) =>
                canEdit(d) && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => openEdit(d)} data-testid={`dept-edit-${d.id}`}>
                    {t('common.edit')}
                  </Button>
                ),
            },
          ]}
        />
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={() => void list.loadMore()} count={list.items.length} />
      </Card>

      <Modal
        title={isNew ? t('departments.createTitle') : t('departments.editTitle')}
        open={editing !== null}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={busy}
        okText={isNew ? t('common.submit') : t('common.save')}
        okButtonProps={{ 'data-testid': 'dept-form-submit' } as Record<string, string>}
        cancelText={t('common.cancel')}
        destroyOnHidden
        width={680}
      >
        {ownOnly && <Typography.Paragraph type="secondary">{t('departments.ownOnlyHint')}</Typography.Paragraph>}
        <Form<DeptValues> form={form} layout="vertical" preserve={false}>
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item
                name="uscc"
                label={t('departments.uscc')}
                normalize={(v: string) => v?.toUpperCase()}
                rules={
                  isNew
                    ? [
                        { required: true, message: t('validation.required', { field: t('departments.uscc') }) },
                        { pattern: USCC_PATTERN, message: t('validation.uscc') },
                        {
                          validator: async (_, v: string) => {
                            if (v && USCC_PATTERN.test(v) && !isValidUscc(v)) throw new Error(t('validation.usccCheck'));
                          },
                        },
                      ]
                    : []
                }
              >
                <Input maxLength={18} className="tb-mono" disabled={!isNew} data-testid="dept-form-uscc" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('departments.name') }) }, { min: 2, message: t('validation.minLength', { min: 2 }) }, { max: 60, message: t('validation.maxLength', { max: 60 }) }]}>
                <Input maxLength={60} disabled={ownOnly} data-testid="dept-form-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="shortName" label={t('common.optionalLabel', { field: t('departments.shortName') })} rules={[{ max: 30, message: t('validation.maxLength', { max: 30 }) }]}>
                <Input maxLength={30} data-testid="dept-form-short-name" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="nameEn" label={t('common.optionalLabel', { field: t('departments.nameEn') })} rules={[{ max: 120, message: t('validation.maxLength', { max: 120 }) }]}>
                <Input maxLength={120} data-testid="dept-form-name-en" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('departments.kind')} rules={isNew ? [{ required: true, message: t('validation.select', { field: t('departments.kind') }) }] : []}>
                {isNew ? <KindSelect testId="dept-form-kind" /> : <KindReadOnly />}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="regionCode" label={t('departments.region')} rules={isNew ? [{ required: true, message: t('validation.select', { field: t('departments.region') }) }] : []}>
                <RegionTreeSelect testId="dept-form-region" disabled={!isNew} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="phone"
                label={t('departments.phone')}
                extra={t('departments.phoneHint')}
                rules={[{ required: true, message: t('validation.required', { field: t('departments.phone') }) }, { pattern: DEPARTMENT_PHONE_PATTERN, message: t('validation.phone') }]}
              >
                <Input maxLength={20} data-testid="dept-form-phone" />
              </Form.Item>
            </Col>
            {!isNew && isPlatformAdmin && (
              <Col xs={24} md={12}>
                <Form.Item name="active" label={t('departments.activeSwitch')} valuePropName="checked">
                  <Switch data-testid="dept-form-active" />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="address" label={t('departments.address')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('departments.address') }) }, { min: 4, message: t('validation.minLength', { min: 4 }) }, { max: 120, message: t('validation.maxLength', { max: 120 }) }]}>
                <Input maxLength={120} data-testid="dept-form-address" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}

function KindReadOnly({ value }: { value?: string }) {
  return <Input value={value ? label('kinds', value) : ''} disabled />;
}
