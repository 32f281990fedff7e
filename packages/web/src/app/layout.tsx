import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudDownloadOutlined,
  DownOutlined,
  FileProtectOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ADMIN_ROLE_LABELS } from '@baomi/domain';
import {
  Alert,
  Badge,
  Button,
  Dropdown,
  Layout,
  Menu,
  type MenuProps,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PageErrorBoundary } from './components.tsx';
import { useI18n } from './i18n.tsx';
import { labelOf, type NavIcon, type NavItem, navFor } from './nav.ts';
import { type Role, roleOf, useSession } from './session.tsx';
import { TodoProvider, useTodos } from './todos.tsx';

const ICONS: Record<NavIcon, ReactNode> = {
  home: <HomeOutlined />,
  orgs: <ApartmentOutlined />,
  accounts: <TeamOutlined />,
  backups: <CloudDownloadOutlined />,
  audit: <AuditOutlined />,
  roles: <SafetyCertificateOutlined />,
  security: <SafetyOutlined />,
  calendar: <CalendarOutlined />,
  approvals: <NodeIndexOutlined />,
  items: <FileProtectOutlined />,
  review: <CarryOutOutlined />,
  authority: <BookOutlined />,
  stats: <BarChartOutlined />,
};

const GROUP_LABELS = { designation: 'nav.designation' } as const;

/** A menu entry's label, with the count of open todos it stands for. */
function NavLabel({ item, role }: { item: NavItem; role: Role }) {
  const { t } = useI18n();
  const todos = useTodos();
  const c = todos.data;
  const n = !c || !item.badge ? 0 : item.badge === 'all' ? c.total : c.counts.approval + c.counts.return;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {t(labelOf(item, role))}
      {n > 0 && (
        <Badge
          count={n}
          size="small"
          data-testid={`badge-${item.path.slice(1)}`}
          style={{ boxShadow: 'none' }}
        />
      )}
    </span>
  );
}

function menuItems(items: NavItem[], role: Role, t: (k: 'nav.designation') => string): MenuProps['items'] {
  const out: NonNullable<MenuProps['items']> = [];
  for (const i of items) {
    const entry = { key: i.path, icon: ICONS[i.icon], label: <NavLabel item={i} role={role} /> };
    if (!i.group) {
      out.push(entry);
      continue;
    }
    const key = `group:${i.group}`;
    let group = out.find((g) => g?.key === key) as { children: unknown[] } | undefined;
    if (!group) {
      group = { key, type: 'group', label: t(GROUP_LABELS[i.group]), children: [] } as never;
      out.push(group as never);
    }
    group!.children.push(entry);
  }
  return out;
}

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

/** Waits for the session, sends the signed-out to /login and the must-change to /change-password. */
export function RequireAuth() {
  const { me, exitReason } = useSession();
  const location = useLocation();
  if (me === undefined) {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me === null) {
    const to = exitReason ? `/login?reason=${exitReason}` : '/login';
    const from = exitReason === 'loggedOut' ? undefined : location.pathname + location.search;
    return <Navigate to={to} replace state={from ? { from } : null} />;
  }
  if (me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <AppLayout />;
}

function AppLayout() {
  const { me, logout } = useSession();
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 900);
  const role = me ? roleOf(me) : 'business';
  const pageTitle = (() => {
    const item = navFor(role, me?.person?.roles, me?.person?.orgKind).find(
      (i) => location.pathname === i.path,
    );
    return item
      ? t(labelOf(item, role))
      : location.pathname === '/change-password'
        ? t('nav.changePassword')
        : '';
  })();
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} - ${t('app.name')}` : t('app.name');
  }, [pageTitle, t]);
  if (!me) return null;
  const forced = me.mustChangePassword;
  const items = forced ? [] : navFor(role, me.person?.roles, me.person?.orgKind);
  const selected = items.find(
    (i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`),
  );
  const business = role === 'business' && !forced;
  const roleLabel = me.adminRole ? l(ADMIN_ROLE_LABELS[me.adminRole]) : t('auth.role.business');

  const userMenu = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') navigate('/change-password');
      if (key === 'logout') void logout('loggedOut');
    },
  };

  return (
    <TodoProvider enabled={business}>
      <Layout style={{ minHeight: '100vh' }}>
        {!forced && (
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={220}
            style={{ background: '#001529', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <Brand collapsed={collapsed} />
            <nav aria-label={t('app.name')}>
              <Menu
                theme="dark"
                mode="inline"
                data-testid="side-menu"
                selectedKeys={selected ? [selected.path] : []}
                items={menuItems(items, role, t)}
                onClick={({ key }) => navigate(key)}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 16px 0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 16,
              height: 56,
              lineHeight: '56px',
              boxShadow: '0 1px 4px rgba(0,21,41,0.08)',
              position: 'sticky',
              top: 0,
              zIndex: 10,
            }}
          >
            <Typography.Text strong style={{ fontSize: 16 }}>
              {forced ? t('app.name') : selected ? t(labelOf(selected, role)) : ''}
            </Typography.Text>
            <Space size="middle">
              <Tag
                color={me.adminRole ? 'volcano' : 'blue'}
                data-testid="role-tag"
                style={{ marginInlineEnd: 0 }}
              >
                {roleLabel}
              </Tag>
              <LangSwitch />
              <Dropdown menu={userMenu} trigger={['click']}>
                <Button type="text" data-testid="user-menu">
                  <UserOutlined />
                  <span data-testid="user-name">{me.displayName || me.username}</span>
                  <DownOutlined style={{ fontSize: 10 }} />
                </Button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <DemoBanner />
          <Layout.Content style={{ margin: 16, minWidth: 0 }}>
            <main>
              <PageErrorBoundary
                resetKey={location.pathname}
                title={t('error.unexpected')}
                retry={t('common.retry')}
              >
                <Outlet />
              </PageErrorBoundary>
            </main>
          </Layout.Content>
          <Layout.Footer
            style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 16px', fontSize: 12 }}
          >
            {t('app.name')} · {t('app.offline')}
          </Layout.Footer>
        </Layout>
      </Layout>
    </TodoProvider>
  );
}
