// 年度审核 (R-DES-08): designated items due for their yearly review — now, within 30 or 90 days.
import { Button, Input, message, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { errorText } from '../../app/errors.ts';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { designationApi, type ReviewEntry } from './api.ts';
import { INPUT_LIMITS } from './labels.ts';
import { LevelTag, MarkingTag } from './shared.tsx';

const HORIZONS = ['0', '30', '90'] as const;

export function ReviewPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [note, setNote] = useState('');
  const tab = HORIZONS.find((h) => h === params.get('horizon')) ?? '0';
  const list = useLoad(() => designationApi.review(Number(tab) as 0 | 30 | 90), [tab]);
  return (
    <PageCard
      title={t('des.review.title')}
      description={t('des.review.hint')}
      extra={<RefreshButton onRefresh={list.reload} />}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ horizon: k }, { replace: true })}
        items={HORIZONS.map((h) => ({ key: h, label: t(`des.review.tab${h}`) }))}
        data-testid="review-tabs"
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<ReviewEntry>
          rowKey={(e) => e.item.id}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('des.review.empty') }}
          data-testid="review-table"
          columns={[
            { title: t('des.itemNumber'), key: 'n', render: (_: unknown, e) => e.item.itemNumber },
            {
              title: t('des.title'),
              key: 'title',
              render: (_: unknown, e) => <Link to={`/designation/items/${e.item.id}`}>{e.item.title}</Link>,
            },
            { title: t('des.marking'), key: 'm', render: (_: unknown, e) => <MarkingTag item={e.item} /> },
            { title: t('des.level'), key: 'l', render: (_: unknown, e) => <LevelTag level={e.item.level} /> },
            { title: t('des.review.dueOn'), dataIndex: 'dueOn' },
            {
              title: t('des.review.days'),
              dataIndex: 'daysUntil',
              render: (d: number) =>
                d <= 0 ? (
                  <Tag color="red">{t('des.review.overdue', { n: -d })}</Tag>
                ) : (
                  <Typography.Text>{t('des.review.inDays', { n: d })}</Typography.Text>
                ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_: unknown, e) => (
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
              ),
            },
          ]}
        />
      </Space>
    </PageCard>
  );
}
