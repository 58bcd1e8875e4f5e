import { useImperativeHandle, useMemo, useState, type Ref } from 'react';
import { Alert, Card, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DisplayValue, FieldWidget, LockedValue } from './FieldWidget';
import { PrefillNote } from './PrefillNote';
import { TableField } from './TableField';
import {
  FORM_ERROR_CODES,
  checkForm,
  comparePaths,
  helpOf,
  isFieldVisible,
  isPlainObject,
  localText,
  messageFor,
  mustBeTicked,
  normalizeFormData,
  own,
  titleOf,
  widgetOf,
  type FormDefinition,
  type FormErrorCode,
  type FormFieldError,
  type Lang,
  type PrefillValue,
} from './shared';
import './schema-form.css';

/** An error to show on the form: the server's `{ field, code, message }` (field as `a.1.b` or `/a/1/b`). */
export interface SchemaFormError {
  field: string;
  message: string;
  code?: string;
}

export interface SchemaFormHandle {
  /** Show every problem (also of fields not visited yet), scroll to the first one; the browser check's errors. */
  validate(): FormFieldError[];
  /** Scroll to a field (path `a` or `a.1.b`) and focus it. */
  focus(path: string): void;
}

export interface SchemaFormProps {
  definition: FormDefinition;
  /** The form's data (a draft). Start it with `applyPrefill(definition, draft, prefill)`. */
  value: Record<string, unknown>;
  /** Every change, with locked prefilled fields always at the registry's value (debounce autosaves in the caller). */
  onChange: (value: Record<string, unknown>) => void;
  /** Registry values with their provenance, by field; locked ones are shown read-only. */
  prefill?: Record<string, PrefillValue>;
  /** Errors from the server: shown on their fields until the field is changed. */
  errors?: SchemaFormError[];
  /** Show the answers as text (review, a submitted application). */
  readOnly?: boolean;
  lang: Lang;
  ref?: Ref<SchemaFormHandle>;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(FORM_ERROR_CODES);
const toDotted = (field: string) => field.replace(/^\//, '').replace(/\//g, '.');
const isCell = (path: string) => path.split('.').length === 3;

function serverMap(errors: SchemaFormError[] | undefined): Map<string, SchemaFormError> {
  const m = new Map<string, SchemaFormError>();
  for (const e of errors ?? []) {
    const path = toDotted(e.field);
    if (!m.has(path)) m.set(path, { ...e, field: path });
  }
  return m;
}

/** Paths of a table's rows after row `removed` went: later rows move up, the removed row's paths go. */
function shiftRows<T>(entries: Iterable<[string, T]>, table: string, removed: number): Array<[string, T]> {
  const out: Array<[string, T]> = [];
  for (const [path, v] of entries) {
    const [name, row, ...rest] = path.split('.');
    if (name !== table || row === undefined || !/^\d+$/.test(row)) out.push([path, v]);
    else if (Number(row) < removed) out.push([path, v]);
    else if (Number(row) > removed) out.push([[name, String(Number(row) - 1), ...rest].join('.'), v]);
  }
  return out;
}

function focusPath(path: string): void {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(`sf-${parts.slice(0, n).join('.')}`);
    if (!el) continue;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const target = el.matches('input, textarea, [tabindex]') ? el : el.querySelector<HTMLElement>('input, textarea, [tabindex]');
    target?.focus({ preventScroll: true });
    return;
  }
}

/**
 * Renders a form definition (src/platform/forms, docs/formats/forms.md) with Ant Design: sections as cards, widgets
 * by hint or type, tables with rows to add and remove, fields shown and hidden as `visibleIf` says, help texts,
 * prefilled values with their source, locked ones read-only. Checks as the server does (same rules, same messages):
 * a field's problem shows once it has been visited, all of them after `validate()`.
 */
export function SchemaForm({ definition: def, value, onChange, prefill, errors, readOnly = false, lang, ref }: SchemaFormProps) {
  const { i18n } = useTranslation();
  const t: TFunction = useMemo(() => i18n.getFixedT(lang), [i18n, lang]);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState(() => ({ source: errors, map: serverMap(errors) }));
  if (server.source !== errors) setServer({ source: errors, map: serverMap(errors) });

  const normalized = useMemo(() => {
    const n = normalizeFormData(def, value);
    return isPlainObject(n) ? n : {};
  }, [def, value]);
  const client = useMemo(() => new Map(checkForm(def, value, { lang }).errors.map((e) => [e.field, e])), [def, value, lang]);
  const required = useMemo(() => new Set(def.schema.required ?? []), [def]);

  const serverText = (e: SchemaFormError, short: boolean) =>
    e.code && KNOWN_CODES.has(e.code) ? messageFor(def, e.field, e.code as FormErrorCode, lang, short) : e.message;

  /** The message to show at a path: the server's until the field changes, else the browser check's once visited. */
  const errorAt = (path: string): string | undefined => {
    const s = server.map.get(path);
    if (s) return serverText(s, isCell(path));
    const c = client.get(path);
    if (c && (submitted || touched.has(path))) return isCell(path) ? messageFor(def, path, c.code, lang, true) : c.message;
    return undefined;
  };

  const touch = (path: string) => {
    if (!touched.has(path)) setTouched((old) => new Set(old).add(path));
  };
  const clearServer = (...paths: string[]) => {
    if (paths.some((p) => server.map.has(p))) {
      const map = new Map(server.map);
      paths.forEach((p) => map.delete(p));
      setServer({ source: errors, map });
    }
  };
  const emit = (next: Record<string, unknown>) => {
    for (const [f, p] of Object.entries(prefill ?? {})) if (p.locked && own(def.schema.properties, f)) next[f] = p.value;
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const setField = (name: string, v: unknown) => {
    clearServer(name);
    emit({ ...value, [name]: v });
  };

  useImperativeHandle(
    ref,
    () => ({
      validate() {
        setSubmitted(true);
        const all = checkForm(def, value, { lang }).errors;
        if (all.length) focusPath(all[0].field);
        return all;
      },
      focus: focusPath,
    }),
    [def, value, lang],
  );

  // The summary above the form: after validate() or when the server answered with errors.
  const summary: Array<{ field: string; message: string }> = [];
  if (submitted || server.map.size) {
    const seen = new Set<string>();
    for (const [path, e] of server.map) {
      seen.add(path);
      summary.push({ field: path, message: serverText(e, false) });
    }
    if (submitted) for (const [path, e] of client) if (!seen.has(path)) summary.push({ field: path, message: e.message });
    const compare = comparePaths(def);
    summary.sort((a, b) => compare(a.field, b.field));
  }

  const renderField = (name: string) => {
    const schema = def.schema.properties[name];
    const widget = widgetOf(def, name);
    const pf = own(prefill, name);
    const locked = !!pf?.locked;
    const help = readOnly ? undefined : helpOf(def, name, lang);
    const err = errorAt(name);
    const ticked = mustBeTicked(schema);
    const id = `sf-${name}`;
    const current = locked ? pf!.value : value[name];
    const edited = !!pf && !locked && own(normalized, name) !== pf.value;
    const extra =
      pf || help ? (
        <div className="sf-extra">
          {pf && <PrefillNote prefill={pf} edited={edited} onRestore={readOnly ? undefined : () => setField(name, pf.value)} t={t} testId={`sf-prefill-${name}`} />}
          {help && <div className="sf-help">{help}</div>}
        </div>
      ) : undefined;
    let control;
    if (widget === 'table') {
      control = (
        <TableField
          def={def}
          name={name}
          schema={schema}
          rows={value[name]}
          normalizedRows={normalized[name]}
          onRowsChange={(rows, cell, removed) => {
            touch(name);
            if (cell) clearServer(cell, name);
            else clearServer(name);
            if (removed !== undefined) {
              setTouched((old) => new Set(shiftRows([...old].map((p) => [p, true] as [string, boolean]), name, removed).map(([p]) => p)));
              setServer((old) => ({ source: old.source, map: new Map(shiftRows(old.map, name, removed).map(([p, e]) => [p, { ...e, field: p }])) }));
            }
            emit({ ...value, [name]: rows });
          }}
          onTouch={touch}
          errorAt={errorAt}
          readOnly={readOnly}
          lang={lang}
          t={t}
        />
      );
    } else if (readOnly) {
      control = (
        <div className="sf-readonly" id={id} data-testid={id}>
          <DisplayValue schema={schema} widget={widget} value={current} lang={lang} t={t} />
        </div>
      );
    } else if (locked) {
      control = <LockedValue id={id} schema={schema} widget={widget} value={current} lang={lang} t={t} error={!!err} />;
    } else {
      control = (
        <FieldWidget
          id={id}
          schema={schema}
          widget={widget}
          value={current}
          onChange={(v) => setField(name, v)}
          onBlur={() => touch(name)}
          lang={lang}
          t={t}
          error={!!err}
          ariaLabel={titleOf(schema, lang)}
        />
      );
    }
    return (
      <Form.Item
        className={`sf-item${locked ? ' sf-item-locked' : ''}`}
        label={ticked && !readOnly ? undefined : titleOf(schema, lang)}
        htmlFor={widget === 'table' || widget === 'radio' ? undefined : id}
        required={required.has(name) && !readOnly && !locked}
        validateStatus={err ? 'error' : undefined}
        help={err}
        extra={extra}
      >
        {control}
      </Form.Item>
    );
  };

  const wide = (name: string) => {
    const w = widgetOf(def, name);
    const f = def.schema.properties[name];
    return w === 'table' || w === 'textarea' || (w === 'checkbox' && mustBeTicked(f)) || (w === 'input' && !f.format && (f.maxLength ?? 0) > 60);
  };

  return (
    <Form layout="vertical" component="div" className={`sf-form${readOnly ? ' sf-form-readonly' : ''}`} data-testid="schema-form" requiredMark>
      {summary.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="sf-summary"
          data-testid="sf-summary"
          title={t('forms.errorSummary', { count: summary.length })}
          description={
            <ul className="sf-summary-list">
              {summary.slice(0, 8).map((e) => (
                <li key={e.field}>
                  <a
                    href={`#sf-${e.field}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      focusPath(e.field);
                    }}
                  >
                    {e.message}
                  </a>
                </li>
              ))}
              {summary.length > 8 && <li className="tb-muted">{t('forms.errorMore', { count: summary.length - 8 })}</li>}
            </ul>
          }
        />
      )}
      {def.layout.sections.map((s) => {
        const fields = s.fields.filter((f) => own(def.schema.properties, f) && isFieldVisible(def, f, normalized));
        if (!fields.length) return null;
        return (
          <Card key={s.key} className="sf-section" title={localText(s.title, lang)} data-testid={`sf-section-${s.key}`}>
            {s.description && <Typography.Paragraph className="sf-section-desc">{localText(s.description, lang)}</Typography.Paragraph>}
            <Row gutter={[24, 0]}>
              {fields.map((f) => (
                <Col key={f} xs={24} md={wide(f) ? 24 : 12}>
                  {renderField(f)}
                </Col>
              ))}
            </Row>
          </Card>
        );
      })}
    </Form>
  );
}
