import { useRef } from 'react';
import { Button, Table, Tooltip, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { DisplayValue, FieldWidget } from './FieldWidget';
import {
  columnOrder,
  effectiveMaxItems,
  helpOf,
  isColumnVisible,
  isPlainObject,
  titleOf,
  widgetOf,
  type FieldSchema,
  type FormDefinition,
  type Lang,
  type Widget,
} from './shared';

const WIDTHS: Partial<Record<Widget, number>> = { idNumber: 180, uscc: 180, date: 140, number: 120, region: 220, select: 120, radio: 200, checkbox: 72, textarea: 240, phone: 140 };

let nextRowId = 1;

export interface TableFieldProps {
  def: FormDefinition;
  name: string;
  schema: FieldSchema;
  /** The rows as they are in the value (anything: a draft may hold junk). */
  rows: unknown;
  /** The same rows normalised (visibility is decided on them). */
  normalizedRows: unknown;
  onRowsChange: (rows: unknown[], touched?: string, removed?: number) => void;
  onTouch: (path: string) => void;
  errorAt: (path: string) => string | undefined;
  readOnly: boolean;
  lang: Lang;
  t: TFunction;
}

/** A table field (股东, 家庭成员 …): one row per entry, add and remove rows, each cell with its own error. */
export function TableField(p: TableFieldProps) {
  const { def, name, schema, lang, t } = p;
  const rows: unknown[] = Array.isArray(p.rows) ? p.rows : [];
  const normRows: unknown[] = Array.isArray(p.normalizedRows) ? p.normalizedRows : [];
  // Stable row keys, so that inputs keep their state when a row above is removed.
  const ids = useRef<number[]>([]);
  while (ids.current.length < rows.length) ids.current.push(nextRowId++);
  if (ids.current.length > rows.length) ids.current.length = rows.length;

  const columns = columnOrder(schema);
  const required = new Set(schema.items?.required ?? []);
  const max = effectiveMaxItems(schema);

  const setCell = (i: number, c: string, v: unknown) => {
    const next = rows.slice();
    const row: Record<string, unknown> = isPlainObject(next[i]) ? { ...(next[i] as Record<string, unknown>) } : {};
    if (v === undefined) delete row[c];
    else row[c] = v;
    next[i] = row;
    p.onRowsChange(next, `${name}.${i}.${c}`);
  };
  const removeRow = (i: number) => {
    ids.current.splice(i, 1);
    p.onRowsChange(
      rows.filter((_, j) => j !== i),
      undefined,
      i,
    );
  };
  const addRow = () => {
    ids.current.push(nextRowId++);
    p.onRowsChange([...rows, {}]);
  };

  const tableColumns: TableColumnsType<{ key: number; index: number }> = [
    { title: t('forms.rowNo'), key: '#', width: 48, align: 'center', render: (_, r) => r.index + 1 },
    ...columns.map((c) => {
      const col = schema.items!.properties[c];
      const key = `${name}.${c}`;
      const widget = widgetOf(def, key);
      const help = helpOf(def, key, lang);
      const title = titleOf(col, lang);
      return {
        key: c,
        width: WIDTHS[widget] ?? 140,
        title: (
          <span className="sf-col-title">
            {required.has(c) && !p.readOnly && <span className="sf-req" aria-hidden>*</span>}
            {title}
            {help && (
              <Tooltip title={help}>
                <QuestionCircleOutlined className="sf-col-help" aria-label={help} />
              </Tooltip>
            )}
          </span>
        ),
        render: (_: unknown, r: { index: number }) => {
          const i = r.index;
          const row = isPlainObject(rows[i]) ? (rows[i] as Record<string, unknown>) : {};
          const norm = isPlainObject(normRows[i]) ? (normRows[i] as Record<string, unknown>) : {};
          if (!isColumnVisible(def, name, c, norm)) return <span className="tb-muted sf-na">{t('forms.notApplicable')}</span>;
          const path = `${name}.${i}.${c}`;
          if (p.readOnly) return <DisplayValue schema={col} widget={widget} value={row[c]} lang={lang} t={t} />;
          const err = p.errorAt(path);
          return (
            <div className="sf-cell">
              <FieldWidget
                id={`sf-${path}`}
                schema={col}
                widget={widget}
                value={row[c]}
                onChange={(v) => setCell(i, c, v)}
                onBlur={() => p.onTouch(path)}
                lang={lang}
                t={t}
                error={!!err}
                size="small"
                ariaLabel={`${title} (${i + 1})`}
              />
              {err && (
                <div className="sf-cell-error" role="alert">
                  {err}
                </div>
              )}
            </div>
          );
        },
      };
    }),
  ];
  if (!p.readOnly) {
    tableColumns.push({
      title: t('forms.actions'),
      key: 'actions',
      width: 60,
      fixed: 'right',
      align: 'center',
      render: (_, r) => (
        <Tooltip title={t('forms.removeRowLabel', { n: r.index + 1 })}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('forms.removeRowLabel', { n: r.index + 1 })} onClick={() => removeRow(r.index)} data-testid={`sf-${name}-remove-${r.index}`} />
        </Tooltip>
      ),
    });
  }

  return (
    <div className="sf-table" data-testid={`sf-${name}`}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        columns={tableColumns}
        dataSource={rows.map((_, i) => ({ key: ids.current[i], index: i }))}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="tb-muted">{p.readOnly ? t('forms.empty') : t('forms.emptyTable')}</span> }}
      />
      {!p.readOnly && (
        <div className="sf-table-foot">
          <Button type="dashed" icon={<PlusOutlined />} onClick={addRow} disabled={rows.length >= max} data-testid={`sf-${name}-add`}>
            {t('forms.addRow')}
          </Button>
          {max <= 50 && <span className="tb-muted sf-table-limit">{t('forms.rowsLimit', { max })}</span>}
        </div>
      )}
    </div>
  );
}
