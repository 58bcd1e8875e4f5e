import type { ReactNode } from 'react';
import { Checkbox, DatePicker, Input, InputNumber, Radio, Select, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { RegionCascader, RegionText } from './RegionCascader';
import {
  effectiveMaxLength,
  enumOptions,
  mustBeTicked,
  titleOf,
  type ColumnSchema,
  type FieldSchema,
  type Lang,
  type Scalar,
  type Widget,
} from './shared';

export interface WidgetProps {
  /** DOM id (labels point at it) and the data-testid. */
  id: string;
  schema: FieldSchema | ColumnSchema;
  widget: Widget;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  lang: Lang;
  t: TFunction;
  error: boolean;
  size?: 'small' | 'middle';
  /** The field's label, for widgets without a visible one (table cells, the confirmation box). */
  ariaLabel?: string;
}

const asString = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

/** Choices of a select or radio: the enum's, or 是/否 for a boolean. */
function choices(schema: FieldSchema | ColumnSchema, lang: Lang, t: TFunction): Array<{ value: Scalar; label: string }> {
  if (schema.type === 'boolean' && !schema.enum) {
    return [
      { value: true, label: t('forms.yes') },
      { value: false, label: t('forms.no') },
    ];
  }
  return enumOptions(schema, lang);
}

/** The editing control of one field or table cell. */
export function FieldWidget(p: WidgetProps) {
  const { schema, widget, value, lang, t } = p;
  const status = p.error ? ('error' as const) : undefined;
  const common = { id: p.id, 'data-testid': `sf-${p.id.replace(/^sf-/, '')}`, onBlur: p.onBlur, status, size: p.size, 'aria-label': p.ariaLabel, 'aria-invalid': p.error || undefined };
  const max = effectiveMaxLength(schema);
  switch (widget) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={asString(value)}
          onChange={(e) => p.onChange(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={max}
          showCount
          placeholder={t('forms.placeholderInput')}
        />
      );
    case 'select': {
      const opts = choices(schema, lang, t);
      return (
        <Select
          {...common}
          value={(value as Scalar | undefined) ?? undefined}
          onChange={(v) => p.onChange(v)}
          options={opts.map((o) => ({ value: o.value as string | number, label: o.label }))}
          allowClear
          showSearch={opts.length > 8 ? { optionFilterProp: 'label' } : undefined}
          placeholder={t('forms.placeholderSelect')}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
        />
      );
    }
    case 'radio':
      return (
        <Radio.Group
          id={p.id}
          data-testid={common['data-testid']}
          aria-label={p.ariaLabel}
          value={value}
          onChange={(e) => {
            p.onChange(e.target.value);
            p.onBlur();
          }}
          options={choices(schema, lang, t).map((o) => ({ value: o.value as string | number, label: o.label }))}
          className={p.error ? 'sf-radio-error' : undefined}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          id={p.id}
          data-testid={common['data-testid']}
          checked={value === true}
          onChange={(e) => {
            p.onChange(e.target.checked);
            p.onBlur();
          }}
          className={p.error ? 'sf-checkbox-error' : undefined}
          aria-label={mustBeTicked(schema) ? undefined : p.ariaLabel}
        >
          {mustBeTicked(schema) ? titleOf(schema, lang) : null}
        </Checkbox>
      );
    case 'date': {
      const d = typeof value === 'string' ? dayjs(value) : null;
      return (
        <DatePicker
          {...common}
          value={d && d.isValid() ? d : null}
          onChange={(v) => {
            p.onChange(v ? v.format('YYYY-MM-DD') : undefined);
            p.onBlur();
          }}
          format="YYYY-MM-DD"
          placeholder={t('forms.placeholderDate')}
          style={{ width: '100%' }}
        />
      );
    }
    case 'number':
      return (
        <InputNumber<number>
          {...common}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => p.onChange(v ?? undefined)}
          min={schema.minimum}
          max={schema.maximum}
          precision={schema.type === 'integer' ? 0 : undefined}
          placeholder={t('forms.placeholderInput')}
          style={{ width: '100%' }}
        />
      );
    case 'idNumber':
    case 'uscc':
      return (
        <Input
          {...common}
          value={asString(value)}
          onChange={(e) => p.onChange(e.target.value.toUpperCase())}
          maxLength={18}
          className="tb-mono sf-code"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('forms.placeholderInput')}
        />
      );
    case 'phone':
      return <Input {...common} value={asString(value)} onChange={(e) => p.onChange(e.target.value)} maxLength={13} inputMode="tel" autoComplete="tel" placeholder={t('forms.placeholderInput')} />;
    case 'region':
      return (
        <RegionCascader
          id={p.id}
          testId={common['data-testid']}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v) => {
            p.onChange(v);
            p.onBlur();
          }}
          onBlur={p.onBlur}
          lang={lang}
          placeholder={t('forms.placeholderRegion')}
          failedText={t('forms.regionsFailed')}
          status={status}
          size={p.size}
        />
      );
    default:
      return <Input {...common} value={asString(value)} onChange={(e) => p.onChange(e.target.value)} maxLength={max} placeholder={t('forms.placeholderInput')} />;
  }
}

/** A value as text: the enum's label, 是/否, the region's names, the date. */
export function DisplayValue({ schema, widget, value, lang, t }: { schema: FieldSchema | ColumnSchema; widget: Widget; value: unknown; lang: Lang; t: TFunction }): ReactNode {
  if (value === undefined || value === null || value === '') return <span className="tb-muted">{t('forms.empty')}</span>;
  if (typeof value === 'boolean' && !schema.enum) return value ? t('forms.yes') : t('forms.no');
  if (mustBeTicked(schema)) return value === true ? '✓' : t('forms.no');
  const option = schema.enum ? enumOptions(schema, lang).find((o) => o.value === value) : undefined;
  if (option) return option.label;
  if (widget === 'region' && typeof value === 'string') return <RegionText code={value} lang={lang} />;
  const text = asString(value);
  return widget === 'idNumber' || widget === 'uscc' ? <span className="tb-mono">{text}</span> : text;
}

/** A locked (government-verified) value: shown, not editable. */
export function LockedValue(props: { id: string; schema: FieldSchema | ColumnSchema; widget: Widget; value: unknown; lang: Lang; t: TFunction; error: boolean }) {
  return (
    <div
      id={props.id}
      data-testid={`sf-${props.id.replace(/^sf-/, '')}`}
      className={`sf-locked${props.error ? ' sf-locked-error' : ''}`}
      aria-readonly="true"
      role="textbox"
      tabIndex={0}
    >
      <span className="sf-locked-text">
        <DisplayValue schema={props.schema} widget={props.widget} value={props.value} lang={props.lang} t={props.t} />
      </span>
      <Tooltip title={props.t('forms.lockedHint')}>
        <LockOutlined className="sf-lock-icon" aria-label={props.t('forms.locked')} />
      </Tooltip>
    </div>
  );
}
