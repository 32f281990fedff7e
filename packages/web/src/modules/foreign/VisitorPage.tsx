// A foreign visitor (R-FOR-05): the archived personal data with the whole document number (this read
// is audited), his visits, and a new visit registered on him.
import { FOREIGN_DOC_TYPE_LABELS } from '@baomi/domain';
import { Button, Card, Descriptions, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { VisitFormModal, VisitorFormModal, VisitStatusTag } from './VisitorShared.tsx';
import { type VisitorDetail, visitorApi } from './visitor.api.ts';

export function VisitorPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const d = useLoad(() => visitorApi.detail(id), [id]);
  const [edit, setEdit] = useState(false);
  const [visit, setVisit] = useState(false);
  const v = d.data;
  return (
    <PageCard
      title={v ? `${t('fv.visitors.title')}：${v.name}` : t('fv.visitors.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <span>
          {t('fv.basis')}：<Citation rule="R-FOR-05" />
        </span>
      }
      extra={
        v && (
          <Space>
            <AbilityButton ability={v.abilities.edit} hideWhenRefused onClick={() => setEdit(true)}>
              {t('fv.edit')}
            </AbilityButton>
            <Button type="primary" onClick={() => setVisit(true)} data-testid="visitor-visit">
              {t('fv.newVisit')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={d.error} onRetry={d.reload} />
      {v && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2} data-testid="visitor-detail">
            <Descriptions.Item label={t('fv.name')}>{v.name}</Descriptions.Item>
            <Descriptions.Item label={t('fv.nationality')}>{v.nationality}</Descriptions.Item>
            <Descriptions.Item label={t('fv.organisation')}>{v.organisation || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fv.docType')}>
              {l(FOREIGN_DOC_TYPE_LABELS[v.docType])}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.docNumber')}>
              <span data-testid="visitor-doc-number">{v.docNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.contact')}>{v.contact || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fv.createdBy')}>{v.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('fv.note')}>{v.note || '—'}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('fv.visitList')}>
            <Table<VisitorDetail['visitList'][number]>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={v.visitList}
              locale={{ emptyText: t('fv.noVisits') }}
              columns={[
                {
                  title: t('fv.visitOn'),
                  dataIndex: 'visitOn',
                  render: (x: string, r) => (
                    <Link to={`/foreign/visits/${r.id}`}>{r.endsOn === x ? x : `${x}—${r.endsOn}`}</Link>
                  ),
                },
                { title: t('fv.purpose'), dataIndex: 'purpose' },
                {
                  title: t('fv.keySites'),
                  dataIndex: 'keySiteCount',
                  render: (n: number) => (n ? n : t('fv.none')),
                },
                { title: t('fv.status'), dataIndex: 'status', render: (s) => <VisitStatusTag status={s} /> },
              ]}
            />
          </Card>
        </Space>
      )}
      {edit && v && (
        <VisitorFormModal
          existing={v}
          onClose={() => setEdit(false)}
          onDone={() => {
            setEdit(false);
            d.reload();
          }}
        />
      )}
      {visit && v && (
        <VisitFormModal
          visitorId={v.id}
          onClose={() => setVisit(false)}
          onDone={(x) => navigate(`/foreign/visits/${x.id}`)}
        />
      )}
    </PageCard>
  );
}
