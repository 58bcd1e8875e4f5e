import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button, Drawer, Skeleton } from 'antd';
import { CustomerServiceOutlined, ExpandOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../../../auth';
import '../consultation.css';

// The panel (region picker, answers, escalation) loads when the drawer first opens: the layout stays light.
const AskPanel = lazy(() => import('./AskPanel').then((m) => ({ default: m.AskPanel })));

/** The 我要咨询 drawer: the compact question box, with a link to the full page. */
function AskDrawer({ open, onClose, itemCode, itemName, regionCode, title }: { open: boolean; onClose: () => void; itemCode?: string; itemName?: string; regionCode?: string; title?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title ?? t('consult.box.title')}
      size={520}
      destroyOnHidden
      data-testid="ask-drawer"
      extra={
        <Link to={`/ask${itemCode ? `?item=${encodeURIComponent(itemCode)}${regionCode ? `&fallback=${encodeURIComponent(regionCode)}` : ''}` : ''}`} onClick={onClose}>
          <Button type="link" icon={<ExpandOutlined />}>
            {t('consult.box.openFull')}
          </Button>
        </Link>
      }
    >
      <Suspense fallback={<Skeleton active />}>
        <AskPanel compact itemCode={itemCode} itemName={itemName} fallbackRegion={regionCode} onLeave={onClose} />
      </Suspense>
    </Drawer>
  );
}

/** A button that opens the drawer (the service guide passes its item's basic code and region). */
export function AskDrawerButton({ itemCode, itemName, regionCode, size = 'large', label, testId = 'ask-open' }: { itemCode?: string; itemName?: string; regionCode?: string; size?: 'small' | 'middle' | 'large'; label?: string; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} icon={<CustomerServiceOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {label ?? t('consult.box.button')}
      </Button>
      <AskDrawer open={open} onClose={() => setOpen(false)} itemCode={itemCode} itemName={itemName} regionCode={regionCode} />
    </>
  );
}

const NO_FAB = [/^\/ask/, /^\/login/, /^\/workbench/, /^\/admin/];

/** The floating 我要咨询 on every portal page (not for staff, not on the ask page itself). */
export function ConsultFab() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  if (me?.kind === 'staff' || NO_FAB.some((r) => r.test(pathname))) return null;
  return (
    <>
      <button type="button" className="tb-cs-fab no-print" onClick={() => setOpen(true)} data-testid="consult-fab" aria-label={t('consult.box.button')}>
        <CustomerServiceOutlined aria-hidden />
        <span>{t('consult.box.fab')}</span>
      </button>
      <AskDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
