// 即将到期 (R-DES-08): designated items whose period ends within 30 or 90 days, so that an extension
// (延长保密期限) or an early release is decided before expiry. The window, the level filter and the
// sort are kept in the address (prefix `x.`); the extend/release actions open the item's own change
// form (the same approval flow as on the detail page), offered only where the server says the
// caller may propose a change.
import {
  EXPIRY_WINDOW_DEFAULT,
  EXPIRY_WINDOWS,
  LEVEL_LABELS,
  LEVEL_RANK,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import { App, Button, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { can } from '../../app/abilities.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { type ChangeKind, designationApi, type ExpiringEntry } from './api.ts';
import { ChangeModal } from './modals.tsx';
import { LevelTag, MarkingTag, useDirectory } from './shared.tsx';

type Filter = 'window' | 'level';
type SortField = 'endsOn' | 'itemNumber' | 'level' | 'title';

const compare: Record<SortField, (a: ExpiringEntry, b: ExpiringEntry) => number> = {
  endsOn: (a, b) => a.daysLeft - b.daysLeft,
  itemNumber: (a, b) => (a.item.itemNumber ?? '').localeCompare(b.item.itemNumber ?? ''),
  level: (a, b) => LEVEL_RANK[a.item.level] - LEVEL_RANK[b.item.level],
  title: (a, b) => a.item.title.localeCompare(b.item.title, 'zh-Hans-CN-u-co-pinyin'),
};

export function ExpiringSection() {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const query = useLedgerQuery<Filter>(['window', 'level'], { prefix: 'x.' });
  const directory = useDirectory();
  const windowDays = (EXPIRY_WINDOWS as readonly number[]).includes(Number(query.filters.window))
    ? Number(query.filters.window)
    : EXPIRY_WINDOW_DEFAULT;
  const loaded = useLoad(() => designationApi.expiring(windowDays), [windowDays]);
  const [acting, setActing] = useState<{ entry: ExpiringEntry; kind: ChangeKind } | null>(null);
  const items = useMemo(() => {
    const all = loaded.data?.items ?? [];
    const level = query.filters.level;
    const shown = level ? all.filter((e) => e.item.level === level) : all;
    const field = (query.sort?.field ?? 'endsOn') as SortField;
    const by = compare[field] ?? compare.endsOn;
    const sign = query.sort?.order === 'desc' ? -1 : 1;
    return [...shown].sort((a, b) => sign * by(a, b) || a.daysLeft - b.daysLeft);
  }, [loaded.data, query.filters.level, query.sort]);
  const list = { ...loaded, data: loaded.data ? { items, total: items.length } : undefined };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="expiring-section">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('des.expiring.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('des.expiring.hint')}</Typography.Text>
      <LedgerTable<ExpiringEntry>
        id="designation-expiring"
        query={query}
        result={list}
        paging="client"
        rowKey={(e) => e.item.id}
        emptyText={t('des.expiring.empty', { n: windowDays })}
        data-testid="expiring-table"
        filters={
          <>
            <Segmented
              value={String(windowDays)}
              onChange={(v) =>
                query.setFilter('window', Number(v) === EXPIRY_WINDOW_DEFAULT ? undefined : String(v))
              }
              options={EXPIRY_WINDOWS.map((w) => ({
                value: String(w),
                label: t('des.expiring.window', { n: w }),
              }))}
              data-testid="expiring-window"
            />
            <Select
              allowClear
              placeholder={t('des.level')}
              value={query.filters.level}
              onChange={(v) => query.setFilter('level', v)}
              options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)}
              style={{ width: 110 }}
              data-testid="expiring-level"
              aria-label={t('des.level')}
            />
          </>
        }
        actions={(e) =>
          can(e.item.abilities, 'propose') ? (
            <Space size={4}>
              <Button
                type="link"
                size="small"
                onClick={() => setActing({ entry: e, kind: 'extend' })}
                data-testid={`expiring-extend-${e.item.id}`}
              >
                {t('des.expiring.extend')}
              </Button>
              <Button
                type="link"
                size="small"
                danger
                onClick={() => setActing({ entry: e, kind: 'release' })}
                data-testid={`expiring-release-${e.item.id}`}
              >
                {t('des.expiring.release')}
              </Button>
            </Space>
          ) : (
            <Link to={`/designation/items/${e.item.id}`}>{t('des.expiring.view')}</Link>
          )
        }
        columns={[
          {
            title: t('des.itemNumber'),
            key: 'n',
            sortField: 'itemNumber',
            render: (_: unknown, e) => e.item.itemNumber,
          },
          {
            title: t('des.title'),
            key: 'title',
            sortField: 'title',
            render: (_: unknown, e) => <Link to={`/designation/items/${e.item.id}`}>{e.item.title}</Link>,
          },
          { title: t('des.marking'), key: 'm', render: (_: unknown, e) => <MarkingTag item={e.item} /> },
          {
            title: t('des.level'),
            key: 'l',
            sortField: 'level',
            render: (_: unknown, e) => <LevelTag level={e.item.level} />,
          },
          { title: t('des.expiring.endsOn'), key: 'endsOn', sortField: 'endsOn', dataIndex: 'endsOn' },
          {
            title: t('des.review.days'),
            key: 'daysLeft',
            dataIndex: 'daysLeft',
            render: (d: number) => (
              <Tag color={d <= 30 ? 'red' : 'orange'}>
                {d === 0 ? t('des.expiring.today') : t('des.review.inDays', { n: d })}
              </Tag>
            ),
          },
        ]}
      />
      {acting && (
        <ChangeModal
          item={acting.entry.item}
          directory={directory.data}
          indefiniteAllowed={acting.entry.item.period.kind === 'indefinite'}
          initialKind={acting.kind}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            message.success(t('des.change.sent'));
            void loaded.reload();
          }}
        />
      )}
    </Space>
  );
}
