import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Select, Tag, Tree, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Region } from '../../api';
import { hasRole, useMe } from '../../auth';
import { currentLang, errorText } from '../../i18n';
import { REGION_CODE_PATTERN, structuralParent } from '../../lib/codes';
import { applyFieldErrors, validated } from '../../lib/forms';
import { loadRegions, useRegions } from '../../lib/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHead } from '../../components/PageHead';
import { buildRegionTree, type RegionTreeNode } from './pickers';

interface AddValues {
  code: string;
  name: string;
  nameEn?: string;
  parentCode: string | null;
}

const LEVEL_COLOR = { province: 'red', city: 'blue', district: 'cyan' } as const;

function filterTree(nodes: RegionTreeNode[], q: string): RegionTreeNode[] {
  if (!q) return nodes;
  const out: RegionTreeNode[] = [];
  for (const n of nodes) {
    const kids = filterTree(n.children ?? [], q);
    const hit = n.title.toLowerCase().includes(q) || n.region.code.includes(q) || n.region.name.includes(q);
    if (hit || kids.length) out.push({ ...n, children: hit && !kids.length ? n.children : kids });
  }
  return out;
}

/** 区划管理: the region tree (GB/T 2260) and, for platform admins, adding and renaming regions. */
export default function RegionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const regions = useRegions();
  const lang = currentLang();
  const canEdit = hasRole(me, 'platform_admin');
  const [selected, setSelected] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [addForm] = Form.useForm<AddValues>();
  const [editForm] = Form.useForm<{ name: string; nameEn?: string }>();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  const tree = useMemo(() => buildRegionTree(regions.list, lang), [regions.list, lang]);
  const shown = useMemo(() => filterTree(tree, q.trim().toLowerCase()), [tree, q]);
  const treeData = useMemo(() => {
    interface Node {
      key: string;
      title: React.ReactNode;
      children?: Node[];
    }
    const render = (nodes: RegionTreeNode[]): Node[] =>
      nodes.map((n) => ({
        key: n.key,
        title: (
          <span>
            {n.title} <span className="tb-mono tb-muted">{n.region.code}</span>
          </span>
        ),
        children: n.children ? render(n.children) : undefined,
      }));
    return render(shown);
  }, [shown]);
  const region = selected ? regions.byCode.get(selected) : undefined;
  const parentOptions = useMemo(
    () => regions.list.filter((r) => r.level !== 'district').map((r) => ({ value: r.code, label: `${lang === 'en' ? r.nameEn || r.name : r.name} · ${r.code}` })),
    [regions.list, lang],
  );

  async function add() {
    const v = await validated(addForm);
    if (!v) return;
    setBusy(true);
    try {
      const created = await api.post<Region>('/api/v1/org/regions', {
        code: v.code,
        name: v.name.trim(),
        ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}),
        parentCode: v.parentCode ?? null,
      });
      message.success(t('regions.added', { name: created.name }));
      setAdding(false);
      await loadRegions(true);
      regions.refresh();
      setSelected(created.code);
    } catch (err) {
      if (!applyFieldErrors(addForm, err, ['code', 'name', 'nameEn', 'parentCode'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function rename() {
    if (!region) return;
    const v = await validated(editForm);
    if (!v) return;
    setBusy(true);
    try {
      await api.patch<Region>(`/api/v1/org/regions/${region.code}`, { name: v.name.trim(), ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}) });
      message.success(t('regions.renamed'));
      setEditing(false);
      await loadRegions(true);
      regions.refresh();
    } catch (err) {
      if (!applyFieldErrors(editForm, err, ['name', 'nameEn'])) message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHead
        title={t('regions.title')}
        intro={t('regions.intro')}
        testId="regions-title"
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="region-add-button"
              onClick={() => {
                addForm.resetFields();
                if (region && region.level !== 'district') addForm.setFieldsValue({ parentCode: region.code });
                setAdding(true);
              }}
            >
              {t('regions.add')}
            </Button>
          )
        }
      />
      <ErrorAlert error={regions.error} onRetry={regions.refresh} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('regions.tree')} extra={<Typography.Text type="secondary">{t('regions.count', { count: regions.list.length })}</Typography.Text>} loading={regions.loading} data-testid="region-tree">
            <Input.Search placeholder={t('regions.searchPlaceholder')} allowClear onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 12 }} />
            {treeData.length ? (
              <Tree
                key={`${q}-${regions.list.length}`}
                treeData={treeData}
                defaultExpandAll
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
                height={560}
                blockNode
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('common.details')}>
            {!region ? (
              <Typography.Text type="secondary">{t('regions.selectHint')}</Typography.Text>
            ) : (
              <>
                <Descriptions
                  column={1}
                  bordered
                  size="small"
                  items={[
                    { key: 'code', label: t('regions.code'), children: <span className="tb-mono">{region.code}</span> },
                    { key: 'name', label: t('regions.name'), children: region.name },
                    { key: 'nameEn', label: t('regions.nameEn'), children: region.nameEn || t('common.none') },
                    { key: 'level', label: t('regions.level'), children: <Tag color={LEVEL_COLOR[region.level]}>{t(`regions.levels.${region.level}`)}</Tag> },
                    {
                      key: 'parent',
                      label: t('regions.parentCode'),
                      children: region.parentCode ? `${regions.byCode.get(region.parentCode)?.name ?? ''} ${region.parentCode}` : t('regions.none'),
                    },
                  ]}
                />
                {canEdit && (
                  <Button
                    style={{ marginTop: 12 }}
                    icon={<EditOutlined />}
                    onClick={() => {
                      editForm.setFieldsValue({ name: region.name, nameEn: region.nameEn ?? '' });
                      setEditing(true);
                    }}
                  >
                    {t('regions.editTitle')}
                  </Button>
                )}
              </>
            )}
            {!canEdit && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('regions.onlyPlatformAdmin')}</Typography.Paragraph>}
          </Card>
        </Col>
      </Row>

      <Modal title={t('regions.addTitle')} open={adding} onOk={() => void add()} onCancel={() => setAdding(false)} confirmLoading={busy} okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form<AddValues> form={addForm} layout="vertical" preserve={false}>
          <Form.Item
            name="code"
            label={t('regions.code')}
            rules={[
              { required: true, message: t('validation.required', { field: t('regions.code') }) },
              { pattern: REGION_CODE_PATTERN, message: t('validation.regionCode') },
            ]}
          >
            <Input
              maxLength={6}
              className="tb-mono"
              data-testid="region-form-code"
              onChange={(e) => {
                const code = e.target.value;
                if (REGION_CODE_PATTERN.test(code)) addForm.setFieldsValue({ parentCode: structuralParent(code) });
              }}
            />
          </Form.Item>
          <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('regions.name') }) }, { min: 2, message: t('validation.minLength', { min: 2 }) }, { max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
            <Input maxLength={40} data-testid="region-form-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('common.optionalLabel', { field: t('regions.nameEn') })} rules={[{ max: 80, message: t('validation.maxLength', { max: 80 }) }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item
            name="parentCode"
            label={t('regions.parentCode')}
            dependencies={['code']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, v: string | null | undefined) => {
                  const code = getFieldValue('code') as string | undefined;
                  if (!code || !REGION_CODE_PATTERN.test(code)) return;
                  const expected = structuralParent(code);
                  if ((v ?? null) !== expected) throw new Error(expected ? t('serverReasons.mustBeParent', { code: expected }) : t('regions.none'));
                },
              }),
            ]}
          >
            <Select allowClear placeholder={t('regions.none')} options={parentOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal title={t('regions.editTitle')} open={editing} onOk={() => void rename()} onCancel={() => setEditing(false)} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={editForm} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('regions.name') }) }, { min: 2, message: t('validation.minLength', { min: 2 }) }, { max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('common.optionalLabel', { field: t('regions.nameEn') })} rules={[{ max: 80, message: t('validation.maxLength', { max: 80 }) }]}>
            <Input maxLength={80} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
