// 导入涉密载体台账: choose the .xlsx (the template is downloadable), preview (the server checks every
// row: marking, copy number, date, custodian, duplicates) with the errors row by row, then import —
// possible only when no row has an error; the server checks the same file again and writes all rows or
// none. The file stays in the browser between the two steps (nothing is kept on the server, D75).
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_LIMITS } from '@baomi/domain';
import { Alert, App, Button, Result, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { formatTime } from '../../app/time.ts';
import { type ImportPreview, type ImportPreviewRow, type ImportResult, importApi } from './importApi.ts';

export function ImportPage() {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (f: File) => {
    setFile(f);
    setPreview(null);
    setResult(null);
    setError(null);
    setBusy(true);
    try {
      setPreview(await importApi.preview(f));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const r = await importApi.commit(file, preview.sha256);
      setResult(r);
      message.success(t('car.import.done', { count: r.count, batches: r.batches }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };
  const step = result ? 2 : preview ? 1 : 0;

  return (
    <PageCard title={t('car.import.title')} description={t('car.import.hint')} breadcrumb={<Breadcrumbs />}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Steps
          current={step}
          items={[
            { title: t('car.import.step1') },
            { title: t('car.import.step2') },
            { title: t('car.import.step3') },
          ]}
        />
        {result ? (
          <Result
            status="success"
            title={t('car.import.done', { count: result.count, batches: result.batches })}
            subTitle={`${t('car.import.sha')}（SHA-256）：${result.sha256}`}
            extra={[
              <Link key="ledger" to="/carriers">
                <Button type="primary">{t('car.import.toLedger')}</Button>
              </Link>,
              <Button key="again" onClick={reset}>
                {t('car.import.again')}
              </Button>,
            ]}
            data-testid="import-done"
          />
        ) : (
          <>
            <Space wrap>
              <Button icon={<DownloadOutlined />} href={importApi.templateUrl} data-testid="import-template">
                {t('car.import.template')}
              </Button>
              <Typography.Text type="secondary">
                {t('car.import.templateHint', {
                  rows: IMPORT_LIMITS.maxRows,
                  mb: IMPORT_LIMITS.maxBytes / 1024 / 1024,
                })}
              </Typography.Text>
            </Space>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(f) => {
                void run(f);
                return false;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('car.import.choose')}</p>
            </Upload.Dragger>
            <ErrorAlert error={error} data-testid="import-error" />
            {preview && (
              <>
                <Alert
                  type={preview.invalid > 0 ? 'error' : 'success'}
                  showIcon
                  data-testid="import-summary"
                  title={t('car.import.summary', {
                    file: preview.fileName,
                    rows: preview.rows,
                    valid: preview.valid,
                    invalid: preview.invalid,
                    batches: preview.batches,
                  })}
                  description={
                    <Space orientation="vertical" size={0}>
                      <span>{preview.invalid > 0 ? t('car.import.hasErrors') : t('car.import.ready')}</span>
                      {preview.truncated && <span>{t('car.import.truncated')}</span>}
                      <Typography.Text type="secondary">
                        {t('car.import.shown', { n: 200 })}；{t('car.import.sha')}（SHA-256）：
                        {preview.sha256}
                      </Typography.Text>
                    </Space>
                  }
                />
                {preview.importedBefore && (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="import-before"
                    title={t('car.import.before', {
                      at: formatTime(preview.importedBefore.at),
                      who: preview.importedBefore.registrarName,
                    })}
                  />
                )}
                <Table<ImportPreviewRow>
                  size="small"
                  rowKey="row"
                  dataSource={preview.items}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  scroll={{ x: 1100 }}
                  data-testid="import-rows"
                  rowClassName={(r) => (r.ok ? '' : 'import-row-error')}
                  columns={[
                    { title: t('car.import.row'), dataIndex: 'row', width: 64 },
                    {
                      title: t('car.import.result'),
                      key: 'errors',
                      width: 340,
                      render: (_: unknown, r) =>
                        r.ok ? (
                          <Tag color="green">{t('car.import.ok')}</Tag>
                        ) : (
                          <Space orientation="vertical" size={2} data-testid="import-row-errors">
                            {r.errors.map((e) => (
                              <Typography.Text key={`${e.code}-${e.field ?? ''}`} type="danger">
                                {l(e)}
                              </Typography.Text>
                            ))}
                          </Space>
                        ),
                    },
                    { title: t('car.title'), dataIndex: 'title', ellipsis: true },
                    { title: t('car.docNumber'), dataIndex: 'docNumber', width: 150 },
                    { title: t('car.sender'), dataIndex: 'sender', width: 120 },
                    { title: t('car.marking'), dataIndex: 'marking', width: 120 },
                    { title: t('car.copyNumber'), dataIndex: 'copyNumber', width: 80 },
                    { title: t('car.custodian'), dataIndex: 'custodianName', width: 90 },
                    { title: t('car.issueDate'), dataIndex: 'issueDate', width: 110 },
                  ]}
                />
                <Space>
                  <Button
                    type="primary"
                    disabled={preview.invalid > 0 || !!preview.importedBefore || busy}
                    loading={busy}
                    onClick={() => void commit()}
                    data-testid="import-confirm"
                  >
                    {t('car.import.confirm')}
                  </Button>
                  <Button onClick={reset}>{t('car.import.again')}</Button>
                </Space>
              </>
            )}
          </>
        )}
      </Space>
    </PageCard>
  );
}
