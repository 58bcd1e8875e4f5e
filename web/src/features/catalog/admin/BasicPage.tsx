import { useState } from 'react';
import { App, Button, Card, Col, Dropdown, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DownOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import { currentLang } from '../../../i18n';
import { useLoadMore } from '../../../lib/cursor';
import { applyFieldErrors, validated } from '../../../lib/forms';
import { PageHead } from '../../../components/PageHead';
import { LoadMore } from '../../../components/Pager';
import { DepartmentSelect } from '../../admin/pickers';
import { catalogAdminApi, type BasicItem, type BasicLevel } from './adminApi';
import { fill, msgs } from './guideModel';
import { CatalogErrorAlert, catalogErrorText, itemTypeName, useVocab, vocabOptions } from './ui';
import './catalog-admin.css';

type TreeRow = BasicItem & { children?: TreeRow[]; placeholder?: boolean };

/** What can go below: a main item takes sub-items or (when it has none) handling items; a sub-item handling items. */
const HAS_CHILDREN: Record<BasicLevel, boolean> = { main: true, sub: true, handling: false };
const LEVEL_COLORS: Record<BasicLevel, string> = { main: 'geekblue', sub: 'cyan', handling: 'purple' };

/** Why `code` cannot be a basic code at `level` under `parent` (the server's rules, catalog.codes.ts), or null. */
export function basicCodeProblem(code: string, level: BasicLevel, parent: string | null): string | null {
  const L = msgs().basic;
  if (level === 'handling') {
    const p = parent ?? '';
    if (!/^[0-9]{14}$/.test(code) || code.slice(0, 12) !== p || code.slice(12) === '00') return fill(L.codeHandling, { prefix: p });
    return null;
  }
  if (level === 'main') return /^[0-9]{9}000$/.test(code) ? null : L.codeMain;
  const prefix = (parent ?? '').slice(0, 9);
  if (!/^[0-9]{12}$/.test(code) || code.slice(0, 9) !== prefix || code.endsWith('000')) return fill(L.codeSub, { prefix });
  return null;
}

async function allChildren(parentCode: string): Promise<BasicItem[]> {
  const out: BasicItem[] = [];
  let cursor: string | undefined;
  do {
    const p = await catalogAdminApi.basicItems({ parentCode, limit: 100, cursor });
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && out.length < 1000);
  return out;
}

const withPlaceholder = (b: BasicItem): TreeRow => (HAS_CHILDREN[b.level] ? { ...b, children: [{ ...b, code: `${b.code}:loading`, placeholder: true }] } : { ...b });

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  itemType: string;
  competentDepartmentId: string;
}

