import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, type Me } from '../../api';
import { hasRole, useMe } from '../../auth';
import { fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { PageHead } from '../../components/PageHead';
import { licencesApi, typePath, type ItemRef, type LicenceField, type LicenceType, type MaterialRef } from './api';
import { LevelTag, LicenceErrorAlert, msgs, typeName, validityRuleText } from './ui';
import './licences.css';
import { localItemName } from '../applications/names';
import { localDeptName } from '../../lib/departments';

/** Platform admins define any type; a department admin the types of their own department (licenses.policy canDefineType). */
export const canDefineType = (me: Me, t: Pick<LicenceType, 'definingDepartment'>): boolean =>
  hasRole(me, 'platform_admin') || (hasRole(me, 'department_admin') && me.department?.id === t.definingDepartment.id);

export function FieldsTable({ fields }: { fields: LicenceField[] }) {
  const { t } = useTranslation();
  return (
    <Table<LicenceField>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={fields}
      data-testid="licence-type-fields"
      columns={[
        { title: t('licences.typeDetail.fieldName'), dataIndex: 'name', render: (v: string, f) => <div><Typography.Text strong>{v}</Typography.Text>{f.nameEn && <div className="tb-muted" style={{ fontSize: 12 }}>{f.nameEn}</div>}</div> },
        { title: t('licences.typeDetail.fieldKey'), dataIndex: 'key', render: (v: string) => <span className="tb-mono">{v}</span> },
        { title: t('licences.typeDetail.fieldType'), dataIndex: 'type', width: 90, render: (v: LicenceField['type']) => t(`licences.fieldTypes.${v}`) },
        { title: t('licences.typeDetail.fieldRequired'), dataIndex: 'required', width: 70, render: (v: boolean) => (v ? t('licences.common.yes') : t('licences.common.no')) },
        { title: t('licences.typeDetail.fieldMaxLength'), dataIndex: 'maxLength', width: 90, align: 'right', render: (v?: number) => v ?? '—' },
        { title: t('licences.typeDetail.fieldLevel'), dataIndex: 'level', width: 130, render: (v: string) => <LevelTag level={v} /> },
      ]}
    />
  );
}

export function ItemsList({ items, empty }: { items: ItemRef[]; empty: string }) {
  const { t } = useTranslation();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Table<ItemRef>
      rowKey={(r) => r.itemId}
      size="small"
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
      dataSource={items}
      columns={[
        { title: t('licences.typeDetail.item'), dataIndex: 'itemName', render: (_: string, r) => <Link to={`/services/items/${encodeURIComponent(r.itemId)}`}>{localItemName(r)}</Link> },
        { title: t('licences.typeDetail.department'), dataIndex: 'departmentName', render: (_: string, r) => localDeptName({ name: r.departmentName, nameEn: r.departmentNameEn }) },
      ]}
    />
  );
}

export function MaterialsList({ items, empty }: { items: MaterialRef[]; empty: string }) {
  const { t } = useTranslation();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Table<MaterialRef>
      rowKey={(r) => `${r.itemId}:${r.materialKey}`}
      size="small"
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
      dataSource={items}
      columns={[
        { title: t('licences.typeDetail.material'), dataIndex: 'materialName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        { title: t('licences.typeDetail.item'), dataIndex: 'itemName', render: (_: string, r) => <Link to={`/services/items/${encodeURIComponent(r.itemId)}`}>{localItemName(r)}</Link> },
        { title: t('licences.typeDetail.department'), dataIndex: 'departmentName', render: (_: string, r) => localDeptName({ name: r.departmentName, nameEn: r.departmentNameEn }) },
      ]}
    />
  );
}

/** One licence type: fields with their levels, validity, issuers, the items that issue it and the materials it replaces. */
export default function TypeDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const type = useAsync((signal) => licencesApi.type(code, signal), [code]);
  const d = type.data;
  if (type.error instanceof ApiError && type.error.status === 404) {
    return <Result status="404" title={msgs().errors['licenses.type_not_found']} extra={<Link to="/admin/licences/types">{t('licences.typeDetail.back')}</Link>} />;
  }
  return (
    <>
      <PageHead
        title={d ? typeName(d) : t('licences.types.title')}
        intro={
          <Link to="/admin/licences/types">
            <ArrowLeftOutlined /> {t('licences.typeDetail.back')}
          </Link>
        }
        testId="licence-type-title"
        extra={
          d &&
          canDefineType(me, d) && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(typePath(d.code, true))} data-testid="licence-type-edit">
              {t('licences.typeDetail.edit')}
            </Button>
          )
        }
      />
      <LicenceErrorAlert error={type.error} onRetry={type.reload} />
      {d && !canDefineType(me, d) && hasRole(me, 'department_admin', 'platform_admin') && <Alert type="info" showIcon title={t('licences.typeDetail.readOnlyHint')} style={{ marginBottom: 16 }} />}
      {!d ? (
        !type.error && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Card title={t('licences.typeDetail.basics')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'code', label: t('licences.typeEditor.code'), children: <span className="tb-mono">{d.code}</span> },
                { key: 'name', label: t('licences.typeEditor.name'), children: d.name },
                { key: 'nameEn', label: t('licences.typeDetail.nameEn'), children: d.nameEn ?? '—' },
                { key: 'holder', label: t('licences.typeEditor.holderKind'), children: t(`licences.holderKinds.${d.holderKind}`) },
                { key: 'def', label: t('licences.types.definingDepartment'), children: d.definingDepartment.name },
                { key: 'auth', label: t('licences.typeDetail.definingAuthority'), children: d.definingAuthority ?? '—' },
                { key: 'validity', label: t('licences.types.validity'), children: validityRuleText(d.validity) },
                {
                  key: 'status',
                  label: t('licences.types.status'),
                  children: <Tag color={d.status === 'active' ? 'success' : 'default'}>{d.status === 'active' ? t('licences.types.active') : t('licences.types.retired')}</Tag>,
                },
                { key: 'version', label: t('licences.types.version'), children: d.version },
                { key: 'updated', label: t('licences.typeDetail.updatedAt'), children: fmtDateTime(d.updatedAt) },
                { key: 'desc', label: t('licences.typeDetail.description'), children: d.description ?? '—', span: 2 },
              ]}
            />
          </Card>
          <Card title={t('licences.typeDetail.fieldsTitle')} size="small" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('licences.typeEditor.fieldsHint')}</Typography.Text>}>
            <FieldsTable fields={d.fields} />
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={8}>
              <Card title={t('licences.typeDetail.issuersTitle', { n: d.issuers.length })} size="small" style={{ marginBottom: 16 }}>
                <ul className="lic-sublist">
                  {d.issuers.map((i) => (
                    <li key={i.id}>
                      {i.name} <span className="tb-mono tb-muted">{i.uscc}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            </Col>
            <Col xs={24} xl={16}>
              <Card title={t('licences.typeDetail.itemsTitle', { n: d.issuedByItems.length })} size="small" style={{ marginBottom: 16 }}>
                <ItemsList items={d.issuedByItems} empty={t('licences.typeDetail.itemsEmpty')} />
              </Card>
              <Card title={t('licences.typeDetail.materialsTitle', { n: d.replacesMaterials.length })} size="small" style={{ marginBottom: 16 }}>
                <MaterialsList items={d.replacesMaterials} empty={t('licences.typeDetail.materialsEmpty')} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
