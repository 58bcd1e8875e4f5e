import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import './i18n';
import './styles.css';
import { App } from './App';
import { AuthProvider } from './auth';
import { ErrorBoundary } from './components/ErrorBoundary';

const theme = {
  token: {
    colorPrimary: '#0b4aa2',
    colorLink: '#0b4aa2',
    colorError: '#c8161d',
    borderRadius: 4,
    fontSize: 14,
    colorBgLayout: '#f2f4f8',
  },
  components: {
    Card: { headerFontSize: 16 },
    Table: { headerBg: '#f3f6fb' },
    Menu: { itemSelectedBg: '#e8f0fc', itemSelectedColor: '#0b4aa2' },
  },
};

function Root() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUSLocale : zhCNLocale;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>
        <ErrorBoundary>
          <AuthProvider>
            <App />
          </AuthProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
