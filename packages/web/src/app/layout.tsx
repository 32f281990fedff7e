import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ADMIN_ROLE_LABELS } from '@baomi/domain';
import { Badge, Button, Dropdown, Layout, Menu, type MenuProps, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Brand, DemoBanner, LangSwitch } from './chrome.tsx';
import { PageErrorBoundary } from './guards.tsx';
import { useI18n } from './i18n.tsx';
import { labelOf, type NavItem, navFor } from './nav.ts';
import type { MessageKey } from './registry.ts';
import { type Role, roleOf, useSession } from './session.tsx';
import { TodoProvider, useTodos } from './todos.tsx';

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

/** The menu: entries in order, those of a group together under the group's label. */
function menuItems(items: NavItem[], role: Role, t: (k: MessageKey) => string): MenuProps['items'] {
  type Group = { key: string; type: 'group'; label: string; children: NonNullable<MenuProps['items']> };
  const out: NonNullable<MenuProps['items']> = [];
  const groups = new Map<string, Group>();
  for (const i of items) {
    const entry = { key: i.path, icon: i.icon, label: <NavLabel item={i} role={role} /> };
    if (!i.group) {
      out.push(entry);
      continue;
    }
    let group = groups.get(i.group);
    if (!group) {
      group = { key: `group:${i.group}`, type: 'group', label: t(i.group), children: [] };
      groups.set(i.group, group);
      out.push(group);
    }
    group.children.push(entry);
  }
  return out;
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
  // R-SYS-02: a user who must have a second factor and has none enrols it before anything else.
  if (!me.mustChangePassword && me.mustEnrolSecondFactor && location.pathname !== '/security') {
    return <Navigate to="/security" replace />;
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
  const forced = me.mustChangePassword || me.mustEnrolSecondFactor;
  const items = forced ? [] : navFor(role, me.person?.roles, me.person?.orgKind);
  const selected = items.find(
    (i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`),
  );
  const business = role === 'business' && !forced;
  const roleLabel = me.adminRole ? l(ADMIN_ROLE_LABELS[me.adminRole]) : t('auth.role.business');

  const userMenu = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
      { key: 'security', icon: <SafetyCertificateOutlined />, label: t('nav.securitySettings') },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') navigate('/change-password');
      if (key === 'security') navigate('/security');
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
            style={{ background: '#001529', position: 'sticky', top: 0, height: '100vh' }}
          >
            {/* The menu scrolls above the collapse bar (48 px, fixed at the bottom), so that a long menu's
                last entries can be reached on a small screen. */}
            <div style={{ height: 'calc(100vh - 48px)', overflowY: 'auto' }}>
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
            </div>
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
