/**
 * The applicant's answers for the guide's materials: what each material allows (upload, 免提交 by shared data or by
 * an electronic licence the applicant holds, 容缺 later, 不涉及), the state the editor keeps, the answers filed, the browser's check, and the server's
 * material problems put back on their materials.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api';
import type { Material } from '../../catalog/types';
import type { MaterialAnswer, MaterialBy, MaterialFileRef, UsableLicence } from '../types';
import { fill, msgs } from './ui';

export interface MaterialFile extends MaterialFileRef {
  size?: number;
  contentType?: string;
}

export interface MaterialState {
  /** null: not chosen yet (a conditional material the applicant has not said applies or not). */
  by: MaterialBy | null;
  file: MaterialFile | null;
  /** by `license`: the chosen licence */
  licenceId?: string | null;
}

export type MaterialsState = Record<string, MaterialState>;

/** The applicant's usable licences by material key (GET /applications/items/:id/usable-licences). */
export type UsableByMaterial = Record<string, UsableLicence[]>;

/** What the applicant may do for a material: a licence only when the applicant holds a usable one. */
export function materialOptions(m: Material, usable: UsableLicence[] = []): MaterialBy[] {
  const out: MaterialBy[] = [];
  if (usable.length > 0 && m.substitutes.some((s) => s.kind === 'license')) out.push('license');
  if (m.substitutes.some((s) => s.kind === 'shared_data')) out.push('shared_data');
  out.push('upload');
  if (m.necessity === 'deferrable') out.push('deferred');
  if (m.necessity === 'conditional') out.push('not_applicable');
  return out;
}

/** Required, deferrable and conditional materials need an answer; anything else the guide may list is optional. */
const isOptional = (m: Material) => !['required', 'deferrable', 'conditional'].includes(m.necessity);

function defaultState(m: Material, usable: UsableLicence[] = []): MaterialState {
  // 免提交: a held licence is preselected (the first one offered)
  if (usable.length > 0 && m.necessity !== 'conditional' && m.substitutes.some((s) => s.kind === 'license')) return { by: 'license', file: null, licenceId: usable[0].licenceId };
  if (m.substitutes.some((s) => s.kind === 'shared_data')) return { by: 'shared_data', file: null };
  if (m.necessity === 'conditional') return { by: null, file: null };
  return { by: 'upload', file: null };
}

/**
 * The editor's state for a guide's materials, from saved answers (a draft, a filed case) where they still fit the
 * guide. `dropped` says whether saved answers no longer fitted (the guide changed since).
 */
export function initialMaterials(materials: Material[], saved: MaterialAnswer[] = [], usable: UsableByMaterial = {}): { state: MaterialsState; dropped: boolean } {
  const state: MaterialsState = {};
  const byKey = new Map(saved.map((a) => [a.key, a]));
  let dropped = saved.some((a) => !materials.some((m) => m.key === a.key));
  for (const m of materials) {
    const a = byKey.get(m.key);
    const held = usable[m.key] ?? [];
    // a saved licence answer fits while the licence is still usable
    const fits = a && materialOptions(m, held).includes(a.by) && (a.by !== 'license' || held.some((l) => l.licenceId === a.licenceId));
    if (a && fits) state[m.key] = { by: a.by, file: a.by === 'upload' && a.file ? { ...a.file } : null, ...(a.by === 'license' ? { licenceId: a.licenceId } : {}) };
    else {
      if (a && a.by !== 'license') dropped = true;
      state[m.key] = defaultState(m, held);
    }
  }
  return { state, dropped };
}

/** Everything chosen so far, for the draft (not checked: a draft may be incomplete). */
export function draftAnswers(materials: Material[], state: MaterialsState): MaterialAnswer[] {
  const out: MaterialAnswer[] = [];
  for (const m of materials) {
    const s = state[m.key];
    if (!s?.by) continue;
    out.push({ key: m.key, by: s.by, ...(s.by === 'upload' && s.file ? { file: { sha256: s.file.sha256, name: s.file.name } } : {}), ...(s.by === 'license' && s.licenceId ? { licenceId: s.licenceId } : {}) });
  }
  return out;
}

/** The answers to file, in guide order: an upload without a file is left out (the check says so first). */
export function filedAnswers(materials: Material[], state: MaterialsState): MaterialAnswer[] {
  return draftAnswers(materials, state).filter((a) => a.by !== 'upload' || a.file);
}

