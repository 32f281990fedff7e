// Where a page stands in the menu: the menu group, then the menu entry (a link back to the list
// when the page is below it, e.g. a detail).
import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n.tsx';
import { labelOf, navFor } from '../nav.ts';
import { roleOf, useMe } from '../session.tsx';

export function Breadcrumbs({ current }: { current?: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const { pathname } = useLocation();
  const role = roleOf(me);
  const item = navFor(role, me.person?.roles, me.person?.orgKind).find(
    (i) => pathname === i.path || pathname.startsWith(`${i.path}/`),
  );
  if (!item) return null;
  const here = pathname === item.path;
  const items = [
    ...(item.group ? [{ title: t(item.group) }] : []),
    { title: here ? t(labelOf(item, role)) : <Link to={item.path}>{t(labelOf(item, role))}</Link> },
    ...(current && !here ? [{ title: current }] : []),
  ];
  return (
    <Breadcrumb items={items} data-testid="breadcrumbs" style={{ fontWeight: 'normal', fontSize: 13 }} />
  );
}
