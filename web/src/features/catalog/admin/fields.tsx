import type { ReactNode } from 'react';
import { Button, Empty, Form, InputNumber, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormListFieldData, Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { fill, msgs, type NamePath } from './guideModel';

/** Rules for a text field: required (with the field's name), max length; whitespace-only counts as empty. */
export function textRules(field: string, max: number, required = true, min = 1): Rule[] {
  const v = msgs().validation;
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, whitespace: true, message: fill(v.required, { field }) });
  if (min > 1) rules.push({ min, message: fill(v.minLength, { min }) });
  rules.push({ max, message: fill(v.maxLength, { max }) });
  return rules;
}

/** An ordered list of rows (Form.List): numbered cards with move up / move down / remove, and an add button. */
export function ListEditor({
  name,
  title,
  rowTitle,
  addLabel,
  newRow,
  min = 0,
  max,
  readOnly,
  testId,
  children,
}: {
  name: NamePath;
  title?: ReactNode;
  rowTitle: (index: number) => ReactNode;
  addLabel: string;
  newRow: () => unknown;
  min?: number;
  max: number;
  readOnly?: boolean;
  testId?: string;
  children: (field: FormListFieldData, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, rows: unknown[] | undefined) => {
            const n = rows?.length ?? 0;
            if (n < min) throw new Error(t('catalogAdmin.editor.atLeastOne'));
            if (n > max) throw new Error(t('catalogAdmin.validation.maxItems', { max }));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <div data-testid={testId}>
          {title && <div className="tb-cat-section-title">{title}</div>}
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogAdmin.editor.emptyList')} style={{ margin: '8px 0 12px' }} />}
          {fields.map((field, index) => (
            <div className="tb-cat-list-row" key={field.key} data-testid={testId ? `${testId}-row-${index}` : undefined}>
              <div className="tb-cat-list-row-head">
                <span className="tb-cat-list-row-title">{rowTitle(index)}</span>
                {!readOnly && (
                  <Space size={0}>
                    <Tooltip title={t('catalogAdmin.common.moveUp')}>
                      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('catalogAdmin.common.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('catalogAdmin.common.moveDown')}>
                      <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={t('catalogAdmin.common.moveDown')} />
                    </Tooltip>
                    <Tooltip title={t('catalogAdmin.common.remove')}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= min} onClick={() => remove(field.name)} aria-label={t('catalogAdmin.common.remove')} />
                    </Tooltip>
                  </Space>
                )}
              </div>
              {children(field, index)}
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {!readOnly && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow())} disabled={fields.length >= max} style={{ marginBottom: 16 }} data-testid={testId ? `${testId}-add` : undefined}>
              {addLabel}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

/** A time limit: value + unit, both required (a number without its unit means nothing). */
export function TimeLimitFields({ name, absolute, label, required = true, extra, testId, help, valueRules = [], valueDependencies = [] }: { name: NamePath; /** the path from the form's root when `name` is relative to a Form.List row */ absolute?: NamePath; label: ReactNode; required?: boolean; extra?: ReactNode; testId?: string; help?: ReactNode; valueRules?: Rule[]; valueDependencies?: NamePath[] }) {
  const { t } = useTranslation();
  const abs = absolute ?? name;
  // the two inputs are one field to the reader: their errors show under both (antd collects noStyle children's errors)
  return (
    <Form.Item label={label} required={required} extra={extra} help={help} style={{ marginBottom: 16 }}>
      <Space.Compact>
        <Form.Item
          name={[...name, 'value']}
          noStyle
          dependencies={valueDependencies}
          rules={[
            ...valueRules,
            ...(required ? [{ required: true, message: t('catalogAdmin.validation.valueRequired') }] : []),
            { type: 'integer' as const, min: 0, max: 3650, message: t('catalogAdmin.validation.range', { min: 0, max: 3650 }) },
          ]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: 140 }} data-testid={testId ? `${testId}-value` : undefined} />
        </Form.Item>
        <Form.Item
          name={[...name, 'unit']}
          noStyle
          dependencies={[[...abs, 'value']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, unit) => {
                const value = getFieldValue([...abs, 'value']);
                if ((required || (value !== undefined && value !== null)) && !unit) throw new Error(t('catalogAdmin.validation.unitRequired'));
              },
            }),
          ]}
        >
          <Select
            allowClear={!required}
            style={{ width: 150 }}
            data-testid={testId ? `${testId}-unit` : undefined}
            placeholder={t('catalogAdmin.fields.unit')}
            options={[
              { value: 'working_day', label: t('catalogAdmin.enums.unitShort.working_day') },
              { value: 'natural_day', label: t('catalogAdmin.enums.unitShort.natural_day') },
            ]}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