/** The browser's check of the materials: by key, what is missing. */
export function checkMaterialAnswers(materials: Material[], state: MaterialsState, uploading: ReadonlySet<string>): Record<string, string> {
  const m0 = msgs().materials;
  const out: Record<string, string> = {};
  for (const m of materials) {
    const s = state[m.key];
    if (uploading.has(m.key)) {
      out[m.key] = fill(m0.stillUploading, { name: m.name });
      continue;
    }
    if (!s?.by) {
      if (m.necessity === 'conditional') out[m.key] = fill(m0.needChoice, { name: m.name });
      continue;
    }
    if (s.by === 'license' && !s.licenceId) {
      out[m.key] = fill(m0.needLicence, { name: m.name });
      continue;
    }
    if (s.by === 'upload' && !s.file && !isOptional(m)) {
      out[m.key] = fill(m.necessity === 'deferrable' ? m0.needUploadOrDefer : m0.needUpload, { name: m.name });
    }
  }
  return out;
}

/** A server reason about a material in the reader's words (the server writes them in English with the name). */
function reasonText(reason: string, m: Material | undefined): string {
  const e = msgs().materials.serverErrors;
  const name = m?.name ?? '';
  if (/is required$/.test(reason)) return fill(e.required, { name });
  if (/^upload .* first/.test(reason)) return fill(e.uploadFirst, { name });
  if (/no such uploaded file/.test(reason)) return fill(e.fileMissing, { name });
  if (/cannot be replaced by shared data/.test(reason)) return fill(e.noSharedData, { name });
  if (/cannot be supplied later/.test(reason)) return fill(e.notDeferrable, { name });
  if (/is always needed/.test(reason)) return fill(e.alwaysNeeded, { name });
  if (/cannot be replaced by an electronic licence/.test(reason)) return fill(e.licenseNotAccepted, { name });
  if (/choose the licence/.test(reason)) return fill(msgs().materials.needLicence, { name });
  if (/held by someone else/.test(reason)) return fill(e.licenceHolder, { name });
  if (/not valid \(revoked or suspended\)/.test(reason)) return fill(e.licenceStatus, { name });
  if (/outside its validity dates/.test(reason)) return fill(e.licenceValidity, { name });
  if (/valid signature/.test(reason)) return fill(e.licenceSignature, { name });
  if (/not of a type accepted/.test(reason)) return fill(e.licenceType, { name });
  if (/no such licence|identifier is not valid/.test(reason)) return fill(e.licenceUnknown, { name });
  if (/no such material|answered twice/.test(reason)) return e.unknown;
  return fill(e.other, { name, reason });
}

/**
 * The server's material problems (`materials.2.file`, `materials.2.by`, `materials`) by material key, using the
 * keys in the order they were sent; problems that name no material go to `general`.
 */
export function serverMaterialErrors(err: unknown, materials: Material[], sentKeys: string[]): { byKey: Record<string, string>; general: string[] } {
  const byKey: Record<string, string> = {};
  const general: string[] = [];
  if (!(err instanceof ApiError)) return { byKey, general };
  for (const p of err.fieldProblems) {
    const path = p.field.replace(/^\//, '').replace(/\//g, '.');
    if (!path.startsWith('materials')) continue;
    const idx = /^materials\.(\d+)/.exec(path);
    const key = idx ? sentKeys[Number(idx[1])] : undefined;
    if (key) {
      const m = materials.find((x) => x.key === key);
      byKey[key] ??= reasonText(p.reason, m);
      continue;
    }
    // "「name」 is required" without an index: find the material by its name
    const named = materials.find((m) => p.reason.includes(`「${m.name}」`));
    if (named) byKey[named.key] ??= reasonText(p.reason, named);
    else general.push(reasonText(p.reason, undefined));
  }
  return { byKey, general };
}

/**
 * What the materials editor needs kept: the answers, the materials whose files are still uploading, and the server's
 * problems by material (a change to a material clears its problem).
 */
export function useMaterialsEditing(initial: MaterialsState | (() => MaterialsState)) {
  const [mats, setMats] = useState<MaterialsState>(initial);
  const [uploading, setUploading] = useState<ReadonlySet<string>>(() => new Set());
  const [serverMatErrors, setServerMatErrors] = useState<Record<string, string>>({});

  const changeMaterial = useCallback((key: string, next: MaterialState) => {
    setMats((old) => ({ ...old, [key]: next }));
    setServerMatErrors((old) => {
      if (!(key in old)) return old;
      const { [key]: _gone, ...rest } = old;
      return rest;
    });
  }, []);

  const setUploadingKey = useCallback((key: string, on: boolean) => {
    setUploading((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  return { mats, setMats, uploading, setUploadingKey, serverMatErrors, setServerMatErrors, changeMaterial };
}
