import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHead } from '../../../components/PageHead';
import { ConflictsTab } from './ConflictsTab';
import { DutiesTab } from './DutiesTab';
import { ImportTab } from './ImportTab';
import { OverviewTab } from './OverviewTab';

const TABS = ['overview', 'duties', 'import', 'conflicts'] as const;
type Tab = (typeof TABS)[number];

/** `/admin/consultation`: the consultation centre's back office — dashboard, duty lists, imports, contradictions. */
export default function ConsultationAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && (TABS as readonly string[]).includes(asked) ? asked : 'overview';
  return (
    <>
      <PageHead title={t('consult.admin.title')} intro={t('consult.admin.intro')} testId="consult-admin-title" />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'overview', label: <span data-testid="consult-admin-tab-overview">{t('consult.admin.tabs.overview')}</span>, children: <OverviewTab /> },
            { key: 'duties', label: <span data-testid="consult-admin-tab-duties">{t('consult.admin.tabs.duties')}</span>, children: <DutiesTab /> },
            { key: 'import', label: <span data-testid="consult-admin-tab-import">{t('consult.admin.tabs.import')}</span>, children: <ImportTab /> },
            { key: 'conflicts', label: <span data-testid="consult-admin-tab-conflicts">{t('consult.admin.tabs.conflicts')}</span>, children: <ConflictsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
