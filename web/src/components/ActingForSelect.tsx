import { useState } from 'react';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { errorText, label } from '../i18n';

const SELF = '__self__';

/** Citizens who can act for enterprises choose here whether they act as themselves or for one of them. */
export function ActingForSelect({ variant = 'header' }: { variant?: 'header' | 'inline' }) {
  const { t } = useTranslation();
  const { me, setActingFor } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!me || me.kind !== 'citizen' || me.enterprises.length === 0) return null;

  const value = me.actingFor?.uscc ?? SELF;
  const options = [
    { value: SELF, label: t('nav.actAsSelf', { name: me.displayName }) },
    ...me.enterprises.map((e) => ({ value: e.uscc, label: t('nav.actingForOption', { name: e.name, relation: label('relation', e.relation) }) })),
  ];

  async function change(v: string) {
    if (v === value) return;
    setBusy(true);
    try {
      await setActingFor(v === SELF ? null : v);
      navigate('/hall');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="tb-acting">
      {variant === 'header' && <span style={{ opacity: 0.85 }}>{t('nav.actingFor')}</span>}
      <Select
        data-testid="acting-for-select"
        aria-label={t('nav.actingFor')}
        value={value}
        loading={busy}
        disabled={busy}
        onChange={change}
        options={options}
        style={{ minWidth: variant === 'header' ? 220 : 280, maxWidth: 320 }}
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
