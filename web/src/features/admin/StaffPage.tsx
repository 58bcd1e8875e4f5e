import { useState } from 'react';
import { FilterButtons } from '../../components/FilterButtons';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, STAFF_ROLES, type Page, type StaffMember, type StaffRole } from '../../api';
import { hasRole, useMe } from '../../auth';
import { errorText, label } from '../../i18n';
import { ID_NUMBER_PATTERN, PERSON_PHONE_PATTERN, USERNAME_PATTERN, isValidCitizenId, passwordProblems } from '../../lib/codes';
import { fmtDateTime } from '../../lib/format';
import { applyFieldErrors, validated } from '../../lib/forms';
import { useLoadMore } from '../../lib/cursor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { LoadMore } from '../../components/Pager';
import { RoleTags } from '../../components/RoleTags';
import { DepartmentSelect } from './pickers';

interface Filters {
  departmentId?: string;
  q?: string;
}

interface CreateValues {
  username: string;
  displayName: string;
  departmentId: string;
  roles: StaffRole[];
  initialPassword: string;
  idNumber?: string;
  phone?: string;
}

interface EditValues {
  displayName: string;
  roles: StaffRole[];
  active: boolean;
}

const DEPARTMENT_GRANTABLE: StaffRole[] = ['window_officer', 'reviewer', 'department_admin'];

const isLocked = (s: StaffMember) => !!s.lockedUntil && new Date(s.lockedUntil).getTime() > Date.now();

