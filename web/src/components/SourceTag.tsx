import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProvenanceEntry } from '../api';
import { fmtDate, fmtDateTime } from '../lib/format';

/** "来源：澜州市公安局 · 2025-03-01": who vouches for a value and when it last changed. */
export function SourceTag({ source }: { source: ProvenanceEntry | undefined }) {
  const { t } = useTranslation();
  if (!source) return null;
  return (
    <Tooltip title={fmtDateTime(source.updatedAt)}>
      <span className="tb-source-tag">
        {t('hall.source', { department: source.sourceDepartment })}
        <span className="tb-nowrap"> · {fmtDate(source.updatedAt)}</span>
      </span>
    </Tooltip>
  );
}
