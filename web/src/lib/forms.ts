import type { FormInstance } from 'antd';
import { ApiError } from '../api';
import { errorText, reasonText } from '../i18n';

/**
 * Put the server's field problems (`details: [{ field, reason }]`) on the matching form fields.
 * Returns true when at least one field got an error. For a specific error code the field shows the translated
 * message of the code; for generic validation errors the translated reason.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fields: string[], fieldMap: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError)) return false;
  const problems = err.fieldProblems;
  if (!problems.length) return false;
  const specific = err.code !== 'request.invalid';
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const raw = p.field.replace(/^\//, '').replace(/\//g, '.').split('.')[0];
    const name = fieldMap[raw] ?? raw;
    if (!fields.includes(name)) continue;
    const text = specific ? errorText(err) : reasonText(p.reason);
    const list = byField.get(name) ?? [];
    if (!list.includes(text)) list.push(text);
    byField.set(name, list);
  }
  if (!byField.size) return false;
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** validateFields without the rejection: the form already shows what is wrong; callers just stop. */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (err) {
    if (err && typeof err === 'object' && 'errorFields' in err) return null;
    throw err;
  }
}
