import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useI18n } from './app/i18n.tsx';
import { AppRoutes } from './app/router.tsx';
import { SessionProvider } from './app/session.tsx';

// System fonts only: nothing is downloaded (R-SYS-04).
const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

// A user who asked the system for less motion (prefers-reduced-motion: an accessibility setting) gets
// dialogs, menus and messages without their opening and closing animations (D170).
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
function subscribeMotion(onChange: () => void): () => void {
  const q = window.matchMedia?.(REDUCED_MOTION);
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}
const reducedMotion = () => window.matchMedia?.(REDUCED_MOTION).matches ?? false;

function Root() {
  const { lang } = useI18n();
  const calm = useSyncExternalStore(subscribeMotion, reducedMotion);
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1d4ed8', fontFamily: FONT_STACK, borderRadius: 4, motion: !calm },
        components: { Layout: { siderBg: '#001529' } },
      }}
    >
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <I18nProvider>
        <Root />
      </I18nProvider>
    </StrictMode>,
  );
}
