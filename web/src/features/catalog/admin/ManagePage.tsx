import { useState } from 'react';
import { FilterButtons } from '../../../components/FilterButtons';
import { App, Button, Card, Col, Dropdown, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, ExportOutlined, EyeOutlined, HistoryOutlined, MoreOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api';
import { hasRole, useMe } from '../../../auth';
import { fmtDateTime } from '../../../lib/format';
import { useLoadMore } from '../../../lib/cursor';
import { validated } from '../../../lib/forms';
import { PageHead } from '../../../components/PageHead';
import { LoadMore } from '../../../components/Pager';
import { DepartmentSelect } from '../../admin/pickers';
import { catalogAdminApi, VERSION_STATUSES, type ItemSummary, type VersionStatus } from './adminApi';
import { BasicItemSelect } from './BasicItemSelect';
import { CatalogErrorAlert, catalogErrorText, DeptName, itemName, itemTypeName, RegionName, StatusTag, useVocab } from './ui';
import { editPath, historyPath, publicGuidePath, viewPath } from './paths';
import './catalog-admin.css';

interface Filters {
  status?: VersionStatus;
  q?: string;
  departmentId?: string;
}

/** 事项管理: the implementation items a department manages (all of them for a platform admin). */
export default function ManagePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const vocab = useVocab();
  const isPlatformAdmin = hasRole(me, 'platform_admin');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<ItemSummary | null>(null);
  const [retireForm] = Form.useForm<{ reason: string }>();
  const [retireBusy, setRetireBusy] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createForm] = Form.useForm<{ basicCode: string; departmentId: string }>();

  const list = useLoadMore<ItemSummary>(
    (cursor, signal) =>
      catalogAdminApi.manageItems(
        { status: filters.status, q: filters.q?.trim() || undefined, departmentId: isPlatformAdmin ? filters.departmentId : undefined, limit: 20, cursor: cursor ?? undefined },
        signal,
      ),
    [filters],
  );

  const canEdit = (i: ItemSummary) => isPlatformAdmin || i.department.id === me.department?.id;

  /** The open draft (or the version under review) if there is one; otherwise a new draft copied from the newest version. */
  async function edit(i: ItemSummary) {
    if (i.latestStatus === 'draft' || i.latestStatus === 'submitted') {
      navigate(editPath(i.id, i.latestVersion));
      return;
    }
    setBusyId(i.id);
    try {
      const d = await catalogAdminApi.newVersion(i.id);
      message.success(t('catalogAdmin.manage.newDraftCreated', { n: d.version.version }));
      navigate(editPath(i.id, d.version.version));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'catalog.open_draft_exists') {
        // someone opened a draft meanwhile: go to it
        const v = await catalogAdminApi.versions(i.id).catch(() => null);
        const open = v?.items.find((x) => x.status === 'draft' || x.status === 'submitted');
        if (open) {
          message.info(t('catalogAdmin.manage.openDraftExists'));
          navigate(editPath(i.id, open.version));
          return;
        }
      }
      message.error(catalogErrorText(err));
    } finally {
      setBusyId(null);
    }
  }

  async function retire() {
    if (!retiring) return;
    const v = await validated(retireForm);
    if (!v) return;
    setRetireBusy(true);
    try {
      const updated = await catalogAdminApi.retire(retiring.id, v.reason.trim());
      list.setItems((old) => old.map((x) => (x.id === updated.id ? { ...x, ...updated } : x)));
      message.success(t('catalogAdmin.manage.retired'));
      setRetiring(null);
    } catch (err) {
      message.error(catalogErrorText(err));
    } finally {
      setRetireBusy(false);
    }
  }

  async function startCreate() {
    const v = await validated(createForm);
    if (!v) return;
    setCreating(false);
    navigate(`/admin/catalog/items/new?basic=${encodeURIComponent(v.basicCode)}&department=${encodeURIComponent(v.departmentId)}`);
  }

  const canCreate = isPlatformAdmin || (hasRole(me, 'department_admin') && !!me.department);

  return (
    <>
      <PageHead
        title={t('catalogAdmin.manage.title')}
        intro={isPlatformAdmin ? t('catalogAdmin.manage.introPlatform') : t('catalogAdmin.manage.intro')}
        testId="catalog-manage-title"
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="catalog-create-button"
              onClick={() => {
                createForm.resetFields();
                if (!isPlatformAdmin && me.department) createForm.setFieldsValue({ departmentId: me.department.id });
                setCreating(true);
              }}
            >
              {t('catalogAdmin.manage.create')}
            </Button>
          )
        }
      />
      <Card>
        <Form<Filters> form={filterForm} layout="vertical" className="tb-filter-bar" onFinish={(v) => setFilters({ ...v })}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={5}>
              <Form.Item name="status" label={t('catalogAdmin.manage.status')}>
                <Select allowClear placeholder={t('common.all')} data-testid="catalog-filter-status" options={VERSION_STATUSES.map((s) => ({ value: s, label: t(`catalogAdmin.status.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={isPlatformAdmin ? 6 : 8}>
              <Form.Item name="q" label={t('catalogAdmin.manage.q')}>
                <Input allowClear placeholder={t('catalogAdmin.manage.qPlaceholder')} maxLength={50} data-testid="catalog-filter-q" />
              </Form.Item>
            </Col>
            {isPlatformAdmin && (
              <Col xs={24} md={7}>
                <Form.Item name="departmentId" label={t('catalogAdmin.manage.departmentFilter')}>
                  <DepartmentSelect allowClear placeholder={t('common.all')} testId="catalog-filter-department" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={{ flex: 'auto' }}>
              <Form.Item>
                <FilterButtons submitTestId="catalog-filter-submit" onReset={() => { filterForm.resetFields(); setFilters({}); }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <CatalogErrorAlert error={list.error} onRetry={list.reload} />
        <Table<ItemSummary>
          data-testid="catalog-manage-table"
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1040 }}
          size="middle"
          locale={{ emptyText: t('catalogAdmin.manage.empty') }}
          onRow={(i) => ({ 'data-item-id': i.id, 'data-item-name': i.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('catalogAdmin.manage.name'),
              dataIndex: 'name',
              width: 270,
              render: (_, i) => (
                <div>
                  <Typography.Link strong onClick={() => navigate(viewPath(i.id, i.publishedVersion ?? i.latestVersion))} data-testid={`catalog-name-${i.id}`}>
                    {itemName(i)}
                  </Typography.Link>
                  {i.retired && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {t('catalogAdmin.manage.retiredTag')}
                    </Tag>
                  )}
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    {itemTypeName(vocab.data, i.itemType)}
                  </div>
                  <Typography.Text className="tb-mono tb-muted" style={{ fontSize: 11 }} copyable={{ text: i.implementationCode, tooltips: [t('catalogAdmin.common.implementationCode'), '✓'] }}>
                    {i.implementationCode}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('catalogAdmin.common.department'),
              key: 'department',
              width: 176,
              render: (_, i) => (
                <div>
                  <div>
                    <DeptName dept={i.department} />
                  </div>
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    <RegionName code={i.regionCode} fallback={i.regionName} />
                  </div>
                </div>
              ),
            },
            {
              title: t('catalogAdmin.manage.published'),
              dataIndex: 'publishedVersion',
              width: 92,
              render: (v: number | null) => (v ? <Tag color="green">{t('catalogAdmin.common.vN', { n: v })}</Tag> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('catalogAdmin.manage.notPublished')}</Typography.Text>),
            },
            {
              title: t('catalogAdmin.manage.latest'),
              key: 'latest',
              width: 130,
              render: (_, i) => (
                <Space size={4}>
                  <span className="tb-mono">{t('catalogAdmin.common.vN', { n: i.latestVersion })}</span>
                  <StatusTag status={i.latestStatus} testId={`catalog-status-${i.id}`} />
                </Space>
              ),
            },
            { title: t('catalogAdmin.common.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <span style={{ fontSize: 13 }}>{fmtDateTime(v)}</span> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 232,
              fixed: 'right',
              render: (_, i) => (
                <Space size={0}>
                  {canEdit(i) && !i.retired ? (
                    <Button size="small" type="link" icon={<EditOutlined />} loading={busyId === i.id} onClick={() => void edit(i)} data-testid={`catalog-edit-${i.id}`}>
                      {i.latestStatus === 'draft' ? t('catalogAdmin.manage.continueEdit') : i.latestStatus === 'submitted' ? t('catalogAdmin.manage.openSubmitted') : t('catalogAdmin.manage.edit')}
                    </Button>
                  ) : (
                    <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => navigate(viewPath(i.id, i.publishedVersion ?? i.latestVersion))} data-testid={`catalog-view-${i.id}`}>
                      {t('catalogAdmin.manage.view')}
                    </Button>
                  )}
                  <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => navigate(historyPath(i.id))} data-testid={`catalog-history-${i.id}`}>
                    {t('catalogAdmin.manage.history')}
                  </Button>
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        ...(canEdit(i) && !i.retired ? [{ key: 'view', icon: <EyeOutlined />, label: t('catalogAdmin.manage.view'), 'data-testid': `catalog-view-${i.id}` }] : []),
                        ...(i.publishedVersion && !i.retired ? [{ key: 'public', icon: <ExportOutlined />, label: t('catalogAdmin.common.publicPage') }] : []),
                        ...(canEdit(i) && !i.retired ? [{ type: 'divider' as const }, { key: 'retire', icon: <StopOutlined />, danger: true, label: t('catalogAdmin.manage.retire'), 'data-testid': `catalog-retire-${i.id}` }] : []),
                      ],
                      onClick: ({ key }) => {
                        if (key === 'view') navigate(viewPath(i.id, i.publishedVersion ?? i.latestVersion));
                        if (key === 'public') window.open(publicGuidePath(i.id), '_blank', 'noopener');
                        if (key === 'retire') {
                          retireForm.resetFields();
                          setRetiring(i);
                        }
                      },
                    }}
                  >
                    <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('catalogAdmin.manage.more')} data-testid={`catalog-more-${i.id}`} />
                  </Dropdown>
                </Space>
              ),
            },
          ]}
        />
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={() => void list.loadMore()} count={list.items.length} />
      </Card>

      <Modal
        title={t('catalogAdmin.manage.retireTitle')}
        open={!!retiring}
        onOk={() => void retire()}
        onCancel={() => setRetiring(null)}
        confirmLoading={retireBusy}
        okText={t('catalogAdmin.manage.retire')}
        okButtonProps={{ danger: true, 'data-testid': 'catalog-retire-confirm' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('catalogAdmin.manage.retireIntro', { name: retiring ? itemName(retiring) : '' })}</Typography.Paragraph>
        <Form form={retireForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('catalogAdmin.manage.retireReason')}
            rules={[
              { required: true, whitespace: true, message: t('catalogAdmin.manage.retireReasonRequired') },
              { min: 2, message: t('catalogAdmin.manage.retireReasonRequired') },
              { max: 500, message: t('catalogAdmin.validation.maxLength', { max: 500 }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('catalogAdmin.manage.retireReasonPlaceholder')} data-testid="catalog-retire-reason" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={t('catalogAdmin.manage.createTitle')}
        open={creating}
        onOk={() => void startCreate()}
        onCancel={() => setCreating(false)}
        okText={t('catalogAdmin.manage.next')}
        okButtonProps={{ 'data-testid': 'catalog-create-next' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
        width={640}
      >
        <Typography.Paragraph type="secondary">{t('catalogAdmin.manage.createIntro')}</Typography.Paragraph>
        <Form form={createForm} layout="vertical" preserve={false}>
          <Form.Item name="basicCode" label={t('catalogAdmin.manage.basicItem')} rules={[{ required: true, message: t('catalogAdmin.manage.basicItemRequired') }]}>
            <BasicItemSelect testId="catalog-create-basic" placeholder={t('catalogAdmin.manage.basicItemPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="departmentId"
            label={t('catalogAdmin.manage.implementingDepartment')}
            extra={!isPlatformAdmin ? t('catalogAdmin.manage.ownDepartmentFixed') : undefined}
            rules={[{ required: true, message: t('catalogAdmin.manage.departmentRequired') }]}
          >
            <DepartmentSelect disabled={!isPlatformAdmin} initial={me.department ? [{ id: me.department.id, name: me.department.name }] : []} testId="catalog-create-department" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
