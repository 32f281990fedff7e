// 年度审核 (R-DES-08): designated items due for their yearly review — now, within 30 or 90 days —
// and, below, the items whose period is about to end (ExpiringSection).
import { Button, Divider, Input, message, Popconfirm, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageCard } from '../../app/components.tsx';
import { errorText } from '../../app/errors.ts';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { designationApi, type ReviewEntry } from './api.ts';
import { ExpiringSection } from './ExpiringSection.tsx';
import { INPUT_LIMITS } from './labels.ts';
import { LevelTag, MarkingTag } from './shared.tsx';

const HORIZONS = ['0', '30', '90'] as const;

export function ReviewPage() {
  const { t, lang } = useI18n();
  const query = useLedgerQuery(['horizon']);
  const [note, setNote] = useState('');
  const tab = HORIZONS.find((h) => h === query.filters.horizon) ?? '0';
  const loaded = useLoad(() => designationApi.review(Number(tab) as 0 | 30 | 90), [tab]);
  // the review list is not paged by the server: the table pages it
  const items = loaded.data?.items;
  const list = { ...loaded, data: items ? { items, total: items.length } : undefined };
  return (
    <PageCard title={t('des.review.title')} description={t('des.review.hint')} breadcrumb={<Breadcrumbs />}>
      <Tabs
        activeKey={tab}
        onChange={(k) => query.setFilter('horizon', k === '0' ? undefined : k)}
        items={HORIZONS.map((h) => ({ key: h, label: t(`des.review.tab${h}`) }))}
        data-testid="review-tabs"
      />
      <LedgerTable<ReviewEntry>
        id="designation-review"
        query={{ ...query, filtered: false }}
        result={list}
        paging="client"
        rowKey={(e) => e.item.id}
        emptyText={t('des.review.empty')}
        data-testid="review-table"
        actions={(e) => (
          <Popconfirm
            title={t('des.review.record')}
            description={
              <Input.TextArea
                rows={2}
                maxLength={INPUT_LIMITS.reviewNote}
                placeholder={t('des.review.notePlaceholder')}
                value={note}
                onChange={(ev) => setNote(ev.target.value)}
              />
            }
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await designationApi.recordReview(e.item.id, note.trim());
                setNote('');
                message.success(t('des.review.recorded'));
                list.reload();
              } catch (err) {
                message.error(errorText(err, lang));
              }
            }}
          >
            <Button type="link" size="small" data-testid={`review-${e.item.id}`}>
              {t('des.review.record')}
            </Button>
          </Popconfirm>
        )}
        columns={[
          { title: t('des.itemNumber'), key: 'n', render: (_: unknown, e) => e.item.itemNumber },
          {
            title: t('des.title'),
            key: 'title',
            render: (_: unknown, e) => <Link to={`/designation/items/${e.item.id}`}>{e.item.title}</Link>,
          },
          { title: t('des.marking'), key: 'm', render: (_: unknown, e) => <MarkingTag item={e.item} /> },
          { title: t('des.level'), key: 'l', render: (_: unknown, e) => <LevelTag level={e.item.level} /> },
          { title: t('des.review.dueOn'), dataIndex: 'dueOn', key: 'dueOn' },
          {
            title: t('des.review.days'),
            dataIndex: 'daysUntil',
            key: 'daysUntil',
            render: (d: number) =>
              d <= 0 ? (
                <Tag color="red">{t('des.review.overdue', { n: -d })}</Tag>
              ) : (
                <Typography.Text>{t('des.review.inDays', { n: d })}</Typography.Text>
              ),
          },
        ]}
      />
      <Divider />
      <ExpiringSection />
    </PageCard>
  );
}
