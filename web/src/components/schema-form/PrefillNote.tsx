import { Button, Tag, Tooltip } from 'antd';
import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { fmtDate, fmtDateTime } from '../../lib/format';
import type { PrefillValue } from './shared';

/**
 * Under a prefilled field: 已核验 (locked) or 已自动填写, and 「来源：澜州市公安局 · 更新于 2026-10-01」. When the
 * applicant changed an unlocked value: 已修改 and a link that puts the registry's value back.
 */
export function PrefillNote({ prefill, edited, onRestore, t, testId }: { prefill: PrefillValue; edited: boolean; onRestore?: () => void; t: TFunction; testId: string }) {
  return (
    <span className="sf-prefill" data-testid={testId}>
      {prefill.locked ? (
        <Tooltip title={t('forms.lockedHint')}>
          <Tag icon={<LockOutlined />} color="blue" className="sf-prefill-tag">
            {t('forms.locked')}
          </Tag>
        </Tooltip>
      ) : (
        <Tag icon={<SafetyCertificateOutlined />} color="cyan" className="sf-prefill-tag">
          {t('forms.prefilled')}
        </Tag>
      )}
      <Tooltip title={fmtDateTime(prefill.updatedAt)}>
        <span className="tb-source-tag">{t('forms.source', { department: prefill.sourceDepartment, date: fmtDate(prefill.updatedAt) })}</span>
      </Tooltip>
      {!prefill.locked && edited && (
        <>
          <Tag color="orange" className="sf-prefill-tag sf-edited">
            {t('forms.edited')}
          </Tag>
          {onRestore && (
            <Button type="link" size="small" className="sf-restore" onClick={onRestore}>
              {t('forms.restore')}
            </Button>
          )}
        </>
      )}
    </span>
  );
}
