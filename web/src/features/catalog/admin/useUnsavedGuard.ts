import { useContext, useEffect, useRef } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNSAFE_NavigationContext } from 'react-router-dom';

type Nav = { push: (...a: unknown[]) => void; replace: (...a: unknown[]) => void };

/**
 * Warns before leaving a page with unsaved changes: in-app navigation (links, menus, navigate()) asks first, and the
 * browser asks before a reload or closing the tab. The app uses <BrowserRouter>, where useBlocker is not available,
 * so the router's navigator is wrapped while there are changes. Returns `allow()` to let one navigation through
 * (after a save, say).
 */
export function useUnsavedGuard(when: boolean): { allow: () => void } {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const bypass = useRef(false);

  useEffect(() => {
    if (!when) return;
    bypass.current = false;
    const nav = navigator as unknown as Nav;
    const push = nav.push;
    const replace = nav.replace;
    const guard =
      (orig: (...a: unknown[]) => void) =>
      (...args: unknown[]) => {
        if (bypass.current) {
          orig.apply(nav, args);
          return;
        }
        modal.confirm({
          title: t('catalogAdmin.editor.unsavedTitle'),
          content: t('catalogAdmin.editor.unsavedLeave'),
          okText: t('catalogAdmin.editor.leave'),
          okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' },
          cancelText: t('catalogAdmin.editor.stay'),
          onOk: () => {
            bypass.current = true;
            orig.apply(nav, args);
          },
        });
      };
    nav.push = guard(push);
    nav.replace = guard(replace);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (bypass.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      nav.push = push;
      nav.replace = replace;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when, navigator, modal, t]);

  return { allow: () => (bypass.current = true) };
}
