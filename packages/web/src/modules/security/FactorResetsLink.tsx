// R-SYS-01 / R-SYS-02: the way to 双因素重置 from the administrators' existing pages (no menu entry of
// its own): the sysadmin is told of requests waiting for his confirmation, the secadmin gets a link.
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api.ts';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';

export function FactorResetsLink({ always = false }: { always?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useLoad(() => api.factorResets(), []);
  const pending = list.data?.items.filter((r) => r.status === 'pending').length ?? 0;
  if (!always && pending === 0) return null;
  return (
    <Alert
      type={pending > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="factor-resets-link"
      title={pending > 0 ? t('factorResets.pending', { n: pending }) : t('factorResets.hintShort')}
      action={
        <Button size="small" onClick={() => navigate('/second-factor-resets')}>
          {t('nav.factorResets')}
        </Button>
      }
    />
  );
}
