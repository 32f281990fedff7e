// 岗位变动移交: the registry hands over everything a person keeps or holds before his post changes — the
// itemised list with its count, the receiver, the printed list both sign (PDF), then the registration
// (the server checks the whole list, the count, both signatures and the receiver's clearance). Until
// then the people module refuses to move him (the post-closing check).
import { Alert, App, Button, Card, Checkbox, Descriptions, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { Carrier } from './api.ts';
import { MarkingTag, personOptions, StatusTag, useDirectory } from './shared.tsx';
import { stepsApi } from './stepsApi.ts';

export function HandoverPage() {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const dir = useDirectory();
  const [fromId, setFromId] = useState<string | undefined>();
  const [toId, setToId] = useState<string | undefined>();
  const [signedFrom, setSignedFrom] = useState(false);
  const [signedTo, setSignedTo] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const custody = useLoad(() => (fromId ? stepsApi.custody(fromId) : Promise.resolve(null)), [fromId]);
  const items = custody.data?.items ?? [];
  const out = items.filter((c) => c.status !== 'in_registry');
  const people = personOptions(dir.data);
  const reset = () => {
    setSignedFrom(false);
    setSignedTo(false);
    setRefusal(null);
  };
  const submit = async () => {
    if (!fromId || !toId || !custody.data) return;
    setBusy(true);
    try {
      const r = await stepsApi.handover({
        fromPersonId: fromId,
        toPersonId: toId,
        carrierIds: items.map((c) => c.id),
        count: custody.data.count,
        signedByFrom: signedFrom,
        signedByTo: signedTo,
      });
      message.success(t('car.handover.done').replace('{count}', String(r.count)));
      reset();
      await custody.reload();
    } catch (e) {
      if (e instanceof ApiError) setRefusal(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageCard title={t('car.handover.title')} description={t('car.handover.hint')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t('car.handover.from')}
          value={fromId}
          onChange={(v) => {
            setFromId(v);
            reset();
          }}
          options={people}
          style={{ width: 240 }}
          data-testid="handover-from"
        />
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t('car.handover.to')}
          value={toId}
          onChange={(v) => {
            setToId(v);
            reset();
          }}
          options={people.filter((p) => p.value !== fromId)}
          style={{ width: 240 }}
          data-testid="handover-to"
        />
        <Space>
          {t('car.basis')}：<Citation rule="R-CAR-08" />
        </Space>
      </Space>
      {custody.error ? <ErrorAlert error={custody.error} /> : null}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          style={{ marginBottom: 16 }}
          data-testid="refusal"
          title={l(refusal)}
          description={
            refusal.rule ? (
              <Space>
                {t('car.basis')}：<Citation rule={refusal.rule} />
              </Space>
            ) : undefined
          }
        />
      )}
      {fromId && custody.data && (
        <>
          <Descriptions bordered size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('car.handover.from')}>
              {people.find((p) => p.value === fromId)?.label}
            </Descriptions.Item>
            <Descriptions.Item label={t('car.handover.to')}>
              {people.find((p) => p.value === toId)?.label ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('car.handover.count')}>
              <Tag color={custody.data.count ? 'orange' : 'green'} data-testid="handover-count">
                {custody.data.count}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          {out.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('car.handover.outFirst')} />
          )}
          {custody.data.count === 0 ? (
            <Alert type="success" showIcon title={t('car.handover.empty')} data-testid="handover-empty" />
          ) : (
            <Card size="small" title={t('car.handover.items')}>
              <Table<Carrier>
                size="small"
                rowKey="id"
                loading={custody.loading}
                dataSource={items}
                pagination={false}
                data-testid="handover-items"
                columns={[
                  { title: '序号', key: 'n', render: (_: unknown, _c, i) => i + 1, width: 60 },
                  {
                    title: t('car.copyNumber'),
                    dataIndex: 'copyNumber',
                    render: (v: string | null) => v ?? '—',
                  },
                  { title: t('car.docNumber'), dataIndex: 'docNumber', render: (v: string) => v || '—' },
                  {
                    title: t('car.title'),
                    dataIndex: 'title',
                    render: (v: string, c) => <Link to={`/carriers/${c.id}`}>{v}</Link>,
                  },
                  {
                    title: t('car.marking'),
                    key: 'm',
                    render: (_: unknown, c) => <MarkingTag text={c.markingText} />,
                  },
                  {
                    title: t('car.status'),
                    key: 's',
                    render: (_: unknown, c) => <StatusTag status={c.status} text={c.statusText} />,
                  },
                ]}
              />
              <Space style={{ marginTop: 12 }} wrap>
                <Button
                  href={stepsApi.handoverPdfUrl(fromId, toId)}
                  target="_blank"
                  data-testid="handover-print"
                >
                  {t('car.handover.print')}
                </Button>
                <Checkbox
                  checked={signedFrom}
                  onChange={(e) => setSignedFrom(e.target.checked)}
                  data-testid="handover-signed-from"
                >
                  {t('car.handover.signedFrom')}
                </Checkbox>
                <Checkbox
                  checked={signedTo}
                  onChange={(e) => setSignedTo(e.target.checked)}
                  data-testid="handover-signed-to"
                >
                  {t('car.handover.signedTo')}
                </Checkbox>
                <Button
                  type="primary"
                  loading={busy}
                  disabled={!toId || !signedFrom || !signedTo}
                  onClick={() => void submit()}
                  data-testid="handover-submit"
                >
                  {t('car.handover.submit')}
                </Button>
              </Space>
            </Card>
          )}
        </>
      )}
    </PageCard>
  );
}
