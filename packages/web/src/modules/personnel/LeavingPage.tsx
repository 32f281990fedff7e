// One leaving (R-PER-06, R-CAR-08): the checklist the server enforces, each item with its action (the
// talk, the exit commitment printed and registered, the carriers handed over in the carriers module,
// the devices counted, access revoked), the approval form to print, and the leader's approval
// registered with its date — refused, with every missing item named, until the list is complete.
import { CheckCircleFilled, CloseCircleFilled, FilePdfOutlined } from '@ant-design/icons';
import { PERSON_CLASS_LABELS } from '@baomi/domain';
import { Alert, App, Button, Descriptions, List, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import {
  ApproveLeavingModal,
  type ItemModalKind,
  LeavingItemModal,
  RegisterCommitmentModal,
} from './LeavingModals.tsx';
import { LeavingStatusTag } from './LeavingsPage.tsx';
import { leavingApi } from './leaving.api.ts';

type Modal = ItemModalKind | 'exit' | 'approve' | null;

export function LeavingPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const d = useLoad(() => leavingApi.detail(id), [id]);
  const [modal, setModal] = useState<Modal>(null);
  const x = d.data;
  if (!x)
    return (
      <PageCard title={t('pl.list.title')}>{<ErrorAlert error={d.error} onRetry={d.reload} />}</PageCard>
    );
  const may = x.abilities.record?.allowed ?? false;
  const done = () => {
    setModal(null);
    message.success(t('pl.saved'));
    d.reload();
  };
  const action = (item: string) => {
    if (!may) return null;
    switch (item) {
      case 'reminder_talk':
        return (
          <Button size="small" onClick={() => setModal('reminder_talk')} data-testid="item-talk">
            {t('pl.talk')}
          </Button>
        );
      case 'exit_commitment':
        return (
          <Space>
            <Button
              size="small"
              icon={<FilePdfOutlined />}
              href={leavingApi.commitmentPdfUrl(x.personId, { kind: 'exit', postId: x.postId })}
              target="_blank"
              data-testid="item-exit-print"
            >
              {t('pl.printExit')}
            </Button>
            {!x.exitCommitmentSignedOn && (
              <Button size="small" onClick={() => setModal('exit')} data-testid="item-exit">
                {t('pl.exitCommitment')}
              </Button>
            )}
          </Space>
        );
      case 'carriers_handed_over':
        return (
          <Link to="/carriers/handover" data-testid="item-carriers">
            {t('pl.carriers')}
          </Link>
        );
      case 'devices_returned':
        return (
          <Button size="small" onClick={() => setModal('devices_returned')} data-testid="item-devices">
            {t('pl.devices')}
          </Button>
        );
      default:
        return (
          <Button size="small" onClick={() => setModal('access_revoked')} data-testid="item-access">
            {t('pl.access')}
          </Button>
        );
    }
  };
  return (
    <PageCard
      breadcrumb={<Breadcrumbs current={x.personName} />}
      title={t('pl.detail.title', { name: x.personName })}
      description={
        <Space wrap>
          <LeavingStatusTag status={x.status} />
          <span>
            {t('pl.basis')}：<Citation rule="R-PER-06" /> <Citation rule="R-CAR-08" />
          </span>
        </Space>
      }
      extra={
        <Space wrap>
          <Button
            icon={<FilePdfOutlined />}
            href={leavingApi.formPdfUrl(x.id)}
            target="_blank"
            data-testid="leaving-pdf"
          >
            {t('pl.printForm')}
          </Button>
          {x.status === 'open' && (
            <AbilityButton
              type="primary"
              ability={x.abilities.approve}
              onClick={() => setModal('approve')}
              data-testid="leaving-approve"
            >
              {t('pl.approve')}
            </AbilityButton>
          )}
          <RefreshButton onRefresh={d.reload} />
        </Space>
      }
    >
      <ErrorAlert error={d.error} onRetry={d.reload} />
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} bordered data-testid="leaving-facts">
        <Descriptions.Item label={t('pl.person')}>
          <Link to={`/personnel/${x.personId}`}>{x.personName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('pl.department')}>{x.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pl.post')}>{x.postName}</Descriptions.Item>
        <Descriptions.Item label={t('pl.class')}>{l(PERSON_CLASS_LABELS[x.personClass])}</Descriptions.Item>
        <Descriptions.Item label={t('pl.since')}>{x.postSince}</Descriptions.Item>
        <Descriptions.Item label={t('pl.startedOn')}>{x.startedOn}</Descriptions.Item>
        <Descriptions.Item label={t('pl.reason')}>{x.reason || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pl.approvedOn')}>
          {x.approvedOn ? `${x.approvedOn}（${x.approverName ?? ''}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('pl.coolingOff')}>
          <span data-testid="leaving-cooling">
            {x.coolingOffStart
              ? `${x.coolingOffStart} 至 ${x.coolingOffEnd}（${x.coolingOffMonths}个月）`
              : `${x.defaultMonths}个月`}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <List
        style={{ marginTop: 16 }}
        header={<strong>{t('pl.checklist')}</strong>}
        bordered
        dataSource={x.checklist}
        data-testid="leaving-checklist"
        renderItem={(c) => (
          <List.Item
            data-testid={`check-${c.item}`}
            data-done={c.done ? 'yes' : 'no'}
            actions={x.status === 'open' ? [action(c.item)].filter(Boolean) : []}
          >
            <Space>
              {c.done ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )}
              <span>{l(c)}</span>
              {c.item === 'reminder_talk' && x.reminderTalkOn && <span>（{x.reminderTalkOn}）</span>}
              {c.item === 'exit_commitment' && x.exitCommitmentSignedOn && (
                <span>（{x.exitCommitmentSignedOn}）</span>
              )}
              {c.item === 'access_revoked' && x.accessRevokedOn && <span>（{x.accessRevokedOn}）</span>}
            </Space>
          </List.Item>
        )}
      />
      {x.postClosing.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          title={t('pl.postClosing')}
          description={x.postClosing.map((p) => l(p)).join('；')}
        />
      )}
      {modal === 'approve' && (
        <ApproveLeavingModal
          leavingId={x.id}
          defaultMonths={x.defaultMonths}
          onClose={() => setModal(null)}
          onDone={done}
        />
      )}
      {modal === 'exit' && (
        <RegisterCommitmentModal
          personId={x.personId}
          kind="exit"
          postId={x.postId}
          postName={x.postName}
          year={null}
          onClose={() => setModal(null)}
          onDone={done}
        />
      )}
      {(modal === 'reminder_talk' || modal === 'devices_returned' || modal === 'access_revoked') && (
        <LeavingItemModal leavingId={x.id} item={modal} onClose={() => setModal(null)} onDone={done} />
      )}
    </PageCard>
  );
}