/** 人员管理: staff accounts and roles. Platform admins: everyone; department admins: their department; auditors: read-only. */
export default function StaffPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const canManage = hasRole(me, 'platform_admin', 'department_admin');
  const ownDepartmentOnly = !isPlatformAdmin && !hasRole(me, 'auditor');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>(ownDepartmentOnly && me.department ? { departmentId: me.department.id } : {});
  const [createForm] = Form.useForm<CreateValues>();
  const [editForm] = Form.useForm<EditValues>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [busy, setBusy] = useState(false);

  const list = useLoadMore<StaffMember>(
    (cursor, signal) =>
      api.get<Page<StaffMember>>('/api/v1/identity/staff', { departmentId: filters.departmentId, q: filters.q?.trim() || undefined, limit: 20, cursor: cursor ?? undefined }, { signal }),
    [filters],
  );

  const roleOptions = STAFF_ROLES.filter((r) => isPlatformAdmin || DEPARTMENT_GRANTABLE.includes(r)).map((r) => ({ value: r, label: label('roles', r) }));
  const canManageRow = (s: StaffMember) => isPlatformAdmin || (hasRole(me, 'department_admin') && s.departmentId === me.department?.id);

  async function create() {
    const v = await validated(createForm);
    if (!v) return;
    setBusy(true);
    try {
      const created = await api.post<StaffMember>('/api/v1/identity/staff', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        departmentId: v.departmentId,
        roles: v.roles,
        initialPassword: v.initialPassword,
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      });
      message.success(t('staff.created', { name: created.displayName }));
      list.setItems((old) => [created, ...old]);
      setCreating(false);
    } catch (err) {
      if (!applyFieldErrors(createForm, err, ['username', 'displayName', 'departmentId', 'roles', 'initialPassword', 'idNumber', 'phone'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function update() {
    if (!editing) return;
    const v = await validated(editForm);
    if (!v) return;
    const patch: Record<string, unknown> = {};
    if (v.displayName.trim() !== editing.displayName) patch.displayName = v.displayName.trim();
    if ([...v.roles].sort().join() !== [...editing.roles].sort().join()) patch.roles = v.roles;
    if (v.active !== editing.active) patch.active = v.active;
    if (!Object.keys(patch).length) {
      setEditing(null);
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/api/v1/identity/staff/${editing.id}`, patch);
      list.setItems((old) => old.map((s) => (s.id === editing.id ? { ...s, displayName: v.displayName.trim(), roles: v.roles, active: v.active } : s)));
      message.success(t('staff.updated'));
      setEditing(null);
    } catch (err) {
      if (!applyFieldErrors(editForm, err, ['displayName', 'roles', 'active'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function unlock(s: StaffMember) {
    try {
      await api.patch(`/api/v1/identity/staff/${s.id}`, { unlock: true });
      list.setItems((old) => old.map((x) => (x.id === s.id ? { ...x, lockedUntil: null } : x)));
      message.success(t('staff.unlocked'));
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <>
      <PageHead
        title={t('staff.title')}
        intro={t('staff.intro')}
        testId="staff-title"
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="staff-create-button"
              onClick={() => {
                createForm.resetFields();
                if (!isPlatformAdmin && me.department) createForm.setFieldsValue({ departmentId: me.department.id });
                setCreating(true);
              }}
            >
              {t('staff.create')}
            </Button>
          )
        }
      />
      <Card>
        {!canManage && <Alert type="info" showIcon title={t('staff.readOnlyHint')} style={{ marginBottom: 12 }} />}
        <Form<Filters> form={filterForm} layout="vertical" className="tb-filter-bar" initialValues={filters} onFinish={(v) => setFilters(ownDepartmentOnly && me.department ? { ...v, departmentId: me.department.id } : { ...v })}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={9}>
              <Form.Item name="departmentId" label={t('staff.departmentFilter')}>
                <DepartmentSelect allowClear={!ownDepartmentOnly} disabled={ownDepartmentOnly} placeholder={t('common.all')} initial={me.department ? [{ id: me.department.id, name: me.department.name }] : []} testId="staff-filter-department" />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="q" label={t('staff.q')}>
                <Input allowClear placeholder={t('staff.qPlaceholder')} maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item>
                <FilterButtons
                  onReset={() => {
                    filterForm.resetFields();
                    const base = ownDepartmentOnly && me.department ? { departmentId: me.department.id } : {};
                    filterForm.setFieldsValue(base);
                    setFilters(base);
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<StaffMember>
          data-testid="staff-table"
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1120 }}
          size="middle"
          columns={[
            { title: t('staff.displayName'), dataIndex: 'displayName', width: 100, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('staff.username'), dataIndex: 'username', width: 140, render: (v: string) => <span className="tb-mono">{v}</span> },
            { title: t('staff.department'), dataIndex: 'departmentName', width: 240 },
            { title: t('staff.roles'), dataIndex: 'roles', width: 200, render: (r: string[]) => <RoleTags roles={r} /> },
            { title: t('staff.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? t('common.none') },
            {
              title: t('staff.active'),
              key: 'status',
              width: 130,
              render: (_, s) => (
                <Space size={4} wrap>
                  {s.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
                  {isLocked(s) && (
                    <Tooltip title={t('staff.lockedUntil', { time: fmtDateTime(s.lockedUntil) })}>
                      <Tag color="red" icon={<LockOutlined />}>
                        {t('staff.locked')}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 180,
              fixed: 'right',
              render: (_, s) =>
                canManageRow(s) ? (
                  <Space size={4}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => {
                        editForm.setFieldsValue({ displayName: s.displayName, roles: s.roles as StaffRole[], active: s.active });
                        setEditing(s);
                      }}
                    >
                      {t('common.edit')}
                    </Button>
                    {isLocked(s) && (
                      <Button size="small" icon={<UnlockOutlined />} onClick={() => void unlock(s)}>
                        {t('staff.unlock')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('common.readOnly')}</Typography.Text>
                ),
            },
          ]}
        />
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={() => void list.loadMore()} count={list.items.length} />
      </Card>

      <Modal title={t('staff.createTitle')} open={creating} onOk={() => void create()} onCancel={() => setCreating(false)} confirmLoading={busy} okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden width={640}>
        <Form<CreateValues> form={createForm} layout="vertical" preserve={false}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="username" label={t('staff.username')} extra={t('staff.usernameHint')} rules={[{ required: true, message: t('validation.required', { field: t('staff.username') }) }, { pattern: USERNAME_PATTERN, message: t('validation.username') }]}>
                <Input maxLength={32} autoComplete="off" className="tb-mono" data-testid="staff-form-username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label={t('staff.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('staff.displayName') }) }, { max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
                <Input maxLength={40} data-testid="staff-form-name" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="departmentId" label={t('staff.department')} rules={[{ required: true, message: t('validation.select', { field: t('staff.department') }) }]}>
                <DepartmentSelect disabled={!isPlatformAdmin} initial={me.department ? [{ id: me.department.id, name: me.department.name }] : []} testId="staff-form-department" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="roles" label={t('staff.roles')} extra={!isPlatformAdmin ? t('staff.departmentAdminRolesHint') : undefined} rules={[{ required: true, type: 'array', min: 1, message: t('validation.roles') }]}>
                <Select mode="multiple" options={roleOptions} data-testid="staff-form-roles" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="initialPassword"
                label={t('staff.initialPassword')}
                extra={t('staff.passwordHint')}
                dependencies={['username']}
                rules={[
                  { required: true, message: t('validation.required', { field: t('staff.initialPassword') }) },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: string) => {
                      if (!v) return;
                      const p = passwordProblems(v, getFieldValue('username'));
                      if (p.includes('length')) throw new Error(t('validation.passwordLength'));
                      if (p.includes('classes')) throw new Error(t('validation.passwordClasses'));
                      if (p.includes('username')) throw new Error(t('validation.passwordUsername'));
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="staff-form-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={t('common.optionalLabel', { field: t('staff.phone') })} rules={[{ pattern: PERSON_PHONE_PATTERN, message: t('validation.mobileOrLandline') }]}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="idNumber"
                label={t('common.optionalLabel', { field: t('staff.idNumber') })}
                rules={[
                  { pattern: ID_NUMBER_PATTERN, message: t('validation.idNumber') },
                  {
                    validator: async (_, v: string) => {
                      if (v && ID_NUMBER_PATTERN.test(v) && !isValidCitizenId(v)) throw new Error(t('validation.idNumberCheck'));
                    },
                  },
                ]}
              >
                <Input maxLength={18} className="tb-mono" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>

      <Modal title={t('staff.editTitle')} open={!!editing} onOk={() => void update()} onCancel={() => setEditing(null)} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        {editing && (
          <Typography.Paragraph type="secondary">
            <span className="tb-mono">{editing.username}</span> · {editing.departmentName}
          </Typography.Paragraph>
        )}
        <Form<EditValues> form={editForm} layout="vertical" preserve={false}>
          <Form.Item name="displayName" label={t('staff.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('staff.displayName') }) }, { max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="roles" label={t('staff.roles')} extra={!isPlatformAdmin ? t('staff.departmentAdminRolesHint') : undefined} rules={[{ required: true, type: 'array', min: 1, message: t('validation.roles') }]}>
            <Select mode="multiple" options={isPlatformAdmin ? roleOptions : [...roleOptions, ...(editing?.roles ?? []).filter((r) => !DEPARTMENT_GRANTABLE.includes(r as StaffRole)).map((r) => ({ value: r as StaffRole, label: label('roles', r), disabled: true }))]} />
          </Form.Item>
          <Form.Item name="active" label={t('staff.activeSwitch')} valuePropName="checked">
            <Switch disabled={editing?.id === me.id} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
