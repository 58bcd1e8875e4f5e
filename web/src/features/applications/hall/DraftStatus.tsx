import { Button, Spin, Tooltip } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, EditOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError } from '../../../api';
import { fmtDateTime } from '../../../lib/format';
import type { DraftAutosave } from './useDraftAutosave';
import { appErrorText } from './ui';

/** "14:05" today, "11-27 14:05" another day. */
function shortTime(iso: string): string {
  const d = dayjs(iso);
  if (!d.isValid()) return '';
  return d.isSame(dayjs(), 'day') ? d.format('HH:mm') : d.format('MM-DD HH:mm');
}

/** 已自动保存 hh:mm — the state of the draft's autosave, with a retry when it failed. */
export function DraftStatus({ autosave }: { autosave: DraftAutosave }) {
  const { t } = useTranslation();
  const { status, savedAt, manual, error } = autosave;
  let body;
  if (status === 'saving') {
    body = (
      <>
        <Spin size="small" /> {t('applicationsHall.autosave.saving')}
      </>
    );
  } else if (status === 'saved' && savedAt) {
    body = (
      <Tooltip title={fmtDateTime(savedAt)}>
        <span>
          <CheckCircleOutlined className="app-draft-ok" /> {t(manual ? 'applicationsHall.autosave.savedManually' : 'applicationsHall.autosave.saved', { time: shortTime(savedAt) })}
        </span>
      </Tooltip>
    );
  } else if (status === 'error') {
    const tooLarge = error instanceof ApiError && (error.status === 413 || error.code === 'applications.draft_too_large' || error.code === 'request.too_large');
    body = (
      <Tooltip title={appErrorText(error)}>
        <span className="app-draft-error">
          <ExclamationCircleOutlined /> {tooLarge ? t('applicationsHall.autosave.tooLarge') : t('applicationsHall.autosave.failed')}
          {!tooLarge && (
            <Button type="link" size="small" onClick={() => void autosave.saveNow()} className="app-draft-retry">
              {t('applicationsHall.autosave.retry')}
            </Button>
          )}
        </span>
      </Tooltip>
    );
  } else if (status === 'dirty') {
    body = (
      <>
        <EditOutlined /> {t('applicationsHall.autosave.dirty')}
      </>
    );
  } else {
    body = (
      <>
        <CloudUploadOutlined /> {t('applicationsHall.autosave.idle')}
      </>
    );
  }
  return (
    <span className={`app-draft-status app-draft-${status}`} data-testid="draft-status" data-state={status} role="status" aria-live="polite">
      {body}
    </span>
  );
}
