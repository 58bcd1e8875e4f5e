import { Button, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function Pager({ page, hasPrev, hasNext, onPrev, onNext, loading }: { page: number; hasPrev: boolean; hasNext: boolean; onPrev: () => void; onNext: () => void; loading?: boolean }) {
  const { t } = useTranslation();
  if (!hasPrev && !hasNext) return null;
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
      <Button icon={<LeftOutlined />} disabled={!hasPrev || loading} onClick={onPrev}>
        {t('common.prevPage')}
      </Button>
      <Typography.Text type="secondary">{t('common.pageN', { page })}</Typography.Text>
      <Button disabled={!hasNext || loading} onClick={onNext}>
        {t('common.nextPage')} <RightOutlined />
      </Button>
    </Space>
  );
}

export function LoadMore({ hasMore, loading, onClick, count }: { hasMore: boolean; loading: boolean; onClick: () => void; count: number }) {
  const { t } = useTranslation();
  return (
    <div className="tb-load-more">
      {hasMore ? (
        <Button onClick={onClick} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.noMore')} · {t('common.loadedCount', { count })}</Typography.Text>
      )}
    </div>
  );
}
