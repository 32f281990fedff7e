import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageCard } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { AuthorityTab } from './authority/AuthorityTab.tsx';
import { CatalogueTab } from './authority/CatalogueTab.tsx';
import { DesignatorsTab } from './authority/DesignatorsTab.tsx';
import { GrantsTab } from './authority/GrantsTab.tsx';

const TABS = ['authority', 'grants', 'designators', 'catalogue'] as const;
type TabKey = (typeof TABS)[number];

export function AuthorityPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'authority';
  return (
    <PageCard title={t('des.auth.title')} description={t('des.auth.hint')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'authority', label: t('des.auth.tab.authority'), children: <AuthorityTab /> },
          { key: 'grants', label: t('des.auth.tab.grants'), children: <GrantsTab /> },
          { key: 'designators', label: t('des.auth.tab.designators'), children: <DesignatorsTab /> },
          { key: 'catalogue', label: t('des.auth.tab.catalogue'), children: <CatalogueTab /> },
        ]}
      />
    </PageCard>
  );
}
