import { Button, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The 查询 / 重置 pair at the end of every list's filter form (查询 submits the form). */
export function FilterButtons({ onReset, submitTestId }: { onReset: () => void; submitTestId?: string }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={submitTestId}>
        {t('common.search')}
      </Button>
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Space>
  );
}
