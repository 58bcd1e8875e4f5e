import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The page's title bar; it also names the browser tab unless a nested page does (documentTitle=false). */
export function PageHead({ title, intro, extra, testId, documentTitle = true }: { title: string; intro?: ReactNode; extra?: ReactNode; testId?: string; documentTitle?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (documentTitle) document.title = `${title} · ${t('app.portal')}`;
  }, [documentTitle, title, t]);
  return (
    <div className="tb-page-head">
      <div>
        <Typography.Title level={2} className="tb-page-title" data-testid={testId}>
          {title}
        </Typography.Title>
        {intro && <div className="tb-page-intro">{intro}</div>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