/** 基本目录 (platform admin): main items → sub-items → handling items; add and edit with the code rules. */
export default function BasicPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const vocab = useVocab();
  const lang = currentLang();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [children, setChildren] = useState<Record<string, TreeRow[] | undefined>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ item: BasicItem | null; level: BasicLevel; parent: BasicItem | null } | null>(null);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const list = useLoadMore<BasicItem>((cursor, signal) => catalogAdminApi.basicItems(query ? { q: query, limit: 50, cursor: cursor ?? undefined } : { level: 'main', limit: 50, cursor: cursor ?? undefined }, signal), [query]);

  const attach = (rows: BasicItem[]): TreeRow[] =>
    rows.map((b) => {
      const r = withPlaceholder(b);
      if (r.children && children[b.code] !== undefined) r.children = children[b.code]!.length ? attach(children[b.code]!) : undefined;
      return r;
    });

  async function expand(open: boolean, r: TreeRow) {
    setExpanded((old) => (open ? [...old, r.code] : old.filter((c) => c !== r.code)));
    if (open && children[r.code] === undefined) {
      try {
        const kids = await allChildren(r.code);
        setChildren((old) => ({ ...old, [r.code]: kids }));
      } catch (err) {
        message.error(catalogErrorText(err));
      }
    }
  }

  function openCreate(level: BasicLevel, parent: BasicItem | null) {
    form.resetFields();
    const prefix = parent ? (level === 'handling' ? parent.code : parent.code.slice(0, 9)) : '';
    form.setFieldsValue({ code: prefix, itemType: parent?.itemType, competentDepartmentId: parent?.competentDepartmentId });
    setEditing({ item: null, level, parent });
  }

  function openEdit(b: BasicItem) {
    form.resetFields();
    form.setFieldsValue({ code: b.code, name: b.name, nameEn: b.nameEn ?? '', itemType: b.itemType, competentDepartmentId: b.competentDepartmentId });
    setEditing({ item: b, level: b.level, parent: null });
  }

  async function submit() {
    if (!editing) return;
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      if (!editing.item) {
        const created = await catalogAdminApi.createBasicItem({
          code: v.code.trim(),
          ...(editing.parent ? { parentCode: editing.parent.code } : {}),
          name: v.name.trim(),
          ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}),
          itemType: v.itemType as never,
          competentDepartmentId: v.competentDepartmentId,
        });
        message.success(t('catalogAdmin.basic.created', { name: created.name }));
        if (editing.parent) {
          const p = editing.parent.code;
          setChildren((old) => ({ ...old, [p]: [...(old[p] ?? []), created] }));
          setExpanded((old) => (old.includes(p) ? old : [...old, p]));
        } else list.setItems((old) => [...old, created]);
      } else {
        const b = editing.item;
        const patch: Record<string, string> = {};
        if (v.name.trim() !== b.name) patch.name = v.name.trim();
        if ((v.nameEn ?? '').trim() !== (b.nameEn ?? '') && v.nameEn?.trim()) patch.nameEn = v.nameEn.trim();
        if (v.itemType !== b.itemType) patch.itemType = v.itemType;
        if (v.competentDepartmentId !== b.competentDepartmentId) patch.competentDepartmentId = v.competentDepartmentId;
        if (Object.keys(patch).length) {
          const updated = await catalogAdminApi.updateBasicItem(b.code, patch);
          const swap = (rows: BasicItem[]) => rows.map((x) => (x.code === updated.code ? updated : x));
          list.setItems((old) => swap(old));
          setChildren((old) => Object.fromEntries(Object.entries(old).map(([k, rows]) => [k, rows ? swap(rows) : rows])));
        }
        message.success(t('catalogAdmin.basic.updated'));
      }
      setEditing(null);
    } catch (err) {
      if (!applyFieldErrors(form, err, ['code', 'name', 'nameEn', 'itemType', 'competentDepartmentId'], { parentCode: 'code' })) {
        if (err instanceof ApiError && (err.code === 'catalog.invalid_basic_code' || err.code === 'catalog.basic_item_exists')) form.setFields([{ name: 'code', errors: [catalogErrorText(err)] }]);
        else message.error(catalogErrorText(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const levelName = (l: BasicLevel) => t(`catalogAdmin.enums.level.${l}`);
  const codeHint = (() => {
    if (!editing || editing.item) return undefined;
    if (editing.level === 'main') return t('catalogAdmin.basic.codeHintMain');
    if (editing.level === 'sub') return t('catalogAdmin.basic.codeHintSub', { prefix: editing.parent?.code.slice(0, 9) ?? '' });
    return t('catalogAdmin.basic.codeHintHandling', { prefix: editing.parent?.code ?? '' });
  })();

  return (
    <>
      <PageHead
        title={t('catalogAdmin.basic.title')}
        intro={t('catalogAdmin.basic.intro')}
        testId="catalog-basic-title"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openCreate('main', null)} data-testid="basic-create-main">
            {t('catalogAdmin.basic.createMain')}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              if (!e.target.value) setQuery('');
            }}
            onSearch={(v) => setQuery(v.trim())}
            placeholder={t('catalogAdmin.basic.qPlaceholder')}
            enterButton={<SearchOutlined />}
            style={{ width: 320 }}
            maxLength={50}
            data-testid="basic-search"
          />
          {query && <Typography.Text type="secondary">{t('catalogAdmin.basic.searchResults')}</Typography.Text>}
        </Space>
        <CatalogErrorAlert error={list.error} onRetry={list.reload} />
        <Table<TreeRow>
          data-testid="basic-table"
          rowKey="code"
          size="middle"
          loading={list.loading}
          dataSource={query ? list.items : attach(list.items)}
          pagination={false}
          scroll={{ x: 1000 }}
          expandable={query ? undefined : { expandedRowKeys: expanded, onExpand: (open, r) => void expand(open, r) }}
          columns={[
            {
              title: t('catalogAdmin.basic.code'),
              dataIndex: 'code',
              width: 230,
              render: (c: string, r) => (r.placeholder ? <Typography.Text type="secondary">{t('catalogAdmin.common.loading')}</Typography.Text> : <span className="tb-mono">{c}</span>),
            },
            {
              title: t('catalogAdmin.basic.name'),
              key: 'name',
              render: (_, r) =>
                r.placeholder ? null : (
                  <div>
                    <Typography.Text strong={r.level === 'main'}>{lang === 'en' && r.nameEn ? r.nameEn : r.name}</Typography.Text>
                    {r.nameEn && lang !== 'en' && (
                      <div className="tb-muted" style={{ fontSize: 12 }}>
                        {r.nameEn}
                      </div>
                    )}
                  </div>
                ),
            },
            { title: t('catalogAdmin.basic.level'), dataIndex: 'level', width: 110, render: (l: BasicLevel, r) => !r.placeholder && <Tag color={LEVEL_COLORS[l]}>{levelName(l)}</Tag> },
            { title: t('catalogAdmin.basic.itemType'), dataIndex: 'itemType', width: 140, render: (c: string, r) => !r.placeholder && itemTypeName(vocab.data, c) },
            { title: t('catalogAdmin.basic.competentDepartment'), dataIndex: 'competentDepartmentName', width: 220, render: (v: string, r) => !r.placeholder && v },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              fixed: 'right',
              render: (_, r) =>
                !r.placeholder && (
                  <Space size={0}>
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => openEdit(r)} data-testid={`basic-edit-${r.code}`}>
                      {t('common.edit')}
                    </Button>
                    {r.level === 'main' && (
                      <Dropdown
                        trigger={['click']}
                        menu={{
                          items: (['sub', 'handling'] as const).map((l) => ({ key: l, label: levelName(l), 'data-testid': `basic-add-${l}-${r.code}` })),
                          onClick: ({ key }) => openCreate(key as BasicLevel, r),
                        }}
                      >
                        <Button size="small" type="link" icon={<PlusOutlined />} data-testid={`basic-add-child-${r.code}`}>
                          {t('catalogAdmin.basic.addChild')} <DownOutlined />
                        </Button>
                      </Dropdown>
                    )}
                    {r.level === 'sub' && (
                      <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => openCreate('handling', r)} data-testid={`basic-add-child-${r.code}`}>
                        {levelName('handling')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={() => void list.loadMore()} count={list.items.length} />
      </Card>

      <Modal
        title={editing?.item ? t('catalogAdmin.basic.editTitle') : t('catalogAdmin.basic.createTitle', { level: editing ? levelName(editing.level) : '' })}
        open={!!editing}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={busy}
        okText={editing?.item ? t('common.save') : t('common.submit')}
        okButtonProps={{ 'data-testid': 'basic-form-submit' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
        width={640}
      >
        {editing?.parent && (
          <Typography.Paragraph type="secondary">
            {t('catalogAdmin.basic.parent')}: <span className="tb-mono">{editing.parent.code}</span> {editing.parent.name}
          </Typography.Paragraph>
        )}
        <Form<Values> form={form} layout="vertical" preserve={false}>
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item
                name="code"
                label={t('catalogAdmin.basic.code')}
                extra={codeHint}
                normalize={(v: string) => v?.replace(/\D/g, '')}
                rules={
                  editing?.item
                    ? []
                    : [
                        { required: true, message: t('catalogAdmin.validation.required', { field: t('catalogAdmin.basic.code') }) },
                        {
                          validator: async (_, v: string) => {
                            if (!v || !editing) return;
                            const p = basicCodeProblem(v, editing.level, editing.parent?.code ?? null);
                            if (p) throw new Error(p);
                          },
                        },
                      ]
                }
              >
                <Input maxLength={editing?.level === 'handling' ? 14 : 12} className="tb-mono" disabled={!!editing?.item} data-testid="basic-form-code" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="name" label={t('catalogAdmin.basic.name')} rules={[{ required: true, whitespace: true, message: t('catalogAdmin.validation.required', { field: t('catalogAdmin.basic.name') }) }, { min: 2, message: t('catalogAdmin.validation.minLength', { min: 2 }) }, { max: 100, message: t('catalogAdmin.validation.maxLength', { max: 100 }) }]}>
                <Input maxLength={100} data-testid="basic-form-name" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="nameEn" label={t('common.optionalLabel', { field: t('catalogAdmin.basic.nameEn') })} rules={[{ max: 200, message: t('catalogAdmin.validation.maxLength', { max: 200 }) }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="itemType" label={t('catalogAdmin.basic.itemType')} rules={[{ required: true, message: t('catalogAdmin.validation.select', { field: t('catalogAdmin.basic.itemType') }) }]}>
                <Select options={vocabOptions(vocab.data?.itemTypes).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))} data-testid="basic-form-type" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="competentDepartmentId" label={t('catalogAdmin.basic.competentDepartment')} rules={[{ required: true, message: t('catalogAdmin.validation.select', { field: t('catalogAdmin.basic.competentDepartment') }) }]}>
                <DepartmentSelect initial={editing?.item ? [{ id: editing.item.competentDepartmentId, name: editing.item.competentDepartmentName }] : editing?.parent ? [{ id: editing.parent.competentDepartmentId, name: editing.parent.competentDepartmentName }] : []} testId="basic-form-department" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
