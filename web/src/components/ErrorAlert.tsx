import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { errorText } from '../i18n';

/**
 * A plain, translated error with the request id of a server failure (for support) and an optional retry. A feature
 * with its own error codes passes `textOf` (its texts first, then the platform's).
 */
export function ErrorAlert({ error, onRetry, title, textOf = errorText, testId }: { error: unknown; onRetry?: () => void; title?: string; textOf?: (error: unknown) => string; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
  const text = textOf(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title ?? text}
      description={title ? text : requestId ? `Request ID: ${requestId}` : undefined}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
