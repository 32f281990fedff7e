// The pieces of the console's chrome the sign-in page shows too: demo banner, language switch, brand.
import { TranslationOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip } from 'antd';
import { useI18n } from './i18n.tsx';
import { useSession } from './session.tsx';

export function DemoBanner() {
  const { info } = useSession();
  const { t } = useI18n();
  if (!info?.demo) return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      data-testid="demo-banner"
      title={<strong>{t('app.demo')}</strong>}
      description={t('app.demoHint')}
      style={{ padding: '6px 16px' }}
    />
  );
}

export function LangSwitch({ light }: { light?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t('app.langLabel')}>
      <Button
        type={light ? 'default' : 'text'}
        icon={<TranslationOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('app.langSwitch')}
      </Button>
    </Tooltip>
  );
}

export function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useI18n();
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: collapsed ? '0 24px' : '0 20px',
        color: '#fff',
        fontWeight: 600,
        fontSize: 16,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && <span>{t('app.brand')}</span>}
    </div>
  );
}
