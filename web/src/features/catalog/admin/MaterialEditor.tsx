import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Col, Drawer, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, EyeOutlined, FileTextOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Material } from './adminApi';
import { emptyMaterial, fill, materialProblems, MATERIAL_KEY_PATTERN, msgs, suggestKey, type Problem } from './guideModel';
import { textRules } from './fields';
import { FileField } from './ui';

const NECESSITY_COLORS: Record<Material['necessity'], string> = { required: 'blue', conditional: 'gold', deferrable: 'purple' };

/** The table of a guide's materials: add, edit (drawer), reorder, remove; rows with problems are marked. */
export function MaterialsTable({
  materials,
  onChange,
  readOnly,
  problems,
  onOpen,
}: {
  materials: Material[];
  onChange: (m: Material[]) => void;
  readOnly: boolean;
  problems: Problem[];
  onOpen: (index: number | 'new') => void;
}) {
  const { t } = useTranslation();
  const problemCount = (i: number) => problems.filter((p) => p.name[0] === 'materials' && p.name[1] === i).length;
  const move = (from: number, to: number) => {
    const next = [...materials];
    const [m] = next.splice(from, 1);
    next.splice(to, 0, m);
    onChange(next);
  };

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('catalogAdmin.material.count', { count: materials.length })}</Typography.Text>
        {!readOnly && (
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => onOpen('new')} disabled={materials.length >= 60} data-testid="material-add">
            {t('catalogAdmin.material.add')}
          </Button>
        )}
      </div>
      <Table<Material>
        data-testid="material-table"
        rowKey={(m, i) => `${m.key || 'k'}-${i}`}
        dataSource={materials}
        pagination={false}
        size="small"
        scroll={{ x: 900 }}
        rowClassName={(_, i) => (problemCount(i) ? 'tb-cat-row-error' : '')}
        locale={{ emptyText: t('catalogAdmin.material.empty') }}
        onRow={(_, i) => ({ 'data-testid': `material-row-${i}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', key: 'n', width: 44, render: (_, __, i) => i + 1 },
          {
            title: t('catalogAdmin.fields.material.name'),
            key: 'name',
            render: (_, m, i) => (
              <div>
                <Typography.Link onClick={() => onOpen(i)} strong>
                  {m.name || t('catalogAdmin.material.unnamed')}
                </Typography.Link>
                {problemCount(i) > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 8 }} data-testid={`material-problems-${i}`}>
                    {t('catalogAdmin.material.problems', { count: problemCount(i) })}
                  </Tag>
                )}
                <div className="tb-cat-material-key">{m.key}</div>
                {m.necessity === 'conditional' && m.condition && (
                  <div className="tb-muted" style={{ fontSize: 12 }}>
                    {m.condition}
                  </div>
                )}
              </div>
            ),
          },
          { title: t('catalogAdmin.fields.necessity'), key: 'necessity', width: 96, render: (_, m) => <Tag color={NECESSITY_COLORS[m.necessity]}>{t(`catalogAdmin.enums.necessityShort.${m.necessity}`)}</Tag> },
          { title: t('catalogAdmin.fields.form'), key: 'form', width: 130, render: (_, m) => t(`catalogAdmin.enums.form.${m.form}`) },
          { title: t('catalogAdmin.fields.copies'), dataIndex: 'copies', width: 64, align: 'center' },
          { title: t('catalogAdmin.fields.sourceChannel'), key: 'source', width: 130, render: (_, m) => <span>{t(`catalogAdmin.enums.sourceChannel.${m.sourceChannel}`)}{m.issuedBy ? <div className="tb-muted" style={{ fontSize: 12 }}>{m.issuedBy}</div> : null}</span> },
          {
            title: t('catalogAdmin.material.files'),
            key: 'files',
            width: 110,
            render: (_, m) => (
              <Space size={4} wrap>
                {m.blankForm && (
                  <Tooltip title={`${t('catalogAdmin.fields.blankForm')}: ${m.blankForm.name}`}>
                    <Tag icon={<FileTextOutlined />}>{t('catalogAdmin.fields.blankForm')}</Tag>
                  </Tooltip>
                )}
                {m.sample && (
                  <Tooltip title={`${t('catalogAdmin.fields.sample')}: ${m.sample.name}`}>
                    <Tag icon={<FileTextOutlined />}>{t('catalogAdmin.fields.sample')}</Tag>
                  </Tooltip>
                )}
                {m.substitutes?.length > 0 && (
                  <Tooltip title={m.substitutes.map((x) => `${t(`catalogAdmin.enums.substituteKind.${x.kind}`)}: ${x.name}`).join('；')}>
                    <Tag color="cyan">{t('catalogAdmin.material.substitutesShort', { count: m.substitutes.length })}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: readOnly ? 80 : 150,
            fixed: 'right',
            render: (_, m, i) =>
              readOnly ? (
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => onOpen(i)}>
                  {t('catalogAdmin.manage.view')}
                </Button>
              ) : (
                <Space size={0}>
                  <Tooltip title={t('catalogAdmin.material.edit')}>
                    <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onOpen(i)} data-testid={`material-edit-${i}`} aria-label={t('catalogAdmin.material.edit')} />
                  </Tooltip>
                  <Tooltip title={t('catalogAdmin.common.moveUp')}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('catalogAdmin.common.moveUp')} />
                  </Tooltip>
                  <Tooltip title={t('catalogAdmin.common.moveDown')}>
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === materials.length - 1} onClick={() => move(i, i + 1)} aria-label={t('catalogAdmin.common.moveDown')} />
                  </Tooltip>
                  <Popconfirm title={t('catalogAdmin.material.deleteConfirm', { name: m.name || t('catalogAdmin.material.unnamed') })} onConfirm={() => onChange(materials.filter((_, j) => j !== i))} okText={t('catalogAdmin.common.remove')} cancelText={t('common.cancel')}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('catalogAdmin.common.remove')} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}

/** One material, every field; its own form, applied to the guide's list on 确定. */
export function MaterialDrawer({
  open,
  index,
  materials,
  readOnly,
  problems,
  focus,
  onApply,
  onClose,
}: {
  open: boolean;
  index: number | 'new';
  materials: Material[];
  readOnly: boolean;
  /** problems of this material (server or client), names relative to the material */
  problems: Problem[];
  /** a field to scroll to when the drawer opens */
  focus?: Array<string | number>;
  onApply: (m: Material) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Material>();
  const keyTouched = useRef(false);
  const [, setTick] = useState(0);
  const necessity = Form.useWatch('necessity', form);
  const sourceChannel = Form.useWatch('sourceChannel', form);
  const otherKeys = materials.filter((_, i) => i !== index).map((m) => m.key);
  const current = index === 'new' ? null : materials[index];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const m = current ? structuredClone(current) : emptyMaterial();
    m.substitutes ??= [];
    form.setFieldsValue(m);
    keyTouched.current = !!current;
    setTick((n) => n + 1);
    // show the problems the editor knows about on their fields, then scroll to the one asked for
    const timer = setTimeout(() => {
      if (problems.length) form.setFields(problems.map((p) => ({ name: p.name as never, errors: [p.message] })));
      if (focus?.length) form.scrollToField(focus as never, { block: 'center' });
    }, 60);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, index]);

  async function apply() {
    try {
      const v = await form.validateFields();
      const m: Material = { ...v, substitutes: v.substitutes ?? [] };
      // the schema's own checks (unique key among the others too)
      const list = index === 'new' ? [...materials, m] : materials.map((x, i) => (i === index ? m : x));
      const at = index === 'new' ? materials.length : index;
      const more = materialProblems(m, at, list);
      if (more.length) {
        form.setFields(more.map((p) => ({ name: p.name.slice(2) as never, errors: [p.message] })));
        return;
      }
      onApply(cleanMaterial(m));
    } catch {
      /* the form shows what is wrong */
    }
  }

  const f = (k: string) => (msgs().fields as Record<string, string>)[k] ?? k;
  const title = readOnly ? current?.name : index === 'new' ? t('catalogAdmin.material.newTitle') : t('catalogAdmin.material.editTitle', { name: current?.name || t('catalogAdmin.material.unnamed') });

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden={false}
      forceRender
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="primary" onClick={() => void apply()} data-testid="material-apply">
              {t('catalogAdmin.material.apply')}
            </Button>
          )}
        </div>
      }
    >
      <Form<Material>
        form={form}
        layout="vertical"
        disabled={readOnly}
        data-testid="material-editor"
        onValuesChange={(changed) => {
          if ('key' in changed) keyTouched.current = true;
          if ('name' in changed && !keyTouched.current) form.setFieldValue('key', suggestKey(changed.name ?? '', otherKeys));
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={15}>
            <Form.Item name="name" label={f('material.name')} rules={textRules(f('material.name'), 120)}>
              <Input maxLength={120} showCount data-testid="material-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="key"
              label={f('material.key')}
              tooltip={t('catalogAdmin.material.keyHint')}
              rules={[
                { required: true, message: fill(msgs().validation.required, { field: f('material.key') }) },
                { pattern: MATERIAL_KEY_PATTERN, message: t('catalogAdmin.validation.materialKey') },
                { validator: async (_, v: string) => { if (v && otherKeys.includes(v)) throw new Error(t('catalogAdmin.validation.materialKeyTaken')); } },
              ]}
            >
              <Input
                maxLength={40}
                className="tb-mono"
                data-testid="material-key"
                suffix={
                  !readOnly && (
                    <Tooltip title={t('catalogAdmin.material.keySuggest')}>
                      <SyncOutlined
                        style={{ color: '#0b4aa2', cursor: 'pointer' }}
                        data-testid="material-key-suggest"
                        onClick={() => {
                          keyTouched.current = false;
                          form.setFieldValue('key', suggestKey(form.getFieldValue('name') ?? '', otherKeys));
                          void form.validateFields(['key']).catch(() => undefined);
                        }}
                      />
                    </Tooltip>
                  )
                }
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="necessity" label={f('necessity')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="material-necessity"
                optionType="button"
                options={(['required', 'conditional', 'deferrable'] as const).map((n) => ({ value: n, label: t(`catalogAdmin.enums.necessity.${n}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="condition"
              label={f('condition')}
              hidden={necessity === 'required'}
              extra={t('catalogAdmin.material.conditionHint')}
              required={necessity === 'conditional'}
              dependencies={['necessity']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v: string | undefined) => {
                    if (getFieldValue('necessity') === 'conditional' && !v?.trim()) throw new Error(t('catalogAdmin.material.conditionRequired'));
                    if (v && v.trim().length > 300) throw new Error(t('catalogAdmin.validation.maxLength', { max: 300 }));
                  },
                }),
              ]}
            >
              <Input.TextArea rows={2} maxLength={300} showCount data-testid="material-condition" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="form" label={f('form')} rules={[{ required: true }]}>
              <Select data-testid="material-form" options={(['original', 'copy', 'electronic', 'original_or_electronic'] as const).map((n) => ({ value: n, label: t(`catalogAdmin.enums.form.${n}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="copies" label={f('copies')} rules={[{ required: true, type: 'integer', min: 0, max: 20, message: t('catalogAdmin.validation.range', { min: 0, max: 20 }) }]}>
              <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} data-testid="material-copies" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="sourceChannel" label={f('sourceChannel')} rules={[{ required: true }]}>
              <Select data-testid="material-source" options={(['applicant', 'government', 'intermediary'] as const).map((n) => ({ value: n, label: t(`catalogAdmin.enums.sourceChannel.${n}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="issuedBy"
              label={sourceChannel === 'government' ? f('issuedBy') : t('common.optionalLabel', { field: f('issuedBy') })}
              extra={sourceChannel === 'government' ? t('catalogAdmin.material.issuedByHint') : undefined}
              dependencies={['sourceChannel', 'substitutes']}
              hidden={sourceChannel === 'applicant' && !form.getFieldValue('issuedBy')}
              rules={[
                ...textRules(f('issuedBy'), 100, false),
                ({ getFieldValue }) => ({
                  validator: async (_, v: string | undefined) => {
                    if (getFieldValue('sourceChannel') === 'government' && !v?.trim() && !(getFieldValue('substitutes') ?? []).length) throw new Error(t('catalogAdmin.validation.issuedByRequired'));
                  },
                }),
              ]}
            >
              <Input maxLength={100} data-testid="material-issued-by" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="acceptanceStandard" label={f('acceptanceStandard')} extra={t('catalogAdmin.material.acceptanceHint')} rules={textRules(f('acceptanceStandard'), 500)}>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="material-acceptance" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <div className="tb-cat-section-title">{f('substitutes')}</div>
            <Typography.Paragraph type="secondary" style={{ marginTop: -6 }}>
              {t('catalogAdmin.material.substitutesHint')}
            </Typography.Paragraph>
            <Form.List name="substitutes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Row gutter={8} key={field.key} align="top">
                      <Col flex="130px">
                        <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: fill(msgs().validation.select, { field: f('substitutes.kind') }) }]}>
                          <Select options={(['license', 'shared_data'] as const).map((k) => ({ value: k, label: t(`catalogAdmin.enums.substituteKind.${k}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col flex="230px">
                        <Form.Item name={[field.name, 'code']} rules={textRules(f('substitutes.code'), 64)}>
                          <Input maxLength={64} className="tb-mono" placeholder={f('substitutes.code')} />
                        </Form.Item>
                      </Col>
                      <Col flex="auto">
                        <Form.Item name={[field.name, 'name']} rules={textRules(f('substitutes.name'), 100)}>
                          <Input maxLength={100} placeholder={f('substitutes.name')} />
                        </Form.Item>
                      </Col>
                      {!readOnly && (
                        <Col flex="32px">
                          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('catalogAdmin.common.remove')} />
                        </Col>
                      )}
                    </Row>
                  ))}
                  {!readOnly && (
                    <Button type="dashed" size="small" icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add({ kind: 'license', code: '', name: '' })} style={{ marginBottom: 16 }} data-testid="material-substitute-add">
                      {t('catalogAdmin.material.addSubstitute')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </Col>
          <Col span={24}>
            <Form.Item name="basis" label={t('common.optionalLabel', { field: f('material.basis') })} rules={textRules(f('material.basis'), 300, false)}>
              <Input.TextArea rows={2} maxLength={300} showCount />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('common.optionalLabel', { field: f('notes') })} rules={textRules(f('notes'), 500, false)}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="blankForm" label={t('common.optionalLabel', { field: f('blankForm') })}>
              <FileField disabled={readOnly} testId="material-blank-form" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sample" label={t('common.optionalLabel', { field: f('sample') })}>
              <FileField disabled={readOnly} testId="material-sample" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

/** Drop empty optionals; a required material has no condition. */
function cleanMaterial(m: Material): Material {
  const out: Material = { ...m, name: m.name.trim(), acceptanceStandard: m.acceptanceStandard.trim(), substitutes: (m.substitutes ?? []).map((s) => ({ kind: s.kind, code: s.code.trim(), name: s.name.trim() })) };
  for (const k of ['condition', 'issuedBy', 'basis', 'notes'] as const) {
    const v = out[k]?.trim();
    if (v) out[k] = v;
    else delete out[k];
  }
  if (out.necessity === 'required') delete out.condition;
  if (!out.blankForm) delete out.blankForm;
  if (!out.sample) delete out.sample;
  return out;
}

export function MaterialsTabLabel({ label, count }: { label: string; count: number }) {
  return (
    <Badge count={count} size="small" offset={[8, -2]} className="tb-cat-tab-badge">
      {label}
    </Badge>
  );
}
