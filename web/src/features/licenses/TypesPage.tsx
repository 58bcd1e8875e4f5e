import { useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { hasRole, useMe } from '../../auth';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { licencesApi, typePath, type HolderKind, type TypeSummary } from './api';
import { LicenceErrorAlert, typeName, validityRuleText } from './ui';
import './licences.css';

interface Filters {
  q?: string;
  holderKind?: HolderKind;
}

/** 证照目录 (back office): the licence types, searchable; a row opens the type. */
export default function TypesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const types = useAsync((signal) => licencesApi.types({ q: filters.q, holderKind: filters.holderKind }, signal), [filters.q, filters.holderKind]);
  const canAdd = hasRole(me, 'platform_admin', 'department_admin');

  return (
    <>
      <PageHead
        title={t('licences.types.title')}
        intro={t('licences.types.intro')}
        testId="licence-types-title"
        extra={
          canAdd && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/licences/types/new')} data-testid="licence-type-add">
              {t('licences.types.add')}
            </Button>
          )
        }
      />
      <Form<Filters> form={form} layout="inline" className="tb-filter-bar" onFinish={(v) => setFilters({ q: v.q?.trim() || undefined, holderKind: v.holderKind })} style={{ rowGap: 8 }}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('licences.types.search')} style={{ width: 260 }} maxLength={60} data-testid="licence-types-search" />
        </Form.Item>
        <Form.Item name="holderKind" label={t('licences.types.holderKind')}>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('common.all')}
            options={(['person', 'enterprise'] as const).map((k) => ({ value: k, label: t(`licences.holderKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <LicenceErrorAlert error={types.error} title={t('licences.types.loadFailed')} onRetry={types.reload} />
      <Table<TypeSummary>
        data-testid="licence-types-table"
        rowKey="code"
        loading={types.loading}
        dataSource={types.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        size="middle"
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('licences.types.empty') }}
        onRow={(r) =>
          ({
            'data-testid': 'licence-type-row',
            'data-code': r.code,
            onClick: () => navigate(typePath(r.code)),
            style: { cursor: 'pointer' },
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('licences.types.name'),
            dataIndex: 'name',
            render: (_: string, r) => (
              <div>
                <Typography.Text strong>{typeName(r)}</Typography.Text>
                <div className="tb-mono tb-muted">{r.code}</div>
              </div>
            ),
          },
          { title: t('licences.types.holderKind'), dataIndex: 'holderKind', width: 140, render: (v: HolderKind) => t(`licences.holderKinds.${v}`) },
          {
            title: t('licences.types.definingDepartment'),
            key: 'def',
            width: 220,
            render: (_: unknown, r) => (
              <div>
                <div>{r.definingDepartment.name}</div>
                {r.definingAuthority && <div className="tb-muted" style={{ fontSize: 12 }}>{r.definingAuthority}</div>}
              </div>
            ),
          },
          { title: t('licences.types.issuers'), dataIndex: 'issuerCount', width: 90, align: 'right', render: (n: number) => t('licences.types.issuerCount', { n }) },
          { title: t('licences.types.fields'), dataIndex: 'fieldCount', width: 90, align: 'right', render: (n: number) => t('licences.types.fieldCount', { n }) },
          { title: t('licences.types.validity'), key: 'validity', width: 220, render: (_: unknown, r) => validityRuleText(r.validity) },
          {
            title: t('licences.types.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === 'active' ? 'success' : 'default'}>{s === 'active' ? t('licences.types.active') : t('licences.types.retired')}</Tag>,
          },
          { title: t('licences.types.version'), dataIndex: 'version', width: 70, align: 'right' },
        ]}
      />
    </>
  );
}
