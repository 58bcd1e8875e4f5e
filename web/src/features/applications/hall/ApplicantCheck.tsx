import { useState } from 'react';
import { Alert, App, Button, Select, Space } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../api';
import { useAuth } from '../../../auth';
import { errorText, label } from '../../../i18n';

/** Whether the current identity (oneself, or an enterprise acted for) may apply for an item for these service objects. */
export function applicantMismatch(me: Me, serviceObjects: string[]): 'needs_enterprise' | 'needs_person' | null {
  const kind = me.actingFor ? 'enterprise' : 'person';
  if (!serviceObjects.length || serviceObjects.includes(kind)) return null;
  return kind === 'person' ? 'needs_enterprise' : 'needs_person';
}

/**
 * Says when the applicant must act for an enterprise (or as themselves) to apply, and lets them switch right here;
 * the page reloads its data for the new identity.
 */
export function ApplicantCheck({ me, mismatch }: { me: Me; mismatch: 'needs_enterprise' | 'needs_person' }) {
  const { t } = useTranslation();
  const { setActingFor } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function switchTo(uscc: string | null) {
    setBusy(true);
    try {
      await setActingFor(uscc);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (mismatch === 'needs_person') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="apply-wrong-applicant"
        className="app-block"
        title={t('applicationsHall.apply.wrongApplicantPerson')}
        action={
          <Button icon={<UserOutlined />} loading={busy} onClick={() => void switchTo(null)} data-testid="apply-act-as-self">
            {t('applicationsHall.apply.actAsSelf')}
          </Button>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="apply-wrong-applicant"
      className="app-block"
      title={t('applicationsHall.apply.wrongApplicantEnterprise')}
      description={
        me.enterprises.length === 0 ? (
          t('applicationsHall.apply.noEnterprises')
        ) : (
          <Space wrap className="app-switch">
            <span>{t('applicationsHall.apply.switchTo')}</span>
            <Select
              data-testid="apply-act-for"
              loading={busy}
              disabled={busy}
              placeholder={t('applicationsHall.apply.switchToPlaceholder')}
              style={{ minWidth: 300 }}
              popupMatchSelectWidth={false}
              onChange={(v: string) => void switchTo(v)}
              options={me.enterprises.map((e) => ({ value: e.uscc, label: t('nav.actingForOption', { name: e.name, relation: label('relation', e.relation) }) }))}
              suffixIcon={<BankOutlined />}
            />
          </Space>
        )
      }
    />
  );
}
