import i18n from 'i18next';
import type { TimeLimit } from '../types';

/** "20 个工作日" / "20 working days"; 0 → 即办. A time limit is never shown without its unit. */
export function timeLimitText(limit: TimeLimit | null | undefined): string {
  if (!limit) return '—';
  if (limit.value === 0) return i18n.t('catalogHall.instantLimit');
  const count = limit.value;
  const unit = limit.unit === 'natural_day' ? i18n.t('catalogHall.units.natural_day', { count }) : i18n.t('catalogHall.units.working_day', { count });
  return i18n.t('catalogHall.timeLimit', { value: limit.value, unit });
}

export function caseKindText(kind: string | null | undefined): string {
  if (kind === 'instant') return i18n.t('catalogHall.caseKind.instant');
  if (kind === 'promised') return i18n.t('catalogHall.caseKind.promised');
  return kind ?? '—';
}

export function visitsText(visits: number | null | undefined): string {
  if (visits === null || visits === undefined) return '—';
  if (visits === 0) return i18n.t('catalogHall.results.zeroVisits');
  return i18n.t('catalogHall.results.visitsN', { count: visits });
}

export function serviceObjectText(o: string): string {
  if (o === 'person') return i18n.t('catalogHall.serviceObjects.person');
  if (o === 'enterprise') return i18n.t('catalogHall.serviceObjects.enterprise');
  return o;
}

/** Human file size. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
