// The classified person's page: his header (class, clearance, key sites, vetting state), posts,
// vettings and recorded conditions with the officer's forms, every part's section (sections.ts, in
// order, each under its label), and the timeline every part adds its lines to. The server decides who
// may read it (personnelReadVerdict) and who may keep it (abilities.write); a refused placement shows
// every reason with its basis.
import {
  CLEARANCE_LABELS,
  ELIGIBILITY_CONDITION_LABELS,
  PERMANENT_ELIGIBILITY_CONDITIONS,
  PERSON_CLASS_LABELS,
  VETTING_RESULT_LABELS,
} from '@baomi/domain';
import { App, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import type { ApiError } from '../../app/api.ts';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { type MessageKey, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type CoreAction, CoreActionModal, RefusalAlert } from './CoreActions.tsx';
import { VettingTag } from './CoreLedgerPage.tsx';
import { coreApi, type PersonRecord } from './core.api.ts';
import { personSections } from './sections.ts';

export function CorePersonPage() {
  const { personId = '' } = useParams();
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const d = useLoad(() => coreApi.record(personId), [personId]);
  const tl = useLoad(() => coreApi.timeline(personId), [personId]);
  const [action, setAction] = useState<CoreAction | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [fresh, setFresh] = useState<PersonRecord | null>(null);
  if (d.error) return <ErrorAlert error={d.error} data-testid="person-error" />;
  const r = fresh && fresh.person.id === personId ? fresh : d.data;
  if (!r) return <Spin />;
  const write = r.abilities.write;
  const mayWrite = write?.allowed === true;
  const open = r.posts.filter((p) => p.leftOn === null);
  return (
    <PageCard
      title={r.person.name}
      breadcrumb={<Breadcrumbs />}
      extra={
        <Space wrap>
          <AbilityButton
            type="primary"
            ability={write}
            hideWhenRefused
            onClick={() => setAction({ kind: 'addPost' })}
            data-testid="act-addPost"
          >
            {t('pc.post.add')}
          </AbilityButton>
          <AbilityButton
            ability={write}
            hideWhenRefused
            onClick={() => setAction({ kind: 'vetting' })}
            data-testid="act-vetting"
          >
            {t('pc.vetting.add')}
          </AbilityButton>
          <AbilityButton
            ability={write}
            hideWhenRefused
            onClick={() => setAction({ kind: 'fact' })}
            data-testid="act-fact"
          >
            {t('pc.fact.add')}
          </AbilityButton>
        </Space>
      }
    >
      {refusal && <RefusalAlert error={refusal} onClose={() => setRefusal(null)} />}
      <Descriptions bordered size="small" column={2} data-testid="person-header">
        <Descriptions.Item label={t('pc.department')}>{r.person.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pc.person.position')}>{r.person.position || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pc.class')}>
          <span data-testid="person-class">
            {r.personClass
              ? l(PERSON_CLASS_LABELS[r.personClass])
              : r.coolingOffUntil
                ? t('pc.coolingOff')
                : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('pc.clearance')}>
          {l(CLEARANCE_LABELS[r.person.clearance])}
        </Descriptions.Item>
        <Descriptions.Item label={t('pc.keySite')}>
          <span data-testid="person-sites">{r.keySites.map((s) => s.name).join('、') || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('pc.person.nationality')}>{r.person.nationality}</Descriptions.Item>
        <Descriptions.Item label={t('pc.vetting')}>
          {r.vetting ? <VettingTag state={r.vetting.state} until={r.vetting.validUntil} /> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('pc.coolingOffUntil')}>{r.coolingOffUntil ?? '—'}</Descriptions.Item>
      </Descriptions>

      <Card size="small" title={t('pc.person.posts')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={r.posts}
          data-testid="posts"
          locale={{ emptyText: t('pc.person.sectionEmpty') }}
          columns={[
            { title: t('pc.post.name'), dataIndex: 'name' },
            {
              title: t('pc.class'),
              dataIndex: 'personClass',
              render: (v: PersonRecord['posts'][number]['personClass']) => l(PERSON_CLASS_LABELS[v]),
            },
            { title: t('pc.keySite'), dataIndex: 'keySiteName', render: (v: string | null) => v ?? '—' },
            { title: t('pc.post.since'), dataIndex: 'since' },
            {
              title: t('pc.post.leftOn'),
              dataIndex: 'leftOn',
              render: (v: string | null) => v ?? <Tag color="green">{t('pc.post.open')}</Tag>,
            },
            ...(mayWrite
              ? [
                  {
                    title: '',
                    key: 'act',
                    render: (_: unknown, p: PersonRecord['posts'][number]) =>
                      p.leftOn === null && (
                        <Button
                          size="small"
                          onClick={() => setAction({ kind: 'changePost', postId: p.id })}
                          data-testid="act-changePost"
                        >
                          {t('pc.post.change')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {open.length > 1 && (
          <Typography.Text type="secondary">
            {r.personClass && `${t('pc.class')}：${l(PERSON_CLASS_LABELS[r.personClass])}`}
          </Typography.Text>
        )}
      </Card>

      <Card size="small" title={t('pc.person.vettings')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={r.vettings}
          data-testid="vettings"
          locale={{ emptyText: t('pc.person.sectionEmpty') }}
          columns={[
            { title: t('pc.vetting.on'), dataIndex: 'vettedOn' },
            {
              title: t('pc.vetting.result'),
              dataIndex: 'result',
              render: (v: PersonRecord['vettings'][number]['result']) => l(VETTING_RESULT_LABELS[v]),
            },
            { title: t('pc.vetting.reviewer'), dataIndex: 'reviewer' },
            {
              title: t('pc.vetting.forClass'),
              dataIndex: 'personClass',
              render: (v: PersonRecord['vettings'][number]['personClass']) => l(PERSON_CLASS_LABELS[v]),
            },
            {
              title: t('pc.vetting.forClearance'),
              dataIndex: 'clearance',
              render: (v: PersonRecord['vettings'][number]['clearance']) => l(CLEARANCE_LABELS[v]),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('pc.person.facts')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={r.facts}
          data-testid="facts"
          locale={{ emptyText: t('pc.person.sectionEmpty') }}
          columns={[
            {
              title: t('pc.fact.condition'),
              dataIndex: 'condition',
              render: (v: PersonRecord['facts'][number]['condition']) => l(ELIGIBILITY_CONDITION_LABELS[v]),
            },
            { title: t('pc.fact.since'), dataIndex: 'since' },
            { title: t('pc.fact.until'), dataIndex: 'until', render: (v: string | null) => v ?? '—' },
            {
              title: '',
              key: 'holds',
              render: (_: unknown, f: PersonRecord['facts'][number]) =>
                f.holds ? <Tag color="red">{t('pc.fact.holds')}</Tag> : <Tag>{t('pc.fact.ended')}</Tag>,
            },
            { title: t('pc.fact.note'), dataIndex: 'note' },
            ...(mayWrite
              ? [
                  {
                    title: '',
                    key: 'act',
                    render: (_: unknown, f: PersonRecord['facts'][number]) =>
                      f.until === null &&
                      !PERMANENT_ELIGIBILITY_CONDITIONS.includes(f.condition) && (
                        <Button
                          size="small"
                          onClick={() => setAction({ kind: 'endFact', factId: f.id })}
                          data-testid="act-endFact"
                        >
                          {t('pc.fact.end')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {personSections.map((s) => (
        <Card
          key={s.key}
          size="small"
          title={t(s.label as MessageKey)}
          style={{ marginTop: 16 }}
          data-testid={`section-${s.key}`}
        >
          <Suspense fallback={<Spin />}>
            <s.component personId={r.person.id} canWrite={mayWrite} />
          </Suspense>
        </Card>
      ))}

      <Card size="small" title={t('pc.person.timeline')} style={{ marginTop: 16 }}>
        {tl.data && tl.data.items.length === 0 ? (
          <Empty description={t('pc.person.timelineEmpty')} />
        ) : (
          <Timeline
            data-testid="timeline"
            items={(tl.data?.items ?? []).map((x, i) => ({
              key: `${x.on}-${i}`,
              children: (
                <div data-testid="timeline-entry" data-kind={x.kind}>
                  <Typography.Text type="secondary">{x.on.slice(0, 10)} </Typography.Text>
                  {x.href ? <Link to={x.href}>{l(x)}</Link> : l(x)}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {action && (
        <CoreActionModal
          personId={r.person.id}
          record={r}
          action={action}
          onClose={() => setAction(null)}
          onDone={(next) => {
            setAction(null);
            setRefusal(null);
            setFresh(next);
            message.success(t('pc.saved'));
            void tl.reload();
          }}
          onRefused={(e) => {
            setAction(null);
            setRefusal(e);
          }}
        />
      )}
    </PageCard>
  );
}
